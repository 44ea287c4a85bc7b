from decimal import Decimal as D

import pytest

from learning.quiz.grading import (
    GradeResult,
    GradeState,
    GradingMethod,
    aggregate_attempts,
    grade,
    is_passed,
    matching_option_id,
    matching_options,
    parse_number,
    quiz_score,
)
from learning.quiz.types import (
    Choice,
    MatchPair,
    NumericalAnswer,
    QuestionData,
    QuestionType,
    ShortAnswer,
    true_false_choices,
)


def question(qtype, **parts):
    return QuestionData(qtype=qtype, name="Soal", text="Teks soal", **parts)


SINGLE = question(
    QuestionType.SINGLE_CHOICE,
    choices=(
        Choice("akuntabel", "Bertanggung jawab", D(1), "Tepat"),
        Choice("setengah", "Sebagian benar", D("0.5")),
        Choice("keliru", "Menyalahgunakan wewenang", D("-0.5")),
    ),
)

MULTIPLE = question(
    QuestionType.MULTIPLE_RESPONSE,
    choices=(
        Choice("kl1", "Memberi kesempatan berkontribusi", D("0.5")),
        Choice("kl2", "Terbuka bekerja sama", D("0.5")),
        Choice("salah", "Menimbun informasi", D(-1)),
        Choice("netral", "Datang tepat waktu", D(0)),
    ),
)


class TestSingleChoice:
    def test_grades_by_choice_id_whatever_the_display_order(self):
        result = grade(SINGLE, "akuntabel")
        assert result == GradeResult(D(1), GradeState.CORRECT, ("akuntabel",))

    def test_partial_credit_choice(self):
        assert grade(SINGLE, "setengah").state == GradeState.PARTIAL
        assert grade(SINGLE, "setengah").fraction == D("0.5")

    def test_negative_choice_is_floored_at_zero(self):
        result = grade(SINGLE, "keliru")
        assert (result.fraction, result.state) == (D(0), GradeState.WRONG)
        assert result.feedback_ids == ("keliru",)

    @pytest.mark.parametrize("response", [None, "", "0", 0, ["akuntabel"], "tidak-ada"])
    def test_missing_or_malformed_response_is_wrong(self, response):
        assert grade(SINGLE, response).state == GradeState.WRONG

    def test_position_is_not_an_answer(self):
        # A client sending the index of the right choice must not be credited.
        assert grade(SINGLE, "1").fraction == 0


class TestMultipleResponse:
    def test_all_right_choices_is_full_marks(self):
        result = grade(MULTIPLE, ["kl2", "kl1"])
        assert (result.fraction, result.state) == (D(1), GradeState.CORRECT)
        assert result.feedback_ids == ("kl1", "kl2")

    def test_one_of_two_right_choices_is_half(self):
        assert grade(MULTIPLE, {"kl1"}).fraction == D("0.5")
        assert grade(MULTIPLE, {"kl1"}).state == GradeState.PARTIAL

    def test_negative_weight_subtracts(self):
        assert grade(MULTIPLE, ["kl1", "kl2", "salah"]).fraction == D(0)

    def test_sum_is_floored_at_zero(self):
        result = grade(MULTIPLE, ["salah", "kl1"])
        assert (result.fraction, result.state) == (D(0), GradeState.WRONG)

    def test_selecting_everything_does_not_pay(self):
        assert grade(MULTIPLE, ["kl1", "kl2", "salah", "netral"]).fraction == 0

    def test_duplicates_and_unknown_ids_count_once_or_not_at_all(self):
        assert grade(MULTIPLE, ["kl1", "kl1", "kl1", "hantu"]).fraction == D("0.5")

    def test_cap_at_one(self):
        generous = question(
            QuestionType.MULTIPLE_RESPONSE,
            choices=(Choice("a", "A", D("0.75")), Choice("b", "B", D("0.75"))),
        )
        assert grade(generous, ["a", "b"]).fraction == 1

    def test_thirds_add_up_to_full_marks(self):
        thirds = question(
            QuestionType.MULTIPLE_RESPONSE,
            choices=tuple(Choice(c, c, D("0.3333333")) for c in "abc"),
        )
        assert grade(thirds, ["a", "b", "c"]).state == GradeState.CORRECT
        assert grade(thirds, ["a", "b", "c"]).fraction == 1

    def test_a_string_is_not_a_set_of_ids(self):
        assert grade(MULTIPLE, "kl1").state == GradeState.WRONG


