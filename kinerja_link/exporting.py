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

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from learning.models import Competency, LearningRecord

from .kuadran import Predikat
from .models import Evaluasi, JenisPeriode, Pegawai, Periode, SkpEvidence, UnitKerja

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

# Default follow-up per predikat (docs/domain.md §4): agency policy, to become PembinaanRule.
PEMBINAAN_DEFAULT = {
    Predikat.SANGAT_BAIK: _lazy("Talent pool; menjadi mentor bagi rekan"),
    Predikat.BAIK: _lazy("Pengembangan kompetensi rutin"),
    Predikat.BUTUH_PERBAIKAN: _lazy("Pembelajaran teknis dan coaching"),
    Predikat.KURANG: _lazy("Pembelajaran perilaku BerAKHLAK dan konseling"),
    Predikat.SANGAT_KURANG: _lazy("Rencana perbaikan kinerja formal"),
}
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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


def pembinaan_summary(evaluasi: Evaluasi | None) -> str:
    if evaluasi is None:
        return ""
    parts = [str(PEMBINAAN_DEFAULT[Predikat(evaluasi.predikat)])]
    flagged = [
        code
        for code, note in (evaluasi.perilaku_catatan or {}).items()
        if isinstance(note, dict) and note.get("perlu_pembinaan")
    ]
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
            pembinaan_summary(e),
            sum(r.jumlah_jam for r in mine),
        ]
        for record in mine or [None]:
            yield head + (record.cells() if record else [""] * len(KURSUS_FIELDS))


def evidence_rows(*, periode: Periode, unit: UnitKerja) -> Iterator[list[object]]:
    """Header, then one row per bukti dukung on the annual SKP of ``periode.tahun`` of each
    active pegawai in the unit subtree (the whole year, as the Riwayat Kursus rows)."""
    evidence = (
        SkpEvidence.objects.filter(
            skp__periode__jenis=JenisPeriode.TAHUNAN,
            skp__periode__tahun=periode.tahun,
            skp__pegawai__is_active=True,
            skp__pegawai__unit__path__startswith=unit.path,
        )
        .select_related(
            "skp__pegawai__user",
            "skp__pegawai__unit",
            "certificate",
            "session",
            "rhk",
            "learning_record",
        )
        .prefetch_related(Prefetch("values", queryset=Competency.objects.order_by("sort_order")))
        .order_by("skp__pegawai__unit__path", "skp__pegawai__user__nip", "date", "pk")
    )
    yield EVIDENCE_HEADERS
    for e in evidence:
        person = e.skp.pegawai
        yield [
            person.nip,
            person.nama,
            person.unit.nama,
            periode.tahun,
            e.get_kind_display(),
            e.session.get_kind_display() if e.session else "",
            e.title,
            f"{e.date:%d-%m-%Y}",
            e.jp,
            "; ".join(v.name for v in e.values.all()),
            e.rhk.rhk if e.rhk else "",
            _certificate_number(e),
            _certificate_link(e),
        ]


def _certificate_number(evidence: SkpEvidence) -> str:
    if evidence.certificate:
        return evidence.certificate.number
    return evidence.learning_record.certificate_number if evidence.learning_record else ""


def _certificate_link(evidence: SkpEvidence) -> str:
    if not evidence.certificate:
        return ""
    path = reverse("learning:certificate_verify", kwargs={"uuid": evidence.certificate.uuid})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv(rows: Iterable[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
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
            sheet.append([safe_cell(v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
