"""pembinaan's part of a personal-data erasure: what people wrote about the pegawai
(feedback, notes, reasons, one-to-one session topics) and their notifications. The rows
stay (aggregates count them). ``kinerja_link.personal_data`` orchestrates."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from foundation.personal_data import delete_files_on_commit
from kinerja_link.models import Pegawai

from .models import (
    Assignment,
    BuktiDukung,
    CoachAppointment,
    Feedback,
    Notification,
    PembinaanSession,
    Recommendation,
    RencanaAksi,
    RencanaAksiKomentar,
    SessionEvaluation,
    SessionKind,
    SkpEvidence,
)

if TYPE_CHECKING:
    from accounts.models import User


def _one_to_one_sessions_erase(pegawai: Pegawai) -> int:
    # A session with them alone is about them; a group session is about the group.
    alone = [
        session.pk
        for session in PembinaanSession.objects.filter(participants=pegawai).prefetch_related(
            "participants"
        )
        if len(session.participants.all()) == 1
    ]
    count = PembinaanSession.objects.filter(pk__in=alone).update(topics="", agreed_actions="")
    # Their evidence for such a session is titled "<kind>: <first line of the topics>".
    by_kind: dict[str, list[int]] = defaultdict(list)
    for pk, kind in PembinaanSession.objects.filter(pk__in=alone).values_list("pk", "kind"):
        by_kind[kind].append(pk)
    for kind, ids in by_kind.items():
        SkpEvidence.objects.filter(session_id__in=ids).update(title=str(SessionKind(kind).label))
    return count


def pembinaan_personal_data_erase(pegawai: Pegawai, user: User) -> dict[str, int]:
    return {
        "umpan_balik": Feedback.objects.filter(pegawai=pegawai).update(text=""),
        "penugasan": Assignment.objects.filter(pegawai=pegawai).update(
            note="", cancelled_reason=""
        ),
        "rekomendasi": Recommendation.objects.filter(pegawai=pegawai).update(dismissed_reason=""),
        "sesi": _one_to_one_sessions_erase(pegawai),
        # Their B.1.8 feedback on sessions and the note on their appointment are about them.
        "umpan_balik_sesi": SessionEvaluation.objects.filter(pegawai=pegawai).update(
            tindak_lanjut="", saran=""
        ),
        "penunjukan_mentor": CoachAppointment.objects.filter(mentee=pegawai).update(note=""),
        "notifikasi": Notification.objects.filter(user=user).delete()[0],
        **_rencana_aksi_erase(pegawai),
    }


def _rencana_aksi_erase(pegawai: Pegawai) -> dict[str, int]:
    """Their plans and the dialog about them lose their text; their bukti dukung (files
    of their work, links) go, files once the erasure commits. The rows of the plans stay."""
    rencana = RencanaAksi.objects.filter(skp__pegawai=pegawai)
    bukti = BuktiDukung.objects.filter(rencana_aksi__in=rencana)
    delete_files_on_commit(b.file for b in bukti if b.file)
    return {
        "bukti_dukung": bukti.delete()[0],
        "dialog_kinerja": RencanaAksiKomentar.objects.filter(rencana_aksi__in=rencana).update(
            text=""
        ),
        "rencana_aksi": rencana.update(text="", realisasi=""),
    }
