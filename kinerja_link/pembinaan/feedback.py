"""Umpan balik berkelanjutan (PermenPANRB 6/2022): a pimpinan's feedback to a team member,
scheduled or incidental. Only the two of them can read it (``selectors``)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from competencies.models import Competency, CompetencyKind

from ..models import Pegawai, RencanaHasilKerja
from .models import Feedback, FeedbackKind
from .notifications import notify
from .team import pimpinan_for, team_members

if TYPE_CHECKING:
    from accounts.models import User


def feedback_give(
    *,
    user: User,
    pegawai: Pegawai,
    kind: str = FeedbackKind.INSIDENTAL,
    date: datetime.date,
    text: str,
    nilai: Competency | None = None,
    rhk: RencanaHasilKerja | None = None,
) -> Feedback:
    """Give feedback to one member of the user's own team."""
    pimpinan = pimpinan_for(user)
    (member,) = team_members(user=user, ids=[pegawai.pk], action="feedback")
    _check(member=member, date=date, nilai=nilai, rhk=rhk)
    feedback = Feedback(
        pegawai=member,
        given_by=pimpinan,
        kind=kind,
        date=date,
        text=text.strip(),
        nilai=nilai,
        rhk=rhk,
    )
    feedback.full_clean()
    with transaction.atomic():
        feedback.save()
        _notify(feedback)
        log(instance=feedback, action="kinerja_link.feedback.create", user=user)
    return feedback


def _check(
    *,
    member: Pegawai,
    date: datetime.date,
    nilai: Competency | None,
    rhk: RencanaHasilKerja | None,
) -> None:
    errors: dict[str, str] = {}
    if date > timezone.localdate():
        errors["date"] = _("Tanggal umpan balik tidak boleh di masa depan.")
    if nilai is not None and nilai.kind != CompetencyKind.BERAKHLAK_VALUE:
        errors["nilai"] = _("Pilih salah satu nilai BerAKHLAK.")
    if rhk is not None and rhk.skp.pegawai_id != member.pk:
        errors["rhk"] = _("RHK ini bukan milik pegawai yang diberi umpan balik.")
    if errors:
        raise ValidationError(errors)


def _notify(feedback: Feedback) -> None:
    name = feedback.given_by.nama
    notify(
        users=[feedback.pegawai.user_id],
        key=f"feedback:{feedback.pk}",
        title=_("Umpan balik dari %(name)s") % {"name": name},
        # The text itself stays in the application: e-mail is no place for it.
        body=_("%(name)s memberi Anda umpan balik pada %(date)s. Bacalah di Bina ASN.")
        % {"name": name, "date": f"{feedback.date:%d-%m-%Y}"},
        url=reverse("pembinaan:feedback_detail", args=[feedback.pk]),
    )
