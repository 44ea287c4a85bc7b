"""Moodle's GIFT text format: import (`parse_gift`) and export (`to_gift`).

The reading rules are Moodle's own (question/format/gift), so a file that imports into
Moodle imports here the same way: questions are separated by blank lines, lines starting
with `//` are comments, `\\` escapes `~ = # { } :` and itself, `\\n` is a line break, and the
type is decided by the first of: empty braces (essay), `#` (numerical), a `~` (choice),
`=` with `->` (matching), `T`/`TRUE`/`F`/`FALSE` (true/false), else short answer.

Problems never raise: each is reported with the line where its question starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.utils.translation import gettext as _

from .grading import parse_number
from .importing import (
    ImportCollector,
    ImportedQuestion,
    ImportResult,
    default_question_name,
    format_category_path,
    parse_category_path,
)
from .types import (
    FRACTION_EPSILON,
    Choice,
    MatchPair,
    NumericalAnswer,
    QuestionData,
    QuestionType,
    ShortAnswer,
    TextFormat,
    positional_id,
    true_false_choices,
)

# Escaped characters become Unicode noncharacters while the structure is parsed, so that
# `\~` is never taken for a separator; they turn back into text at the end.
_ESCAPABLE = {"\\": "\\", ":": ":", "#": "#", "=": "=", "{": "{", "}": "}", "~": "~", "n": "\n"}
_PLACEHOLDER = {key: chr(0xFDD0 + i) for i, key in enumerate(_ESCAPABLE)}
_RELEASE = str.maketrans({_PLACEHOLDER[key]: value for key, value in _ESCAPABLE.items()})
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef]")

_FORMAT_TAG = re.compile(r"\[(html|moodle|plain|markdown)\]")
_WEIGHT = re.compile(r"%([+-]?\d+(?:[.,]\d+)?)%")
_ID_TOKEN = re.compile(r"\[id:((?:\\\]|[^\]])+)\]")
_TAG_TOKEN = re.compile(r"\[tag:((?:\\\]|[^\]])+)\]")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_CATEGORY = "$CATEGORY:"


class GiftError(Exception):
    """A question that cannot be imported; the message is shown to the user."""


_ESCAPE_IN = re.compile(r"\\([\\:#={}~n])")


def _protect(text: str) -> str:
    # Left to right without overlaps, as Moodle does: "\\~" is a backslash, then a separator.
    return _ESCAPE_IN.sub(lambda match: _PLACEHOLDER[match.group(1)], text)


def _release(text: str) -> str:
    return text.translate(_RELEASE)


def _with_format(text: str, default: TextFormat) -> tuple[TextFormat, str]:
    """Strip an optional leading `[format]` tag; the text is trimmed after unescaping."""
    text = text.strip()
    tag = _FORMAT_TAG.match(text)
    if tag:
        return TextFormat(tag.group(1)), _release(text[tag.end() :]).strip()
    return default, _release(text).strip()


def _part(text: str) -> str:
    """An answer or feedback: Moodle allows its own format tag, which we do not keep
    (one format per question)."""
    return _with_format(text, TextFormat.MOODLE)[1]


# --- reading ----------------------------------------------------------------------------


@dataclass
class _Block:
    lines: list[tuple[int, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


def _blocks(text: str) -> Iterator[_Block]:
    block = _Block()
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            if block.lines:
                yield block
            block = _Block()
        elif line.startswith("//"):
            block.comments.append(line)
        else:
            block.lines.append((number, line))
    if block.lines:
        yield block


def _decode(source: str | bytes, collector: ImportCollector) -> str | None:
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = source[: error.start].count(b"\n") + 1
            collector.problem(line, _("Berkas harus berenkode UTF-8."))
            return None
    source = source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _NONCHARACTERS.sub("", source)


def parse_gift(source: str | bytes) -> ImportResult:
    """Read a GIFT file into questions (with category, line, id and tags) and problems."""
    collector = ImportCollector()
    text = _decode(source, collector)
    if text is None:
        return collector.result()
    category: tuple[str, ...] = ()
    for block in _blocks(text):
        lines = block.lines
        if lines[0][1].startswith(_CATEGORY):
            category = parse_category_path(_release(_protect(lines[0][1][len(_CATEGORY) :])))
            lines = lines[1:]
            if not lines:
                continue
        _read_question(block, lines, category, collector)
    return collector.result()


def _read_question(
    block: _Block,
    lines: list[tuple[int, str]],
    category: tuple[str, ...],
    collector: ImportCollector,
) -> None:
    line = lines[0][0]
    text = _protect("\n".join(content for _number, content in lines))
    name = ""
    try:
        name, text = _split_name(text)
        question = _read_body(name, text)
    except GiftError as error:
        collector.problem(line, str(error), name or default_question_name(_release(text)))
        return
    idnumber, tags = _id_and_tags(block.comments)
    collector.add(ImportedQuestion(question, category, line, idnumber, tags, named=bool(name)))


def _split_name(text: str) -> tuple[str, str]:
    if not text.startswith("::"):
        return "", text
    end = text.find("::", 2)
    if end == -1:
        raise GiftError(_("Nama soal tidak ditutup dengan '::'."))
    return _release(text[2:end]).strip(), text[end + 2 :].strip()


def _read_body(name: str, text: str) -> QuestionData:
    start, finish = text.find("{"), text.find("}")
    if start == -1 and finish == -1:
        raise GiftError(_("Soal tanpa blok jawaban { } (deskripsi) tidak didukung."))
    if start == -1 or finish == -1 or finish < start:
        raise GiftError(_("Kurung kurawal { } tidak berpasangan; tulis \\{ atau \\} di teks."))
    answer, after = text[start + 1 : finish], text[finish + 1 :]
    if "{" in answer:
        raise GiftError(_("Tanda { di dalam blok jawaban harus ditulis \\{."))
    if "{" in after or "}" in after:
        raise GiftError(_("Hanya satu blok jawaban per soal yang didukung (soal cloze tidak)."))
    # Text after the answers makes a missing-word question: the answers fill the blank.
    body = text[:start] + "_____" + after if after.strip() else text[:start]
    text_format, question_text = _with_format(body, TextFormat.MOODLE)
    answer = answer.strip()
    general_feedback = ""
    separator = answer.rfind("####")
    if separator != -1:
        general_feedback = _part(answer[separator + 4 :])
        answer = answer[:separator].strip()
    base = QuestionData(
        qtype=QuestionType.ESSAY,
        name=name or default_question_name(question_text),
        text=question_text,
        text_format=text_format,
        general_feedback=general_feedback,
    )
    return _reader_for(answer)(base, answer)


def _reader_for(answer: str) -> Callable[[QuestionData, str], QuestionData]:
    if not answer:
        return lambda base, _answer: base
    if answer.startswith("#"):
        return _read_numerical
    if "~" in answer:
        return _read_choices
    if "=" in answer and "->" in answer:
        return _read_matching
    if answer.split("#", 1)[0].strip() in _TRUE_FALSE:
        return _read_true_false
    return _read_short_answer


def _pieces(answer: str, markers: str) -> tuple[str, list[tuple[str, str]]]:
    """Split answers at their markers: the text before the first one, then
    (marker, rest) pairs."""
    lead, *chunks = re.split(f"(?=[{re.escape(markers)}])", answer)
    return lead.strip(), [(chunk[0], chunk[1:].strip()) for chunk in chunks]


def _weight(body: str, default: Decimal) -> tuple[Decimal, str]:
    """Read an optional `%n%` weight, a percentage that may be negative or decimal."""
    if not body.startswith("%"):
        return default, body
    match = _WEIGHT.match(body)
    percent = parse_number(match.group(1)) if match else None
    if match is None or percent is None:
        raise GiftError(_("Bobot jawaban tidak valid: %(text)s") % {"text": _release(body)})
    if not -100 <= percent <= 100:
        raise GiftError(_("Bobot jawaban harus antara -100% dan 100%."))
    return percent / 100, body[match.end() :].strip()


def _feedback_split(body: str) -> tuple[str, str]:
    text, _sep, feedback = body.partition("#")
    return _part(text), _part(feedback)


def _read_choices(base: QuestionData, answer: str) -> QuestionData:
    lead, pieces = _pieces(answer, "~=")
    if lead:
        raise GiftError(
            _("Teks sebelum pilihan pertama tidak dikenali: %(text)s") % {"text": _release(lead)}
        )
    choices = []
    for index, (marker, body) in enumerate(pieces):
        fraction, body = _weight(body, Decimal(1) if marker == "=" else Decimal(0))
        text, feedback = _feedback_split(body)
        choices.append(Choice(positional_id("c", index), text, fraction, feedback))
    # Moodle's rule: no `=` at all means several answers may be chosen.
    single = any(marker == "=" for marker, _body in pieces)
    qtype = QuestionType.SINGLE_CHOICE if single else QuestionType.MULTIPLE_RESPONSE
    return replace(base, qtype=qtype, choices=tuple(choices))


def _read_short_answer(base: QuestionData, answer: str) -> QuestionData:
    lead, pieces = _pieces(answer, "=")
    bodies = ([lead] if lead else []) + [body for _marker, body in pieces]
    answers = []
    for index, body in enumerate(bodies):
        fraction, rest = _weight(body, Decimal(1))
        text, feedback = _feedback_split(rest)
        answers.append(ShortAnswer(positional_id("s", index), text, fraction, feedback))
    return replace(base, qtype=QuestionType.SHORT_ANSWER, short_answers=tuple(answers))


def _read_true_false(base: QuestionData, answer: str) -> QuestionData:
    bits = [*answer.split("#", 2), "", ""]
    correct = _TRUE_FALSE[bits[0].strip()]
    # Moodle's order: {T#feedback when answered wrongly#feedback when answered rightly}.
    wrong, right = _part(bits[1]), _part(bits[2])
    choices = true_false_choices(
        correct=correct,
        true_feedback=right if correct else wrong,
        false_feedback=wrong if correct else right,
    )
    return replace(base, qtype=QuestionType.TRUE_FALSE, choices=choices)


def _read_numerical(base: QuestionData, answer: str) -> QuestionData:
    body, tilde, wrong = answer[1:].partition("~")
    lead, pieces = _pieces(body, "=")
    bodies = ([lead] if lead else []) + [rest for _marker, rest in pieces]
    if not bodies:
        raise GiftError(_("Soal angka tidak memiliki jawaban."))
    answers = []
    for index, item in enumerate(bodies):
        fraction, rest = _weight(item, Decimal(1))
        spec, _sep, feedback = rest.partition("#")
        answers.append(_numerical_answer(positional_id("n", index), spec, fraction, feedback))
    if tilde:
        # `~#feedback` is Moodle's catch-all for every other number.
        feedback = _part(wrong.partition("#")[2])
        answers.append(NumericalAnswer(positional_id("n", len(answers)), Decimal(0), feedback))
    return replace(base, qtype=QuestionType.NUMERICAL, numerical_answers=tuple(answers))


def _number(text: str) -> Decimal:
    number = parse_number(_release(text).strip())
    if number is None:
        raise GiftError(_("Jawaban angka bukan bilangan: %(text)s") % {"text": _release(text)})
    return number


def _numerical_answer(
    answer_id: str, spec: str, fraction: Decimal, feedback: str
) -> NumericalAnswer:
    spec = spec.strip()
    common = {"id": answer_id, "fraction": fraction, "feedback": _part(feedback)}
    if spec == "*":
        return NumericalAnswer(**common)
    if spec.find("..") > 0:
        low, _sep, high = spec.partition("..")
        return NumericalAnswer(**common, minimum=_number(low), maximum=_number(high))
    if spec.find(":") > 0:
        value, _sep, tolerance = spec.partition(":")
        return NumericalAnswer(**common, value=_number(value), tolerance=_number(tolerance))
    return NumericalAnswer(**common, value=_number(spec))


def _read_matching(base: QuestionData, answer: str) -> QuestionData:
    lead, pieces = _pieces(answer, "=")
    if lead:
        raise GiftError(
            _("Teks sebelum pasangan pertama tidak dikenali: %(text)s") % {"text": _release(lead)}
        )
    pairs = []
    for index, (_marker, body) in enumerate(pieces):
        left, arrow, right = body.partition("->")
        if not arrow:
            raise GiftError(_("Pasangan tanpa tanda '->': %(text)s") % {"text": _release(body)})
        pairs.append(MatchPair(positional_id("p", index), _part(left), _release(right).strip()))
    return replace(base, qtype=QuestionType.MATCHING, pairs=tuple(pairs))


def _unescape_token(value: str) -> str:
    return value.replace("\\]", "]").strip()


def _id_and_tags(comments: list[str]) -> tuple[str, tuple[str, ...]]:
    """Moodle keeps a question's idnumber and tags in a comment: `// [id:X] [tag:Y]`."""
    joined = "\n".join(comments)
    found = _ID_TOKEN.search(joined)
    idnumber = _unescape_token(found.group(1)) if found else ""
    tags = tuple(_unescape_token(t) for t in _TAG_TOKEN.findall(joined))
    return idnumber, tuple(t for t in tags if t)


