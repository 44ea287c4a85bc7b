"""Tim Saya's repeated rows, built in Python (issue 21, part 3).

The page repeats a member row 50 times and a recommendation and an assignment row up to 50
times each. As template loops these cost ~180 ``{% url %}`` and ~700 gettext calls and most
of the page's CPU time: here every label is translated once per page, every URL is reversed
once with a placeholder and formatted per row, and the CSRF field and the kept filters are
built once. The HTML is the one the template loops rendered (``tim_saya.html``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from django.middleware.csrf import get_token
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from ..kuadran import Predikat
from .models import AssignmentStatus, Priority, SessionKind

PK = 987654321  # a placeholder id: reversed once, replaced per row


def _url_pattern(name: str) -> str:
    """The URL of ``name`` for one int argument, as a ``str.format`` pattern."""
    return reverse(name, args=[PK]).replace(str(PK), "{}")


@lru_cache(maxsize=64)
def _gettext(message: str, language: str) -> str:
    return gettext(message)


def _t(message: str, **values: Any) -> str:
    """A ``{% blocktranslate %}``: the values escaped, the translated text trusted. Each
    message is translated once per language and process."""
    text = _gettext(message, get_language())
    return text % {k: conditional_escape(v) for k, v in values.items()}


def _nt(singular: str, plural: str, n: int) -> str:
    return ngettext(singular, plural, n) % {"n": n}


def _labels(choices) -> dict[Any, str]:
    """Choice labels translated once (``get_FOO_display`` rebuilds its dict on every call)."""
    return {value: str(label) for value, label in choices}


def _join(rows: Iterable[str]) -> SafeString:
    return mark_safe("".join(rows))  # noqa: S308 -- every part was escaped where it was built


class TimRows:
    """The rows of one Tim Saya page; build once per request."""

    def __init__(self, request, *, kept: Mapping[str, str], jp_target: int):
        self.jp_target = jp_target
        self.predikat = _labels(Predikat.choices)
        self.priority = {k: v.lower() for k, v in _labels(Priority.choices).items()}
        self.session_kind = {k: v.lower() for k, v in _labels(SessionKind.choices).items()}
        self.state = _labels(AssignmentStatus.choices)
        self.csrf = format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
        )
        self.kept = _join(
            format_html('<input type="hidden" name="{}" value="{}">', name, value)
            for name, value in kept.items()
            if value
        )
        self.urls = {
            "pegawai": _url_pattern("kinerja:pegawai"),
            "perilaku": _url_pattern("kinerja:perilaku_notes"),
            "skp": _url_pattern("kinerja:skp"),
            "accept": _url_pattern("tim_saya:recommendation_accept"),
            "dismiss": _url_pattern("tim_saya:recommendation_dismiss"),
            "cancel": _url_pattern("tim_saya:assignment_cancel"),
            "feedback": reverse("pembinaan:feedback_create"),
            "session": reverse("pembinaan:session_create"),
        }
        self.text = {
            key: conditional_escape(gettext(message))
            for key, message in {
                "unrated": "Belum dinilai",
                "no_plan": "Belum ada rencana aksi",
                "no_skp": "SKP tahun ini belum ada",
                "skp": "SKP",
                "feedback": "Umpan balik",
                "for": "untuk",
                "notes": "Catatan perilaku",
                "course": "kursus",
                "session": "sesi",
                "priority": "prioritas",
                "record": "Catat sesi",
                "due_optional": "Tenggat (opsional)",
                "accept_assign": "Terima dan tugaskan",
                "accept": "Terima",
                "reason": "Alasan diabaikan",
                "dismiss": "Abaikan",
                "due": "Tenggat",
                "overdue": "Lewat tenggat",
                "cancel": "Batalkan penugasan",
            }.items()
        }

    def _form_head(self) -> str:
        return f"{self.csrf}{self.kept}"

    # --- members --------------------------------------------------------------------------

    def members(self, members: Sequence) -> SafeString:
        return _join(self._member(m) for m in members)

    def _member(self, m) -> str:
        t, urls = self.text, self.urls
        pegawai, evaluasi, nama = m.pegawai, m.evaluasi, conditional_escape(m.nama)
        predikat: str
        notes: str
        if evaluasi is not None:
            predikat = format_html(
                '<span class="predikat predikat-{}">{}</span>',
                evaluasi.predikat,
                self.predikat.get(evaluasi.predikat, evaluasi.predikat),
            )
            notes = format_html(
                '<a href="{}">{}<span class="visually-hidden"> {}</span></a>',
                urls["perilaku"].format(evaluasi.pk),
                t["notes"],
                nama,
            )
        else:
            predikat, notes = f'<span class="muted">{t["unrated"]}</span>', ""
        jp = _t("%(jp)s / %(target)s JP", jp=floatformat(m.jp, "-2"), target=self.jp_target)
        short = "" if m.jp_reached else ' class="jp-short"'
        pengamatan = self._pengamatan(m.pengamatan)
        if m.follow_ups_overdue:
            overdue = _nt(
                "%(n)s tindak lanjut sesi lewat tanggal",
                "%(n)s tindak lanjut sesi lewat tanggal",
                m.follow_ups_overdue,
            )
            pengamatan += f'<br><span class="jp-short" data-tindak-lanjut="{m.pk}">{overdue}</span>'
        return (
            f'<li><label><input type="checkbox" name="pegawai" value="{m.pk}">'
            f"<span><strong>{nama}</strong><br><small>{conditional_escape(pegawai.jabatan)} · "
            f"{conditional_escape(pegawai.unit.nama)}</small></span></label>"
            f"<span>{predikat}</span>"
            f"<span{short}>{jp}</span>"
            f'<span class="pengamatan" data-pengamatan="{m.pk}">{pengamatan}</span>'
            f'<span class="tim-member-links"><a href="{urls["pegawai"].format(m.pk)}">{t["skp"]}'
            f'<span class="visually-hidden"> {nama}</span></a> '
            f'<a href="{urls["feedback"]}?pegawai={m.pk}">{t["feedback"]}'
            f'<span class="visually-hidden"> {t["for"]} {nama}</span></a> {notes}</span></li>'
        )

    def _pengamatan(self, p) -> str:
        if not (p and p.skp_id):
            return f'<span class="muted">{self.text["no_skp"]}</span>'
        if p.total:
            parts = [_t("Rencana aksi %(ok)s/%(total)s disetujui", ok=p.disetujui, total=p.total)]
            if p.menunggu:
                waiting = _nt(
                    "%(n)s menunggu persetujuan", "%(n)s menunggu persetujuan", p.menunggu
                )
                url = self.urls["skp"].format(p.skp_id)
                parts.append(f' · <a href="{url}#rencana-aksi" class="jp-short">{waiting}</a>')
            if p.perbaikan:
                fix = _nt("%(n)s perlu perbaikan", "%(n)s perlu perbaikan", p.perbaikan)
                parts.append(f" · {fix}")
            plan = "".join(parts)
        else:
            plan = f'<span class="muted">{self.text["no_plan"]}</span>'
        realisasi = _t(
            "Realisasi: %(ada)s/%(total)s RHK dengan bukti dukung",
            ada=p.rhk_with_bukti,
            total=p.rhk_total,
        )
        return f"{plan}<br>{realisasi}"

    # --- recommendations ------------------------------------------------------------------

    def recommendations(self, rows: Sequence) -> SafeString:
        return _join(self._recommendation(row) for row in rows)

    def _recommendation(self, row) -> str:
        t, urls, r = self.text, self.urls, row.recommendation
        nama = conditional_escape(row.member.nama)
        record: str
        due: str
        if r.course:
            what = format_html("{} “{}”", t["course"], r.course.title)
            record = ""
            due = format_html(
                '<label for="due-{}">{}</label><input type="date" id="due-{}" name="due_date">',
                r.pk,
                t["due_optional"],
                r.pk,
            )
            accept = t["accept_assign"]
        else:
            what = format_html(
                "{} {}", t["session"], self.session_kind.get(r.session_kind, r.session_kind)
            )
            record = format_html(
                '<a class="button button-small" href="{}?rekomendasi={}&amp;pegawai={}">{}'
                '<span class="visually-hidden"> {}</span></a>',
                urls["session"],
                r.pk,
                r.pegawai_id,
                t["record"],
                nama,
            )
            due, accept = "", t["accept"]
        reason = format_html(
            "{} · {} {}", r.reason, t["priority"], self.priority.get(r.priority, r.priority)
        )
        head = self._form_head()
        return (
            f'<li><div class="tim-item-main"><strong>{nama}</strong> — {what}'
            f"<br><small>{reason}</small></div>"
            f'<div class="tim-actions">{record}'
            f'<form method="post" action="{urls["accept"].format(r.pk)}">{head}{due}'
            f'<button type="submit" class="button button-small">{accept}</button></form>'
            f'<form method="post" action="{urls["dismiss"].format(r.pk)}">{head}'
            f'<label for="reason-{r.pk}">{t["reason"]}</label>'
            f'<input type="text" id="reason-{r.pk}" name="reason" required maxlength="2000">'
            f'<button type="submit" class="button button-small button-secondary">'
            f"{t['dismiss']}</button></form></div></li>"
        )

    # --- assignments ----------------------------------------------------------------------

    def assignments(self, rows: Sequence) -> SafeString:
        return _join(self._assignment(row) for row in rows)

    def _assignment(self, row) -> str:
        t, a = self.text, row.assignment
        nama, title = conditional_escape(row.member.nama), conditional_escape(a.course.title)
        state_label = self.state.get(row.state, row.state)
        state = "" if row.is_overdue else f" · {conditional_escape(state_label)}"
        overdue = f'<span class="flag-overdue">{t["overdue"]}</span>' if row.is_overdue else ""
        label = _t("Kemajuan %(name)s pada %(course)s", course=a.course.title, name=row.member.nama)
        done = _t("%(p)s%% selesai", p=row.percent)
        actions = ""
        if a.is_open:
            actions = (
                f'<div class="tim-actions"><form method="post" '
                f'action="{self.urls["cancel"].format(a.pk)}">{self._form_head()}'
                f'<button type="submit" class="button button-small button-secondary">'
                f'{t["cancel"]}<span class="visually-hidden"> {nama} · {title}</span></button>'
                f"</form></div>"
            )
        return (
            f'<li><div class="tim-item-main"><strong>{nama}</strong> — {title}'
            f"<br><small>{t['due']} {date_filter(a.due_date, 'j F Y')}{state}</small> {overdue}"
            f'<br><progress class="bar" max="100" value="{row.percent}" '
            f'aria-label="{label}">{row.percent}%</progress> <span>{done}</span></div>'
            f"{actions}</li>"
        )


def course_options(choices: Iterable[tuple[int, str]]) -> SafeString:
    """The assignment form's course ``<option>``s (the Select widget rendered one template
    per option)."""
    return _join(format_html('<option value="{}">{}</option>', pk, title) for pk, title in choices)
