"""Writes to the question bank: save a definition (with a revision), import a file, export
a category. The admin form, the management commands and the demo all call these."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import log

from learning.quiz.gift import parse_gift, to_gift
from learning.quiz.importing import ImportedQuestion, ImportProblem, ImportResult
from learning.quiz.models import Question, QuestionCategory
from learning.quiz.moodle_xml import parse_moodle_xml
from learning.quiz.types import QuestionData, question_type_label

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


class Status(StrEnum):
    """What an import did with one question of the file."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    SKIPPED = "skipped"


STATUS_LABELS = {
    Status.NEW: gettext_lazy("baru"),
    Status.UPDATED: gettext_lazy("diperbarui"),
    Status.UNCHANGED: gettext_lazy("tidak berubah"),
    Status.DUPLICATE: gettext_lazy("duplikat dalam berkas"),
    Status.SKIPPED: gettext_lazy("dilewati"),
}


@dataclass(frozen=True)
class Change:
    """One field of a question an update changes, written for people."""

    label: str
    old: str
    new: str


@dataclass(frozen=True)
class ImportEntry:
    """One question of the file and what the import did with it."""

    status: Status
    line: int
    name: str
    qtype: str = ""
    category: str = ""
    identity: str = ""  # "ID soal AK-01" or "nama “…”", when the file gives one
    reason: str = ""  # why skipped, or which line a duplicate repeats
    changes: tuple[Change, ...] = ()

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def qtype_label(self) -> str:
        return question_type_label(self.qtype) if self.qtype else ""

    def describe(self) -> str:
        """One line for the command's output (the admin preview shows the same parts)."""
        head = _("baris %(line)s “%(name)s”") % {"line": self.line, "name": self.name}
        if self.qtype_label:
            head += f" ({self.qtype_label})"
        status = self.status_label
        if self.status == Status.UPDATED and self.identity:
            status += f" ({self.identity})"
        if self.reason:
            status += f": {self.reason}"
        return f"{head} — {status}"


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)  # per question type
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    duplicates: Counter = field(default_factory=Counter)
    problems: list[ImportProblem] = field(default_factory=list)
    entries: list[ImportEntry] = field(default_factory=list)  # one per question, by line

    @property
    def skipped(self) -> list[ImportEntry]:
        return [e for e in self.entries if e.status == Status.SKIPPED]

    @property
    def notes(self) -> list[ImportProblem]:
        """Questions imported with a loss (e.g. an image the format could not carry)."""
        return [p for p in self.problems if not p.skipped]

    def add(self, entry: ImportEntry) -> None:
        self.entries.append(entry)
        counter = {
            Status.NEW: self.created,
            Status.UPDATED: self.updated,
            Status.UNCHANGED: self.unchanged,
            Status.DUPLICATE: self.duplicates,
        }.get(entry.status)
        if counter is not None:
            counter[entry.qtype] += 1

    def counts(self) -> list[tuple[str, int, list[tuple[str, int]]]]:
        """(status label, total, [(type label, n)…]) for every status, in a fixed order."""
        rows = []
        for status, counter in (
            (Status.NEW, self.created),
            (Status.UPDATED, self.updated),
            (Status.UNCHANGED, self.unchanged),
            (Status.DUPLICATE, self.duplicates),
        ):
            by_type = sorted((question_type_label(t), n) for t, n in counter.items())
            rows.append((str(STATUS_LABELS[status]), sum(counter.values()), by_type))
        rows.append((str(STATUS_LABELS[Status.SKIPPED]), len(self.skipped), []))
        return rows


def file_category_under(root: tuple[str, ...], path: tuple[str, ...]) -> tuple[str, ...]:
    """The file's category path below the chosen root, without repeating the root.

    A file exported from "Integritas/Pelayanan" names that path in its `$CATEGORY`; imported
    into "Integritas/Pelayanan" it must not nest as "Integritas/Pelayanan/Integritas/…". The
    longest end of the root that the file's path starts with is dropped.
    """
    norm_root = [" ".join(n.split()) for n in root]
    norm_path = [" ".join(n.split()) for n in path]
    for size in range(min(len(norm_root), len(norm_path)), 0, -1):
        if norm_root[len(norm_root) - size :] == norm_path[:size]:
            return tuple(path[size:])
    return tuple(path)


