"""Question import identity (issue #22): an import never merges different questions.

A question is matched to the bank only through its author's identity (Moodle idnumber, GIFT
`::name::`) in its category, or else only to an identical question; the report says per
question what happened, in Indonesian.
"""

import itertools
import re
from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.management import call_command

from learning.quiz.bank import Status, file_category_under, questions_import
from learning.quiz.gift import parse_gift, to_gift
from learning.quiz.importing import ImportedQuestion
from learning.quiz.models import Question

from .strategies import categories, questions, texts, tokens

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
GRANT = (FIXTURES / "grant_bank.gift").read_text()


def under(root: str):
    return Question.objects.filter(category__in=_subtree(root))


def _subtree(root: str):
    from learning.quiz.bank import category_for_path, split_path

    return category_for_path(split_path(root)).descendant_ids()


def statuses(report) -> dict[int, str]:
    return {entry.line: entry.status for entry in report.entries}


def distinct(items) -> int:
    """Questions a file holds: identical ones count once, and an unnamed question identical
    to one with an identity (idnumber or ::name::) is that question."""

    def key(q):
        return (q.category, q.idnumber, str(q.question.to_json()))

    identified = {key(q) for q in items if q.identity}
    contents = {(category, data) for category, _, data in identified}
    unnamed = {key(q) for q in items if not q.identity and (key(q)[0], key(q)[2]) not in contents}
    return len(identified | unnamed)


# --- worked examples: every GIFT form, stems shared across forms --------------------------


def test_a_bank_of_shared_stems_keeps_every_distinct_question():
    parsed = parse_gift(GRANT)
    assert parsed.problems == ()
    assert len(parsed.questions) == 29 and distinct(parsed.questions) == 26
    report = questions_import(source=GRANT, fmt="gift", category_path="Sejarah")
    assert under("Sejarah").count() == 26
    assert sum(report.created.values()) == 26 and not report.updated
    assert sum(report.duplicates.values()) == 3
    duplicates = [e for e in report.entries if e.status == Status.DUPLICATE]
    assert [e.reason for e in duplicates] == [
        "sama persis dengan baris 6",
        "sama persis dengan baris 53",
        "sama persis dengan baris 80",
    ]
    # The same stem as single choice (with and without feedback), short answer (plain,
    # bare form, html)...
    stems = under("Sejarah").filter(name="Who's buried in Grant's tomb?")
    assert sorted(stems.values_list("qtype", flat=True)) == [
        "short_answer",
        "short_answer",
        "short_answer",
        "single_choice",
        "single_choice",
    ]
    # ...numerical with different tolerances, and two multiple-response weightings.
    born = under("Sejarah").filter(name="When was Ulysses S. Grant born?")
    tolerances = sorted(
        a["tolerance"] for q in born for a in q.data["numerical_answers"] if a["value"]
    )
    assert born.count() == 5 and tolerances == ["0", "0", "2", "2", "5"]
    assert under("Sejarah").filter(qtype="multiple_response").count() == 3


def test_importing_the_same_file_again_changes_nothing():
    questions_import(source=GRANT, fmt="gift", category_path="Sejarah")
    revisions = {q.pk: q.revisions.count() for q in under("Sejarah")}
    again = questions_import(source=GRANT, fmt="gift", category_path="Sejarah")
    assert sum(again.unchanged.values()) == 26 and sum(again.duplicates.values()) == 3
    assert not again.created and not again.updated and not again.skipped
    assert {q.pk: q.revisions.count() for q in under("Sejarah")} == revisions


def test_a_changed_unnamed_question_is_new_and_never_overwrites_another():
    questions_import(source=GRANT, fmt="gift", category_path="Sejarah")
    changed = GRANT.replace("{#1822:5}", "{#1822:7}")
    report = questions_import(source=changed, fmt="gift", category_path="Sejarah")
    assert sum(report.created.values()) == 1 and not report.updated
    assert under("Sejarah").count() == 27


def test_a_change_reaches_the_bank_only_through_the_identity_and_lists_old_and_new():
    questions_import(source=GRANT, fmt="gift", category_path="Sejarah")
    changed = GRANT.replace(
        "::Grant MC::Who's buried in Grant's tomb?{~Grant ~Jefferson",
        "::Grant MC::Who's buried in Grant's tomb?{~Grant ~Lincoln",
    )
    report = questions_import(source=changed, fmt="gift", category_path="Sejarah")
    (entry,) = [e for e in report.entries if e.status == Status.UPDATED]
    assert entry.identity == "nama “Grant MC”"
    assert [(c.label, c.old, c.new) for c in entry.changes] == [
        (
            "Pilihan",
            "Grant (0%); Jefferson (0%); no one (100%)",
            "Grant (0%); Lincoln (0%); no one (100%)",
        )
    ]
    assert "diperbarui (nama “Grant MC”)" in entry.describe()
    question = under("Sejarah").get(name="Grant MC")
    assert "Lincoln" in str(question.data) and question.revisions.count() == 2
    assert under("Sejarah").count() == 26


