from wagtail import hooks
from wagtail.permissions import register_permission_policy

from learning.scopes import PENGELOLA_SCOPE_HOOK

from .learning_scope import unit_subtree_scope
from .models import Evaluasi, ImportJob
from .viewsets import KinerjaViewSetGroup, NoTypingPolicy, UploadOnlyPolicy

register_permission_policy(Evaluasi, NoTypingPolicy(Evaluasi))
register_permission_policy(ImportJob, UploadOnlyPolicy(ImportJob))
# Learning's seams (docs/learning.md, "Hooks"): a pengelola sees their unit subtree.
hooks.register(PENGELOLA_SCOPE_HOOK, unit_subtree_scope)


@hooks.register("register_admin_viewset")
def register_kinerja_viewsets():
    return KinerjaViewSetGroup()
