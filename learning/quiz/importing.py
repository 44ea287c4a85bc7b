"""What a question-bank import returns, and the parts both file formats share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .types import QuestionData, question_problems


@dataclass(frozen=True)
class ImportedQuestion:
    """A question read from a file, with the category it belongs to and where it was."""

    question: QuestionData
    category: tuple[str, ...] = ()
    line: int = 0
    idnumber: str = ""
    tags: tuple[str, ...] = ()
    # Whether the author named the question (GIFT `::name::`); an unnamed question is
    # named after its text, and such a name is no identity to match a re-import by.
    named: bool = False

    @property
    def identity(self) -> tuple[str, str] | None:
        """The author's identity for the question: its idnumber, else its GIFT name."""
        if self.idnumber:
            return ("idnumber", self.idnumber[:100])
        if self.named:
            return ("name", self.question.name[:255])
        return None


@dataclass(frozen=True)
class ImportProblem:
    """Something not imported (`skipped`), or imported with a loss, and where it was."""

    line: int
    message: str
    name: str = ""
    skipped: bool = True


@dataclass(frozen=True)
class ImportResult:
    questions: tuple[ImportedQuestion, ...] = ()
    problems: tuple[ImportProblem, ...] = ()


@dataclass
class ImportCollector:
    """Accumulates questions and problems while a parser walks a file."""

    questions: list[ImportedQuestion] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)

    def problem(self, line: int, message: str, name: str = "", *, skipped: bool = True) -> None:
        self.problems.append(ImportProblem(line, message, name, skipped))

    def add(self, imported: ImportedQuestion) -> None:
        """Keep the question if it is valid, otherwise report why it was skipped."""
        reasons = question_problems(imported.question)
        if reasons:
            self.problem(imported.line, " ".join(reasons), imported.question.name)
        else:
            self.questions.append(imported)

    def result(self) -> ImportResult:
        return ImportResult(tuple(self.questions), tuple(self.problems))


# Moodle writes categories as "$course$/top/Parent/Child": a context, the invisible "top"
# category, then the path. A "/" inside a name is doubled.
_CONTEXT_PREFIX = re.compile(r"^\$[a-z0-9]+\$$")
_PATH_SEPARATOR = re.compile(r"(?<!/)/(?!/)")


def parse_category_path(text: str) -> tuple[str, ...]:
    parts = [p.replace("//", "/").strip() for p in _PATH_SEPARATOR.split(text.strip())]
    if parts and _CONTEXT_PREFIX.match(parts[0]):
        parts = parts[1:]
        if parts and parts[0] == "top":
            parts = parts[1:]
    return tuple(p for p in parts if p)


def format_category_path(path: tuple[str, ...]) -> str:
    names = [" ".join(name.replace("/", "//").split()) for name in path]
    return "/".join(["$course$", "top", *names])


_TAG = re.compile(r"<[^>]*>")


def default_question_name(text: str) -> str:
    """A name for a question the file left unnamed: the start of its text, as Moodle does."""
    words = " ".join(_TAG.sub(" ", text).split())
    if len(words) <= 60:
        return words or _("Soal tanpa nama")
    return words[:59].rstrip() + "…"
