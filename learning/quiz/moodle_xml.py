"""Import of Moodle XML question files (`parse_moodle_xml`).

The file is parsed with defusedxml with DTDs forbidden, so entity expansion ("billion
laughs") and external entities are refused before any expansion happens. Question types
we do not have are reported by name and line and skipped; parts we ignore (embedded
files, units, combined feedback) are reported as imported with a loss.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from django.utils.translation import gettext as _

from .grading import parse_number
from .importing import (
    ImportCollector,
    ImportedQuestion,
    ImportResult,
    default_question_name,
    parse_category_path,
)
from .types import (
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

_FORMATS = {
    "html": TextFormat.HTML,
    "moodle_auto_format": TextFormat.MOODLE,
    "plain_text": TextFormat.PLAIN,
    "markdown": TextFormat.MARKDOWN,
}
_TRUTHY = {"1", "true", "yes"}
_UNSUPPORTED_NAMES = {
    "description": "deskripsi",
    "multianswer": "cloze (embedded answers)",
    "calculated": "calculated",
    "calculatedsimple": "calculated simple",
    "calculatedmulti": "calculated multichoice",
    "ddwtos": "drag and drop into text",
    "gapselect": "select missing words",
    "ddimageortext": "drag and drop onto image",
    "ddmarker": "drag and drop markers",
    "randomsamatch": "random short-answer matching",
    "random": "random",
}


class MoodleXmlError(Exception):
    """A question that cannot be imported; the message is shown to the user."""


class _LineTreeBuilder(ET.TreeBuilder):
    """Remembers the line each element starts on (ElementTree does not)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.parser: DefusedXMLParser | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        if self.parser is not None:
            self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element


def _parse_tree(
    source: str | bytes, collector: ImportCollector
) -> tuple[ET.Element, dict[int, int]] | None:
    """The document and the line of each element, or None after reporting why not."""
    builder = _LineTreeBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.parser = parser
    try:
        parser.feed(source.encode("utf-8") if isinstance(source, str) else source)
        return parser.close(), builder.lines
    except DefusedXmlException:
        line = parser.parser.CurrentLineNumber
        collector.problem(line, _("Berkas XML memuat DTD atau entitas; ditolak demi keamanan."))
    except ET.ParseError as error:
        message = _("Berkas XML tidak valid: %(error)s") % {"error": error.msg}
        collector.problem(error.position[0], message)
    except LookupError:
        collector.problem(1, _("Enkode yang disebut deklarasi XML tidak dikenal."))
    return None


def parse_moodle_xml(source: str | bytes) -> ImportResult:
    """Read a Moodle XML file into questions (with category, line, idnumber and tags)
    and problems."""
    collector = ImportCollector()
    parsed = _parse_tree(source, collector)
    if parsed is None:
        return collector.result()
    root, lines = parsed
    if root.tag != "quiz":
        collector.problem(1, _("Elemen akar berkas Moodle XML harus <quiz>."))
        return collector.result()
    category: tuple[str, ...] = ()
    for element in root.iter("question"):
        line = lines.get(id(element), 0)
        qtype = element.get("type", "")
        if qtype == "category":
            category = parse_category_path(_text(element, "category"))
            continue
        _read_question(element, qtype, line, category, collector)
    return collector.result()


def _read_question(
    element: ET.Element,
    qtype: str,
    line: int,
    category: tuple[str, ...],
    collector: ImportCollector,
) -> None:
    base = _base(element)
    reader = _READERS.get(qtype)
    if reader is None:
        label = _UNSUPPORTED_NAMES.get(qtype, qtype or "?")
        collector.problem(
            line, _("Jenis soal “%(type)s” tidak didukung.") % {"type": label}, base.name
        )
        return
    try:
        question = reader(base, element)
    except MoodleXmlError as error:
        collector.problem(line, str(error), base.name)
        return
    for loss in _losses(element):
        collector.problem(line, loss, base.name, skipped=False)
    tags = tuple(t for t in (_text(tag) for tag in element.findall("tags/tag")) if t)
    idnumber = (element.findtext("idnumber") or "").strip()
    collector.add(ImportedQuestion(question, category, line, idnumber, tags))


def _text(element: ET.Element, path: str = "") -> str:
    """The `<text>` of a child (or of the element itself), trimmed; "" when absent."""
    node = element.find(f"{path}/text" if path else "text")
    return (node.text or "").strip() if node is not None else ""


def _flag(element: ET.Element, path: str, default: bool) -> bool:
    node = element.find(path)
    if node is None or node.text is None:
        return default
    return node.text.strip().lower() in _TRUTHY


