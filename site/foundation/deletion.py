"""Deletion policy: records of learning and performance never vanish as a side effect.

Records (enrolments, quiz attempts, evaluations, SKP, assignments…) point at their course,
page or pegawai with ``on_delete=PROTECT`` (``tests/architecture/test_deletion_policy.py``
holds every model to it). Wagtail's delete screens count usage from its reference index,
which does not index these records, so they would say "referenced 0 times" and then fail.
``deletion_blockers`` asks Django's own deletion collector instead, which sees every row,
however it was written; the admin hooks (``wagtail_hooks``) turn a non-empty answer into an
Indonesian refusal that lists what holds the object and what to do instead.

What may still be deleted (a part of a record together with it, a record deleted on
purpose) is audited row by row: ``audit_deletions`` makes each deleted row of a record
model, cascaded ones included, a ``foundation.record.delete`` log entry with its values.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models, router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.db.models.fields.files import FieldFile
from django.db.models.signals import post_delete
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from .audit.changes import plain

RECORD_DELETE = "foundation.record.delete"

DEFAULT_ADVICE = _(
    "Data ini menyimpan riwayat belajar atau kinerja pegawai yang harus tetap ada. "
    "Biarkan data ini; ubah statusnya bila perlu."
)
PAGE_ADVICE = _(
    "Batalkan terbit (unpublish) halaman ini agar tidak tampil lagi: peserta tidak dapat "
    "membukanya, dan catatan belajar mereka tetap tersimpan."
)


@dataclass(frozen=True)
class Blocker:
    """Rows of one kind that hold an object: ``count`` of ``label`` (plural, Indonesian)."""

    label: str
    count: int


def deletion_blockers(objects: Iterable[models.Model] | models.QuerySet[Any]) -> list[Blocker]:
    """The protected rows that would refuse deleting ``objects``, counted per kind.

    Empty when the deletion may go ahead. Nothing is deleted: the collector only reads.
    """
    items = objects if isinstance(objects, models.QuerySet) else list(objects)
    if not items:
        return []
    model = items.model if isinstance(items, models.QuerySet) else type(items[0])
    collector = Collector(using=router.db_for_write(model))
    try:
        collector.collect(items)
    except ProtectedError as error:
        return _count(error.protected_objects)
    except RestrictedError as error:
        return _count(error.restricted_objects)
    return []


def _count(rows: Iterable[models.Model]) -> list[Blocker]:
    # Grouped by the model's plural name; a page type's rows count under their own type.
    counts = Counter(str(row._meta.verbose_name_plural) for row in rows)
    return [Blocker(label=label, count=n) for label, n in counts.most_common()]


def deletion_advice(obj: models.Model) -> str:
    """What to do instead of deleting: a model says it in ``deletion_advice``."""
    from wagtail.models import Page

    advice = getattr(obj, "deletion_advice", None)
    if advice:
        return str(advice)
    return str(PAGE_ADVICE if isinstance(obj, Page) else DEFAULT_ADVICE)


def refusal(
    request: HttpRequest, *, subjects: list[models.Model], blockers: list[Blocker]
) -> HttpResponse:
    """The admin page that refuses the deletion: what holds it and what to do instead.

    A GET (the confirmation screen) answers 200; a POST, which tried to delete, 409.
    """
    first = subjects[0]
    context = {
        "page_title": _("Tidak dapat dihapus"),
        "page_subtitle": str(first) if len(subjects) == 1 else "",
        "header_icon": "warning",
        "subjects": subjects,
        "kind": capfirst(str(first._meta.verbose_name)),
        "blockers": blockers,
        "advice": deletion_advice(first),
        "back_url": _back_url(request, first),
    }
    status = 409 if request.method == "POST" else 200
    return TemplateResponse(request, "foundation/deletion_refused.html", context, status=status)


def _back_url(request: HttpRequest, obj: models.Model) -> str:
    from wagtail.admin.admin_url_finder import AdminURLFinder

    return AdminURLFinder(request.user).get_edit_url(obj) or reverse("wagtailadmin_home")


def guard(request: HttpRequest, objects: Iterable[models.Model]) -> HttpResponse | None:
    """The refusal page when deleting ``objects`` would take records with it, else None."""
    subjects = list(objects)
    blockers: list[Blocker] = []
    for obj in subjects:
        blockers.extend(deletion_blockers(_with_descendants(obj)))
    return refusal(request, subjects=subjects, blockers=_merge(blockers)) if blockers else None


def _with_descendants(obj: models.Model) -> models.QuerySet[Any] | list[models.Model]:
    # Deleting a page deletes its subtree: a course takes its lessons and quizzes along.
    from wagtail.models import Page

    if isinstance(obj, Page):
        return Page.objects.descendant_of(obj, inclusive=True)
    return [obj]


def _merge(blockers: list[Blocker]) -> list[Blocker]:
    totals: Counter[str] = Counter()
    for blocker in blockers:
        totals[blocker.label] += blocker.count
    return [Blocker(label=label, count=n) for label, n in totals.most_common()]


# --- Audit of allowed deletions ---------------------------------------------------------


def deleted_values(instance: models.Model) -> dict[str, object]:
    """Every concrete column of a deleted row as plain JSON (files by their stored name)."""
    values: dict[str, object] = {}
    for field in instance._meta.concrete_fields:
        value = field.value_from_object(instance)
        values[field.attname] = value.name if isinstance(value, FieldFile) else plain(value)
    return values


def _log_deletion(sender: type[models.Model], instance: models.Model, **kwargs: object) -> None:
    log(
        instance=instance,
        action=RECORD_DELETE,
        data={"before": deleted_values(instance), "after": None},
        deleted=True,
    )


def audit_deletions(*record_models: type[models.Model]) -> None:
    """Audit every deletion of these models' rows, one entry per row, cascades included.

    A receiver also turns off Django's fast delete for the model, so a queryset delete and
    a cascade send the signal for each row too.
    """
    for model in record_models:
        post_delete.connect(
            _log_deletion, sender=model, dispatch_uid=f"audit-delete-{model._meta.label}"
        )
