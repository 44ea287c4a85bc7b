"""SKP import from e-Kinerja's files: long CSV/XLSX (one row per aspek row) and nested JSON."""

import json
import re

import pytest

from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse

from wagtail.models import ModelLogEntry

from kinerja_link.importing import skp_columns as sc
from kinerja_link.models import (
    SKP,
    ImportKind,
    ImportStatus,
    IndikatorRHK,
    RencanaHasilKerja,
    StatusSKP,
)
from kinerja_link.services import import_job_confirm, import_job_create

from .factories import csv_file, xlsx_file

HEADERS = [label for _field, label in sc.TEMPLATE_HEADERS]
FIELDS = [field for field, _label in sc.TEMPLATE_HEADERS]
LEADER_RHK = "Meningkatnya kualitas layanan kepegawaian"


def run(user, file, dry_run=False):
    with TestCase.captureOnCommitCallbacks(execute=True):
        job = import_job_create(user=user, file=file, dry_run=dry_run, kind=ImportKind.SKP)
    job.refresh_from_db()
    return job


def skp_records(org):
    """Three team members first, then their leader (the link must still be made)."""
    a, b, c = org.staff
    shared = {sc.PERIODE: "2026", sc.PENILAI_NIP: org.kepala.nip, sc.STATUS: "Disetujui"}
    records = [
        {
            **shared,
            sc.NIP: a.nip,
            sc.RHK: "Tersusunnya analisis jabatan",
            sc.RHK_PIMPINAN: LEADER_RHK,
            sc.ASPEK: "Kuantitas",
            sc.INDIKATOR: "Jumlah dokumen anjab",
            sc.TARGET: "12 dokumen",
            sc.ekspektasi_field("BP"): "Melayani tanpa keluhan",
            sc.DUKUNGAN: "Akses SIASN",
            sc.SKEMA: "Laporan bulanan",
            sc.KONSEKUENSI: "Sesuai PermenPANRB 6/2022",
        },
        {
            sc.NIP: a.nip,
            sc.PERIODE: "2026",
            sc.RHK: "Tersusunnya analisis jabatan",
            sc.ASPEK: "Waktu",
            sc.INDIKATOR: "Selesai sebelum Juni",
            sc.TARGET: "6 bulan",
        },
        {
            **shared,
            sc.NIP: a.nip,
            sc.JENIS_RHK: "Tambahan",
            sc.RHK: "Menjadi narasumber",
            sc.ASPEK: "Kuantitas",
            sc.INDIKATOR: "Jumlah sesi",
            sc.TARGET: "2 sesi",
        },
        {
            **shared,
            sc.NIP: b.nip,
            sc.RHK: "Terlaksananya layanan mutasi",
            sc.RHK_PIMPINAN: LEADER_RHK,
            sc.ASPEK: "Kualitas",
            sc.INDIKATOR: "Persentase usulan lengkap",
            sc.TARGET: "95%",
        },
        {
            **shared,
            sc.NIP: c.nip,
            sc.RHK: "Tersusunnya data pegawai",
            sc.ASPEK: "Biaya",
            sc.INDIKATOR: "Anggaran terserap",
            sc.TARGET: "Rp 10.000.000",
        },
        {
            sc.NIP: org.kepala.nip,
            sc.PERIODE: "Tahunan 2026",
            sc.RHK: LEADER_RHK,
            sc.ASPEK: "Kuantitas",
            sc.INDIKATOR: "Indeks kepuasan",
            sc.TARGET: "3,5",
        },
    ]
    return records


def rows_of(records):
    return [[r.get(f, "") for f in FIELDS] for r in records]