# --- writing ----------------------------------------------------------------------------

_ESCAPE_OUT = str.maketrans(
    {
        "\\": "\\\\",
        ":": "\\:",
        "#": "\\#",
        "=": "\\=",
        "{": "\\{",
        "}": "\\}",
        "~": "\\~",
        "\n": "\\n",
        "\r": "",
    }
)


def _escape(text: str) -> str:
    return text.translate(_ESCAPE_OUT)


def _escape_part(text: str, text_format: TextFormat) -> str:
    """Escape a text; one that starts with `[` gets an explicit format tag so that its own
    bracket is never read as one."""
    prefix = f"[{text_format.value}]" if text.startswith("[") else ""
    return prefix + _escape(text)


def _percent(fraction: Decimal) -> str:
    return format((fraction * 100).normalize(), "f")


def _weighted(fraction: Decimal, text: str, default: Decimal) -> str:
    """A `%n%` weight when it differs from the marker's default, or when the text itself
    starts with `%` and would otherwise be read as one."""
    if fraction != default or text.startswith("%"):
        return f"%{_percent(fraction)}%"
    return ""


def gift_limitations(question: QuestionData) -> list[str]:
    """What GIFT cannot say about this question (written as comments by `to_gift`)."""
    notes = []
    if question.qtype == QuestionType.SHORT_ANSWER and question.case_sensitive:
        notes.append(_("GIFT tidak dapat menyatakan jawaban peka huruf besar/kecil."))
    if not question.shuffle_answers and question.qtype in (
        QuestionType.SINGLE_CHOICE,
        QuestionType.MULTIPLE_RESPONSE,
        QuestionType.MATCHING,
    ):
        notes.append(_("GIFT tidak dapat menyatakan pilihan yang tidak diacak."))
    arrows = [text for a in question.short_answers for text in (a.text, a.feedback)]
    arrows += [p.question for p in question.pairs]
    if any("->" in text for text in arrows):
        notes.append(_("Tanda '->' di jawaban isian atau sisi kiri pasangan terbaca lain."))
    return notes