class TestTrueFalse:
    TF = question(
        QuestionType.TRUE_FALSE,
        choices=true_false_choices(correct=False, true_feedback="Keliru", false_feedback="Ya"),
    )

    def test_right_and_wrong(self):
        assert grade(self.TF, "false").state == GradeState.CORRECT
        assert grade(self.TF, "true") == GradeResult(D(0), GradeState.WRONG, ("true",))


SHORT = question(
    QuestionType.SHORT_ANSWER,
    short_answers=(
        ShortAnswer("s1", "e-Kinerja", D(1), "Benar"),
        ShortAnswer("s2", "e*kinerja", D("0.5"), "Ejaan"),
        ShortAnswer("s3", "*", D(0), "Lihat modul"),
    ),
)


class TestShortAnswer:
    @pytest.mark.parametrize("typed", ["e-Kinerja", "E-KINERJA", "  e-kinerja  "])
    def test_case_insensitive_and_trimmed(self, typed):
        assert grade(SHORT, typed) == GradeResult(D(1), GradeState.CORRECT, ("s1",))

    def test_best_matching_answer_wins(self):
        # "e-kinerja" also matches "e*kinerja" and "*"; the 100% answer is chosen.
        assert grade(SHORT, "e-kinerja").feedback_ids == ("s1",)

    def test_wildcard(self):
        assert grade(SHORT, "ekinerja").fraction == D("0.5")
        assert grade(SHORT, "e kinerja bkn kinerja").fraction == D("0.5")

    def test_catch_all_gives_its_feedback_but_no_marks(self):
        assert grade(SHORT, "SIASN") == GradeResult(D(0), GradeState.WRONG, ("s3",))

    def test_empty_answer_is_wrong_even_with_a_catch_all(self):
        assert grade(SHORT, "   ").feedback_ids == ()

    def test_case_sensitive_question(self):
        strict = question(
            QuestionType.SHORT_ANSWER,
            short_answers=(ShortAnswer("s1", "periodikId", D(1)),),
            case_sensitive=True,
        )
        assert grade(strict, "periodikId").fraction == 1
        assert grade(strict, "periodikid").fraction == 0

    def test_inner_whitespace_is_collapsed(self):
        assert grade(SHORT, "e-Kinerja\u00a0").fraction == 1
        two_words = question(
            QuestionType.SHORT_ANSWER, short_answers=(ShortAnswer("s1", "Sangat Baik", D(1)),)
        )
        assert grade(two_words, "sangat   baik").fraction == 1

    def test_overlong_answers_are_wrong_and_cheap(self):
        greedy = question(
            QuestionType.SHORT_ANSWER, short_answers=(ShortAnswer("s1", "*a**b*c*d*e*", D(1)),)
        )
        assert grade(greedy, "xaybzcwdve").fraction == 1
        assert grade(greedy, "a" * 499 + "b").fraction == 0
        assert grade(greedy, "abcde" + "x" * 600).fraction == 0

    def test_escaped_asterisk_is_literal_and_regex_characters_are_plain(self):
        literal = question(
            QuestionType.SHORT_ANSWER,
            short_answers=(ShortAnswer("s1", "a\\*b (c)", D(1)),),
        )
        assert grade(literal, "a*b (c)").fraction == 1
        assert grade(literal, "axb (c)").fraction == 0
        assert grade(literal, "a*b c").fraction == 0


