from django.utils.translation import gettext_lazy as _

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


@hooks.register("register_log_actions")
def register_personal_data_log_actions(actions):
    from .personal_data.erasure import ERASE_ACTION
    from .personal_data.export import EXPORT_ACTION

    actions.register_action(EXPORT_ACTION, _("Ekspor data pribadi"), _("Mengekspor data pribadi"))
    actions.register_action(
        ERASE_ACTION, _("Hapus data pribadi"), _("Menghapus (memseudonimkan) data pribadi")
    )