# The weights Moodle's importer accepts by default ("error if grade not listed"), and
# their negatives; it compares within 0.00001.
_MOODLE_WEIGHTS = tuple(
    Decimal(w)
    for w in "1 0.9 0.8333333 0.8 0.75 0.7 0.6666667 0.6 0.5 0.4 0.3333333 0.3 0.25 0.2 "
    "0.1666667 0.1428571 0.125 0.1111111 0.1 0.05 0".split()
)
_MOODLE_WEIGHT_TOLERANCE = Decimal("0.00001")


def moodle_weight_notes(question: QuestionData) -> list[str]:
    """Weights this platform grades with but Moodle refuses to import unless told to round
    them ("nearest grade if not listed")."""
    answers = question.short_answers + question.numerical_answers
    if question.qtype != QuestionType.TRUE_FALSE:
        answers += question.choices
    odd = sorted(
        {
            a.fraction
            for a in answers
            if not any(abs(abs(a.fraction) - w) < _MOODLE_WEIGHT_TOLERANCE for w in _MOODLE_WEIGHTS)
        }
    )
    if not odd:
        return []
    weights = ", ".join(f"{_percent(f)}%" for f in odd)
    return [
        _(
            "Bobot %(weights)s tidak ada di daftar bobot Moodle; saat mengimpor di Moodle pilih "
            "nilai terdekat (Nearest grade if not listed)."
        )
        % {"weights": weights}
    ]


