"""The audit trail as one list: Wagtail's model and page log entries, and the rows of every
registered ``AuditSource`` (``accounts`` registers its sign-in events).

The tables are merged in the database (``UNION ALL`` of id, source and time,
newest first), so a page costs the same whatever the size of the trail: a count, the
page's keys, then one query per source for that page's rows.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import CharField, F, Q, QuerySet, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, PageLogEntry

from .sources import AuditSource, registered_sources
from .stamping import KEY as REQUEST_ID_KEY

MODEL, PAGE = "model", "page"
# Target-type filter value that is not a content type.
TARGET_PAGES = "halaman"
SYSTEM_ACTOR = "sistem"


@dataclass(frozen=True)
class TrailFilters:
    actor: str = ""  # name, username, e-mail or NIP; "sistem" = no user
    action: str = ""
    target: str = ""  # a content type id, TARGET_PAGES or a registered source's target
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    request_id: str = ""


@dataclass
class TrailRow:
    source: str
    entry: Any  # ModelLogEntry, PageLogEntry or a registered source's row
    timestamp: datetime.datetime
    request_id: str


def action_choices() -> list[tuple[str, str]]:
    """Every registered log action, then the actions of each registered source."""
    actions = sorted(
        ((a, str(label)) for a, label in log_registry.get_choices()), key=lambda c: c[1]
    )
    for source in registered_sources().values():
        actions += [(source.action_prefix + a, str(label)) for a, label in source.action_choices()]
    return actions


def target_choices() -> list[tuple[str, str]]:
    """Pages, registered sources, and the models of ``BINA_AUDIT_TARGET_APP_LABELS``."""
    types = ContentType.objects.filter(
        app_label__in=settings.BINA_AUDIT_TARGET_APP_LABELS
    ).order_by("app_label", "model")
    choices = [(TARGET_PAGES, str(_("Halaman")))]
    choices += [
        (source.target[0], str(source.target[1])) for source in registered_sources().values()
    ]
    for content_type in types:
        model = content_type.model_class()
        if model is not None:
            choices.append((str(content_type.pk), str(model._meta.verbose_name).capitalize()))
    return choices


def trail_page(filters: TrailFilters, *, page: int | str = 1, per_page: int = 50) -> Page:
    """One page of the merged trail, newest first; ``page.object_list`` holds TrailRows."""
    keys = _merged_keys(filters).order_by("-at", "-id")
    paginator = Paginator(keys, per_page)
    result = paginator.get_page(page)
    result.object_list = _rows(list(result.object_list))
    return result


def _merged_keys(filters: TrailFilters) -> QuerySet:
    sources = registered_sources().values()
    parts = [
        _keys(_log_entries(ModelLogEntry, filters, MODEL, sources), MODEL, "timestamp"),
        _keys(_log_entries(PageLogEntry, filters, PAGE, sources), PAGE, "timestamp"),
        *(_keys(_source_rows(s, filters), s.key, s.time_field) for s in sources),
    ]
    return parts[0].union(*parts[1:], all=True)


def _keys(queryset: QuerySet, source: str, time_field: str) -> QuerySet:
    return (
        queryset.order_by()
        .annotate(src=Value(source, output_field=CharField()), at=F(time_field))
        .values_list("id", "src", "at")
    )


def _log_entries(model, f: TrailFilters, source: str, others: Iterable[AuditSource]) -> QuerySet:
    queryset = model.objects.all()
    if any(f.action.startswith(o.action_prefix) or f.target == o.target[0] for o in others):
        return queryset.none()
    if f.action:
        queryset = queryset.filter(action=f.action)
    if f.target:
        if (f.target == TARGET_PAGES) != (source == PAGE):
            return queryset.none()
        if f.target != TARGET_PAGES:
            queryset = queryset.filter(content_type_id=f.target)
    if f.request_id:
        queryset = queryset.filter(**{f"data__{REQUEST_ID_KEY}": f.request_id})
    return _common(queryset, f, "timestamp")


def _source_rows(source: AuditSource, f: TrailFilters) -> QuerySet:
    other_target = f.target and f.target != source.target[0]
    if other_target or (f.action and not f.action.startswith(source.action_prefix)):
        return source.rows("", "").none()
    queryset = source.rows(f.action.removeprefix(source.action_prefix), f.request_id)
    return _common(queryset, f, source.time_field)


def _common(queryset: QuerySet, f: TrailFilters, time_field: str) -> QuerySet:
    if f.actor:
        queryset = queryset.filter(_actor_q(f.actor))
    if f.date_from:
        queryset = queryset.filter(**{f"{time_field}__gte": _day_start(f.date_from)})
    if f.date_to:
        next_day = f.date_to + datetime.timedelta(days=1)
        queryset = queryset.filter(**{f"{time_field}__lt": _day_start(next_day)})
    return queryset


def _actor_q(actor: str) -> Q:
    actor = actor.strip()
    if actor.lower() == SYSTEM_ACTOR:
        return Q(user_id__isnull=True)
    users = get_user_model().objects.filter(
        Q(display_name__icontains=actor)
        | Q(username__iexact=actor)
        | Q(email__iexact=actor)
        | Q(nip=actor)
    )
    return Q(user_id__in=users.values("pk"))


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _rows(keys: list[tuple[int, str, datetime.datetime]]) -> list[TrailRow]:
    """The page's rows from their keys: one query per source present on the page."""
    others = registered_sources()
    loaded = {
        MODEL: ModelLogEntry.objects.select_related("user", "content_type"),
        PAGE: PageLogEntry.objects.select_related("user", "content_type"),
        **{key: source.load() for key, source in others.items()},
    }
    wanted: dict[str, list[int]] = {key: [] for key in loaded}
    for pk, source, _at in keys:
        wanted[source].append(pk)
    found = {source: loaded[source].in_bulk(ids) if ids else {} for source, ids in wanted.items()}
    rows = []
    for pk, source, at in keys:
        entry = found[source].get(pk)
        if entry is None:
            continue
        if source in others:
            request_id = others[source].request_id(entry)
        else:
            request_id = entry.data.get(REQUEST_ID_KEY, "") if isinstance(entry.data, dict) else ""
        rows.append(TrailRow(source=source, entry=entry, timestamp=at, request_id=request_id))
    return rows
