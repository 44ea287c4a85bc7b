"""Everything held about one pegawai, as JSON (stable keys) and as a PDF.

One query per section of ``inventory.SECTIONS`` plus one for the audit-log entries about
the person, whatever the amount of data. The export itself is audited: who exported whose
data, in which format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from ..models import Pegawai
from .inventory import SECTIONS

FORMAT_ID = "bina-asn.data-pribadi/1"
EXPORT_ACTION = "kinerja_link.personal_data.export"


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    filename: str


def audit_entries_filter(sections: dict[str, list[dict]]) -> Q | None:
    """Audit-log entries whose object is one of the person's rows (None: no rows)."""
    ids_by_model: dict[str, set[str]] = {}
    for section in SECTIONS:
        if section.audit_model:
            ids = {str(row[section.audit_id]) for row in sections[section.key]}
            ids_by_model.setdefault(section.audit_model, set()).update(ids)
    condition = Q()
    for label, ids in ids_by_model.items():
        if ids:
            app_label, model_name = label.split(".")
            content_type = ContentType.objects.get_by_natural_key(app_label, model_name.lower())
            condition |= Q(content_type=content_type, object_id__in=ids)
    return condition or None


def _audit_entries_about(sections: dict[str, list[dict]]) -> list[dict]:
    condition = audit_entries_filter(sections)
    if condition is None:
        return []
    entries = ModelLogEntry.objects.filter(condition).order_by("timestamp", "pk")
    return list(
        entries.values(
            "timestamp",
            "action",
            "label",
            "data",
            "content_type__model",
            "object_id",
            "user__display_name",
        )
    )


def personal_data_collect(*, pegawai: Pegawai) -> dict:
    """Every section of the inventory for ``pegawai``, keyed as in ``SECTIONS``."""
    user = pegawai.user
    sections = {section.key: section.rows(user=user, pegawai=pegawai) for section in SECTIONS}
    sections["jejak_audit_tentang"] = _audit_entries_about(sections)
    return {
        "format": FORMAT_ID,
        "dibuat": timezone.now(),
        "pegawai_id": pegawai.pk,
        "bagian": sections,
    }


def as_json(data: dict) -> bytes:
    return json.dumps(
        data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2, sort_keys=True
    ).encode("utf-8")


def _printable(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict | list):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return str(value)


def as_pdf(data: dict) -> bytes:
    from learning.certificates import html_to_pdf  # WeasyPrint loads slowly: only when needed

    titles = {section.key: section.title for section in SECTIONS}
    with translation.override("id"):
        titles["jejak_audit_tentang"] = translation.gettext("Jejak audit tentang pegawai ini")
        parts = [
            {
                "key": key,
                "title": titles[key],
                "columns": list(rows[0]) if rows else [],
                "rows": [[_printable(value) for value in row.values()] for row in rows],
            }
            for key, rows in data["bagian"].items()
        ]
        html = render_to_string(
            "kinerja_link/personal_data/export_pdf.html", {"data": data, "parts": parts}
        )
    return html_to_pdf(html)


def personal_data_export(*, pegawai: Pegawai, by, fmt: str) -> ExportFile:
    """The export file in ``fmt`` ("json" or "pdf"), with an audit entry naming ``by``.

    The caller has checked that ``by`` may see ``pegawai`` (``views.pegawai_in_scope``).
    """
    data = personal_data_collect(pegawai=pegawai)
    stamp = f"{data['dibuat']:%Y%m%d-%H%M%S}"
    name = f"data-pribadi-pegawai-{pegawai.pk}-{stamp}"
    if fmt == "pdf":
        export = ExportFile(as_pdf(data), "application/pdf", f"{name}.pdf")
    else:
        export = ExportFile(as_json(data), "application/json", f"{name}.json")
    log(instance=pegawai, action=EXPORT_ACTION, user=by, data={"format": fmt})
    return export