def _choice_markers(question: QuestionData) -> list[str]:
    """`=` marks full-credit choices of a single choice question; a choice question needs
    at least one `~` to be read as one, and a multiple response question no `=` at all."""
    if question.qtype == QuestionType.MULTIPLE_RESPONSE:
        return ["~"] * len(question.choices)
    markers = ["=" if abs(c.fraction - 1) <= FRACTION_EPSILON else "~" for c in question.choices]
    if "~" not in markers and markers:
        markers[-1] = "~"  # written with an explicit %100% weight
    return markers


def _choice_lines(question: QuestionData) -> list[str]:
    lines = []
    for marker, choice in zip(_choice_markers(question), question.choices, strict=True):
        default = Decimal(1) if marker == "=" else Decimal(0)
        line = f"\t{marker}{_weighted(choice.fraction, choice.text, default)}"
        line += _escape_part(choice.text, question.text_format)
        lines.append(line + _feedback(choice.feedback, question.text_format))
    return lines


def _feedback(text: str, text_format: TextFormat) -> str:
    return f"#{_escape_part(text, text_format)}" if text else ""


def _short_answer_lines(question: QuestionData) -> list[str]:
    fmt = question.text_format
    return [
        f"\t={_weighted(a.fraction, a.text, Decimal(1))}{_escape_part(a.text, fmt)}"
        + _feedback(a.feedback, fmt)
        for a in question.short_answers
    ]


