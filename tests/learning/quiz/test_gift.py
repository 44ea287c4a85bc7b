from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest

from learning.quiz.gift import (
    gift_limitations,
    moodle_weight_notes,
    parse_gift,
    question_to_gift,
    to_gift,
)
from learning.quiz.grading import GradeState, grade
from learning.quiz.importing import ImportedQuestion
from learning.quiz.types import (
    Choice,
    MatchPair,
    NumericalAnswer,
    QuestionData,
    QuestionType,
    ShortAnswer,
    TextFormat,
)

FIXTURES = Path(__file__).parent / "fixtures"


def only(source):
    result = parse_gift(source)
    assert result.problems == ()
    assert len(result.questions) == 1
    return result.questions[0].question


@pytest.fixture(scope="module")
def bank():
    return parse_gift((FIXTURES / "berakhlak.gift").read_bytes())


class TestFixtureBank:
    def test_everything_imports_without_problems(self, bank):
        assert bank.problems == ()
        kinds = [q.question.qtype for q in bank.questions]
        assert set(kinds) == set(QuestionType)
        assert len(kinds) == 12

    def test_categories_and_lines(self, bank):
        where = [(q.line, q.category) for q in bank.questions]
        assert where[0] == (7, ("BerAKHLAK", "Akuntabel"))
        assert where[3] == (20, ("BerAKHLAK", "Kolaboratif"))
        assert where[5] == (36, ("e-Kinerja",))
        assert where[-1] == (52, ("e-Kinerja",))

    def test_first_question_in_full(self, bank):
        first = bank.questions[0]
        assert (first.idnumber, first.tags) == ("AK-01", ("akuntabel", "panduan-perilaku"))
        question = first.question
        assert question.name == "Makna Akuntabel"
        assert question.text_format == TextFormat.HTML
        assert question.text == "Nilai <b>Akuntabel</b> dalam BerAKHLAK berarti"
        assert question.general_feedback.startswith("Akuntabel memiliki tiga")
        assert [(c.id, c.fraction) for c in question.choices] == [
            ("c1", D(1)),
            ("c2", D(0)),
            ("c3", D("-0.5")),
        ]
        assert question.choices[0].feedback == "Tepat, sesuai SE MenPANRB 20/2021."
        assert grade(question, "c1").state == GradeState.CORRECT

    def test_true_false_feedback_order(self, bank):
        false_question = bank.questions[1].question
        by_id = {c.id: c for c in false_question.choices}
        assert by_id["false"].fraction == 1
        # {FALSE#wrong#right}: answering "true" is wrong and shows the first feedback.
        assert by_id["true"].feedback == "Keliru: AK-3 melarangnya."
        assert by_id["false"].feedback == "Betul, itu bertentangan dengan AK-3."
        assert bank.questions[2].question.general_feedback == "Integritas adalah inti AK-1."

    def test_missing_word_question(self, bank):
        question = bank.questions[5].question
        assert question.text == (
            "Dokumen rencana kinerja pegawai disebut Sasaran _____ dan disusun bersama atasan."
        )
        assert grade(question, "kinerja pegawai").fraction == 1
        assert grade(question, "Kinerja PNS").fraction == D("0.5")

    def test_numerical_forms(self, bank):
        jp, minutes, fraction = (bank.questions[i].question for i in (7, 8, 9))
        assert grade(jp, "20").state == GradeState.CORRECT
        assert [a.fraction for a in minutes.numerical_answers] == [D(1), D("0.5"), D(0)]
        assert minutes.numerical_answers[1].minimum == 40
        assert minutes.numerical_answers[2].accepts_any
        assert grade(minutes, "47").fraction == D("0.5")
        assert grade(minutes, "60").feedback_ids == ("n3",)
        assert fraction.numerical_answers[0].value == D("0.5")
        assert grade(fraction, "0,505").state == GradeState.CORRECT

    def test_matching_with_distractor(self, bank):
        question = bank.questions[4].question
        assert question.pairs[-1] == MatchPair("p4", "", "Adaptif")

    def test_formats_and_escapes(self, bank):
        essay, escapes = bank.questions[10].question, bank.questions[11].question
        assert essay.text_format == TextFormat.MARKDOWN
        assert bank.questions[6].question.text_format == TextFormat.PLAIN
        assert escapes.text == "Manakah yang ditulis dengan escape { } ~ = # : dalam GIFT?"
        assert [c.text for c in escapes.choices] == [
            "Kurung kurawal { dan }",
            "Titik dua : saja",
            "Tilde ~ dan sama dengan =",
        ]

    def test_export_then_import_gives_the_same_bank(self, bank):
        again = parse_gift(to_gift(bank.questions))
        assert again.problems == ()
        assert [(q.question, q.category, q.idnumber, q.tags) for q in again.questions] == [
            (q.question, q.category, q.idnumber, q.tags) for q in bank.questions
        ]


