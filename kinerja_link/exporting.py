"""Export back to e-Kinerja/SIASN: per period and unit, one row per learning record
finished in that period (SIASN *Riwayat Kursus* field names and codes, docs/domain.md §4,
docs/integration-kinerja.md) with the pegawai's predikat code, pembinaan summary and JP
total; and the bukti dukung on the SKP of the period's year (``evidence_rows``: a second
XLSX sheet "Bukti dukung", or a second CSV file).

``kursus_records`` is the single seam to the JP ledger (``learning.LearningRecord``); the
SIASN connector (``kinerja_link.siasn``) builds its pushes from the same records, so the
file and the push never disagree.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail import hooks

from foundation.spreadsheets import neutralise
from learning.certificates import verification_url_for
from learning.jenis_diklat import JENIS_KURSUS_SERTIPIKAT
from learning.models import LearningRecord

from .models import Evaluasi, Pegawai, Periode, UnitKerja
from .perilaku_catatan import flagged_codes

KURSUS_FIELDS = [
    "instansiId",
    "jenisKursus",
    "jenisKursusSertipikat",
    "jenisDiklatId",
    "namaKursus",
    "institusiPenyelenggara",
    "tanggalKursus",
    "tanggalSelesaiKursus",
    "tahunKursus",
    "jumlahJam",
    "nomorSertipikat",
    "lokasiId",
    "dokumenSertifikat",
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

# What pembinaan an evaluation led to is pembinaan's record (recommendations made and
# courses assigned). Its app answers through this hook (a function taking ``periode`` and
# ``evaluasi_ids``, returning evaluasi id -> texts), so kinerja_link does not import it.
FOLLOW_UP_HOOK = "kinerja_link_export_follow_ups"
# The same for the "Bukti dukung" sheet: a function taking ``periode`` and ``unit`` that
# yields the header and the rows (``EVIDENCE_HEADERS``).
EVIDENCE_ROWS_HOOK = "kinerja_link_export_evidence_rows"


def exact_jp(jp: Decimal) -> Decimal:
    """The ledger's JP as it is (a 20-minute session stays 0.44), without trailing zeros."""
    return jp.quantize(Decimal(1)) if jp == jp.to_integral_value() else jp.normalize()


@dataclass(frozen=True)
class KursusRecord:
    """One learning record as SIASN's Riwayat Kursus wants it: codes, not labels."""

    jenis_diklat_id: int
    nama_kursus: str
    institusi_penyelenggara: str
    jumlah_jam: Decimal  # in JP, exact
    tanggal_kursus: datetime.date
    tanggal_selesai_kursus: datetime.date
    nomor_sertipikat: str = ""
    dokumen_url: str = ""  # the certificate's public check page, when one was issued
    learning_record_id: int | None = None

    def siasn_fields(self) -> dict[str, object]:
        """The body fields of SIASN's ``kursus/save`` (docs/integration-kinerja.md)."""
        return {
            "instansiId": settings.SIASN_INSTANSI_ID,
            # A SIASN course-subject id (``referensi/jenis-kursus``); none is mapped yet.
            "jenisKursus": "",
            "jenisKursusSertipikat": JENIS_KURSUS_SERTIPIKAT.get(self.jenis_diklat_id, "T"),
            "jenisDiklatId": str(self.jenis_diklat_id),
            "namaKursus": self.nama_kursus,
            "institusiPenyelenggara": self.institusi_penyelenggara,
            "tanggalKursus": f"{self.tanggal_kursus:%d-%m-%Y}",
            "tanggalSelesaiKursus": f"{self.tanggal_selesai_kursus:%d-%m-%Y}",
            "tahunKursus": self.tanggal_selesai_kursus.year,
            "jumlahJam": self.jumlah_jam,
            "nomorSertipikat": self.nomor_sertipikat,
            "lokasiId": settings.SIASN_LOKASI_ID,
        }

    def cells(self) -> list[object]:
        fields = self.siasn_fields()
        return [fields.get(name, self.dokumen_url) for name in KURSUS_FIELDS]


RECORD_COLUMNS = (
    "pk",
    "user_id",
    "jenis_diklat_id",
    "title",
    "institution",
    "jp",
    "start_date",
    "end_date",
    "certificate_number",
    "enrolment__certificate__uuid",
    "enrolment__certificate__revoked_at",
)


def kursus_record(row: tuple[Any, ...]) -> KursusRecord:
    """A ``RECORD_COLUMNS`` row as SIASN's Riwayat Kursus."""
    pk, _user, jenis, title, institution, jp, start, end, number, cert, revoked = row
    return KursusRecord(
        jenis_diklat_id=jenis,
        nama_kursus=title,
        institusi_penyelenggara=institution,
        jumlah_jam=exact_jp(jp),
        tanggal_kursus=start,
        tanggal_selesai_kursus=end,
        nomor_sertipikat=number,
        dokumen_url=verification_url_for(cert) if cert and revoked is None else "",
        learning_record_id=pk,
    )


def counted_in(periode: Periode) -> Q:
    """Verified learning finished within the period: a periode export holds no other."""
    return Q(end_date__gte=periode.start_date, end_date__lte=periode.end_date)


def kursus_records(user_ids: list[int], periode: Periode) -> dict[int, list[KursusRecord]]:
    """Counted (verified) learning records per user id finished in the period, one query."""
    rows = (
        LearningRecord.objects.counted()
        .filter(counted_in(periode), user__in=user_ids)
        .order_by("end_date", "pk")
        .values_list(*RECORD_COLUMNS)
    )
    result: dict[int, list[KursusRecord]] = {}
    for row in rows:
        result.setdefault(row[1], []).append(kursus_record(row))
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
    records = kursus_records([p.user_id for p in pegawai], periode)
    follow_ups = follow_ups_for(periode, [e.pk for e in evaluasi.values()])
    yield HEADERS
    for person in pegawai:
        mine = records.get(person.user_id, [])
        e = evaluasi.get(person.pk)
        head: list[object] = [
            person.nip,
            person.nama,
            person.unit.nama,
            periode.label,
            e.predikat if e else "",  # SIASN's code, 1–5
            pembinaan_summary(e, follow_ups.get(e.pk, ()) if e else ()),
            exact_jp(sum((r.jumlah_jam for r in mine), Decimal(0))),
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