NUMERICAL = question(
    QuestionType.NUMERICAL,
    numerical_answers=(
        NumericalAnswer("n1", D(1), "Tepat", value=D("3.5"), tolerance=D("0.1")),
        NumericalAnswer("n2", D("0.5"), "Dekat", minimum=D(3), maximum=D(4)),
        NumericalAnswer("n3", D(0), "Salah"),
    ),
)


class TestNumerical:
    @pytest.mark.parametrize("typed", ["3.5", "3,5", " 3,45 ", "3.6", D("3.4"), "+3.5"])
    def test_within_tolerance_with_comma_or_point(self, typed):
        assert grade(NUMERICAL, typed) == GradeResult(D(1), GradeState.CORRECT, ("n1",))

    @pytest.mark.parametrize("typed", ["3", "4", "3.9", "3,01"])
    def test_range_gives_partial_credit(self, typed):
        assert grade(NUMERICAL, typed).feedback_ids == ("n2",)
        assert grade(NUMERICAL, typed).fraction == D("0.5")

    @pytest.mark.parametrize("typed", ["4.01", "-3.5", "2,99"])
    def test_outside_falls_to_the_catch_all(self, typed):
        assert grade(NUMERICAL, typed) == GradeResult(D(0), GradeState.WRONG, ("n3",))

    @pytest.mark.parametrize(
        "typed", ["tiga", "", "3.5.1", "NaN", "inf", True, 3.5, "1e9999999", "9" * 101]
    )
    def test_not_a_number_is_wrong_without_feedback(self, typed):
        assert grade(NUMERICAL, typed) == GradeResult(D(0), GradeState.WRONG)

    def test_exact_value_without_tolerance(self):
        exact = question(
            QuestionType.NUMERICAL, numerical_answers=(NumericalAnswer("n1", D(1), value=D(20)),)
        )
        assert grade(exact, "20").fraction == 1
        assert grade(exact, 20).fraction == 1
        assert grade(exact, "20,0001").fraction == 0


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3,5", D("3.5")),
        ("3.5", D("3.5")),
        ("-0,25", D("-0.25")),
        ("\u22122", D(-2)),
        ("1.000.000", D(1000000)),
        ("1.000.000,5", D("1000000.5")),
        ("1,000,000.5", D("1000000.5")),
        ("1.000", D(1)),  # a single point is a decimal point, as everywhere in Moodle
        ("12,345", D("12.345")),
        (",5", D("0.5")),
        ("2e3", D(2000)),
        ("1e-1001", None),
        (D("1e1001"), None),
        ("0e5000", D(0)),
        ("1.000.5", None),
        ("1,2,3", None),
        ("", None),
        ("3 5", None),
        (None, None),
    ],
)
def test_parse_number(typed, expected):
    assert parse_number(typed) == expected


MATCHING = question(
    QuestionType.MATCHING,
    pairs=(
        MatchPair("bp", "BP", "Berorientasi Pelayanan"),
        MatchPair("ak", "AK", "Akuntabel"),
        MatchPair("ak2", "AK-1", "Akuntabel"),
        MatchPair("ko", "KO", "Kompeten"),
        MatchPair("x", "", "Adaptif"),
    ),
)


def answer(text):
    return matching_option_id(text)


class TestMatching:
    def test_all_right(self):
        response = {
            "bp": answer("Berorientasi Pelayanan"),
            "ak": answer("Akuntabel"),
            "ak2": answer("Akuntabel"),
            "ko": answer("Kompeten"),
        }
        assert grade(MATCHING, response).state == GradeState.CORRECT

    def test_share_of_right_pairs(self):
        response = {
            "bp": answer("Berorientasi Pelayanan"),
            "ak": answer("Kompeten"),
            "ak2": answer("Adaptif"),
            "ko": answer("Kompeten"),
        }
        assert grade(MATCHING, response).fraction == D("0.5")

    def test_unanswered_items_count_as_wrong(self):
        assert grade(MATCHING, {"bp": answer("Berorientasi Pelayanan")}).fraction == D("0.25")

    def test_pair_ids_are_not_answers(self):
        # The id of an item must not double as the id of its answer, or the page leaks it.
        assert grade(MATCHING, {"bp": "bp", "ak": "ak", "ak2": "ak2", "ko": "ko"}).fraction == 0

    def test_garbage(self):
        assert grade(MATCHING, ["bp"]).state == GradeState.WRONG
        assert grade(MATCHING, {"bp": ["bp"], "ak": None}).fraction == 0

    def test_options_are_distinct_answers_including_distractors(self):
        options = matching_options(MATCHING)
        assert [text for _id, text in options] == [
            "Berorientasi Pelayanan",
            "Akuntabel",
            "Kompeten",
            "Adaptif",
        ]
        assert [option_id for option_id, text in options] == [answer(t) for _i, t in options]
        assert len({option_id for option_id, _text in options}) == 4


