"""Erase (pseudonymise) a departed pegawai on request, UU 27/2022 art. 8 and 43.

What goes: name, NIP, e-mail, username, sign-in details, sessions, second-factor devices,
API tokens, the admin profile and its photo, free text about the person (feedback they
received, perilaku notes, assignment notes, expectations, essay answers and grader
comments, rejection reasons), uploaded proofs and certificate PDFs, their notifications,
and every copy of their name, NIP or e-mail in other rows (``scrub.SWEPT_COLUMNS``).

What stays, under the pseudonym "Pegawai terhapus #<id>": the rows that aggregates count
(evaluations and their predikat, JP ledger rows, enrolments and completions, quiz scores,
sessions, evidence, competency progress) and the certificates, whose public check still
says "genuine" with the holder shown as erased and no NIP. The audit trail keeps that the
erasure happened (actor, reason) and the entries about the person lose their strings.

Idempotent: a second call finds the pseudonymised account and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Revision

from accounts.models import AuthEvent
from accounts.throttling import digests_of
from foundation.audit.guard import audit_erasure
from learning.models import Certificate, LearningRecord
from learning.quiz.models import QuizAnswer
from learning.quiz.types import QuestionType

from .. import perilaku_catatan
from ..models import ApiToken, Evaluasi, Pegawai, PerilakuEkspektasi
from ..pembinaan.models import (
    Assignment,
    Feedback,
    Notification,
    PembinaanSession,
    Recommendation,
    SkpEvidence,
)
from ..services import pimpinan_group_sync
from .export import EXPORT_ACTION, audit_entries_filter, personal_data_collect
from .scrub import ERASED_TEXT, Identity, strip_strings, sweep_everywhere

ERASE_ACTION = "kinerja_link.personal_data.erase"
PDP_ACTIONS = (EXPORT_ACTION, ERASE_ACTION)


def pseudonym_for(pegawai: Pegawai) -> str:
    return f"Pegawai terhapus #{pegawai.pk}"


def erased_username(user) -> str:
    """Unique (it carries the user id) and never a NIP or an e-mail address."""
    return f"terhapus-{user.pk}"


def is_erased(pegawai: Pegawai) -> bool:
    return pegawai.user.username == erased_username(pegawai.user)


@dataclass
class ErasureResult:
    pegawai: Pegawai
    already_erased: bool = False
    counts: dict[str, int] = field(default_factory=dict)


def _end_sessions(user) -> int:
    """Delete the user's sessions (the unusable password would also void them)."""
    mine = [
        session.pk
        for session in Session.objects.iterator()
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk)
    ]
    return Session.objects.filter(pk__in=mine).delete()[0]


def _delete_files_on_commit(files) -> None:
    names = [(f.storage, f.name) for f in files if f]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])


def _erase_free_text(pegawai: Pegawai, user) -> dict[str, int]:
    counts = {}
    evaluasi = list(Evaluasi.objects.filter(pegawai=pegawai))
    for row in evaluasi:
        row.perilaku_catatan = perilaku_catatan.without_text(row.perilaku_catatan)
    Evaluasi.objects.bulk_update(evaluasi, ["perilaku_catatan"])
    counts["catatan_perilaku"] = len(evaluasi)
    counts["umpan_balik"] = Feedback.objects.filter(pegawai=pegawai).update(text="")
    counts["penugasan"] = Assignment.objects.filter(pegawai=pegawai).update(
        note="", cancelled_reason=""
    )
    counts["rekomendasi"] = Recommendation.objects.filter(pegawai=pegawai).update(
        dismissed_reason=""
    )
    counts["ekspektasi"] = PerilakuEkspektasi.objects.filter(skp__pegawai=pegawai).update(
        ekspektasi=""
    )
    # A session with them alone is about them; a group session is about the group.
    alone = [
        session.pk
        for session in PembinaanSession.objects.filter(participants=pegawai).prefetch_related(
            "participants"
        )
        if len(session.participants.all()) == 1
    ]
    counts["sesi"] = PembinaanSession.objects.filter(pk__in=alone).update(
        topics="", agreed_actions=""
    )
    # Their evidence for such a session is titled "<kind>: <first line of the topics>".
    evidence = list(SkpEvidence.objects.filter(session_id__in=alone).select_related("session"))
    for row in evidence:
        row.title = str(row.session.get_kind_display())
    SkpEvidence.objects.bulk_update(evidence, ["title"])
    counts["jawaban_esai"] = _erase_essays(user)
    return counts