def test_a_type_change_through_an_identity_is_refused_unless_confirmed():
    source = "// [id:GR-02]\n::Makam::Siapa yang dimakamkan?{~Grant =tidak ada}\n"
    questions_import(source=source, fmt="gift", category_path="A")
    as_short = source.replace("{~Grant =tidak ada}", "{=tidak ada =nobody}")
    refused = questions_import(source=as_short, fmt="gift", category_path="A")
    (entry,) = refused.entries
    assert entry.status == Status.SKIPPED
    assert "jenis soal akan berubah dari Pilihan ganda menjadi Isian singkat" in entry.reason
    assert ("Jenis", "Pilihan ganda", "Isian singkat") in [
        (c.label, c.old, c.new) for c in entry.changes
    ]
    assert Question.objects.get().qtype == "single_choice"
    allowed = questions_import(
        source=as_short, fmt="gift", category_path="A", allow_type_change=True
    )
    assert sum(allowed.updated.values()) == 1
    assert Question.objects.get().qtype == "short_answer"


def test_two_different_questions_sharing_a_name_both_stay_and_are_not_guessed_at():
    source = "::Q::Satu?{=a ~b}\n\n::Q::Satu?{=a =b}\n"
    first = questions_import(source=source, fmt="gift", category_path="A")
    assert sum(first.created.values()) == 2
    assert set(
        statuses(questions_import(source=source, fmt="gift", category_path="A")).values()
    ) == {Status.UNCHANGED}
    changed = source.replace("{=a ~b}", "{=a ~c}")
    report = questions_import(source=changed, fmt="gift", category_path="A")
    assert statuses(report) == {1: Status.SKIPPED, 3: Status.UNCHANGED}
    assert "lebih dari satu soal" in report.entries[0].reason
    assert Question.objects.count() == 2


@pytest.mark.parametrize(
    ("identified_first", "twin_line", "identified_line"), [(True, 4, 2), (False, 1, 4)]
)
def test_an_unnamed_twin_of_an_identified_question_is_a_duplicate_in_either_order(
    identified_first, twin_line, identified_line
):
    # Found by the property test: the twin was "unchanged" after the identified question and
    # a second question before it, so the outcome hung on the order of the file.
    identified = "// [id:BP-01]\nSiapa yang dilayani ASN?{=masyarakat ~atasan}\n"
    unnamed = "Siapa yang dilayani ASN?{=masyarakat ~atasan}\n"
    parts = [identified, unnamed] if identified_first else [unnamed, identified]
    source = "\n".join(parts)
    report = questions_import(source=source, fmt="gift", category_path="A")
    assert Question.objects.count() == 1
    assert Question.objects.get().idnumber == "BP-01"
    (duplicate,) = [e for e in report.entries if e.status == Status.DUPLICATE]
    assert duplicate.line == twin_line
    assert duplicate.reason == f"sama persis dengan baris {identified_line}"
    again = questions_import(source=source, fmt="gift", category_path="A")
    assert not again.created and not again.updated and Question.objects.count() == 1


def test_identity_holds_within_the_target_category_only():
    source = "::Q::Satu?{=a ~b}\n"
    questions_import(source=source, fmt="gift", category_path="A")
    report = questions_import(source=source.replace("~b", "~c"), fmt="gift", category_path="B")
    assert sum(report.created.values()) == 1
    assert Question.objects.count() == 2


def test_moodle_xml_idnumber_is_the_identity():
    def xml(answer: str, name: str) -> str:
        return f"""<?xml version="1.0" encoding="UTF-8"?><quiz>
        <question type="shortanswer"><name><text>{name}</text></name>
        <questiontext format="html"><text>Ibu kota?</text></questiontext>
        <idnumber>IK-1</idnumber>
        <answer fraction="100"><text>{answer}</text></answer></question>
        <question type="shortanswer"><name><text>{name}</text></name>
        <questiontext format="html"><text>Ibu kota?</text></questiontext>
        <answer fraction="100"><text>Jakarta</text></answer></question></quiz>"""

    first = questions_import(
        source=xml("Nusantara", "Ibu kota"), fmt="moodlexml", category_path="X"
    )
    assert sum(first.created.values()) == 2
    report = questions_import(
        source=xml("IKN", "Ibu kota baru"), fmt="moodlexml", category_path="X"
    )
    assert [e.status for e in report.entries] == [Status.UPDATED, Status.NEW]
    assert report.entries[0].identity == "ID soal IK-1"
    assert {
        ("Nama", "Ibu kota", "Ibu kota baru"),
        ("Jawaban", "Nusantara (100%)", "IKN (100%)"),
    } <= {(c.label, c.old, c.new) for c in report.entries[0].changes}
    assert Question.objects.count() == 3


