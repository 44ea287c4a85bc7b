"""Pembinaan rules: which rules hold for a period, which evaluations they match, and the
services that create and revise them (versioning by validity dates).

A rule's condition is a queryset filter on ``Evaluasi``, so matching is one query per
rule whatever the number of evaluations. Flagged BerAKHLAK values are JSON key lookups on
``Evaluasi.perilaku_catatan`` (``{"AK": {"perlu_pembinaan": true, ...}}``), which work on
SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from competencies.models import Competency, CompetencyKind
from foundation.audit.changes import changes, snapshot
from learning.models import CoursePage

from ..models import Evaluasi, Periode
from ..perilaku_catatan import flagged_q
from ..scope import EVERYTHING, Scope, scope_for
from .models import PembinaanRule

if TYPE_CHECKING:
    from accounts.models import User

CONDITION_FIELDS = (
    "predikat",
    "rating_hasil",
    "rating_perilaku",
    "flagged_value",
    "any_flagged_value",
)
ACTION_FIELDS = ("courses", "competency", "course_for_flagged_value", "session_kind")
EDITABLE_FIELDS = (
    "name",
    "description",
    "is_active",
    *CONDITION_FIELDS,
    *ACTION_FIELDS,
    "due_days",
    "priority",
)
# What the audit trail records of a rule, before and after each change.
AUDITED_FIELDS = ("code", "version", "valid_from", "valid_until", *EDITABLE_FIELDS)


# --- Reading ---------------------------------------------------------------------------


def rules_for(periode: Periode) -> list[PembinaanRule]:
    """Active rules valid for the period: valid_from <= start < valid_until (two queries)."""
    start = periode.start_date
    return list(
        PembinaanRule.objects.filter(is_active=True, valid_from__lte=start)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=start))
        .select_related("flagged_value", "competency")
        .prefetch_related(
            Prefetch("courses", queryset=CoursePage.objects.live().only("pk", "title"))
        )
        .order_by("priority", "code", "version")
    )


def value_names() -> dict[str, str]:
    """BerAKHLAK value code -> name, e.g. {"KL": "Kolaboratif"} (one query)."""
    return dict(Competency.objects.values_berakhlak().values_list("code", "name"))


def rule_condition(rule: PembinaanRule, codes: dict[str, str]) -> Q:
    """The rule's condition as a filter on Evaluasi; every filled part must hold."""
    condition = Q()
    if rule.predikat:
        condition &= Q(predikat__in=[int(p) for p in rule.predikat])
    if rule.rating_hasil:
        condition &= Q(rating_hasil=rule.rating_hasil)
    if rule.rating_perilaku:
        condition &= Q(rating_perilaku=rule.rating_perilaku)
    if rule.flagged_value is not None:
        condition &= flagged_q(rule.flagged_value.code)
    if rule.any_flagged_value:
        any_flag = Q(pk__in=[])
        for code in codes:
            any_flag |= flagged_q(code)
        condition &= any_flag
    return condition


def evaluasi_in_scope(periode: Periode, scope: Scope = EVERYTHING) -> QuerySet[Evaluasi]:
    """Evaluations of active pegawai in the period, within the scope's unit subtrees."""
    queryset = Evaluasi.objects.filter(periode=periode, pegawai__is_active=True)
    return scope.filter(queryset, "pegawai__unit__path")


def matching_evaluasi(
    rule: PembinaanRule, periode: Periode, codes: dict[str, str], scope: Scope = EVERYTHING
) -> QuerySet[Evaluasi]:
    return evaluasi_in_scope(periode, scope).filter(rule_condition(rule, codes))


# --- Validation and services -----------------------------------------------------------


def rule_clean(data: dict[str, Any]) -> None:
    """A rule needs at least one condition and one action; raise Indonesian messages."""
    errors: dict[str, str] = {}
    if not any(data.get(name) for name in CONDITION_FIELDS):
        errors["predikat"] = _(
            "Isi sedikitnya satu syarat: predikat, rating, atau nilai BerAKHLAK yang ditandai."
        )
    if not any(data.get(name) for name in ACTION_FIELDS):
        errors["session_kind"] = _(
            "Isi sedikitnya satu tindakan: kursus, kompetensi, kursus nilai yang ditandai, "
            "atau sesi pembinaan."
        )
    if data.get("course_for_flagged_value") and not (
        data.get("flagged_value") or data.get("any_flagged_value") or data.get("predikat")
    ):
        errors["course_for_flagged_value"] = _(
            "Kursus untuk nilai yang ditandai butuh syarat nilai yang ditandai atau predikat."
        )
    competency = data.get("competency")
    if competency is not None and competency.kind == CompetencyKind.BERAKHLAK_GUIDE:
        errors["competency"] = _("Pilih nilai atau kompetensi, bukan panduan perilaku.")
    valid_until = data.get("valid_until")
    if valid_until and data.get("valid_from") and valid_until <= data["valid_from"]:
        errors["valid_until"] = _("Tanggal berlaku sampai harus setelah tanggal berlaku mulai.")
    if errors:
        raise ValidationError(errors)