def nested_json(records):
    """The nested JSON form of the same SKPs."""
    skps = {}
    for r in records:
        item = skps.setdefault(
            (r[sc.NIP], r[sc.PERIODE][-4:]),
            {"nip": r[sc.NIP], "periode": r[sc.PERIODE], "rhk": [], "perilaku": {}, "lampiran": {}},
        )
        for key in (sc.PENILAI_NIP, sc.STATUS):
            if r.get(key):
                item[key] = r[key]
        if r.get(sc.ekspektasi_field("BP")):
            item["perilaku"]["BP"] = r[sc.ekspektasi_field("BP")]
        for key in sc.LAMPIRAN:
            if r.get(key):
                item["lampiran"][key] = r[key]
        rhk = next((x for x in item["rhk"] if x["rhk"] == r[sc.RHK]), None)
        if rhk is None:
            rhk = {
                "jenis": r.get(sc.JENIS_RHK, ""),
                "rhk": r[sc.RHK],
                "rhk_pimpinan": r.get(sc.RHK_PIMPINAN, ""),
                "aspek": [],
            }
            item["rhk"].append(rhk)
        rhk["aspek"].append(
            {"aspek": r[sc.ASPEK], "indikator": r[sc.INDIKATOR], "target": r[sc.TARGET]}
        )
    body = json.dumps({"skp": list(skps.values())}).encode()
    return ContentFile(body, name="skp.json")


FORMATS = {
    "csv": lambda records: csv_file(HEADERS, rows_of(records), name="skp.csv"),
    "xlsx": lambda records: xlsx_file(HEADERS, rows_of(records), name="skp.xlsx"),
    "json": nested_json,
}


def skp_state(pegawai):
    skp = SKP.objects.get(pegawai=pegawai)
    return {
        "penilai": skp.pejabat_penilai_id,
        "status": skp.status,
        "lampiran": (skp.dukungan_sumber_daya, skp.skema_pertanggungjawaban, skp.konsekuensi),
        "perilaku": {p.nilai.code: p.ekspektasi for p in skp.perilaku.all()},
        "rhk": [
            (
                r.jenis,
                r.rhk,
                r.rhk_pimpinan,
                [(a.aspek, a.indikator, a.target) for a in r.aspek_rows.all()],
            )
            for r in skp.rhk.all()
        ],
    }


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_multi_pegawai_file_creates_whole_skps(org, fmt):
    job = run(org.pengelola.user, FORMATS[fmt](skp_records(org)))

    assert job.status == ImportStatus.SELESAI, job.message
    assert (job.total_rows, job.created_count, job.error_count) == (6, 4, 0), job.errors
    a = skp_state(org.staff[0])
    assert a["penilai"] == org.kepala.pk
    assert a["status"] == StatusSKP.DISETUJUI
    assert a["lampiran"] == ("Akses SIASN", "Laporan bulanan", "Sesuai PermenPANRB 6/2022")
    assert a["perilaku"]["BP"] == "Melayani tanpa keluhan"
    assert len(a["perilaku"]) == 7 and a["perilaku"]["AK"] == ""
    assert a["rhk"] == [
        (
            "utama",
            "Tersusunnya analisis jabatan",
            LEADER_RHK,
            [
                ("kuantitas", "Jumlah dokumen anjab", "12 dokumen"),
                ("waktu", "Selesai sebelum Juni", "6 bulan"),
            ],
        ),
        ("tambahan", "Menjadi narasumber", "", [("kuantitas", "Jumlah sesi", "2 sesi")]),
    ]
    # The team's RHK link to the leader's, though the leader's SKP came last.
    leader_rhk = RencanaHasilKerja.objects.get(skp__pegawai=org.kepala)
    assert set(leader_rhk.intervensi.values_list("skp__pegawai", flat=True)) == {
        org.staff[0].pk,
        org.staff[1].pk,
    }
    # A new SKP takes the pegawai's own pejabat penilai when the file names none.
    assert SKP.objects.get(pegawai=org.kepala).pejabat_penilai_id == org.kepala.pejabat_penilai_id


def test_same_file_twice_changes_nothing(org):
    run(org.pengelola.user, FORMATS["csv"](skp_records(org)))
    entries = ModelLogEntry.objects.get_for_model(SKP).count()
    before = {p.pk: skp_state(p) for p in [*org.staff, org.kepala]}

    again = run(org.pengelola.user, FORMATS["csv"](skp_records(org)))

    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 4)
    assert ModelLogEntry.objects.get_for_model(SKP).count() == entries
    assert {p.pk: skp_state(p) for p in [*org.staff, org.kepala]} == before


