"""Sign-in events in the "Jejak audit" trail, registered as a ``foundation`` audit source."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from foundation.audit.presentation import TrailItem, actor_name
from foundation.audit.sources import AuditSource
from foundation.audit.trail import TrailRow
from foundation.nip_masking import mask_nips

from .models import AuthEvent

SOURCE_KEY = "auth"
ACTION_PREFIX = "accounts.auth."
TARGET_SIGN_IN = "masuk"  # the target-type filter's value for sign-ins


def _rows(kind: str, request_id: str) -> QuerySet:
    queryset = AuthEvent.objects.all()
    if kind:
        queryset = queryset.filter(kind=kind)
    if request_id:
        queryset = queryset.filter(request_id=request_id)
    return queryset


def _present(row: TrailRow) -> TrailItem:
    event = row.entry
    return TrailItem(
        timestamp=row.timestamp,
        actor=actor_name(event.user),
        action=event.get_kind_display(),
        target_type=_("Akun"),
        target=mask_nips(str(event.user) if event.user else event.identifier),
        request_id=row.request_id,
        notes=[(_("Alamat IP"), event.ip_address or "—"), (_("Peramban"), event.user_agent)],
    )


def sign_in_source() -> AuditSource:
    return AuditSource(
        key=SOURCE_KEY,
        target=(TARGET_SIGN_IN, gettext_lazy("Catatan masuk")),
        action_prefix=ACTION_PREFIX,
        time_field="created_at",
        rows=_rows,
        action_choices=lambda: list(AuthEvent.Kind.choices),
        load=lambda: AuthEvent.objects.select_related("user"),
        request_id=lambda event: event.request_id,
        present=_present,
    )
