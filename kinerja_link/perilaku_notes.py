"""Per-value perilaku notes: which BerAKHLAK values a pimpinan flags for pembinaan.

The ratings come from e-Kinerja and are never typed here; the notes are the pimpinan's own
judgement of *which* behaviour needs pembinaan, and they drive the "flagged value" rules.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from wagtail.log_actions import log

from . import events, perilaku_catatan
from .importing.columns import BERAKHLAK
from .models import Evaluasi
from .selectors import team_of

MAX_NOTE_LENGTH = 1000


def editable_by(user, evaluasi: Evaluasi) -> bool:
    """Only the pimpinan whose team the pegawai is in writes their per-value notes."""
    return team_of(user).filter(pk=evaluasi.pegawai_id).exists()


@transaction.atomic
def perilaku_notes_update(
    *, user, evaluasi: Evaluasi, flags: dict[str, bool], notes: dict[str, str]
):
    """Replace the per-value notes; unknown value codes are ignored. Audited with before/after."""
    if not editable_by(user, evaluasi):
        raise PermissionDenied
    evaluasi = (
        Evaluasi.objects.select_for_update(of=("self",))
        .select_related("pegawai__unit")
        .get(pk=evaluasi.pk)
    )
    before = dict(evaluasi.perilaku_catatan or {})
    texts = {code: (notes.get(code) or "").strip()[:MAX_NOTE_LENGTH] for code in BERAKHLAK}
    after = perilaku_catatan.with_edits(BERAKHLAK, flags, texts)
    if after == before:
        return evaluasi
    evaluasi.perilaku_catatan = after
    evaluasi.save(update_fields=["perilaku_catatan", "updated_at"])
    log(
        instance=evaluasi,
        action="wagtail.edit",
        user=user,
        data={"before": {"perilaku_catatan": before}, "after": {"perilaku_catatan": after}},
    )
    # A newly flagged value may call for its course: re-run the rules for this pegawai's
    # unit (idempotent, so values flagged before add nothing twice).
    _recommend(evaluasi)
    return evaluasi


def _recommend(evaluasi: Evaluasi) -> None:
    events.evaluations_changed.send(
        sender=Evaluasi,
        periode_ids=[evaluasi.periode_id],
        scope_paths=(evaluasi.pegawai.unit.path,),
    )
