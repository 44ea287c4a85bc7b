"""The task outbox in the admin: read-only, for superusers, so failed enqueues are seen."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .admin_viewsets import ModelViewSet
from .models import OutboxMessage


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
