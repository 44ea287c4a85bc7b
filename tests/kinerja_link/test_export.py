import csv
import datetime
import io

import openpyxl

from django.urls import reverse

from kinerja_link import exporting
from kinerja_link.exporting import KursusRecord, export_rows, to_csv, to_xlsx
from kinerja_link.kuadran import Rating
from tests.kinerja_link.factories import rhk_create

from .factories import EvaluasiFactory, PeriodeFactory


def records_stub(pegawai_ids, tahun):
    """Stands in for learning.LearningRecord until the learning branch is merged."""
    return {
        pegawai_ids[0]: [
            KursusRecord(
                16,
                '=HYPERLINK("http://x")',
                "Bina ASN",
                4,
                datetime.date(2026, 8, 1),
                datetime.date(2026, 8, 3),
                "@SUM(A1)",
            ),
            KursusRecord(
                14,
                "Coaching kinerja",
                "Kanwil",
                2,
                datetime.date(2026, 9, 1),
                datetime.date(2026, 9, 1),
            ),
        ]
    }


def test_rows_carry_predikat_pembinaan_and_jp(org, monkeypatch):
    monkeypatch.setattr(exporting, "learning_records_for", records_stub)
    periode = PeriodeFactory()
    EvaluasiFactory(
        pegawai=org.kepala,
        periode=periode,
        rating_hasil=Rating.DI_BAWAH,
        perilaku_catatan={"AK": {"perlu_pembinaan": True}},
    )
    rows = list(export_rows(periode=periode, unit=org.unit_a))
    header, body = rows[0], rows[1:]
    assert header[:7] == [
        "nip",
        "nama",
        "unorNama",
        "periode",
        "predikatKinerja",
        "ringkasanPembinaan",
        "totalJp",
    ]
    assert header[7:] == [
        "jenisDiklatId",
        "namaKursus",
        "institusiPenyelenggara",
        "jumlahJam",
        "tanggalKursus",
        "tanggalSelesaiKursus",
        "tahunKursus",
        "nomorSertipikat",
    ]
    nips = [r[0] for r in body]
    assert org.other.nip not in nips  # another unit
    assert len(body) == 5 + 1  # five pegawai in unit A, the first has two records
    first = [r for r in body if r[0] == body[0][0]]
    assert [r[6] for r in first] == [6, 6]
    assert first[1][11] == "01-09-2026"
    kepala = next(r for r in body if r[0] == org.kepala.nip)
    assert kepala[4] == "Butuh Perbaikan"
    assert "coaching" in kepala[5] and "AK" in kepala[5]


def test_xlsx_opens_and_has_no_live_formulas(org, monkeypatch):
    monkeypatch.setattr(exporting, "learning_records_for", records_stub)
    periode = PeriodeFactory()
    data = to_xlsx(export_rows(periode=periode, unit=org.unit_a))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    values = [c.value for c in cells if isinstance(c.value, str)]
    assert '\'=HYPERLINK("http://x")' in values
    assert not any(v.startswith(("=", "+", "-", "@")) for v in values)
    assert all(
        isinstance(v, str)
        for v in (sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1))
    )

    text = to_csv(export_rows(periode=periode, unit=org.unit_a)).decode("utf-8-sig")
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0][0] == "nip"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in parsed for cell in row)


def test_export_view_for_pengelola_only(client, org):
    periode = PeriodeFactory()
    url = reverse("kinerja:ekspor")
    params = {"periode": periode.pk, "unit": org.unit_a.pk, "format": "xlsx"}
    client.force_login(org.staff[0].user)
    assert client.get(url, params).status_code == 404
    client.force_login(org.pengelola.user)
    assert client.get(url).status_code == 200
    response = client.get(url, params)
    assert response["Content-Disposition"].endswith('.xlsx"')
    openpyxl.load_workbook(io.BytesIO(response.content))
    foreign = client.get(url, {**params, "unit": org.unit_b.pk})
    assert foreign.status_code == 200  # the form again, with an error
    assert "attachment" not in foreign.get("Content-Disposition", "")
    csv_response = client.get(url, {**params, "format": "csv"})
    assert csv_response["Content-Type"].startswith("text/csv")


def test_real_learning_records_fill_the_riwayat_kursus_columns(org):
    """The seam wired to learning's JP ledger: only verified records of the year count."""
    from decimal import Decimal

    from learning.models import LearningRecord

    periode = PeriodeFactory()
    common = {"user": org.kepala.user, "jenis_diklat_id": 16, "institution": "Bina ASN"}
    LearningRecord.objects.create(
        **common,
        source="course",
        title="Mengenal e-Kinerja BKN",
        jp=Decimal("2.5"),
        start_date=datetime.date(periode.tahun, 3, 1),
        end_date=datetime.date(periode.tahun, 3, 2),
        certificate_number="BINA-001",
        verification_status="verified",
    )
    LearningRecord.objects.create(
        **common,
        source="external",
        title="Belum diverifikasi",
        jp=Decimal("4"),
        start_date=datetime.date(periode.tahun, 4, 1),
        end_date=datetime.date(periode.tahun, 4, 1),
        verification_status="pending",
    )
    LearningRecord.objects.create(
        **common,
        source="course",
        title="Tahun lalu",
        jp=Decimal("3"),
        start_date=datetime.date(periode.tahun - 1, 5, 1),
        end_date=datetime.date(periode.tahun - 1, 5, 1),
        verification_status="verified",
    )
    records = exporting.learning_records_for([org.kepala.pk], periode.tahun)
    assert list(records) == [org.kepala.pk]
    (record,) = records[org.kepala.pk]
    assert (record.nama_kursus, record.jumlah_jam, record.nomor_sertipikat) == (
        "Mengenal e-Kinerja BKN",
        3,
        "BINA-001",
    )
    rows = [r for r in export_rows(periode=periode, unit=org.unit_a) if r[0] == org.kepala.nip]
    assert [r[8] for r in rows] == ["Mengenal e-Kinerja BKN"]