def _numerical_spec(answer: NumericalAnswer) -> str:
    if answer.value is not None:
        if answer.tolerance:
            return f"{answer.value:f}:{answer.tolerance:f}"
        return f"{answer.value:f}"
    if answer.minimum is not None and answer.maximum is not None:
        return f"{answer.minimum:f}..{answer.maximum:f}"
    return "*"


def _numerical_lines(question: QuestionData) -> list[str]:
    return [
        f"\t={_weighted(a.fraction, '', Decimal(1))}{_numerical_spec(a)}"
        + _feedback(a.feedback, question.text_format)
        for a in question.numerical_answers
    ]


def _matching_lines(question: QuestionData) -> list[str]:
    return [
        f"\t={_escape_part(p.question, question.text_format)} -> {_escape(p.answer)}"
        for p in question.pairs
    ]


def _true_false_answer(question: QuestionData) -> str:
    correct = next((c for c in question.choices if c.fraction == 1), None)
    wrong = next((c for c in question.choices if c is not correct), None)
    answer = "TRUE" if correct is not None and correct.id == "true" else "FALSE"
    right_fb = correct.feedback if correct else ""
    wrong_fb = wrong.feedback if wrong else ""
    fmt = question.text_format
    if right_fb:
        return f"{answer}#{_escape_part(wrong_fb, fmt)}#{_escape_part(right_fb, fmt)}"
    return answer + _feedback(wrong_fb, fmt)


_ANSWER_LINES = {
    QuestionType.SINGLE_CHOICE: _choice_lines,
    QuestionType.MULTIPLE_RESPONSE: _choice_lines,
    QuestionType.SHORT_ANSWER: _short_answer_lines,
    QuestionType.NUMERICAL: _numerical_lines,
    QuestionType.MATCHING: _matching_lines,
}


def _metadata_comment(idnumber: str, tags: tuple[str, ...]) -> list[str]:
    tokens = [f"[id:{_token(idnumber)}]"] if idnumber else []
    tokens += [f"[tag:{_token(tag)}]" for tag in tags]
    return [f"// {' '.join(tokens)}"] if tokens else []


def _token(value: str) -> str:
    return " ".join(value.split()).replace("]", "\\]")


def question_to_gift(
    question: QuestionData, *, idnumber: str = "", tags: tuple[str, ...] = ()
) -> str:
    fmt = question.text_format
    notes = gift_limitations(question) + moodle_weight_notes(question)
    lines = [f"// {note}" for note in notes]
    lines += _metadata_comment(idnumber, tags)
    tag = f"[{fmt.value}]" if fmt != TextFormat.MOODLE or question.text.startswith("[") else ""
    head = f"::{_escape(question.name)}::{tag}{_escape(question.text)}"
    general = f"####{_escape_part(question.general_feedback, fmt)}"
    general = general if question.general_feedback else ""
    if question.qtype == QuestionType.ESSAY:
        return "\n".join([*lines, f"{head}{{{general}}}"])
    if question.qtype == QuestionType.TRUE_FALSE:
        return "\n".join([*lines, f"{head}{{{_true_false_answer(question)}{general}}}"])
    opening = "{#" if question.qtype == QuestionType.NUMERICAL else "{"
    body = _ANSWER_LINES[question.qtype](question)
    if general:
        body.append(f"\t{general}")
    return "\n".join([*lines, head + opening, *body, "}"])


def to_gift(items: Iterable[QuestionData | ImportedQuestion]) -> str:
    """Write questions as GIFT. Imported questions carry their category, written as a
    `$CATEGORY:` line whenever it changes, and their idnumber and tags."""
    blocks: list[str] = []
    category: tuple[str, ...] | None = None
    for item in items:
        if isinstance(item, QuestionData):
            blocks.append(question_to_gift(item))
            continue
        if item.category != category:
            category = item.category
            blocks.append(f"{_CATEGORY} {format_category_path(category)}")
        blocks.append(question_to_gift(item.question, idnumber=item.idnumber, tags=item.tags))
    return "\n\n".join(blocks) + "\n" if blocks else ""
