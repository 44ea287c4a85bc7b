import pytest

from learning.quiz.importing import (
    ImportCollector,
    ImportedQuestion,
    default_question_name,
    format_category_path,
    parse_category_path,
)
from learning.quiz.types import QuestionData, QuestionType


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("$course$/top/BerAKHLAK/Akuntabel", ("BerAKHLAK", "Akuntabel")),
        ("$system$/top", ()),
        ("$module$/Kuis 1", ("Kuis 1",)),
        ("BerAKHLAK / Harmonis ", ("BerAKHLAK", "Harmonis")),
        ("top/A", ("top", "A")),  # without a context "top" is an ordinary name
        ("$course$/top/top", ("top",)),
        ("$course$/top/SKP//RHK/Evaluasi", ("SKP/RHK", "Evaluasi")),
        ("", ()),
    ],
)
def test_parse_category_path(text, path):
    assert parse_category_path(text) == path


def test_format_category_path_round_trips():
    path = ("BerAKHLAK", "SKP/RHK", "Kuis  1")
    assert format_category_path(path) == "$course$/top/BerAKHLAK/SKP//RHK/Kuis 1"
    assert parse_category_path(format_category_path(path)) == ("BerAKHLAK", "SKP/RHK", "Kuis 1")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("<p>Apa itu <b>SKP</b>?</p>", "Apa itu SKP ?"),
        ("", "Soal tanpa nama"),
        ("<img src='x'>", "Soal tanpa nama"),
        ("kata " * 20, ("kata " * 12).strip() + "…"),
    ],
)
def test_default_question_name(text, name):
    assert default_question_name(text) == name


def test_collector_skips_invalid_questions_with_the_reasons():
    collector = ImportCollector()
    collector.add(ImportedQuestion(QuestionData(QuestionType.ESSAY, "Esai", "Tulis."), line=3))
    collector.add(ImportedQuestion(QuestionData(QuestionType.ESSAY, "Kosong", ""), line=7))
    collector.problem(9, "Satuan diabaikan.", "Angka", skipped=False)
    result = collector.result()
    assert [q.line for q in result.questions] == [3]
    assert [(p.line, p.name, p.skipped) for p in result.problems] == [
        (7, "Kosong", True),
        (9, "Angka", False),
    ]
    assert "Teks soal kosong" in result.problems[0].message