def _evidence_fixture(org):
    """Bukti dukung on this year's SKP of a unit-A pegawai, one in unit B, one last year."""
    from decimal import Decimal

    from competencies.models import Competency
    from kinerja_link.models import SKP
    from kinerja_link.pembinaan.models import EvidenceKind, SkpEvidence

    from .pembinaan.factories import PembinaanSessionFactory

    annual = PeriodeFactory(jenis="tahunan", nomor=0)
    last_year = PeriodeFactory(tahun=annual.tahun - 1, jenis="tahunan", nomor=0)
    skp = SKP.objects.create(pegawai=org.staff[0], periode=annual)
    rhk = rhk_create(skp=skp, rhk="Terlaksananya survei IKM", indikator="Laporan", target="1")
    course = SkpEvidence.objects.create(
        skp=skp,
        kind=EvidenceKind.COURSE,
        title='=HYPERLINK("http://x")',
        date=datetime.date(annual.tahun, 8, 3),
        jp=Decimal("3"),
        rhk=rhk,
    )
    course.values.set(Competency.objects.filter(code__in=["BP", "KO"]))
    SkpEvidence.objects.create(
        skp=skp,
        kind=EvidenceKind.SESSION,
        title="Coaching RHK",
        jp=Decimal("1.33"),
        date=datetime.date(annual.tahun, 9, 1),
        session=PembinaanSessionFactory(kind="coaching"),
    )
    for pegawai, periode in ((org.other, annual), (org.staff[1], last_year)):
        SkpEvidence.objects.create(
            skp=SKP.objects.create(pegawai=pegawai, periode=periode),
            kind=EvidenceKind.EXTERNAL,
            title="Tidak ikut",
            date=datetime.date(periode.tahun, 5, 1),
        )
    return PeriodeFactory()  # triwulan III of the same year


def test_evidence_rows_of_the_years_skp_in_the_unit(org):
    periode = _evidence_fixture(org)
    header, *body = list(exporting.evidence_rows(periode=periode, unit=org.unit_a))
    assert header == exporting.EVIDENCE_HEADERS
    assert [r[6] for r in body] == ['=HYPERLINK("http://x")', "Coaching RHK"]
    first, second = body
    assert first[:5] == [org.staff[0].nip, org.staff[0].nama, "Bidang A", 2026, "Kursus selesai"]
    assert first[7:11] == [
        "03-08-2026",
        3,
        "Berorientasi Pelayanan; Kompeten",
        "Terlaksananya survei IKM",
    ]
    assert second[4:6] == ["Sesi pembinaan", "Coaching"]


def test_xlsx_has_a_bukti_dukung_sheet_and_keeps_riwayat_kursus(org, monkeypatch):
    monkeypatch.setattr(exporting, "learning_records_for", records_stub)
    periode = _evidence_fixture(org)
    data = to_xlsx(
        export_rows(periode=periode, unit=org.unit_a),
        exporting.evidence_rows(periode=periode, unit=org.unit_a),
    )
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Riwayat Kursus", "Bukti dukung"]
    kursus, bukti = workbook["Riwayat Kursus"], workbook["Bukti dukung"]
    assert [c.value for c in kursus[1]] == exporting.HEADERS
    assert [c.value for c in bukti[1]] == exporting.EVIDENCE_HEADERS
    cells = [c for row in bukti.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert bukti.cell(row=2, column=7).value == '\'=HYPERLINK("http://x")'
    assert bukti.max_row == 3


def test_export_view_offers_the_evidence(client, org):
    periode = _evidence_fixture(org)
    client.force_login(org.pengelola.user)
    url = reverse("kinerja:ekspor")
    params = {"periode": periode.pk, "unit": org.unit_a.pk}
    xlsx = client.get(url, {**params, "format": "xlsx"})
    assert openpyxl.load_workbook(io.BytesIO(xlsx.content)).sheetnames[1] == "Bukti dukung"
    response = client.get(url, {**params, "format": "csv_bukti"})
    assert response["Content-Disposition"].startswith('attachment; filename="bukti-dukung-KW.A-')
    parsed = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert parsed[0] == exporting.EVIDENCE_HEADERS
    assert [row[6] for row in parsed[1:]] == ['\'=HYPERLINK("http://x")', "Coaching RHK"]
    kursus = client.get(url, {**params, "format": "csv"})
    assert kursus.content.decode("utf-8-sig").startswith(",".join(exporting.HEADERS))