def test_the_command_reports_every_question_in_indonesian():
    path = FIXTURES / "grant_bank.gift"
    out = StringIO()
    call_command("import_questions", str(path), "--format", "gift", "--category", "S", stdout=out)
    text = out.getvalue()
    assert "Baru: 26" in text and "Duplikat dalam berkas: 3" in text and "Dilewati: 0" in text
    assert (
        "baris 18 “Who's buried in Grant's tomb?” (Pilihan ganda) — "
        "duplikat dalam berkas: sama persis dengan baris 6" in text
    )
    assert "short_answer" not in text and "Isian singkat" in text
    out = StringIO()
    call_command("import_questions", str(path), "--format", "gift", "--category", "S", stdout=out)
    assert "Tidak berubah: 26" in out.getvalue() and "Baru: 0" in out.getvalue()


def test_skipped_questions_say_why_in_the_report():
    report = questions_import(source="::Rusak::Teks {~a ~b}\n", fmt="gift", category_path="A")
    (entry,) = report.entries
    assert entry.status == Status.SKIPPED and "100%" in entry.reason
    assert entry.describe().startswith("baris 1 “Rusak” — dilewati: ")


def test_a_question_with_a_nul_character_is_skipped_not_a_crash():
    report = questions_import(source="::A::Satu\x00?{=a ~b}\n", fmt="gift", category_path="A")
    assert [(e.status, e.reason) for e in report.entries] == [
        (Status.SKIPPED, "teks soal memuat karakter NUL.")
    ]
    assert not Question.objects.exists()


# --- #18: the file's $CATEGORY repeating the chosen category ------------------------------


def test_a_category_repeating_the_chosen_one_is_not_nested_twice():
    source = (
        "$CATEGORY: $course$/top/Integritas/Pelayanan\n\n::A::Satu?{=a ~b}\n\n"
        "$CATEGORY: $course$/top/Integritas/Pelayanan/Kasus\n\n::B::Dua?{=a ~b}\n"
    )
    questions_import(source=source, fmt="gift", category_path="Integritas/Pelayanan")
    paths = sorted(q.category.path for q in Question.objects.all())
    assert paths == ["Integritas/Pelayanan", "Integritas/Pelayanan/Kasus"]


@pytest.mark.parametrize(
    ("root", "path", "expected"),
    [
        (("A", "B"), ("A", "B", "C"), ("C",)),
        (("Bank", "A", "B"), ("A", "B"), ()),
        (("A",), ("X", "A"), ("X", "A")),
        (("A",), (), ()),
        ((), ("A",), ("A",)),
    ],
)
def test_file_category_under(root, path, expected):
    assert file_category_under(root, path) == expected


# --- property: generated banks where stems repeat across types ---------------------------

# A question whose text starts with "//" keeps its name: without one, GIFT (Moodle too) reads
# that line as a comment, so the file would mean something else.
_NAME_AT_START = re.compile(r"^::(?:\\.|[^\\:])*::(?!//)", re.MULTILINE)
_roots = itertools.count()


@st.composite
def shared_stem_banks(draw):
    stems = draw(st.lists(texts, min_size=1, max_size=3, unique=True))
    items = []
    for _ in range(draw(st.integers(1, 7))):
        question = draw(questions)
        question = replace(question, text=draw(st.sampled_from(stems)))
        items.append(
            ImportedQuestion(
                question,
                draw(st.sampled_from([(), ("Sub",)]) | categories),
                idnumber=draw(st.one_of(st.just(""), st.just(""), tokens)),
            )
        )
    items += draw(st.lists(st.sampled_from(items), max_size=3))
    return draw(st.permutations(items)), draw(st.booleans())


# Derandomized so CI runs the same 25 banks every time. Random probes (3 Dec 2026: about
# 1,500 banks through the import, 20,000 files through the GIFT reader) found two cases,
# both fixed: an unnamed twin of an identified question (now a duplicate in either order)
# and a text starting with "//" left without its name (a comment in GIFT; _NAME_AT_START).
@settings(
    deadline=None,
    database=None,
    derandomize=True,
    max_examples=25,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(shared_stem_banks())
def test_import_keeps_every_distinct_question_and_a_second_import_changes_nothing(db, drawn):
    bank, unnamed = drawn
    text = to_gift(bank).replace("\x00", "0")  # NUL: skipped, see the test below
    if unnamed:  # as a teacher writes them: no ::name::, named after their text
        text = _NAME_AT_START.sub("", text)
    parsed = parse_gift(text)
    assert parsed.problems == ()
    root = f"Uji_{next(_roots)}"
    first = questions_import(source=text, fmt="gift", category_path=root)
    assert under(root).count() == distinct(parsed.questions) == sum(first.created.values())
    assert not first.updated and not first.skipped
    second = questions_import(source=text, fmt="gift", category_path=root)
    assert not second.created and not second.updated and not second.skipped
    assert sum(second.unchanged.values()) == distinct(parsed.questions)
    assert under(root).count() == distinct(parsed.questions)
