"""Property tests: what the GIFT exporter writes, the GIFT importer reads back exactly;
and no input makes an importer raise."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learning.quiz.gift import gift_limitations, parse_gift, to_gift
from learning.quiz.moodle_xml import parse_moodle_xml
from learning.quiz.types import QuestionData, question_problems

from .strategies import banks, questions

# No example database: a failure is reported with its minimal example, not replayed from disk.
QUICK = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def _essentials(items):
    return [(q.question, q.category, q.idnumber, q.tags) for q in items]


@settings(QUICK, max_examples=200)
@given(banks)
def test_gift_export_then_import_round_trips_a_bank(bank):
    assert all(question_problems(q.question) == [] for q in bank)
    assert all(gift_limitations(q.question) == [] for q in bank)
    text = to_gift(bank)
    result = parse_gift(text)
    assert result.problems == ()
    assert _essentials(result.questions) == _essentials(bank)


@settings(QUICK, max_examples=100)
@given(questions)
def test_json_round_trip(question):
    assert QuestionData.from_json(question.to_json()) == question


@settings(QUICK, max_examples=50)
@given(banks)
def test_export_is_stable(bank):
    """Exporting what was imported gives the same text again."""
    text = to_gift(bank)
    assert to_gift(parse_gift(text).questions) == text


GIFT_NOISE = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "::",
                "{",
                "}",
                "~",
                "=",
                "#",
                "####",
                "%50%",
                "%-",
                "->",
                "\\",
                "\n",
                "\n\n",
                "//",
                "$CATEGORY:",
                "[html]",
                "T",
                "TRUE",
                "#1..2",
                ":",
                "..",
            ]
        ),
        st.characters(),
    ),
    max_size=40,
).map("".join)


@settings(QUICK, max_examples=200)
@given(GIFT_NOISE)
def test_any_text_is_parsed_without_raising(text):
    result = parse_gift(text)
    assert all(problem.message and problem.line >= 0 for problem in result.problems)
    assert all(question_problems(q.question) == [] for q in result.questions)


@settings(QUICK, max_examples=100)
@given(st.binary(max_size=200))
def test_any_bytes_are_parsed_without_raising(data):
    parse_gift(data)
    parse_moodle_xml(data)