def test_malformed_file_reports_every_problem_with_its_line():
    result = parse_gift((FIXTURES / "ekinerja_rusak.gift").read_text(encoding="utf-8"))
    assert [q.question.name for q in result.questions] == ["Soal baik", "Soal baik kedua"]
    reported = {p.line: p for p in result.problems}
    assert sorted(reported) == [5, 7, 9, 11, 13, 15, 17, 19]
    assert all(p.skipped for p in result.problems)
    assert "'::'" in reported[5].message
    assert "tidak berpasangan" in reported[7].message
    assert "deskripsi" in reported[9].message
    assert "cloze" in reported[11].message
    assert "Bobot jawaban tidak valid" in reported[13].message
    assert "bukan bilangan: empat" in reported[15].message
    assert "'->'" in reported[17].message
    assert "dua pilihan" in reported[19].message
    assert reported[19].name == "Satu pilihan saja"


@pytest.mark.parametrize(
    "source",
    [
        "",
        "\n\n// hanya komentar\n",
        "{",
        "}",
        "::",
        "::a::",
        "{}{}",
        "{#}",
        "{#..}",
        "{#1..}",
        "{=a ->}",
        "{~}",
        "{%%}",
        "{=%50%}",
        "{#%x%1}",
        "$CATEGORY:",
        "\x00\ufdd0{\\",
        "::\\::{T}",
        "{T#a#b#c#d}",
        "[html]",
    ],
)
def test_bad_input_never_raises(source):
    result = parse_gift(source)
    for problem in result.problems:
        assert problem.message


def test_not_utf8_is_reported():
    result = parse_gift("::a::Soal{T}\n\n::b::Ni\xf1o{T}".encode("latin-1"))
    assert result.questions == ()
    assert result.problems[0].line == 3
    assert "UTF-8" in result.problems[0].message


def test_windows_line_endings_and_bom():
    result = parse_gift("\ufeff// x\r\n::A::Soal{T}\r\n\r\n::B::Soal{F}\r\n".encode())
    assert [(q.line, q.question.name) for q in result.questions] == [(2, "A"), (4, "B")]


def test_unnamed_question_is_named_after_its_text():
    text = "Siapa yang menandatangani dokumen evaluasi kinerja pegawai di unit kerja?"
    question = only(text + " {=pejabat penilai}")
    assert question.name == "Siapa yang menandatangani dokumen evaluasi kinerja pegawai…"


def test_weights_may_be_decimal_and_negative():
    question = only("::W::Pilih.{~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-100%d}")
    assert question.qtype == QuestionType.MULTIPLE_RESPONSE
    assert [c.fraction for c in question.choices] == [
        D("0.3333333"),
        D("0.3333333"),
        D("0.3333334"),
        D(-1),
    ]


def test_weight_out_of_range_is_reported():
    result = parse_gift("::W::Pilih.{~%150%a ~b}")
    assert "antara -100% dan 100%" in result.problems[0].message


def test_backslash_and_line_break_escapes():
    question = only("::E::Baris satu\\nbaris dua, garis miring \\\\ dan \\x tetap.{T}")
    assert question.text == "Baris satu\nbaris dua, garis miring \\ dan \\x tetap."


def test_comment_lines_inside_a_question_are_ignored():
    question = only("::C::Teks\n// catatan penyusun\n{\n=a\n// alasan\n~b\n}")
    assert [c.text for c in question.choices] == ["a", "b"]


def test_category_and_question_in_one_block():
    result = parse_gift("$CATEGORY: Kinerja/Evaluasi\n::A::Soal{T}")
    assert result.questions[0].category == ("Kinerja", "Evaluasi")


def test_category_path_with_slash_in_a_name():
    result = parse_gift("$CATEGORY: $system$/top/SKP//RHK\n\n::A::Soal{T}")
    assert result.questions[0].category == ("SKP/RHK",)


