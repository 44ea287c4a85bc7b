from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from foundation.permission_policies import WRITE_ACTIONS, ServiceWrittenPolicy
from foundation.personal_data import PERSONAL_TEXT_COLUMNS_HOOK
from learning.models import Certificate, LearningRecord
from learning.viewsets import CertificateViewSet, LearningRecordViewSet

# Ledger rows and certificates are written only by services: the admin lists, inspects and
# exports them, so every change keeps its audit trail and one record per enrolment.
for model in (LearningRecord, Certificate):
    register_permission_policy(model, ServiceWrittenPolicy(model, forbidden=WRITE_ACTIONS))


@hooks.register("register_admin_viewset")
def register_learning_record_viewset():
    return LearningRecordViewSet("learning_records")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("learning_certificates")


@hooks.register("register_log_actions")
def register_learning_log_actions(actions):
    actions.register_action("learning.enrolment.create", _("Daftar kursus"), _("Mendaftar kursus"))
    actions.register_action(
        "learning.lesson.complete", _("Pelajaran selesai"), _("Menandai pelajaran selesai")
    )
    actions.register_action(
        "learning.enrolment.complete", _("Kursus selesai"), _("Menyelesaikan kursus")
    )
    actions.register_action(
        "learning.record.create", _("Catatan JP"), _("Menambah catatan pelatihan")
    )
    actions.register_action(
        "learning.reaction.submit", _("Survei reaksi"), _("Mengisi survei reaksi kursus")
    )
    actions.register_action(
        "learning.record.verify", _("Verifikasi JP"), _("Memverifikasi catatan pelatihan")
    )
    actions.register_action("learning.record.reject", _("Tolak JP"), _("Menolak catatan pelatihan"))
    actions.register_action(
        "learning.certificate.issue", _("Sertifikat terbit"), _("Menerbitkan sertifikat")
    )
    actions.register_action(
        "learning.certificate.render", _("PDF sertifikat dibuat"), _("Membuat PDF sertifikat")
    )
    actions.register_action(
        "learning.certificate.revoke", _("Cabut sertifikat"), _("Mencabut sertifikat")
    )


@hooks.register(PERSONAL_TEXT_COLUMNS_HOOK)
def learning_personal_text_columns():
    # "Coaching bersama <nama>": a session's JP row names the pimpinan.
    from .models import LearningRecord

    return [(LearningRecord, ("title", "institution"))]