def _identity_label(identity: tuple[str, str] | None) -> str:
    if identity is None:
        return ""
    kind, value = identity
    if kind == "idnumber":
        return _("ID soal %(id)s") % {"id": value}
    return _("nama “%(name)s”") % {"name": value}


_FIELD_LABELS = {
    "qtype": gettext_lazy("Jenis"),
    "name": gettext_lazy("Nama"),
    "text": gettext_lazy("Teks"),
    "text_format": gettext_lazy("Format teks"),
    "general_feedback": gettext_lazy("Umpan balik umum"),
    "choices": gettext_lazy("Pilihan"),
    "short_answers": gettext_lazy("Jawaban"),
    "case_sensitive": gettext_lazy("Peka huruf besar/kecil"),
    "numerical_answers": gettext_lazy("Jawaban angka"),
    "pairs": gettext_lazy("Pasangan"),
    "shuffle_answers": gettext_lazy("Acak jawaban"),
}


def _percent(fraction: str) -> str:
    return format((Decimal(fraction) * 100).normalize(), "f") + "%"


def _show(key: str, value) -> str:
    """A field of `QuestionData.to_json()` as short readable text."""
    if key == "qtype":
        return question_type_label(value)
    if isinstance(value, bool):
        return _("ya") if value else _("tidak")
    if not isinstance(value, list):
        return str(value) if value != "" else "—"
    parts = []
    for item in value:
        if key == "pairs":
            text = f"{item['question'] or '∅'} → {item['answer']}"
        elif key == "numerical_answers":
            if item["value"] is not None:
                text = f"{item['value']} ± {item['tolerance']}"
            elif item["minimum"] is not None:
                text = f"{item['minimum']}..{item['maximum']}"
            else:
                text = "*"
            text += f" ({_percent(item['fraction'])})"
        else:
            text = f"{item['text']} ({_percent(item['fraction'])})"
        if item.get("feedback"):
            text += f" #{item['feedback']}"
        parts.append(text)
    return "; ".join(parts) or "—"


def question_changes(old: dict, new: dict) -> tuple[Change, ...]:
    """What turns definition `old` into `new`, field by field (both `to_json()` dicts)."""
    return tuple(
        Change(str(label), _show(key, old.get(key)), _show(key, new.get(key)))
        for key, label in _FIELD_LABELS.items()
        if old.get(key) != new.get(key)
    )


def _data_key(item: ImportedQuestion) -> str:
    return json.dumps(item.question.to_json(), sort_keys=True)


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