def test_essay_needs_manual_grading():
    essay = question(QuestionType.ESSAY)
    assert grade(essay, "Pengalaman saya...") == GradeResult(D(0), GradeState.NEEDS_GRADING)


@pytest.mark.parametrize(
    ("fraction", "expected"),
    [
        (D("0.9999995"), (D(1), GradeState.CORRECT)),
        (D("0.0000005"), (D(0), GradeState.WRONG)),
        (D("0.4"), (D("0.4"), GradeState.PARTIAL)),
        (D(-2), (D(0), GradeState.WRONG)),
        (D(3), (D(1), GradeState.CORRECT)),
    ],
)
def test_manual_grade_from_fraction_is_clamped(fraction, expected):
    result = GradeResult.from_fraction(fraction)
    assert (result.fraction, result.state) == expected


class TestQuizScore:
    def test_weighted_by_marks(self):
        grades = [grade(SINGLE, "akuntabel"), grade(MULTIPLE, ["kl1"]), grade(SINGLE, "x")]
        score = quiz_score(grades, [D(1), D(2), D(1)])
        assert (score.points, score.max_points, score.percent) == (D(2), D(4), D("50.00"))
        assert score.is_final

    def test_pending_essays_are_counted(self):
        grades = [grade(SINGLE, "akuntabel"), grade(question(QuestionType.ESSAY), "esai")]
        score = quiz_score(grades, [D(1), D(1)])
        assert (score.percent, score.pending, score.is_final) == (D("50.00"), 1, False)

    def test_rounded_to_two_places(self):
        grades = [grade(SINGLE, "akuntabel"), grade(SINGLE, "x"), grade(SINGLE, "x")]
        assert quiz_score(grades, [D(1)] * 3).percent == D("33.33")

    def test_no_questions(self):
        assert quiz_score([], []).percent == 0

    def test_lengths_must_agree(self):
        with pytest.raises(ValueError, match="same length"):
            quiz_score([grade(SINGLE, "akuntabel")], [])


class TestGradingMethods:
    SCORES = [D(60), D(90), D("72.5")]

    @pytest.mark.parametrize(
        ("method", "expected"),
        [
            (GradingMethod.HIGHEST, D(90)),
            (GradingMethod.FIRST, D(60)),
            (GradingMethod.LAST, D("72.5")),
            (GradingMethod.AVERAGE, D("74.17")),
        ],
    )
    def test_methods(self, method, expected):
        assert aggregate_attempts(method, self.SCORES) == expected

    @pytest.mark.parametrize("method", list(GradingMethod))
    def test_no_attempts_no_grade(self, method):
        assert aggregate_attempts(method, []) is None

    def test_single_attempt_is_the_grade_for_every_method(self):
        assert {aggregate_attempts(m, [D(55)]) for m in GradingMethod} == {D(55)}


@pytest.mark.parametrize(
    ("percent", "pass_mark", "passed"),
    [
        (D(70), D(70), True),
        (D("69.99"), D(70), False),
        (D(0), None, True),
        (None, D(0), False),
        (None, None, False),
    ],
)
def test_pass_mark(percent, pass_mark, passed):
    assert is_passed(percent, pass_mark) is passed
