from wagtail import hooks
from wagtail.permissions import register_permission_policy

from foundation.permission_policies import ServiceWrittenPolicy, SuperuserOnlyPolicy
from learning.scopes import PENGELOLA_SCOPE_HOOK

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
    return KinerjaViewSetGroup()