def _check_pengelola(user: User) -> None:
    if user is not None and scope_for(user) is None:
        raise PermissionDenied(_("Hanya Pengelola Kepegawaian yang boleh mengubah aturan."))


def _apply(rule: PembinaanRule, data: dict[str, Any]) -> None:
    for name in EDITABLE_FIELDS:
        if name in data and name != "courses":
            setattr(rule, name, data[name])
    rule.predikat = sorted({int(p) for p in rule.predikat or []})


@transaction.atomic
def rule_create(*, user: User, data: dict[str, Any]) -> PembinaanRule:
    """A new rule (version 1 of a new code)."""
    _check_pengelola(user)
    rule_clean(data)
    if PembinaanRule.objects.filter(code=data["code"]).exists():
        raise ValidationError({"code": _("Kode aturan ini sudah dipakai.")})
    rule = PembinaanRule(
        code=data["code"], valid_from=data["valid_from"], valid_until=data.get("valid_until")
    )
    _apply(rule, data)
    rule.full_clean()
    rule.save()
    rule.courses.set(data.get("courses") or [])
    log(
        instance=rule,
        action="wagtail.create",
        user=user,
        data=changes(None, snapshot(rule, AUDITED_FIELDS)),
    )
    return rule


@transaction.atomic
def rule_revise(
    *, user: User, rule: PembinaanRule, data: dict[str, Any], today: datetime.date | None = None
) -> PembinaanRule:
    """Save an edit of ``rule``. Returns the rule that now holds the edit.

    A rule that has produced no recommendation is edited in place. One that has is
    closed (``valid_until`` = today) and the edit becomes a new version with the same
    code, valid from today, so every existing recommendation still points at the exact
    rule that produced it. A rule that only started today is deactivated instead (a
    validity range cannot be empty) and its successor keeps its start date.
    """
    _check_pengelola(user)
    today = today or timezone.localdate()
    current = PembinaanRule.objects.select_for_update().get(pk=rule.pk)
    if current.valid_until is not None and current.valid_until <= today:
        raise ValidationError(_("Versi aturan yang sudah ditutup tidak dapat diubah."))
    data = {"valid_from": current.valid_from, **data}
    rule_clean(data)
    if not current.recommendations.exists():
        return _edit_in_place(current, data, user=user)
    return _succeed(current, data, user=user, today=today)


def _edit_in_place(current: PembinaanRule, data: dict[str, Any], *, user: User) -> PembinaanRule:
    before = snapshot(current, AUDITED_FIELDS)
    _apply(current, data)
    current.valid_from = data["valid_from"]
    current.valid_until = data.get("valid_until")
    current.full_clean()
    current.save()
    current.courses.set(data.get("courses") or [])
    log(
        instance=current,
        action="wagtail.edit",
        user=user,
        data=changes(before, snapshot(current, AUDITED_FIELDS)),
    )
    return current


def _succeed(
    current: PembinaanRule, data: dict[str, Any], *, user: User, today: datetime.date
) -> PembinaanRule:
    """Close ``current`` (or deactivate it when it started today) and start its successor."""
    before = snapshot(current, AUDITED_FIELDS)
    successor = PembinaanRule(code=current.code, valid_until=data.get("valid_until"))
    if current.valid_from < today:
        current.valid_until = successor.valid_from = today
    else:
        current.is_active = False
        successor.valid_from = current.valid_from
    current.save(update_fields=["valid_until", "is_active", "updated_at"])
    latest = PembinaanRule.objects.filter(code=current.code).aggregate(v=Max("version"))["v"]
    successor.version = latest + 1
    _apply(successor, data)
    successor.full_clean()
    successor.save()
    successor.courses.set(data.get("courses") or [])
    log(
        instance=current,
        action="wagtail.edit",
        user=user,
        data=changes(
            before,
            snapshot(current, AUDITED_FIELDS),
            ditutup=str(current.valid_until or ""),
            versi_baru=successor.pk,
        ),
    )
    log(
        instance=successor,
        action="wagtail.create",
        user=user,
        data=changes(None, snapshot(successor, AUDITED_FIELDS), versi_dari=current.pk),
    )
    return successor
