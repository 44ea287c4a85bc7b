from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.permissions import register_permission_policy

from . import deletion
from .models import OutboxMessage
from .permission_policies import SuperuserReadOnlyPolicy
from .personal_data import PERSONAL_TEXT_COLUMNS_HOOK
from .viewsets import OutboxViewSet

register_permission_policy(OutboxMessage, SuperuserReadOnlyPolicy(OutboxMessage))


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()


@hooks.register("register_admin_viewset")
def register_audit_trail_viewset():
    from .audit.views import AuditTrailViewSet

    return AuditTrailViewSet()


@hooks.register(PERSONAL_TEXT_COLUMNS_HOOK)
def foundation_personal_text_columns():
    # Audit labels and data, and a task's arguments or last error, may name anyone.
    return [
        (ModelLogEntry, ("label", "data")),
        (PageLogEntry, ("label", "data")),
        (OutboxMessage, ("args", "kwargs", "last_error")),
    ]


# --- Deletion policy (foundation.deletion) ------------------------------------------------


@hooks.register("before_delete_page")
def refuse_page_deletion_with_records(request, page):
    return deletion.guard(request, [page])


@hooks.register("before_delete_snippet")
def refuse_snippet_deletion_with_records(request, instances):
    return deletion.guard(request, instances)


@hooks.register("before_delete_user")
def refuse_user_deletion_with_records(request, user):
    return deletion.guard(request, [user])


@hooks.register("before_bulk_action")
def refuse_bulk_deletion_with_records(request, action_type, objects, action_class_instance):
    if action_type == "delete":
        return deletion.guard(request, objects)
    return None


@hooks.register("register_log_actions")
def register_deletion_log_action(actions):
    actions.register_action(deletion.RECORD_DELETE, _("Catatan dihapus"), _("Menghapus catatan"))
