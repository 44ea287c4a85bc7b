"""Writes to the question bank: save a definition (with a revision), import a file, export
a category. The admin form, the management commands and the demo all call these."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from wagtail.log_actions import log

from learning.quiz.gift import parse_gift, to_gift
from learning.quiz.importing import ImportedQuestion, ImportProblem, ImportResult
from learning.quiz.models import Question, QuestionCategory
from learning.quiz.moodle_xml import parse_moodle_xml
from learning.quiz.types import QuestionData

PARSERS = {"gift": parse_gift, "moodlexml": parse_moodle_xml}


def category_for_path(path: tuple[str, ...] | list[str]) -> QuestionCategory:
    """The category at `path` ("Parent", "Child"), created with its parents if missing."""
    if not path:
        raise ValueError("a category path needs at least one name")
    parent = None
    for name in path:
        name = " ".join(name.split())[:255]
        parent, _created = QuestionCategory.objects.get_or_create(parent=parent, name=name)
    return parent


def split_path(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("/") if part.strip())


def question_save(*, question: Question, data: QuestionData, user=None) -> Question:
    """Store a definition and write the revision attempts will point to."""
    question.set_definition(data)
    question.full_clean(exclude=["tags"])
    question.save()
    question.save_revision(user=user, log_action=False)
    return question


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)  # per question type
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def skipped(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.skipped]


def _existing(category: QuestionCategory, item: ImportedQuestion) -> Question | None:
    """Re-importing matches by idnumber when the file has one, else by name."""
    rows = Question.objects.filter(category=category)
    if item.idnumber:
        found = rows.filter(idnumber=item.idnumber).first()
        if found:
            return found
    return rows.filter(name=item.question.name[:255]).first()


def _import_one(item: ImportedQuestion, root: tuple[str, ...], report: ImportReport, user):
    category = category_for_path(root + item.category)
    question = _existing(category, item)
    qtype = item.question.qtype.value
    if question is not None and question.data == item.question.to_json():
        report.unchanged[qtype] += 1
        return
    counter = report.created if question is None else report.updated
    question = question or Question(category=category)
    question.idnumber = item.idnumber[:100]
    question_save(question=question, data=item.question, user=user)
    if item.tags:
        question.tags.add(*item.tags)
        question.save()
    counter[qtype] += 1


def questions_import(
    *, source: str | bytes, fmt: str, category_path: str, user=None, dry_run: bool = False
) -> ImportReport:
    """Import a GIFT or Moodle XML file under `category_path`; the file's own categories
    become subcategories. With `dry_run` nothing is written."""
    result: ImportResult = PARSERS[fmt](source)
    report = ImportReport(problems=list(result.problems))
    root = split_path(category_path)
    with transaction.atomic():
        for item in result.questions:
            _import_one(item, root, report, user)
        if dry_run:
            transaction.set_rollback(True)
        elif user is not None and root:
            log(
                instance=category_for_path(root),
                action="learning.quiz.import",
                user=user,
                data={"created": sum(report.created.values())},
            )
    return report


def category_export_gift(category: QuestionCategory) -> str:
    """The category and its subcategories as GIFT, with `$CATEGORY:` lines relative to
    the exported category so the file imports back under any root."""
    items = []
    for category_id in category.descendant_ids():
        sub = QuestionCategory.objects.get(pk=category_id)
        relative = tuple(sub.path.split("/")[len(category.path.split("/")) :])
        for question in sub.questions.prefetch_related("tagged_items__tag").order_by("name"):
            tags = tuple(sorted(t.tag.name for t in question.tagged_items.all()))
            items.append(
                ImportedQuestion(question.definition, relative, 0, question.idnumber, tags)
            )
    return to_gift(items)
