import time
from decimal import Decimal as D
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learning.quiz.grading import GradeState, grade
from learning.quiz.moodle_xml import parse_moodle_xml
from learning.quiz.types import MatchPair, QuestionType, TextFormat, question_problems

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def bank():
    return parse_moodle_xml((FIXTURES / "ekinerja.xml").read_bytes())


def by_name(bank, name):
    return next(q for q in bank.questions if q.question.name == name)


def test_every_supported_type_is_imported_with_category_and_line(bank):
    summary = [(q.line, q.question.qtype, q.category) for q in bank.questions]
    evaluasi, siasn = ("e-Kinerja", "Evaluasi"), ("e-Kinerja", "SIASN")
    assert summary == [
        (9, QuestionType.SINGLE_CHOICE, evaluasi),
        (28, QuestionType.MULTIPLE_RESPONSE, evaluasi),
        (38, QuestionType.TRUE_FALSE, evaluasi),
        (49, QuestionType.SHORT_ANSWER, siasn),
        (57, QuestionType.NUMERICAL, siasn),
        (65, QuestionType.MATCHING, siasn),
        (77, QuestionType.ESSAY, siasn),
    ]


def test_single_choice_in_full(bank):
    imported = by_name(bank, "Predikat dari kuadran")
    assert (imported.idnumber, imported.tags) == ("EV-01", ("kuadran", "predikat"))
    question = imported.question
    assert question.text_format == TextFormat.HTML
    assert question.text.startswith("<p>Rating hasil kerja <b>Di Atas</b>")
    assert question.general_feedback.startswith("Predikat dibaca dari tabel kuadran")
    assert question.shuffle_answers is False
    assert [(c.id, c.text, c.fraction) for c in question.choices] == [
        ("c1", "Kurang/Misconduct", D(1)),
        ("c2", "Baik", D(0)),
        ("c3", "Sangat Baik", D("-0.3333333")),
    ]
    assert question.choices[1].feedback.startswith("Perilaku di bawah ekspektasi")


def test_multiple_response_grades_with_weights(bank):
    question = by_name(bank, "Bentuk pengembangan kinerja").question
    assert question.text_format == TextFormat.MOODLE
    assert grade(question, ["c1", "c2", "c3"]).state == GradeState.CORRECT
    assert grade(question, ["c1", "c4"]).fraction == 0


def test_true_false_maps_to_the_shared_ids(bank):
    question = by_name(bank, "e-Kinerja wajib").question
    assert question.text_format == TextFormat.PLAIN
    assert grade(question, "true").state == GradeState.CORRECT
    assert question.choice("false").feedback == "Keliru."


def test_short_answer_keeps_case_sensitivity_and_catch_all(bank):
    question = by_name(bank, "Kode periodik bulanan").question
    assert question.case_sensitive is True
    assert grade(question, "periodikId").fraction == 1
    assert grade(question, "PERIODIKID").feedback_ids == ("s2",)


def test_numerical_with_tolerance(bank):
    question = by_name(bank, "Kode predikat Sangat Kurang").question
    assert grade(question, "5").state == GradeState.CORRECT
    assert grade(question, "4,2").fraction == D("0.5")


def test_matching_with_distractor(bank):
    question = by_name(bank, "Kode rating SIASN").question
    assert question.pairs[0] == MatchPair("p1", "1", "Di Atas Ekspektasi")
    assert question.pairs[-1] == MatchPair("p4", "", "Tidak Dinilai")


def test_problems_name_the_question_and_its_line(bank):
    problems = [(p.line, p.name, p.skipped) for p in bank.problems]
    assert problems == [
        (57, "Kode predikat Sangat Kurang", False),
        (65, "Kode rating SIASN", False),
        (83, "Capaian target", True),
        (88, "Cloze kuadran", True),
        (93, "Tanpa jawaban benar", True),
    ]
    messages = [p.message for p in bank.problems]
    assert "Satuan" in messages[0]
    assert "Berkas sisipan" in messages[1]
    assert "“calculated” tidak didukung" in messages[2]
    assert "cloze" in messages[3]
    assert "100%" in messages[4]


def test_malformed_xml_is_reported_with_its_line():
    result = parse_moodle_xml((FIXTURES / "rusak.xml").read_bytes())
    assert result.questions == ()
    assert [p.line for p in result.problems] == [6]
    assert "tidak valid" in result.problems[0].message


def test_billion_laughs_is_refused_before_expansion():
    started = time.perf_counter()
    result = parse_moodle_xml((FIXTURES / "billion_laughs.xml").read_bytes())
    assert time.perf_counter() - started < 1
    assert result.questions == ()
    assert "DTD" in result.problems[0].message


