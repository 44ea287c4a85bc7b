"""The connector's admin screen and its permission policy: pushes are written by the
connector only, never edited in the admin."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from foundation.permission_policies import WRITE_ACTIONS, ServiceWrittenPolicy

from .models import SiasnPush
from .viewsets import SiasnPushViewSet

register_permission_policy(SiasnPush, ServiceWrittenPolicy(SiasnPush, forbidden=WRITE_ACTIONS))


@hooks.register("register_admin_viewset")
def register_siasn_viewset():
    return SiasnPushViewSet()
