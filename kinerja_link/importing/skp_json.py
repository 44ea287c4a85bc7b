"""The nested JSON form of an SKP file, flattened to the long rows the CSV has.

    {"skp": [{"nip": "…", "periode": "2026", "penilai_nip": "…", "atasan_nip": "…",
              "pendekatan": "kuantitatif", "status": "disetujui",
              "rhk": [{"jenis": "utama", "rhk": "…", "rhk_pimpinan": "…",
                       "aspek": [{"aspek": "kuantitas", "indikator": "…", "target": "…"}]}],
              "perilaku": {"BP": "ekspektasi khusus pimpinan", …},
              "lampiran": {"dukungan_sumber_daya": "…", "skema_pertanggungjawaban": "…",
                           "konsekuensi": "…"}}]}

A list of flat records with the CSV's columns is taken as it is. Row numbers count the
aspek rows from 1, in file order.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _

from . import skp_columns as sc
from .columns import BERAKHLAK
from .readers import ImportFileError, Table, limits, records_table

SKP_KEYS = (sc.NIP, sc.NAMA, sc.PERIODE, sc.PENILAI_NIP, sc.ATASAN_NIP, sc.PENDEKATAN, sc.STATUS)
HEADERS = [field for field, _label in sc.TEMPLATE_HEADERS]


def skp_table(data: object) -> Table:
    if not (isinstance(data, dict) and "skp" in data):
        return records_table(data)
    items = data["skp"]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ImportFileError(_("Berkas JSON: \u201cskp\u201d harus berisi daftar SKP (objek)."))
    rows = []
    for number, record in enumerate(_flat_rows(items), start=1):
        if number > limits()[1]:
            raise ImportFileError(
                _("Berkas berisi terlalu banyak baris; bagi menjadi beberapa berkas.")
            )
        rows.append((number, [record.get(h) for h in HEADERS]))
    if not rows:
        raise ImportFileError(_("Berkas tidak berisi baris data."))
    return Table(headers=list(HEADERS), rows=rows)


def _flat_rows(items: list[dict]) -> Iterator[dict]:
    for item in items:
        shared = {key: item.get(key) for key in SKP_KEYS}
        shared |= _dict(item.get("lampiran"))
        perilaku = _dict(item.get("perilaku"))
        shared |= {sc.ekspektasi_field(code): perilaku.get(code) for code in BERAKHLAK}
        for rhk in _list(item.get("rhk")) or [{}]:
            head = {
                sc.JENIS_RHK: rhk.get("jenis"),
                sc.RHK: rhk.get("rhk"),
                sc.RHK_PIMPINAN: rhk.get("rhk_pimpinan"),
            }
            for aspek in _list(rhk.get("aspek")) or [{}]:
                yield (
                    shared
                    | head
                    | {key: aspek.get(key) for key in (sc.ASPEK, sc.INDIKATOR, sc.TARGET)}
                )


def _dict(value: object) -> dict:
    return {k: v for k, v in value.items() if isinstance(k, str)} if isinstance(value, dict) else {}


def _list(value: object) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
