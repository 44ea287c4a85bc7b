from io import StringIO
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from learning.quiz.bank import category_for_path, questions_import
from learning.quiz.gift import parse_gift
from learning.quiz.models import Question, QuestionCategory

from .factories import make_question, single_choice

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_saving_a_question_writes_a_revision_with_its_definition():
    question = make_question(single_choice(name="Nilai dasar"))
    question.refresh_from_db()
    assert question.latest_revision.content["data"] == question.data
    assert (question.name, question.qtype) == ("Nilai dasar", "single_choice")


def test_category_paths_are_created_once():
    leaf = category_for_path(("BerAKHLAK", "Akuntabel"))
    assert category_for_path(("BerAKHLAK", "Akuntabel")) == leaf
    assert leaf.path == "BerAKHLAK/Akuntabel"
    assert QuestionCategory.objects.count() == 2


def test_import_command_counts_types_lists_skips_and_does_not_duplicate():
    gift = FIXTURES / "berakhlak.gift"
    expected = len(parse_gift(gift.read_bytes()).questions)
    out = run("import_questions", str(gift), "--format", "gift", "--category", "Bank/Uji")
    assert f"Baru: {expected}" in out and "Pilihan ganda" in out and "single_choice" not in out
    assert Question.objects.count() == expected
    assert Question.objects.filter(category__parent__name="BerAKHLAK").exists()
    again = run("import_questions", str(gift), "--format", "gift", "--category", "Bank/Uji")
    assert f"Tidak berubah: {expected}" in again and "Baru: 0" in again
    assert Question.objects.count() == expected


def test_import_reports_every_broken_question_with_its_line():
    gift = FIXTURES / "ekinerja_rusak.gift"
    result = parse_gift(gift.read_bytes())
    out = run("import_questions", str(gift), "--format", "gift", "--category", "Rusak")
    assert f"Dilewati: {sum(p.skipped for p in result.problems)}" in out
    for problem in result.problems:
        assert f"baris {problem.line}" in out
    assert Question.objects.count() == len(result.questions)


def test_dry_run_writes_nothing():
    out = run(
        "import_questions",
        str(FIXTURES / "ekinerja.xml"),
        "--format",
        "moodlexml",
        "--category",
        "EK",
        "--dry-run",
    )
    assert "Uji coba" in out and "Baru:" in out
    assert not Question.objects.exists() and not QuestionCategory.objects.exists()


def test_reimport_updates_a_changed_question_in_place():
    source = "::Satu::Nilai dasar ASN?{=BerAKHLAK ~Lainnya}"
    questions_import(source=source, fmt="gift", category_path="A")
    report = questions_import(
        source=source.replace("Lainnya", "Panca"), fmt="gift", category_path="A"
    )
    assert sum(report.updated.values()) == 1
    question = Question.objects.get()
    assert "Panca" in str(question.data) and question.revisions.count() == 2


def bank_under(root: str) -> list[tuple[str, str, dict, str]]:
    rows = []
    for question in Question.objects.select_related("category"):
        path = question.category.path
        if path == root or path.startswith(root + "/"):
            rows.append((path[len(root) :], question.name, question.data, question.idnumber))
    return sorted(rows, key=lambda row: (row[0], row[1]))


def test_export_then_import_elsewhere_round_trips(tmp_path):
    source = (FIXTURES / "berakhlak.gift").read_bytes()
    questions_import(source=source, fmt="gift", category_path="Asal")
    target = tmp_path / "bank.gift"
    run("export_questions", "--category", "Asal", "--output", str(target))
    questions_import(source=target.read_text(), fmt="gift", category_path="Salinan")
    original = bank_under("Asal")
    assert original and bank_under("Salinan") == original


def test_export_of_an_unknown_category_fails_clearly():
    with pytest.raises(CommandError, match="tidak ditemukan"):
        run("export_questions", "--category", "Tidak/Ada")
