"""learning's part of a personal-data erasure: uploaded proofs and certificate PDFs go, the
JP ledger rows and certificates stay under the pseudonym (aggregates and the public
certificate check still count them). ``kinerja_link.personal_data`` orchestrates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from foundation.personal_data import ERASED_TEXT, delete_files_on_commit

from .models import Certificate, LearningRecord, ReactionResponse

if TYPE_CHECKING:
    from accounts.models import User


def learning_personal_data_erase(user: User, *, pseudonym: str) -> dict[str, int]:
    records = list(LearningRecord.objects.filter(user=user))
    delete_files_on_commit(record.proof for record in records)
    for record in records:
        record.proof = ""
        record.certificate_number = ""
        if record.rejection_reason:
            record.rejection_reason = ERASED_TEXT  # a rejection must keep a reason
    LearningRecord.objects.bulk_update(records, ["proof", "certificate_number", "rejection_reason"])
    certificates = list(Certificate.objects.filter(user=user))
    delete_files_on_commit(certificate.pdf for certificate in certificates)
    for certificate in certificates:
        certificate.holder_name, certificate.holder_nip, certificate.pdf = pseudonym, "", ""
    Certificate.objects.bulk_update(certificates, ["holder_name", "holder_nip", "pdf"])
    # Survey scores stay (the report averages them); the free-text comment may name people.
    reactions = ReactionResponse.objects.filter(enrolment__user=user).update(comment="")
    return {
        "catatan_pembelajaran": len(records),
        "sertifikat": len(certificates),
        "survei_reaksi": reactions,
    }
