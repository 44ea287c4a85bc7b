from wagtail import hooks
from wagtail.permissions import register_permission_policy

from foundation.permission_policies import ServiceWrittenPolicy, SuperuserOnlyPolicy
from foundation.personal_data import PERSONAL_TEXT_COLUMNS_HOOK
from learning.scopes import PENGELOLA_SCOPE_HOOK

from .choosers import CHOOSERS
from .learning_scope import unit_subtree_scope
from .models import Evaluasi, ImportJob, PengelolaScope
from .viewsets import KinerjaViewSetGroup

# The predikat is computed and jobs are run: evaluations are never typed in, jobs are
# uploaded and confirmed, never edited.
register_permission_policy(Evaluasi, ServiceWrittenPolicy(Evaluasi, forbidden={"add", "change"}))
register_permission_policy(ImportJob, ServiceWrittenPolicy(ImportJob, forbidden={"change"}))
# Who manages whom is for superusers alone (kinerja_link.scope).
register_permission_policy(PengelolaScope, SuperuserOnlyPolicy(PengelolaScope))
# Learning's seams (docs/learning.md, "Hooks"): a pengelola sees the units they manage.
hooks.register(PENGELOLA_SCOPE_HOOK, unit_subtree_scope)


@hooks.register("register_admin_viewset")
def register_kinerja_viewsets():
    # The choosers also become the widget of every admin form's foreign key to their model;
    # first, so that viewsets building their form class on registration already use them.
    return [*CHOOSERS, KinerjaViewSetGroup()]


@hooks.register(PERSONAL_TEXT_COLUMNS_HOOK)
def kinerja_personal_text_columns():
    # An import job keeps its rows and row errors, which name the pegawai of each row.
    return [(ImportJob, ("original_name", "rows", "errors", "message"))]
