import csv
import datetime
import io
from decimal import Decimal

import openpyxl

from django.urls import reverse

from kinerja_link import exporting
from kinerja_link.exporting import KursusRecord, export_rows, to_csv, to_xlsx
from kinerja_link.kuadran import Rating
from tests.kinerja_link.factories import rhk_create

from .factories import EvaluasiFactory, PeriodeFactory


def records_stub(user_ids, periode):
    """Two records for the first pegawai, whatever the ledger holds."""
    return {
        user_ids[0]: [
            KursusRecord(
                16,
                '=HYPERLINK("http://x")',
                "Bina ASN",
                Decimal("4"),
                datetime.date(2026, 8, 1),
                datetime.date(2026, 8, 3),
                "@SUM(A1)",
            ),
            KursusRecord(
                14,
                "Coaching kinerja",
                "Kanwil",
                Decimal("0.44"),
                datetime.date(2026, 9, 1),
                datetime.date(2026, 9, 1),
            ),
        ]
    }


def test_rows_carry_predikat_pembinaan_and_jp(org, monkeypatch):
    monkeypatch.setattr(exporting, "kursus_records", records_stub)
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
    nips = [r[0] for r in body]
    assert org.other.nip not in nips  # another unit
    assert len(body) == 5 + 1  # five pegawai in unit A, the first has two records
    first = [r for r in body if r[0] == body[0][0]]
    assert [r[6] for r in first] == [Decimal("4.44"), Decimal("4.44")]  # exact, not 4
    assert first[1][13:17] == ["01-09-2026", "01-09-2026", 2026, Decimal("0.44")]
    assert first[1][9:11] == ["T", "14"]  # jenisKursusSertipikat, jenisDiklatId: codes
    kepala = next(r for r in body if r[0] == org.kepala.nip)
    assert kepala[4] == 3  # predikatKinerja as SIASN's code: Butuh Perbaikan
    assert kepala[5] == "perilaku perlu pembinaan: AK"  # nothing recommended yet


def test_xlsx_opens_and_has_no_live_formulas(org, monkeypatch):
    monkeypatch.setattr(exporting, "kursus_records", records_stub)
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


def _ledger(org):
    """The kepala's JP ledger around the current triwulan: a course completed on the
    platform (with a certificate), a 20-minute coaching session, and what must stay out."""
    from django.utils import timezone

    from learning import services
    from learning.models import LearningRecord
    from tests.learning.factories import lessons_of, make_course

    today = timezone.localdate()
    periode = PeriodeFactory(tahun=today.year, nomor=(today.month - 1) // 3 + 1)
    user = org.kepala.user
    course = make_course(lessons=1, title="Mengenal e-Kinerja BKN", jp=2)
    services.enrolment_create(user=user, course=course)
    services.lesson_complete(user=user, lesson=lessons_of(course)[0])
    first_day = periode.start_date
    common = {"user": user, "institution": "Kanwil", "verification_status": "verified"}
    LearningRecord.objects.create(
        **common,
        source="coaching",
        jenis_diklat_id=14,
        title="Coaching RHK",
        jp=services.minutes_to_jp(20),
        start_date=first_day,
        end_date=first_day,
    )
    day_before = first_day - datetime.timedelta(days=1)
    for title, end, status in (
        ("Triwulan sebelumnya", day_before, "verified"),
        ("Belum diverifikasi", first_day, "pending"),
    ):
        LearningRecord.objects.create(
            **{**common, "verification_status": status},
            source="external",
            jenis_diklat_id=4,
            title=title,
            jp=Decimal("3"),
            start_date=end,
            end_date=end,
        )
    return periode


def test_a_periode_export_holds_exactly_that_periodes_learning_with_siasn_codes(org, settings):
    """Only verified learning finished in the periode; JP exact (a 20-minute session is
    0.44, not 0) and the total equals the ledger; codes, not labels."""
    from learning.models import Certificate, LearningRecord

    settings.SIASN_INSTANSI_ID = "A5EB03E23CCCF6A0E040640A040252AD"
    settings.SIASN_LOKASI_ID = "A5EB03E21A0AF6A0E040640A040252AD"
    periode = _ledger(org)
    EvaluasiFactory(pegawai=org.kepala, periode=periode, rating_hasil=Rating.DI_ATAS)
    header, *body = export_rows(periode=periode, unit=org.unit_a)
    rows = [dict(zip(header, r, strict=True)) for r in body if r[0] == org.kepala.nip]
    assert [r["namaKursus"] for r in rows] == ["Coaching RHK", "Mengenal e-Kinerja BKN"]
    coaching, course = rows
    assert coaching["jumlahJam"] == Decimal("0.44")
    in_periode = LearningRecord.objects.filter(
        user=org.kepala.user,
        verification_status="verified",
        end_date__range=(periode.start_date, periode.end_date),
    )
    assert sum(r.jp for r in in_periode) == Decimal("2.44")
    assert {r["totalJp"] for r in rows} == {Decimal("2.44")}
    certificate = Certificate.objects.get(user=org.kepala.user)
    assert course["nomorSertipikat"] == certificate.number
    assert course["dokumenSertifikat"] == (f"http://testserver/sertifikat/{certificate.uuid}/")
    assert coaching["dokumenSertifikat"] == ""
    assert (course["predikatKinerja"], course["instansiId"], course["lokasiId"]) == (
        2,  # Baik
        "A5EB03E23CCCF6A0E040640A040252AD",
        "A5EB03E21A0AF6A0E040640A040252AD",
    )
    assert (coaching["jenisDiklatId"], coaching["jenisKursusSertipikat"]) == ("14", "T")
    assert coaching["tanggalKursus"] == f"{periode.start_date:%d-%m-%Y}"
    assert coaching["tahunKursus"] == periode.tahun


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
    monkeypatch.setattr(exporting, "kursus_records", records_stub)
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
