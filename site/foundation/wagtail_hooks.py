from wagtail import hooks
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.permissions import register_permission_policy

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
