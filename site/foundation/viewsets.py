"""The task outbox in the admin: read-only, for superusers, so failed enqueues are seen."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.permission_policies.base import BasePermissionPolicy

from .admin_viewsets import ModelViewSet
from .models import OutboxMessage


class SuperuserReadOnlyPolicy(BasePermissionPolicy):
    """Superusers may look; nobody may add, change or delete through the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class OutboxViewSet(ModelViewSet):
    model = OutboxMessage
    name = "antrean_tugas"
    url_prefix = "antrean-tugas"
    icon = "resubmit"
    menu_label = _("Antrean tugas")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "task_name",
        "args",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "request_id",
    ]
    list_filter = ["task_name", "final_state"]
    search_fields = ["task_name", "last_error", "request_id"]
    form_fields = ["task_name"]  # no form is ever shown: nobody may add or change
