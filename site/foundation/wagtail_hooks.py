from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import OutboxMessage
from .permission_policies import SuperuserReadOnlyPolicy
from .viewsets import OutboxViewSet

register_permission_policy(OutboxMessage, SuperuserReadOnlyPolicy(OutboxMessage))


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()


@hooks.register("register_admin_viewset")
def register_audit_trail_viewset():
    from .audit.views import AuditTrailViewSet

    return AuditTrailViewSet()
