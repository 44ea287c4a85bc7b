"""Records of learning and performance never vanish as a side effect of a delete.

Walks every model of ours (``_meta.get_fields()``): a foreign key that cascades must be in
``ALLOWED_CASCADES`` with the reason it may; everything else protects what it points at
(or is set to NULL, keeping the row). Every record model is audited when deleted.
"""

from pathlib import Path

from django.apps import apps
from django.db import models
from django.db.models.signals import post_delete

ROOT = Path(__file__).resolve().parents[2]

# "app.Model.field": why deleting the target may take this row along.
ALLOWED_CASCADES = {
    "portal.ArticlePageTag.tag": "a tag on an article: page content, no record",
    "portal.ArticlePageTag.content_object": "a tag on an article: page content, no record",
    "portal.TransparencyRow.snapshot": "a row of a published snapshot of aggregates; old "
    "snapshots are pruned by design",
    "learning.CourseCompetency.course": "an inline of the course page, kept in its revisions",
    "learning.LessonCompletion.enrolment": "part of its enrolment, which is protected from "
    "its user and course; an enrolment deleted on purpose is audited with its completions",
    "learning.ReactionQuestion.course": "an inline of the course page, kept in its revisions; "
    "responses keep the question texts they were asked",
    "learning.ReactionResponse.enrolment": "part of its enrolment, which is protected from its "
    "user and course; audited when deleted",
    "quiz.QuestionTag.tag": "a tag on a question, no record",
    "quiz.QuestionTag.content_object": "a tag on a question, no record",
    "quiz.QuizQuestion.quiz": "a slot of the quiz page, kept in its revisions; attempts "
    "freeze their own layout",
    "quiz.QuizAnswer.attempt": "part of its attempt, which is protected from its user and "
    "quiz; audited when deleted",
    "kinerja_link.ApiToken.user": "a credential, not a record; erasure deletes it",
    "kinerja_link.IndikatorRHK.rhk": "an aspek row of its RHK, an inline of the protected SKP",
    "kinerja_link.PengelolaScope.user": "configuration, not a record: whom a pengelola serves "
    "goes with the account (an account holding records is protected)",
    "kinerja_link.PengelolaScope.unit": "configuration, not a record: a subtree that no longer "
    "exists is served by nobody (a unit holding pegawai is protected)",
    "siasn.SiasnPush.learning_record": "the push outcome of its learning record, part of it; "
    "the record itself is protected by its evidence",
    "kinerja_link.RencanaHasilKerja.skp": "an inline of the SKP, which is protected from its "
    "pegawai and its evidence; audited when deleted",
    "kinerja_link.PerilakuEkspektasi.skp": "an inline of the SKP, as the RHK",
    "pembinaan.SessionParticipant.session": "part of its session, which is protected from "
    "its holder and its evidence; audited when deleted",
    "pembinaan.SessionEvaluation.session": "a participant's B.1.8 feedback on its session, "
    "part of it as the participants are; the session is protected from its holder",
    "pembinaan.CompetencyRating.session": "the coach's B.1.9 rating given in its session, part "
    "of it as the participants are; the session is protected from its holder",
    "pembinaan.RencanaAksiKomentar.rencana_aksi": "a message of the dialog about its rencana "
    "aksi, which is protected from its SKP and its bukti dukung; audited when deleted",
    "pembinaan.Notification.user": "a message to the user, not a record; erasure deletes it",
    "pengembangan.RencanaItem.rencana": "an activity of its IDP, which is protected from its "
    "pegawai; audited when deleted",
}

# Every model holding learning or performance records: deleting a row is audited.
RECORD_MODELS = [
    "learning.Enrolment",
    "learning.LessonCompletion",
    "learning.LearningRecord",
    "learning.Certificate",
    "learning.ReactionResponse",
    "quiz.QuizAttempt",
    "quiz.QuizAnswer",
    "kinerja_link.SKP",
    "kinerja_link.RencanaHasilKerja",
    "kinerja_link.PerilakuEkspektasi",
    "kinerja_link.Evaluasi",
    "kinerja_link.ImportJob",
    "pembinaan.Recommendation",
    "pembinaan.Assignment",
    "pembinaan.PembinaanSession",
    "pembinaan.SessionParticipant",
    "pembinaan.Feedback",
    "pembinaan.SkpEvidence",
    "pembinaan.CompetencyProgress",
    "pembinaan.RencanaAksi",
    "pembinaan.RencanaAksiKomentar",
    "pembinaan.BuktiDukung",
    "pengembangan.StandarKompetensi",
    "pengembangan.PenilaianKompetensi",
    "pengembangan.RencanaPengembangan",
    "pengembangan.RencanaItem",
    "pengembangan.PenilaianPascaPelatihan",
]


def our_models():
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(ROOT) and ".venv" not in path.parts:
            yield from config.get_models()


def forward_keys(model):
    for field in model._meta.get_fields():
        keyed = field.is_relation and field.concrete and (field.many_to_one or field.one_to_one)
        # A page type's link to its base Page row is the page itself, not a reference.
        if keyed and not field.remote_field.parent_link:
            yield field


def cascading_keys():
    return {
        f"{model._meta.label}.{field.name}"
        for model in our_models()
        for field in forward_keys(model)
        if field.remote_field.on_delete is models.CASCADE
    }


def test_no_foreign_key_cascades_without_a_reason():
    unexplained = sorted(cascading_keys() - ALLOWED_CASCADES.keys())
    assert not unexplained, (
        "These foreign keys delete their rows with their target; use PROTECT (or SET_NULL), "
        "or add a reason to ALLOWED_CASCADES:\n" + "\n".join(unexplained)
    )


def test_the_allowlist_names_only_cascades_that_exist():
    assert not sorted(ALLOWED_CASCADES.keys() - cascading_keys())


def test_the_walk_sees_the_record_models():
    labels = {model._meta.label for model in our_models()}
    assert set(RECORD_MODELS) <= labels


def test_record_models_point_at_people_courses_and_pages_with_protect():
    # The rule above, spelled out for the records the issue named.
    for label in RECORD_MODELS:
        for field in forward_keys(apps.get_model(label)):
            key = f"{label}.{field.name}"
            assert field.remote_field.on_delete is not models.CASCADE or key in ALLOWED_CASCADES


def test_every_record_model_is_audited_when_deleted():
    unaudited = [label for label in RECORD_MODELS if not _audited(apps.get_model(label))]
    assert not unaudited, unaudited


def _audited(model) -> bool:
    receivers = post_delete._live_receivers(model)
    # Django 5 returns (sync, async) receivers.
    sync = receivers[0] if isinstance(receivers, tuple) else receivers
    return any(getattr(r, "__name__", "") == "_log_deletion" for r in sync)