def test_changed_target_updates_in_place_and_is_audited(org):
    run(org.pengelola.user, FORMATS["csv"](skp_records(org)))
    row = IndikatorRHK.objects.get(indikator="Jumlah dokumen anjab")
    records = skp_records(org)
    records[0][sc.TARGET] = "14 dokumen"
    del records[2]  # the tambahan RHK is no longer in e-Kinerja

    job = run(org.pengelola.user, FORMATS["csv"](records))

    assert (job.updated_count, job.unchanged_count) == (1, 3)
    row_after = IndikatorRHK.objects.get(indikator="Jumlah dokumen anjab")
    assert (row_after.pk, row_after.target) == (row.pk, "14 dokumen")
    assert not RencanaHasilKerja.objects.filter(rhk="Menjadi narasumber").exists()
    entry = ModelLogEntry.objects.get_for_model(SKP).filter(action="wagtail.edit").get()
    assert entry.user_id == org.pengelola.user.pk
    assert entry.data["import_job"] == job.pk
    before_rhk, after_rhk = entry.data["before"]["rhk"][0], entry.data["after"]["rhk"][0]
    assert before_rhk["aspek"][0][2] == "12 dokumen"
    assert after_rhk["aspek"][0][2] == "14 dokumen"


def test_bad_rows_are_reported_and_their_skp_is_left_out(org):
    records = skp_records(org)
    records[1][sc.ASPEK] = "Kecepatan"  # staff[0]'s SKP fails as a whole
    records[3][sc.TARGET] = ""
    records[4][sc.PERIODE] = "Triwulan I 2026"
    records.append({**records[5], sc.INDIKATOR: "Dua kali"})  # kepala: kuantitas again
    records.append({**records[5], sc.ASPEK: "Kualitas", sc.DUKUNGAN: "Lain"})
    records[5][sc.DUKUNGAN] = "Ruang rapat"

    job = run(org.pengelola.user, FORMATS["csv"](records))

    messages = {(e["baris"], e["pesan"]) for e in job.errors}
    assert (
        3,
        "Aspek tidak dikenal: \u201cKecepatan\u201d (gunakan Kuantitas, Kualitas, "
        "Waktu atau Biaya).",
    ) in messages
    assert (5, "Target kosong.") in messages
    assert (
        6,
        "Periode SKP harus tahunan, misalnya \u201c2026\u201d atau \u201cTahunan 2026\u201d.",
    ) in messages
    assert (8, "Aspek Kuantitas untuk RHK ini sudah ada di baris 7.") in messages
    assert (9, "Kolom DUKUNGAN SUMBER DAYA berbeda dengan baris 7 untuk SKP yang sama.") in (
        messages
    )
    assert (2, "SKP ini tidak diimpor: perbaiki baris bermasalahnya.") in messages
    assert not SKP.objects.filter(pegawai__in=[org.staff[0], org.staff[1], org.kepala]).exists()
    assert job.created_count == 0  # staff[2]'s only row is the quarterly one


def test_pegawai_outside_the_importers_units_are_refused_as_out_of_reach(org):
    records = skp_records(org)[:1]
    records.append({**records[0], sc.NIP: org.other.nip, sc.PENILAI_NIP: ""})

    job = run(org.pengelola.user, FORMATS["csv"](records))

    assert job.created_count == 1
    assert job.errors == [
        {
            "baris": 3,
            "nip": org.other.nip,
            "pesan": f"NIP {org.other.nip} di luar unit yang Anda kelola.",
        }
    ]
    assert not SKP.objects.filter(pegawai=org.other).exists()


def test_preview_writes_nothing_until_confirmed(org, django_capture_on_commit_callbacks):
    job = run(org.pengelola.user, FORMATS["json"](skp_records(org)), dry_run=True)
    assert job.status == ImportStatus.PRATINJAU
    assert job.created_count == 4
    assert not SKP.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        import_job_confirm(user=org.pengelola.user, job=job)
    job.refresh_from_db()
    assert job.status == ImportStatus.SELESAI
    assert SKP.objects.count() == 4