def test_numerical_multiple_answers_and_ranges():
    question = only("::N::Nilai?{#=2000:0 =%50%2000:3#Dekat =%25%-5..-1}")
    first, second, third = question.numerical_answers
    assert (first.value, first.tolerance) == (D(2000), D(0))
    assert (second.fraction, second.tolerance, second.feedback) == (D("0.5"), D(3), "Dekat")
    assert (third.minimum, third.maximum) == (D(-5), D(-1))


def test_short_answer_without_equals_sign():
    question = only("::S::Ibukota Indonesia?{Jakarta}")
    assert question.short_answers == (ShortAnswer("s1", "Jakarta", D(1)),)


def test_choice_question_with_stray_text_is_reported():
    result = parse_gift("::X::Pilih.{kira-kira ~a =b}")
    assert "sebelum pilihan pertama" in result.problems[0].message


def test_exported_question_shape():
    question = QuestionData(
        QuestionType.SINGLE_CHOICE,
        "Nilai: AK",
        "Pilih {satu}",
        TextFormat.MOODLE,
        "Umum #1",
        choices=(Choice("x", "=benar", D(1), "ok"), Choice("y", "50%", D("-0.25"))),
    )
    assert question_to_gift(question, idnumber="AK]1", tags=("a b",)) == (
        "// [id:AK\\]1] [tag:a b]\n"
        "::Nilai\\: AK::Pilih \\{satu\\}{\n"
        "\t=\\=benar#ok\n"
        "\t~%-25%50%\n"
        "\t####Umum \\#1\n"
        "}"
    )


def test_text_starting_with_a_bracket_keeps_it():
    question = QuestionData(
        QuestionType.ESSAY, "E", "[html] bukan format", TextFormat.MOODLE, "[plain] juga"
    )
    assert only(to_gift([question])) == question


def test_limitations_are_written_as_comments():
    question = QuestionData(
        QuestionType.SHORT_ANSWER,
        "S",
        "Field SIASN?",
        short_answers=(ShortAnswer("s1", "a->b", D(1)),),
        case_sensitive=True,
    )
    notes = gift_limitations(question)
    assert len(notes) == 2
    exported = to_gift([question])
    assert all(f"// {note}" in exported for note in notes)
    assert gift_limitations(replace(question, case_sensitive=False, short_answers=())) == []
    unshuffled = QuestionData(
        QuestionType.MATCHING,
        "M",
        "T",
        pairs=(MatchPair("p1", "a", "b"), MatchPair("p2", "c", "d")),
        shuffle_answers=False,
    )
    assert len(gift_limitations(unshuffled)) == 1


def test_plain_questions_and_categories_mix_in_export():
    essay = QuestionData(QuestionType.ESSAY, "E", "Tulis.", TextFormat.MOODLE)
    filed = ImportedQuestion(essay, ("SKP",))
    result = parse_gift(to_gift([essay, filed, filed, essay]))
    assert [q.category for q in result.questions] == [(), ("SKP",), ("SKP",), ("SKP",)]
    assert to_gift([]) == ""


def test_numerical_export_keeps_each_form():
    question = QuestionData(
        QuestionType.NUMERICAL,
        "N",
        "Berapa?",
        TextFormat.MOODLE,
        numerical_answers=(
            NumericalAnswer("n1", D(1), value=D("1E+3")),
            NumericalAnswer("n2", D("0.5"), "dekat", value=D("-2.5"), tolerance=D("0.25")),
            NumericalAnswer("n3", D("0.1"), minimum=D("0.001"), maximum=D(2)),
            NumericalAnswer("n4", D(0), "lain"),
        ),
    )
    text = to_gift([question])
    assert "=1000\n" in text and "=%50%-2.5:0.25#dekat" in text and "=%10%0.001..2" in text
    assert only(text) == question


def test_weights_moodle_would_refuse_are_noted():
    listed = only("::W::Pilih.{~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-100%d}")
    assert moodle_weight_notes(listed) == []
    odd = only("::W::Pilih.{=a ~%37%b ~%-37%c ~%12.5%d}")
    (note,) = moodle_weight_notes(odd)
    assert "-37%, 37% tidak ada di daftar bobot Moodle" in note
    assert f"// {note}" in to_gift([odd])
    assert only(to_gift([odd])) == odd
