"""Export back to e-Kinerja/SIASN: per period and unit, one row per learning record
(SIASN *Riwayat Kursus* field names, docs/domain.md §4) with the pegawai's predikat,
pembinaan summary and JP total; and the bukti dukung on the SKP of the period's year
(``evidence_rows``: a second XLSX sheet "Bukti dukung", or a second CSV file).

``learning_records_for`` is the single seam to the JP ledger: ``learning.LearningRecord``
is built in its own branch, so until it is wired here the export carries no records.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP

from django.utils.translation import gettext as _

from wagtail import hooks

from foundation.spreadsheets import neutralise
from learning.models import LearningRecord

from .models import Evaluasi, Pegawai, Periode, UnitKerja
from .perilaku_catatan import flagged_codes

KURSUS_FIELDS = [
    "jenisDiklatId",
    "namaKursus",
    "institusiPenyelenggara",
    "jumlahJam",
    "tanggalKursus",
    "tanggalSelesaiKursus",
    "tahunKursus",
    "nomorSertipikat",
]
PEGAWAI_FIELDS = [
    "nip",
    "nama",
    "unorNama",
    "periode",
    "predikatKinerja",
    "ringkasanPembinaan",
    "totalJp",
]
HEADERS = PEGAWAI_FIELDS + KURSUS_FIELDS
EVIDENCE_HEADERS = [
    "nip",
    "nama",
    "unorNama",
    "tahunSkp",
    "jenisBukti",
    "jenisSesi",
    "judul",
    "tanggal",
    "jumlahJp",
    "nilaiBerakhlak",
    "rhk",
    "nomorSertipikat",
    "tautanSertifikat",
]

# Which pembinaan an evaluation calls for is agency policy, owned by the pembinaan rules.
# Their app answers through this hook (a function taking ``periode`` and ``evaluasi_ids``,
# returning evaluasi id -> follow-up texts), so kinerja_link does not import it.
FOLLOW_UP_HOOK = "kinerja_link_export_follow_ups"
# The same for the "Bukti dukung" sheet: a function taking ``periode`` and ``unit`` that
# yields the header and the rows (``EVIDENCE_HEADERS``).
EVIDENCE_ROWS_HOOK = "kinerja_link_export_evidence_rows"


@dataclass(frozen=True)
class KursusRecord:
    """One learning record as SIASN's Riwayat Kursus wants it."""

    jenis_diklat_id: int
    nama_kursus: str
    institusi_penyelenggara: str
    jumlah_jam: int  # in JP
    tanggal_kursus: datetime.date
    tanggal_selesai_kursus: datetime.date
    nomor_sertipikat: str = ""

    def cells(self) -> list[object]:
        return [
            self.jenis_diklat_id,
            self.nama_kursus,
            self.institusi_penyelenggara,
            self.jumlah_jam,
            f"{self.tanggal_kursus:%d-%m-%Y}",
            f"{self.tanggal_selesai_kursus:%d-%m-%Y}",
            self.tanggal_selesai_kursus.year,
            self.nomor_sertipikat,
        ]


def learning_records_for(pegawai_ids: list[int], tahun: int) -> dict[int, list[KursusRecord]]:
    """Counted (verified) learning records per pegawai id for the year, in one query."""
    records = (
        LearningRecord.objects.counted()
        .in_year(tahun)
        .filter(user__pegawai__in=pegawai_ids)
        .order_by("end_date", "pk")
        .values_list(
            "user__pegawai__id",
            "jenis_diklat_id",
            "title",
            "institution",
            "jp",
            "start_date",
            "end_date",
            "certificate_number",
        )
    )
    result: dict[int, list[KursusRecord]] = {}
    for pegawai_id, jenis, title, institution, jp, start, end, number in records:
        result.setdefault(pegawai_id, []).append(
            KursusRecord(
                jenis_diklat_id=jenis,
                nama_kursus=title,
                institusi_penyelenggara=institution,
                jumlah_jam=int(jp.to_integral_value(rounding=ROUND_HALF_UP)),
                tanggal_kursus=start,
                tanggal_selesai_kursus=end,
                nomor_sertipikat=number,
            )
        )
    return result


def follow_ups_for(periode: Periode, evaluasi_ids: list[int]) -> dict[int, list[str]]:
    """Per evaluation, the follow-ups the agency's rules call for (see ``FOLLOW_UP_HOOK``)."""
    result: dict[int, list[str]] = {}
    for answer in hooks.get_hooks(FOLLOW_UP_HOOK):
        for pk, texts in answer(periode=periode, evaluasi_ids=evaluasi_ids).items():
            result.setdefault(pk, []).extend(texts)
    return result


def pembinaan_summary(evaluasi: Evaluasi | None, follow_ups: Iterable[str] = ()) -> str:
    """The follow-ups the rules call for, then the values the pimpinan flagged."""
    if evaluasi is None:
        return ""
    parts = [str(text) for text in follow_ups]
    flagged = flagged_codes(evaluasi.perilaku_catatan)
    if flagged:
        parts.append(_("perilaku perlu pembinaan: %s") % ", ".join(sorted(flagged)))
    return "; ".join(parts)


def export_rows(*, periode: Periode, unit: UnitKerja) -> Iterator[list[object]]:
    """Header, then one row per learning record (or one bare row) per active pegawai."""
    pegawai = list(
        Pegawai.objects.active()
        .filter(unit__path__startswith=unit.path)
        .select_related("user", "unit")
        .order_by("unit__path", "user__nip")
    )
    evaluasi = {
        e.pegawai_id: e
        for e in Evaluasi.objects.filter(periode=periode, pegawai__in=[p.pk for p in pegawai])
    }
    records = learning_records_for([p.pk for p in pegawai], periode.tahun)
    follow_ups = follow_ups_for(periode, [e.pk for e in evaluasi.values()])
    yield HEADERS
    for person in pegawai:
        mine = records.get(person.pk, [])
        e = evaluasi.get(person.pk)
        head = [
            person.nip,
            person.nama,
            person.unit.nama,
            periode.label,
            e.get_predikat_display() if e else "",
            pembinaan_summary(e, follow_ups.get(e.pk, ()) if e else ()),
            sum(r.jumlah_jam for r in mine),
        ]
        for record in mine or [None]:
            yield head + (record.cells() if record else [""] * len(KURSUS_FIELDS))


def evidence_rows(*, periode: Periode, unit: UnitKerja) -> Iterator[list[object]]:
    """The "Bukti dukung" sheet: header, then one row per piece of evidence on the annual
    SKP of ``periode.tahun`` of each active pegawai in the unit subtree. The evidence is
    pembinaan's; it supplies the rows through ``EVIDENCE_ROWS_HOOK``."""
    for rows in hooks.get_hooks(EVIDENCE_ROWS_HOOK):
        yield from rows(periode=periode, unit=unit)


def to_csv(rows: Iterable[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode()  # BOM: Excel then reads UTF-8 correctly


def to_xlsx(rows: Iterable[list[object]], evidence: Iterable[list[object]] | None = None) -> bytes:
    """The Riwayat Kursus sheet, and with ``evidence`` a second sheet "Bukti dukung"."""
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    for title, sheet_rows in (("Riwayat Kursus", rows), ("Bukti dukung", evidence)):
        if sheet_rows is None:
            continue
        sheet = workbook.create_sheet(title)
        for row in sheet_rows:
            sheet.append([neutralise(v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