def _erase_essays(user) -> int:
    """Essay texts and grader comments go; choices and short answers stay, so a regrade
    after a question is corrected still gives the same score."""
    answers = list(QuizAnswer.objects.filter(attempt__user=user).select_related("attempt"))
    revision_of = {
        answer.pk: entry.get("revision")
        for answer in answers
        for entry in answer.attempt.layout
        if entry.get("slot") == answer.slot
    }
    qtype_of = dict(
        Revision.objects.filter(pk__in=set(revision_of.values())).values_list(
            "pk", "content__data__qtype"
        )
    )
    essays = [a for a in answers if qtype_of.get(revision_of.get(a.pk)) == QuestionType.ESSAY]
    for answer in essays:
        answer.response = None
    for answer in answers:
        answer.grader_comment = ""
    QuizAnswer.objects.bulk_update(answers, ["response", "grader_comment"], batch_size=500)
    return len(essays)


def _erase_files_and_copies(user, pseudonym: str) -> dict[str, int]:
    records = list(LearningRecord.objects.filter(user=user))
    _delete_files_on_commit(record.proof for record in records)
    for record in records:
        record.proof = ""
        record.certificate_number = ""
        if record.rejection_reason:
            record.rejection_reason = ERASED_TEXT  # a rejection must keep a reason
    LearningRecord.objects.bulk_update(records, ["proof", "certificate_number", "rejection_reason"])
    certificates = list(Certificate.objects.filter(user=user))
    _delete_files_on_commit(certificate.pdf for certificate in certificates)
    for certificate in certificates:
        certificate.holder_name, certificate.holder_nip, certificate.pdf = pseudonym, "", ""
    Certificate.objects.bulk_update(certificates, ["holder_name", "holder_nip", "pdf"])
    return {"catatan_pembelajaran": len(records), "sertifikat": len(certificates)}


def _erase_account_traces(user) -> dict[str, int]:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wagtail.admin.models import EditingSession, FormState
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None:
        _delete_files_on_commit([profile.avatar])
        profile.delete()
    return {
        "sesi_masuk": _end_sessions(user),
        "notifikasi": Notification.objects.filter(user=user).delete()[0],
        "perangkat_otp": TOTPDevice.objects.filter(user=user).delete()[0],
        "token_api": ApiToken.objects.filter(user=user).delete()[0]
        + apps.get_model("wagtailcore", "APIToken").objects.filter(user=user).delete()[0],
        "draf_admin": FormState.objects.filter(user=user).delete()[0]
        + EditingSession.objects.filter(user=user).delete()[0],
        "catatan_masuk": user.authevent_set.update(identifier="", ip_address=None, user_agent=""),
    }


def _strip_audit_entries_about(pegawai: Pegawai) -> int:
    condition = audit_entries_filter(personal_data_collect(pegawai=pegawai)["bagian"])
    if condition is None:
        return 0
    entries = list(ModelLogEntry.objects.filter(condition).exclude(action__in=PDP_ACTIONS))
    for entry in entries:
        entry.data = strip_strings(entry.data)
    ModelLogEntry.objects.bulk_update(entries, ["data"], batch_size=500)
    return len(entries)


def _forget_sign_in_digests(user) -> int:
    """Failed sign-ins keep a keyed digest of the account (older rows: of the NIP or e-mail
    typed), the throttle's count: it would still tie those rows to the person, so it goes,
    also on failed attempts that named the account without signing in (no user on the row)."""
    digests = digests_of(user)
    events = AuthEvent.objects.filter(Q(user=user) | Q(account_digest__in=digests))
    return events.exclude(account_digest="").update(account_digest="")


def _pseudonymise_account(pegawai: Pegawai, user, pseudonym: str) -> None:
    user.username = erased_username(user)
    user.display_name = pseudonym
    user.first_name = user.last_name = user.email = ""
    user.nip = None
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    pegawai.jabatan = ""
    pegawai.is_active = False
    pegawai.save(update_fields=["jabatan", "is_active"])


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
        counts = {
            "jejak_audit": _strip_audit_entries_about(pegawai),
            "sidik_masuk": _forget_sign_in_digests(user),
            **_erase_free_text(pegawai, user),
            **_erase_files_and_copies(user, pseudonym),
            **_erase_account_traces(user),
        }
        _pseudonymise_account(pegawai, user, pseudonym)
        counts["salinan_teks"] = sweep_everywhere(identity)
    # The reason is kept, without the person's name or NIP should it quote them.
    log(instance=pegawai, action=ERASE_ACTION, user=by, data={"alasan": identity.replace(reason)})
    pimpinan_group_sync()
    return ErasureResult(pegawai=pegawai, counts=counts)