def _base(element: ET.Element) -> QuestionData:
    text_node = element.find("questiontext")
    fmt = text_node.get("format", "moodle_auto_format") if text_node is not None else ""
    text = _text(element, "questiontext")
    return QuestionData(
        qtype=QuestionType.ESSAY,
        name=_text(element, "name") or default_question_name(text),
        text=text,
        text_format=_FORMATS.get(fmt, TextFormat.MOODLE),
        general_feedback=_text(element, "generalfeedback"),
    )


def _fraction(answer: ET.Element) -> Decimal:
    percent = parse_number(answer.get("fraction", "0"))
    if percent is None:
        raise MoodleXmlError(
            _("Bobot jawaban tidak valid: %(value)s") % {"value": answer.get("fraction")}
        )
    return percent / 100


def _read_multichoice(base: QuestionData, element: ET.Element) -> QuestionData:
    single = _flag(element, "single", default=True)
    choices = tuple(
        Choice(positional_id("c", i), _text(a), _fraction(a), _text(a, "feedback"))
        for i, a in enumerate(element.findall("answer"))
    )
    return replace(
        base,
        qtype=QuestionType.SINGLE_CHOICE if single else QuestionType.MULTIPLE_RESPONSE,
        choices=choices,
        shuffle_answers=_flag(element, "shuffleanswers", default=True),
    )


def _read_truefalse(base: QuestionData, element: ET.Element) -> QuestionData:
    answers = {_text(a).lower(): a for a in element.findall("answer")}
    true, false = answers.get("true"), answers.get("false")
    if true is None or false is None:
        raise MoodleXmlError(_("Soal benar/salah harus memiliki jawaban 'true' dan 'false'."))
    choices = true_false_choices(
        correct=_fraction(true) == 1,
        true_feedback=_text(true, "feedback"),
        false_feedback=_text(false, "feedback"),
    )
    return replace(base, qtype=QuestionType.TRUE_FALSE, choices=choices)


def _read_shortanswer(base: QuestionData, element: ET.Element) -> QuestionData:
    answers = tuple(
        ShortAnswer(positional_id("s", i), _text(a), _fraction(a), _text(a, "feedback"))
        for i, a in enumerate(element.findall("answer"))
    )
    return replace(
        base,
        qtype=QuestionType.SHORT_ANSWER,
        short_answers=answers,
        case_sensitive=_flag(element, "usecase", default=False),
    )


def _numerical_answer(index: int, answer: ET.Element) -> NumericalAnswer:
    value_text = _text(answer)
    common = {
        "id": positional_id("n", index),
        "fraction": _fraction(answer),
        "feedback": _text(answer, "feedback"),
    }
    if value_text == "*":
        return NumericalAnswer(**common)
    value = parse_number(value_text)
    tolerance_node = answer.find("tolerance")
    tolerance_text = (tolerance_node.text or "0").strip() if tolerance_node is not None else "0"
    tolerance = parse_number(tolerance_text or "0")
    if value is None or tolerance is None:
        message = _("Jawaban angka bukan bilangan: %(text)s")
        raise MoodleXmlError(message % {"text": f"{value_text} ± {tolerance_text}"})
    return NumericalAnswer(**common, value=value, tolerance=abs(tolerance))


def _read_numerical(base: QuestionData, element: ET.Element) -> QuestionData:
    answers = tuple(_numerical_answer(i, a) for i, a in enumerate(element.findall("answer")))
    return replace(base, qtype=QuestionType.NUMERICAL, numerical_answers=answers)


def _read_matching(base: QuestionData, element: ET.Element) -> QuestionData:
    pairs = tuple(
        MatchPair(positional_id("p", i), _text(sub), _text(sub, "answer"))
        for i, sub in enumerate(element.findall("subquestion"))
    )
    return replace(
        base,
        qtype=QuestionType.MATCHING,
        pairs=pairs,
        shuffle_answers=_flag(element, "shuffleanswers", default=True),
    )


_READERS: dict[str, Callable[[QuestionData, ET.Element], QuestionData]] = {
    "multichoice": _read_multichoice,
    "truefalse": _read_truefalse,
    "shortanswer": _read_shortanswer,
    "numerical": _read_numerical,
    "matching": _read_matching,
    "essay": lambda base, element: base,
}


def _losses(element: ET.Element) -> list[str]:
    """What Moodle stored that this platform does not keep."""
    losses = []
    if element.find(".//file") is not None:
        losses.append(_("Berkas sisipan (gambar/lampiran) tidak ikut diimpor."))
    if element.find("units/unit") is not None:
        losses.append(_("Satuan pada soal angka diabaikan; hanya bilangannya yang dinilai."))
    return losses