class _Import:
    """One import run: decides, per question of the file, new/updated/unchanged/… ."""

    def __init__(self, root, report, user, allow_type_change):
        self.root, self.report, self.user = root, report, user
        self.allow_type_change = allow_type_change
        self.created_ids: set[int] = set()

    def run(self, items: tuple[ImportedQuestion, ...]) -> None:
        first_line: dict[tuple, int] = {}
        # An unnamed question matches any identical question, so an identical question with
        # an identity anywhere in the file makes it a duplicate, whichever comes first.
        identified: dict[tuple, int] = {}
        for item in items:
            if item.identity is not None:
                path = self.root + file_category_under(self.root, item.category)
                identified.setdefault((path, _data_key(item)), item.line)
        identity_uses: Counter = Counter()
        plan = []
        for item in items:
            path = self.root + file_category_under(self.root, item.category)
            key = (path, item.idnumber[:100], _data_key(item))
            if _has_nul([item.question.to_json(), item.idnumber, item.tags]):
                # PostgreSQL cannot store a NUL character in text.
                self._add(item, path, Status.SKIPPED, reason=_("teks soal memuat karakter NUL."))
                continue
            twin = first_line.get(key)
            if twin is None and item.identity is None:
                twin = identified.get((path, key[2]))
            if twin is not None:
                self._add(
                    item,
                    path,
                    Status.DUPLICATE,
                    reason=_("sama persis dengan baris %(line)s") % {"line": twin},
                )
                continue
            first_line[key] = item.line
            if item.identity is not None:
                identity_uses[(path, item.identity)] += 1
            plan.append((item, path))
        for item, path in plan:
            self._one(item, path, identity_uses[(path, item.identity)])

    def _add(self, item, path, status, **extra) -> None:
        self.report.add(
            ImportEntry(
                status=status,
                line=item.line,
                name=item.question.name,
                qtype=item.question.qtype.value,
                category="/".join(path),
                identity=_identity_label(item.identity),
                **extra,
            )
        )

    def _candidates(self, category, item) -> list[Question]:
        rows = Question.objects.filter(category=category).exclude(pk__in=self.created_ids)
        kind, value = item.identity
        return list(rows.filter(**{kind: value}))

    def _one(self, item: ImportedQuestion, path, uses: int) -> None:
        category = category_for_path(path)
        data = item.question.to_json()
        if item.identity is None:
            same = Question.objects.filter(
                category=category, name=item.question.name[:255], qtype=data["qtype"]
            )
            if any(q.data == data for q in same):
                self._add(item, path, Status.UNCHANGED)
            else:
                self._create(item, path, category)
            return
        candidates = self._candidates(category, item)
        if any(q.data == data for q in candidates):
            self._add(item, path, Status.UNCHANGED)
        elif not candidates:
            self._create(item, path, category)
        elif len(candidates) > 1 or uses > 1:
            self._add(
                item,
                path,
                Status.SKIPPED,
                reason=_(
                    "%(identity)s dipakai oleh lebih dari satu soal (di berkas atau di bank), "
                    "jadi tidak jelas soal mana yang diperbarui; beri setiap soal nama/ID unik."
                )
                % {"identity": _identity_label(item.identity)},
            )
        else:
            self._update(item, path, candidates[0])

    def _create(self, item, path, category) -> None:
        question = Question(category=category, idnumber=item.idnumber[:100])
        question_save(question=question, data=item.question, user=self.user)
        if item.tags:
            question.tags.add(*item.tags)
            question.save()
        self.created_ids.add(question.pk)
        self._add(item, path, Status.NEW)

    def _update(self, item, path, question: Question) -> None:
        changes = question_changes(question.data, item.question.to_json())
        if question.qtype != item.question.qtype.value and not self.allow_type_change:
            self._add(
                item,
                path,
                Status.SKIPPED,
                reason=_(
                    "jenis soal akan berubah dari %(old)s menjadi %(new)s; perubahan jenis "
                    "tidak diterapkan tanpa konfirmasi (centang “Izinkan perubahan jenis "
                    "soal” atau pakai --allow-type-change)."
                )
                % {
                    "old": question_type_label(question.qtype),
                    "new": question_type_label(item.question.qtype.value),
                },
                changes=changes,
            )
            return
        question_save(question=question, data=item.question, user=self.user)
        if item.tags:
            question.tags.add(*item.tags)
            question.save()
        self._add(item, path, Status.UPDATED, changes=changes)


def questions_import(
    *,
    source: str | bytes,
    fmt: str,
    category_path: str,
    user=None,
    dry_run: bool = False,
    allow_type_change: bool = False,
) -> ImportReport:
    """Import a GIFT or Moodle XML file under `category_path`; the file's own categories
    become subcategories. With `dry_run` nothing is written.

    A question is matched to the bank only by its author's identity (idnumber, or a GIFT
    `::name::`) within its category, or else only to an identical question; an update
    through an identity that changes the question's type needs `allow_type_change`.
    """
    result: ImportResult = PARSERS[fmt](source)
    report = ImportReport(problems=list(result.problems))
    for problem in result.problems:
        if problem.skipped:
            report.entries.append(
                ImportEntry(Status.SKIPPED, problem.line, problem.name, reason=problem.message)
            )
    root = split_path(category_path)
    with transaction.atomic():
        _Import(root, report, user, allow_type_change).run(result.questions)
        if dry_run:
            transaction.set_rollback(True)
        elif user is not None and root:
            log(
                instance=category_for_path(root),
                action="learning.quiz.import",
                user=user,
                data={
                    "created": sum(report.created.values()),
                    "updated": sum(report.updated.values()),
                },
            )
    report.entries.sort(key=lambda entry: entry.line)
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