def test_missing_columns_fail_the_whole_file(org):
    job = run(org.pengelola.user, csv_file(["NIP", "RENCANA HASIL KERJA"], [["1", "x"]]))
    assert job.status == ImportStatus.GAGAL
    assert "ASPEK, INDIKATOR KINERJA INDIVIDU, TARGET" in job.message


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_template_download_reads_back_with_every_column(client, org, ext):
    from kinerja_link.importing import skp
    from kinerja_link.importing.readers import read_table

    client.force_login(org.pengelola.user)
    response = client.get(reverse("kinerja_import:template", args=["skp", ext]))

    assert response.status_code == 200
    assert 'filename="templat-impor-skp.' in response["Content-Disposition"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    table = read_table(ContentFile(body), f"templat.{ext}")
    assert skp.missing_columns_message(table) is None
    assert sorted(sc.map_headers(table.headers).values()) == list(range(len(HEADERS)))
    assert table.rows[0][1][0] == "198507142010011003"  # the NIP stays text


def test_template_and_upload_are_for_pengelola(client, org):
    client.force_login(org.staff[0].user)
    assert client.get(reverse("kinerja_import:template", args=["skp", "csv"])).status_code in {
        302,
        403,
        404,
    }
    client.force_login(org.pengelola.user)
    assert client.get(reverse("kinerja_import:template", args=["x", "csv"])).status_code == 404
    page = client.get(reverse("kinerja_import:add") + "?jenis=skp").content.decode()
    assert reverse("kinerja_import:template", args=["skp", "xlsx"]) in page
    assert re.search(r'<input type="radio" name="kind" value="skp"[^>]* checked', page)


def test_admin_upload_of_an_skp_file(client, org, django_capture_on_commit_callbacks):
    client.force_login(org.pengelola.user)
    data = {"kind": "skp", "file": FORMATS["csv"](skp_records(org)), "periode": "", "dry_run": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("kinerja_import:add"), data)
    assert response.status_code == 302
    assert SKP.objects.count() == 4


def test_imported_skp_opens_in_the_admin_with_its_aspek_rows(client, org):
    run(org.pengelola.user, FORMATS["csv"](skp_records(org)))
    client.force_login(org.pengelola.user)
    skp = SKP.objects.get(pegawai=org.staff[0])
    page = client.get(reverse("skp:edit", args=[skp.pk])).content.decode()
    assert "Selesai sebelum Juni" in page
    assert "Lampiran SKP" in page and "Akses SIASN" in page


def test_leaders_skp_in_a_later_file_links_the_teams_rhk(org):
    records = skp_records(org)
    run(org.pengelola.user, FORMATS["csv"](records[:5]))
    assert not RencanaHasilKerja.objects.filter(rhk_pimpinan_ref__isnull=False).exists()

    run(org.pengelola.user, FORMATS["csv"](records[5:]))

    linked = RencanaHasilKerja.objects.filter(rhk_pimpinan_ref__rhk=LEADER_RHK)
    assert set(linked.values_list("skp__pegawai", flat=True)) == {
        org.staff[0].pk,
        org.staff[1].pk,
    }


def test_imported_skp_takes_the_evidence_that_waited_for_it(org):
    """A training verified before the SKP existed reaches the SKP as soon as it is imported,
    not at the next hourly sweep."""
    import datetime

    from kinerja_link.pembinaan.models import SkpEvidence
    from learning.models import LearningRecord, LearningRecordSource, VerificationStatus

    member = org.staff[0]
    record = LearningRecord.objects.create(
        user=member.user,
        source=LearningRecordSource.EXTERNAL,
        title="Diklat Kearsipan",
        institution="ANRI",
        jenis_diklat_id=3,
        jp=6,
        start_date=datetime.date(2026, 5, 4),
        end_date=datetime.date(2026, 5, 4),
        verification_status=VerificationStatus.VERIFIED,
    )
    assert not SkpEvidence.objects.exists()

    run(org.pengelola.user, FORMATS["csv"](skp_records(org)))

    evidence = SkpEvidence.objects.get(learning_record=record)
    assert evidence.skp == SKP.objects.get(pegawai=member)