def test_external_entities_are_refused():
    result = parse_moodle_xml((FIXTURES / "external_entity.xml").read_text(encoding="utf-8"))
    assert result.questions == ()
    assert "root" not in " ".join(p.message for p in result.problems)
    assert "DTD" in result.problems[0].message


def test_even_a_harmless_doctype_is_refused():
    result = parse_moodle_xml("<!DOCTYPE quiz><quiz></quiz>")
    assert "DTD" in result.problems[0].message


def test_root_must_be_quiz():
    result = parse_moodle_xml("<kuis><question type='essay'/></kuis>")
    assert result.questions == ()
    assert "<quiz>" in result.problems[0].message


def test_encoding_declared_in_the_file_is_honoured():
    xml = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<quiz><question type="essay">'
        "<name><text>Se\xf1or</text></name><questiontext><text>Tulis.</text></questiontext>"
        "</question></quiz>"
    ).encode("latin-1")
    assert parse_moodle_xml(xml).questions[0].question.name == "Se\u00f1or"


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (b'<?xml version="1.0" encoding="bukan-enkode"?><quiz/>', "Enkode"),
        (b"", "tidak valid"),
        ('<?xml version="1.0" encoding="UTF-16"?><quiz/>', "tidak valid"),
    ],
)
def test_unreadable_files_are_reported(xml, message):
    result = parse_moodle_xml(xml)
    assert result.questions == ()
    assert message in result.problems[0].message


def question_xml(body: str, qtype: str = "multichoice") -> str:
    return (
        f'<quiz>\n<question type="{qtype}">\n<name><text>Uji</text></name>\n'
        f"<questiontext><text>Teks</text></questiontext>\n{body}\n</question>\n</quiz>"
    )


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (question_xml('<answer fraction="seratus"><text>a</text></answer>'), "Bobot jawaban"),
        (question_xml('<answer fraction="NaN"><text>a</text></answer>'), "Bobot jawaban"),
        (question_xml('<answer fraction="100"><text>ya</text></answer>', "truefalse"), "'true'"),
        (question_xml('<answer fraction="100"><text>lima</text></answer>', "numerical"), "lima"),
        (question_xml("", "shortanswer"), "sedikitnya satu jawaban"),
        (question_xml("", ""), "“?” tidak didukung"),
        (question_xml("", "ddwtos"), "drag and drop"),
    ],
)
def test_question_problems_are_reported_not_raised(xml, message):
    result = parse_moodle_xml(xml)
    assert result.questions == ()
    assert message in result.problems[0].message
    assert result.problems[0].line == 2


def test_unnamed_question_and_default_flags():
    xml = (
        '<quiz><question type="multichoice"><questiontext format="markdown"><text>'
        "Pilih **satu**</text></questiontext>"
        '<answer fraction="100"><text>a</text></answer><answer fraction="0"><text>b</text>'
        "</answer></question></quiz>"
    )
    question = parse_moodle_xml(xml).questions[0].question
    assert question.name == "Pilih **satu**"
    assert question.qtype == QuestionType.SINGLE_CHOICE
    assert (question.text_format, question.shuffle_answers) == (TextFormat.MARKDOWN, True)


TAGS = [
    "question",
    "name",
    "text",
    "questiontext",
    "answer",
    "feedback",
    "tolerance",
    "single",
    "subquestion",
    "category",
    "usecase",
    "shuffleanswers",
    "idnumber",
    "tags",
    "tag",
    "file",
    "units",
    "unit",
    "generalfeedback",
]
TYPES = [
    "multichoice",
    "truefalse",
    "shortanswer",
    "numerical",
    "matching",
    "essay",
    "category",
    "cloze",
    "",
]
LEAF = st.one_of(
    st.sampled_from(["true", "false", "1", "0", "100", "-50", "*", "3,5", "x"]), st.text(max_size=5)
).map(escape)


def _element(children):
    return st.builds(
        lambda tag, qtype, fraction, inner: (
            f'<{tag} type="{qtype}" fraction="{fraction}">{"".join(inner)}</{tag}>'
        ),
        st.sampled_from(TAGS),
        st.sampled_from(TYPES),
        st.sampled_from(["100", "0", "-33.33333", "abc", ""]),
        st.lists(children, max_size=4),
    )


@settings(deadline=None, database=None, max_examples=150)
@given(st.recursive(LEAF, _element, max_leaves=25))
def test_any_moodle_shaped_document_is_parsed_without_raising(body):
    result = parse_moodle_xml(f"<quiz>{body}</quiz>")
    assert all(question_problems(q.question) == [] for q in result.questions)
