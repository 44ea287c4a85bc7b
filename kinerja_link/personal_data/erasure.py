"""Erase (pseudonymise) a departed pegawai on request, UU 27/2022 art. 8 and 43.

What goes: name, NIP, e-mail, username, sign-in details, sessions, second-factor devices,
API tokens, the admin profile and its photo, free text about the person (feedback they
received, perilaku notes, assignment notes, expectations, essay answers and grader
comments, rejection reasons), uploaded proofs and certificate PDFs, their notifications,
and every copy of their name, NIP or e-mail in other rows (the columns each app registers with
``foundation.personal_data.PERSONAL_TEXT_COLUMNS_HOOK``).

What stays, under the pseudonym "Pegawai terhapus #<id>": the rows that aggregates count
(evaluations and their predikat, JP ledger rows, enrolments and completions, quiz scores,
sessions, evidence, competency progress) and the certificates, whose public check still
says "genuine" with the holder shown as erased and no NIP. The audit trail keeps that the
erasure happened (actor, reason) and the entries about the person lose their strings.

Idempotent: a second call finds the pseudonymised account and changes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from accounts.erasure import (
    account_pseudonymise,
    account_traces_erase,
    erased_username,
    sign_in_digests_forget,
)
from foundation.audit.guard import audit_erasure
from learning.erasure import learning_personal_data_erase
from learning.quiz.erasure import quiz_personal_data_erase

from ..erasure import kinerja_personal_data_erase, pegawai_deactivate_erased
from ..models import Pegawai
from ..pembinaan.erasure import pembinaan_personal_data_erase
from ..pengembangan.erasure import pengembangan_personal_data_erase
from ..services import pimpinan_group_sync
from .export import EXPORT_ACTION, audit_entries_filter, personal_data_collect
from .scrub import Identity, strip_strings, sweep_everywhere

ERASE_ACTION = "kinerja_link.personal_data.erase"
PDP_ACTIONS = (EXPORT_ACTION, ERASE_ACTION)


def pseudonym_for(pegawai: Pegawai) -> str:
    return f"Pegawai terhapus #{pegawai.pk}"


def is_erased(pegawai: Pegawai) -> bool:
    return pegawai.user.username == erased_username(pegawai.user)


@dataclass
class ErasureResult:
    pegawai: Pegawai
    already_erased: bool = False
    counts: dict[str, int] = field(default_factory=dict)


def _strip_audit_entries_about(pegawai: Pegawai) -> int:
    condition = audit_entries_filter(personal_data_collect(pegawai=pegawai)["bagian"])
    if condition is None:
        return 0
    entries = list(ModelLogEntry.objects.filter(condition).exclude(action__in=PDP_ACTIONS))
    for entry in entries:
        entry.data = strip_strings(entry.data)
    ModelLogEntry.objects.bulk_update(entries, ["data"], batch_size=500)
    return len(entries)


def _erase_in_every_app(pegawai: Pegawai, user, pseudonym: str) -> dict[str, int]:
    """Each app erases its own rows (one owner per record); the counts are summed per kind."""
    counts: Counter[str] = Counter(
        jejak_audit=_strip_audit_entries_about(pegawai),
        sidik_masuk=sign_in_digests_forget(user),
    )
    for part in (
        kinerja_personal_data_erase(pegawai),
        pembinaan_personal_data_erase(pegawai, user),
        pengembangan_personal_data_erase(pegawai),
        quiz_personal_data_erase(user),
        learning_personal_data_erase(user, pseudonym=pseudonym),
        account_traces_erase(user),
    ):
        counts.update(part)
    return dict(counts)


@transaction.atomic
def pegawai_erase(*, pegawai: Pegawai, by, reason: str) -> ErasureResult:
    """Pseudonymise ``pegawai`` (made inactive if still active); see the module docstring.

    The caller has checked that ``by`` manages the pegawai's unit.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Alasan penghapusan wajib diisi."), code="reason")
    pegawai = Pegawai.objects.select_for_update().select_related("user").get(pk=pegawai.pk)
    if pegawai.user_id == by.pk:
        raise ValidationError(_("Anda tidak dapat menghapus data Anda sendiri."), code="self")
    if is_erased(pegawai):
        return ErasureResult(pegawai=pegawai, already_erased=True)
    user, pseudonym = pegawai.user, pseudonym_for(pegawai)
    identity = Identity.of(user, pseudonym=pseudonym)  # taken before anything changes
    # Audit rows are append-only on PostgreSQL (foundation.audit.guard); an erasure on request is
    # the reviewed exception, and it is itself audited below.
    with audit_erasure():
        counts = _erase_in_every_app(pegawai, user, pseudonym)
        account_pseudonymise(user, pseudonym=pseudonym)
        pegawai_deactivate_erased(pegawai)
        counts["salinan_teks"] = sweep_everywhere(identity)
    # The reason is kept, without the person's name or NIP should it quote them.
    log(instance=pegawai, action=ERASE_ACTION, user=by, data={"alasan": identity.replace(reason)})
    pimpinan_group_sync()
    return ErasureResult(pegawai=pegawai, counts=counts)
