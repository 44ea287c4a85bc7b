"""What the platform holds about a person, table by table.

Every foreign key (or one-to-one) from any model to ``accounts.User`` or
``kinerja_link.Pegawai`` is either read by a :class:`Section` below or listed in
``NOT_EXPORTED`` with the reason. ``tests/kinerja_link/personal_data/test_inventory.py``
walks the models, so a new table holding personal data fails the suite until it is
decided here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

# Never exported: hashes and secrets are not "data about the person", and handing them
# out would weaken the account.
SECRET_FIELDS = frozenset({"password", "key", "key_hash", "token_hash", "session_data", "bin_key"})


@dataclass(frozen=True)
class Section:
    """One table (or one way a table links to the person) in the export.

    ``link`` is the lookup from ``model`` to the person; ``by`` says whether it ends at the
    user (``"user"``) or the pegawai (``"pegawai"``). ``fields`` are ``values()`` names;
    empty means every plain column except secrets and JSON blobs (third-party tables).
    ``audit_model`` and ``audit_id`` name the rows whose audit-log entries are "about" the
    person (the entry's object is that model with that id).
    """

    key: str
    title: str
    model: str
    link: str
    by: str = "pegawai"
    fields: tuple[str, ...] = ()
    audit_model: str = ""
    audit_id: str = "id"

    def get_model(self) -> type[models.Model]:
        app_label, model_name = self.model.split(".")
        return apps.get_model(app_label, model_name)

    def value_names(self) -> list[str]:
        if self.fields:
            return list(self.fields)
        return [
            field.attname
            for field in self.get_model()._meta.concrete_fields
            if field.name not in SECRET_FIELDS and not isinstance(field, models.JSONField)
        ]

    def rows(self, *, user, pegawai) -> list[dict]:
        person = user if self.by == "user" else pegawai
        if person is None:
            return []
        manager = self.get_model()._default_manager
        queryset = manager.filter(**{self.link: person.pk}).order_by("pk")
        return list(queryset.values(*self.value_names()))


_ACCOUNT = (
    "id",
    "username",
    "nip",
    "display_name",
    "first_name",
    "last_name",
    "email",
    "is_active",
    "is_staff",
    "is_superuser",
    "date_joined",
    "last_login",
    "reminder_email_opt_out",
)

SECTIONS: tuple[Section, ...] = (
    # --- account and organisation ---------------------------------------------------
    Section("akun", _("Akun"), "accounts.User", "pk", "user", _ACCOUNT, "accounts.User"),
    Section("peran", _("Peran"), "accounts.User_groups", "user", "user", ("group__name",)),
    Section(
        "izin_khusus",
        _("Izin khusus"),
        "accounts.User_user_permissions",
        "user",
        "user",
        ("permission__codename",),
    ),
    Section(
        "pegawai",
        _("Data kepegawaian"),
        "kinerja_link.Pegawai",
        "user",
        "user",
        (
            "id",
            "jabatan",
            "jenis_jabatan",
            "golongan",
            "unit__kode",
            "unit__nama",
            "pejabat_penilai__user__display_name",
            "atasan_pejabat_penilai__user__display_name",
            "is_active",
        ),
        "kinerja_link.Pegawai",
    ),
    # --- kinerja --------------------------------------------------------------------
    Section(
        "skp",
        _("SKP"),
        "kinerja_link.SKP",
        "pegawai",
        "pegawai",
        (
            "id",
            "periode__tahun",
            "pendekatan",
            "status",
            "pejabat_penilai__user__display_name",
            "atasan_pejabat_penilai__user__display_name",
            "dukungan_sumber_daya",
            "skema_pertanggungjawaban",
            "konsekuensi",
        ),
        "kinerja_link.SKP",
    ),
    Section(
        "rhk",
        _("Rencana hasil kerja"),
        "kinerja_link.RencanaHasilKerja",
        "skp__pegawai",
        "pegawai",
        ("id", "skp_id", "jenis", "rhk", "rhk_pimpinan"),
    ),
    Section(
        "aspek_rhk",
        _("Aspek RHK"),
        "kinerja_link.IndikatorRHK",
        "rhk__skp__pegawai",
        "pegawai",
        ("id", "rhk_id", "aspek", "indikator", "target"),
    ),
    Section(
        "ekspektasi_perilaku",
        _("Ekspektasi perilaku"),
        "kinerja_link.PerilakuEkspektasi",
        "skp__pegawai",
        "pegawai",
        ("id", "skp_id", "nilai__code", "ekspektasi"),
    ),
    Section(
        "evaluasi",
        _("Evaluasi kinerja"),
        "kinerja_link.Evaluasi",
        "pegawai",
        "pegawai",
        (
            "id",
            "periode__tahun",
            "periode__jenis",
            "periode__nomor",
            "rating_hasil",
            "rating_perilaku",
            "predikat",
            "predikat_imported",
            "predikat_mismatch",
            "perilaku_catatan",
            "pejabat_penilai__user__display_name",
            "source",
            "created_at",
            "updated_at",
        ),
        "kinerja_link.Evaluasi",
    ),
    Section(
        "bukti_skp",
        _("Bukti dukung SKP"),
        "pembinaan.SkpEvidence",
        "skp__pegawai",
        "pegawai",
        (
            "id",
            "skp__periode__tahun",
            "kind",
            "title",
            "date",
            "jp",
            "rhk_id",
            "certificate__number",
            "created_at",
        ),
        "pembinaan.SkpEvidence",
    ),
    Section(
        "rencana_aksi",
        _("Rencana aksi dan realisasi"),
        "pembinaan.RencanaAksi",
        "skp__pegawai",
        "pegawai",
        (
            "id",
            "skp__periode__tahun",
            "rhk_id",
            "text",
            "target_date",
            "status",
            "decided_at",
            "realisasi",
            "created_at",
        ),
        "pembinaan.RencanaAksi",
    ),
    Section(
        "bukti_dukung_realisasi",
        _("Bukti dukung realisasi"),
        "pembinaan.BuktiDukung",
        "rencana_aksi__skp__pegawai",
        "pegawai",
        ("id", "rencana_aksi_id", "kind", "title", "file_kind", "url", "created_at"),
        "pembinaan.BuktiDukung",
    ),
    Section(
        "dialog_kinerja",
        _("Komentar dialog kinerja yang ditulis"),
        "pembinaan.RencanaAksiKomentar",
        "author",
        "user",
        ("id", "rencana_aksi_id", "text", "created_at"),
    ),
    Section(
        "kemajuan_kompetensi",
        _("Kemajuan kompetensi"),
        "pembinaan.CompetencyProgress",
        "pegawai",
        "pegawai",
        ("competency__code", "competency__name", "evidence_count", "level_reached", "last_date"),
    ),
    # --- pengembangan ---------------------------------------------------------------
    Section(
        "penilaian_kompetensi",
        _("Penilaian level kompetensi"),
        "pengembangan.PenilaianKompetensi",
        "pegawai",
        "pegawai",
        ("id", "competency__code", "competency__name", "source", "level", "date", "note"),
    ),
    Section(
        "rencana_pengembangan",
        _("Rencana pengembangan kompetensi"),
        "pengembangan.RencanaPengembangan",
        "pegawai",
        "pegawai",
        ("id", "tahun", "jabatan", "status", "pimpinan_comment", "submitted_at", "decided_at"),
        "pengembangan.RencanaPengembangan",
    ),
    Section(
        "kegiatan_pengembangan",
        _("Kegiatan pengembangan"),
        "pengembangan.RencanaItem",
        "rencana__pegawai",
        "pegawai",
        (
            "id",
            "rencana_id",
            "gap_kind",
            "competency__code",
            "required_level",
            "current_level",
            "current_source",
            "reason",
            "form",
            "target_jp",
            "start_date",
            "end_date",
        ),
    ),
    Section(
        "penilaian_pascapelatihan",
        _("Penilaian pimpinan setelah pelatihan"),
        "pengembangan.PenilaianPascaPelatihan",
        "pegawai",
        "pegawai",
        (
            "id",
            "enrolment__course__title",
            "competency__name",
            "asked_at",
            "rating",
            "note",
            "answered_at",
        ),
    ),
    # --- pembinaan ------------------------------------------------------------------
    Section(
        "rekomendasi",
        _("Rekomendasi pembinaan"),
        "pembinaan.Recommendation",
        "pegawai",
        "pegawai",
        (
            "id",
            "evaluasi_id",
            "rule__name",
            "course__title",
            "session_kind",
            "reason",
            "priority",
            "status",
            "dismissed_reason",
            "decided_at",
            "created_at",
        ),
        "pembinaan.Recommendation",
    ),
    Section(
        "penugasan",
        _("Penugasan"),
        "pembinaan.Assignment",
        "pegawai",
        "pegawai",
        (
            "id",
            "course__title",
            "assigned_by__display_name",
            "due_date",
            "note",
            "status",
            "created_at",
            "completed_at",
            "cancelled_reason",
        ),
        "pembinaan.Assignment",
    ),
    Section(
        "sesi_diikuti",
        _("Sesi pembinaan yang diikuti"),
        "pembinaan.SessionParticipant",
        "pegawai",
        "pegawai",
        (
            "session_id",
            "session__kind",
            "session__date",
            "session__duration_minutes",
            "session__topics",
            "session__agreed_actions",
            "session__follow_up_date",
            "session__held_by__user__display_name",
        ),
        "pembinaan.PembinaanSession",
        "session_id",
    ),
    # The topics of sessions they led are about the participants: only the facts here.
    Section(
        "sesi_dipimpin",
        _("Sesi pembinaan yang dipimpin"),
        "pembinaan.PembinaanSession",
        "held_by",
        "pegawai",
        ("id", "kind", "date", "duration_minutes", "created_at"),
    ),
    Section(
        "umpan_balik_diterima",
        _("Umpan balik yang diterima"),
        "pembinaan.Feedback",
        "pegawai",
        "pegawai",
        ("id", "kind", "date", "text", "nilai__code", "given_by__user__display_name", "created_at"),
        "pembinaan.Feedback",
    ),
    Section(
        "umpan_balik_diberikan",
        _("Umpan balik yang diberikan"),
        "pembinaan.Feedback",
        "given_by",
        "pegawai",
        ("id", "kind", "date", "created_at"),
    ),
    # Coaches and mentors (issue 16 §2).
    Section(
        "penunjukan_sebagai_mentee",
        _("Coach/mentor yang ditunjuk bagi Anda"),
        "pembinaan.CoachAppointment",
        "mentee",
        "pegawai",
        ("id", "kind", "mentor__user__display_name", "start_date", "end_date", "is_active", "note"),
        "pembinaan.CoachAppointment",
    ),
    Section(
        "penunjukan_sebagai_mentor",
        _("Penunjukan Anda sebagai coach/mentor"),
        "pembinaan.CoachAppointment",
        "mentor",
        "pegawai",
        ("id", "kind", "mentee__user__display_name", "start_date", "end_date", "is_active"),
    ),
    Section(
        "umpan_balik_atas_sesi",
        _("Umpan balik Anda atas sesi (B.1.8)"),
        "pembinaan.SessionEvaluation",
        "pegawai",
        "pegawai",
        ("session_id", "manfaat", "kejelasan", "tindak_lanjut", "saran", "rating", "created_at"),
        "pembinaan.SessionEvaluation",
    ),
    Section(
        "penilaian_kompetensi_sesi",
        _("Penilaian kompetensi setelah sesi (B.1.9)"),
        "pembinaan.CompetencyRating",
        "pegawai",
        "pegawai",
        ("session_id", "competency__code", "level", "date", "rated_by__user__display_name"),
        "pembinaan.CompetencyRating",
    ),
    Section(
        "penilaian_kompetensi_diberikan",
        _("Penilaian kompetensi yang Anda berikan"),
        "pembinaan.CompetencyRating",
        "rated_by",
        "pegawai",
        ("session_id", "date"),
    ),
    Section(
        "notifikasi",
        _("Notifikasi"),
        "pembinaan.Notification",
        "user",
        "user",
        ("id", "title", "body", "url", "mandatory", "created_at", "read_at", "emailed_at"),
    ),
    # --- learning -------------------------------------------------------------------
    Section(
        "pendaftaran_kursus",
        _("Pendaftaran kursus"),
        "learning.Enrolment",
        "user",
        "user",
        ("id", "course__title", "source", "status", "percent", "started_at", "completed_at"),
        "learning.Enrolment",
    ),
    Section(
        "pelajaran_selesai",
        _("Pelajaran selesai"),
        "learning.LessonCompletion",
        "enrolment__user",
        "user",
        ("enrolment_id", "lesson__title", "completed_at"),
    ),
    Section(
        "survei_reaksi",
        _("Survei reaksi kursus"),
        "learning.ReactionResponse",
        "enrolment__user",
        "user",
        ("enrolment_id", "enrolment__course__title", "scores", "comment", "submitted_at"),
    ),
    Section(
        "percobaan_kuis",
        _("Percobaan kuis"),
        "quiz.QuizAttempt",
        "user",
        "user",
        (
            "id",
            "quiz__title",
            "number",
            "state",
            "started_at",
            "submitted_at",
            "points",
            "max_points",
            "score",
            "passed",
        ),
    ),
    Section(
        "jawaban_kuis",
        _("Jawaban kuis"),
        "quiz.QuizAnswer",
        "attempt__user",
        "user",
        ("attempt_id", "slot", "response", "fraction", "grade_state", "grader_comment", "saved_at"),
    ),
    Section(
        "catatan_pembelajaran",
        _("Catatan pembelajaran (JP) dan berkas bukti"),
        "learning.LearningRecord",
        "user",
        "user",
        (
            "id",
            "source",
            "title",
            "institution",
            "jenis_diklat_id",
            "jp",
            "start_date",
            "end_date",
            "certificate_number",
            "proof",
            "verification_status",
            "verified_at",
            "rejection_reason",
            "created_at",
        ),
        "learning.LearningRecord",
    ),
    Section(
        "sertifikat",
        _("Sertifikat"),
        "learning.Certificate",
        "user",
        "user",
        (
            "id",
            "number",
            "uuid",
            "course_title",
            "jp",
            "holder_name",
            "holder_nip",
            "issued_at",
            "revoked_at",
            "revoked_reason",
        ),
        "learning.Certificate",
    ),
    # --- sign-in, integration, administration ---------------------------------------
    Section(
        "catatan_masuk",
        _("Catatan masuk"),
        "accounts.AuthEvent",
        "user",
        "user",
        ("kind", "identifier", "ip_address", "user_agent", "created_at"),
    ),
    Section(
        "perangkat_otp",
        _("Perangkat verifikasi dua langkah"),
        "otp_totp.TOTPDevice",
        "user",
        "user",
    ),
    Section(
        "token_api",
        _("Token API"),
        "kinerja_link.ApiToken",
        "user",
        "user",
        ("name", "prefix", "is_active", "created_at", "last_used_at"),
    ),
    Section(
        "token_api_wagtail",
        _("Token API Wagtail"),
        "wagtailcore.APIToken",
        "user",
        "user",
        ("name", "prefix", "created", "revoked_at", "last_used_at"),
    ),
    Section(
        "impor_diunggah",
        _("Impor evaluasi yang diunggah"),
        "kinerja_link.ImportJob",
        "created_by",
        "user",
        ("id", "original_name", "source", "status", "total_rows", "created_at"),
    ),
    Section(
        "jejak_audit_oleh",
        _("Tindakan yang dicatat di jejak audit"),
        "wagtailcore.ModelLogEntry",
        "user",
        "user",
        ("timestamp", "action", "label", "content_type__model", "object_id"),
    ),
    Section(
        "jejak_halaman_oleh",
        _("Tindakan pada halaman"),
        "wagtailcore.PageLogEntry",
        "user",
        "user",
        ("timestamp", "action", "label", "page_id"),
    ),
    Section("profil_admin", _("Profil admin"), "wagtailusers.UserProfile", "user", "user"),
    Section(
        "halaman_dimiliki",
        _("Halaman yang dimiliki"),
        "wagtailcore.Page",
        "owner",
        "user",
        ("id", "title", "first_published_at"),
    ),
    Section(
        "halaman_dikunci",
        _("Halaman yang dikunci"),
        "wagtailcore.Page",
        "locked_by",
        "user",
        ("id", "title", "locked_at"),
    ),
    Section(
        "revisi",
        _("Revisi konten"),
        "wagtailcore.Revision",
        "user",
        "user",
        ("id", "content_type__model", "object_id", "created_at"),
    ),
    Section(
        "komentar",
        _("Komentar halaman"),
        "wagtailcore.Comment",
        "user",
        "user",
        ("id", "page_id", "text", "created_at"),
    ),
    Section(
        "komentar_diselesaikan",
        _("Komentar yang diselesaikan"),
        "wagtailcore.Comment",
        "resolved_by",
        "user",
        ("id", "page_id", "resolved_at"),
    ),
    Section(
        "balasan_komentar",
        _("Balasan komentar"),
        "wagtailcore.CommentReply",
        "user",
        "user",
        ("id", "comment_id", "text", "created_at"),
    ),
    Section(
        "langganan_halaman",
        _("Langganan komentar halaman"),
        "wagtailcore.PageSubscription",
        "user",
        "user",
        ("page_id", "comment_notifications"),
    ),
    Section(
        "alur_kerja_diajukan",
        _("Alur kerja yang diajukan"),
        "wagtailcore.WorkflowState",
        "requested_by",
        "user",
        ("id", "status", "created_at"),
    ),
    Section(
        "tugas_alur_kerja",
        _("Tugas alur kerja yang diselesaikan"),
        "wagtailcore.TaskState",
        "finished_by",
        "user",
        ("id", "status", "finished_at"),
    ),
    Section(
        "gambar_diunggah",
        _("Gambar yang diunggah"),
        "wagtailimages.Image",
        "uploaded_by_user",
        "user",
        ("id", "title", "created_at"),
    ),
    Section(
        "dokumen_diunggah",
        _("Dokumen yang diunggah"),
        "wagtaildocs.Document",
        "uploaded_by_user",
        "user",
        ("id", "title", "created_at"),
    ),
    Section(
        "berkas_unggahan",
        _("Berkas unggahan sementara"),
        "wagtailcore.UploadedFile",
        "uploaded_by_user",
        "user",
        ("id", "file"),
    ),
    Section(
        "sesi_penyuntingan",
        _("Sesi penyuntingan admin"),
        "wagtailadmin.EditingSession",
        "user",
        "user",
        ("id", "content_type__model", "object_id", "last_seen_at"),
    ),
    # Unsaved admin form drafts: what was typed may be about others, so only where.
    Section(
        "draf_formulir",
        _("Draf formulir admin"),
        "wagtailadmin.FormState",
        "user",
        "user",
        ("id", "content_type__model", "object_id", "last_updated_at"),
    ),
)

# Links to a person that are not exported, with the reason. Keyed by (model label, field).
_RATER = "as rater of another pegawai: the row is the other person's data"
_ACTOR = (
    "as the one who acted on another person's record; their own actions are in 'jejak_audit_oleh'"
)
NOT_EXPORTED: dict[tuple[str, str], str] = {
    ("kinerja_link.Pegawai", "pejabat_penilai"): _RATER,
    ("kinerja_link.Pegawai", "atasan_pejabat_penilai"): _RATER,
    ("kinerja_link.SKP", "pejabat_penilai"): _RATER,
    ("kinerja_link.SKP", "atasan_pejabat_penilai"): _RATER,
    ("kinerja_link.Evaluasi", "pejabat_penilai"): _RATER,
    ("pembinaan.Recommendation", "decided_by"): _ACTOR,
    ("pembinaan.RencanaAksi", "decided_by"): _ACTOR,
    ("pembinaan.BuktiDukung", "uploaded_by"): (
        "the pegawai themself, who owns the rencana aksi; their bukti are exported in "
        "'bukti_dukung_realisasi'"
    ),
    ("pembinaan.Assignment", "assigned_by"): _ACTOR,
    ("pembinaan.PembinaanSession", "recorded_by"): _ACTOR,
    ("pembinaan.CoachAppointment", "appointed_by"): _ACTOR,
    ("pembinaan.CoachAppointment", "ended_by"): _ACTOR,
    ("pengembangan.PenilaianKompetensi", "assessed_by"): _ACTOR,
    ("pengembangan.RencanaPengembangan", "decided_by"): _ACTOR,
    ("pengembangan.PenilaianPascaPelatihan", "pimpinan"): _RATER,
    ("pengembangan.PenilaianPascaPelatihan", "answered_by"): _ACTOR,
    ("learning.LearningRecord", "verified_by"): _ACTOR,
    ("learning.Certificate", "revoked_by"): _ACTOR,
    ("quiz.QuizAnswer", "graded_by"): _ACTOR,
    ("participation.PublicFeedback", "moderated_by"): _ACTOR,
    ("kinerja_link.PengelolaScope", "user"): (
        "an access setting a superuser gives the account (which units a pengelola serves), "
        "recorded in the audit trail; not data about the person"
    ),
}


def person_models() -> tuple[type[models.Model], type[models.Model]]:
    return apps.get_model("accounts", "User"), apps.get_model("kinerja_link", "Pegawai")


def links_to_person() -> set[tuple[str, str]]:
    """Every (model label, field name) whose foreign key points at a user or a pegawai.

    Auto-created many-to-many tables are walked too (``accounts.User_groups``), so a
    many-to-many to a person shows up as its table's foreign key.
    """
    targets = person_models()
    found = set()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            # A page type inherits Page's owner: count the column once, on its own table.
            if field.is_relation and field.related_model in targets and field.model is model:
                found.add((model._meta.label, field.name))
    return found


def exported_links() -> set[tuple[str, str]]:
    return {(section.model, section.link) for section in SECTIONS}
