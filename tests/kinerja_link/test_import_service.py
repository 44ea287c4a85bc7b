import io
import zipfile

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.models import ModelLogEntry

from kinerja_link.importing import engine
from kinerja_link.kuadran import Predikat, Rating
from kinerja_link.models import Evaluasi, ImportJob, ImportStatus, Periode
from kinerja_link.services import import_job_confirm, import_job_create, import_job_run
from tests.factories import PegawaiFactory

from .factories import SHEET_HEADERS, SIASN_HEADERS, csv_file, xlsx_file


def run(user, file, **kwargs):
    with TestCase.captureOnCommitCallbacks(execute=True):
        job = import_job_create(
            user=user, file=file, dry_run=kwargs.pop("dry_run", False), **kwargs
        )
    job.refresh_from_db()
    return job


def evaluasi_log():
    return ModelLogEntry.objects.get_for_model(Evaluasi)


def siasn_row(pegawai, hasil, perilaku, predikat="", penilai="", periode="Triwulan III"):
    return [pegawai.nip, pegawai.nama, 2026, 2, periode, hasil, perilaku, predikat, penilai]


def test_siasn_csv_creates_evaluations_with_computed_predikat(org):
    a, b, c = org.staff
    rows = [
        siasn_row(a, 1, 3, predikat=4),
        siasn_row(b, 3, 1, predikat=1),
        siasn_row(c, "Sesuai Ekspektasi", "Di Atas Ekspektasi", penilai=org.kepala.nip),
    ]
    job = run(org.pengelola.user, csv_file(SIASN_HEADERS, rows))

    assert job.status == ImportStatus.SELESAI, job.message
    assert (job.total_rows, job.created_count, job.error_count) == (3, 3, 0)
    periode = Periode.objects.get(tahun=2026, jenis="triwulan", nomor=3)
    assert periode.label == "Triwulan III 2026"
    by_pegawai = {e.pegawai_id: e for e in Evaluasi.objects.all()}
    assert by_pegawai[a.pk].predikat == Predikat.KURANG  # not max(1, 3)
    assert by_pegawai[a.pk].predikat_mismatch is False
    assert by_pegawai[b.pk].predikat == Predikat.BUTUH_PERBAIKAN
    assert by_pegawai[b.pk].predikat_imported == Predikat.SANGAT_BAIK
    assert by_pegawai[b.pk].predikat_mismatch is True
    assert job.mismatch_count == 1
    assert by_pegawai[c.pk].predikat == Predikat.BAIK
    assert by_pegawai[c.pk].pejabat_penilai == org.kepala
    assert by_pegawai[c.pk].import_job == job


def test_xlsx_with_indonesian_headers_and_numeric_nips(org):
    a, b, c = org.staff
    exact_scientific = f"{a.nip[0]}.{a.nip[1:]}E+17"
    spaced = f"{b.nip[:8]} {b.nip[8:14]} {b.nip[14]} {b.nip[15:]}"
    rows = [
        [1, exact_scientific, a.nama, "x", "y", "Triwulan II 2026", "Di Atas", "Sesuai", 2],
        [2, spaced, b.nama, "x", "y", "TW II 2026", 2, 2, "Baik"],
        # A number cell holds a double: Excel (and openpyxl) keep 15 digits, so it is lost.
        [3, int(c.nip), c.nama, "x", "y", "Triwulan II 2026", 2, 2, "Baik"],
        [4, "1.98609E+17", "?", "x", "y", "Triwulan II 2026", 2, 2, "Baik"],
    ]
    job = run(org.pengelola.user, xlsx_file(SHEET_HEADERS, rows))

    assert job.status == ImportStatus.SELESAI, job.message
    assert job.created_count == 2, job.errors
    assert set(Evaluasi.objects.values_list("pegawai_id", flat=True)) == {a.pk, b.pk}
    assert [e["baris"] for e in job.errors] == [4, 5]
    assert all("tidak dapat dipulihkan" in e["pesan"] for e in job.errors)
    assert Evaluasi.objects.get(pegawai=a).predikat == Predikat.BAIK


def test_bad_rows_are_reported_with_row_numbers_while_good_rows_land(org):
    a, b, c = org.staff
    rows = [
        siasn_row(a, 1, 1),  # row 2 ok
        ["199001012015011999", "X", 2026, 2, "III", 1, 1, "", ""],  # 3 unknown NIP
        siasn_row(b, 5, 1),  # 4 bad rating
        siasn_row(a, 2, 2),  # 5 duplicate of row 2
        siasn_row(org.other, 1, 1),  # 6 outside the pengelola's unit
        siasn_row(c, 2, 2, periode="Semester 1"),
    ]  # 7 bad periode
    job = run(org.pengelola.user, csv_file(SIASN_HEADERS, rows))

    assert job.created_count == 1
    errors = {e["baris"]: e["pesan"] for e in job.errors}
    assert sorted(errors) == [3, 4, 5, 6, 7]
    assert "tidak terdaftar" in errors[3]
    assert "Rating hasil kerja" in errors[4]
    assert "baris 2" in errors[5]
    assert errors[6] == f"NIP {org.other.nip} di luar unit yang Anda kelola."
    assert "Periode" in errors[7]
    assert Evaluasi.objects.get().rating_hasil == Rating.DI_ATAS


def test_reimport_changes_nothing_and_changed_rows_are_audited(org):
    a, b, _ = org.staff
    first = [siasn_row(a, 1, 1), siasn_row(b, 2, 2)]
    run(org.pengelola.user, csv_file(SIASN_HEADERS, first))
    again = run(org.pengelola.user, csv_file(SIASN_HEADERS, first))
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2)
    assert evaluasi_log().filter(action="wagtail.create").count() == 2

    changed = run(org.pengelola.user, csv_file(SIASN_HEADERS, [siasn_row(a, 3, 3), first[1]]))
    assert (changed.created_count, changed.updated_count, changed.unchanged_count) == (0, 1, 1)
    evaluasi = Evaluasi.objects.get(pegawai=a)
    assert evaluasi.predikat == Predikat.SANGAT_KURANG
    entry = evaluasi_log().get(action="wagtail.edit", object_id=str(evaluasi.pk))
    assert entry.user == org.pengelola.user
    assert entry.data["before"]["predikat"] == Predikat.SANGAT_BAIK
    assert entry.data["after"]["predikat"] == Predikat.SANGAT_KURANG
    assert entry.data["baris"] == 2


def test_dry_run_writes_nothing_until_confirmed(org):
    file = csv_file(SIASN_HEADERS, [siasn_row(org.staff[0], 1, 2)])
    job = run(org.pengelola.user, file, dry_run=True)
    assert job.status == ImportStatus.PRATINJAU
    assert job.created_count == 1
    assert not Evaluasi.objects.exists()
    assert not Periode.objects.exists()
    assert not evaluasi_log().exists()

    with TestCase.captureOnCommitCallbacks(execute=True):
        import_job_confirm(user=org.pengelola.user, job=job)
    job.refresh_from_db()
    assert job.status == ImportStatus.SELESAI
    assert Evaluasi.objects.get().predikat == Predikat.BAIK


@pytest.mark.parametrize(
    ("content", "name", "message", "at_upload"),
    [
        (b"", "a.csv", "Berkas kosong.", True),
        (b"nip,nama\n", "a.csv", "Berkas tidak berisi baris data.", False),
        (b"nip,nama\n198001012015011001,Budi\n", "a.csv", "Kolom wajib tidak ditemukan", False),
        (b"%PDF-1.4", "a.pdf", "Jenis berkas tidak didukung", True),
        (b"PK\x03\x04 not really", "a.xlsx", "rusak", True),
    ],
)
def test_unusable_files_fail_with_a_clear_message(org, content, name, message, at_upload):
    if at_upload:  # the cheap checks refuse the file before a job exists
        with pytest.raises(ValidationError, match=message):
            run(org.pengelola.user, ContentFile(content, name=name))
        assert not ImportJob.objects.exists()
        return
    job = run(org.pengelola.user, ContentFile(content, name=name))
    assert job.status == ImportStatus.GAGAL
    assert message in job.message


def test_size_and_row_caps(org, settings):
    rows = [siasn_row(p, 1, 1) for p in org.staff]
    settings.KINERJA_IMPORT_MAX_ROWS = 2
    job = run(org.pengelola.user, csv_file(SIASN_HEADERS, rows))
    assert job.status == ImportStatus.GAGAL
    assert "lebih dari 2 baris" in job.message

    settings.KINERJA_IMPORT_MAX_BYTES = 100
    with pytest.raises(Exception, match="terlalu besar"):
        run(org.pengelola.user, csv_file(SIASN_HEADERS, rows))


def test_zip_bomb_is_refused_before_parsing(org, settings):
    settings.KINERJA_IMPORT_MAX_UNCOMPRESSED = 1024 * 1024
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (5 * 1024 * 1024))
    assert len(out.getvalue()) < 50_000
    with pytest.raises(ValidationError, match="terlalu besar setelah diekstrak"):
        run(org.pengelola.user, ContentFile(out.getvalue(), name="bom.xlsx"))
    assert not ImportJob.objects.exists(), "refused at upload, before a job is queued"


def test_only_pengelola_may_import(org):
    with pytest.raises(PermissionDenied):
        run(org.staff[0].user, csv_file(SIASN_HEADERS, [siasn_row(org.staff[0], 1, 1)]))


def test_progress_is_saved_after_every_chunk(org, monkeypatch):
    monkeypatch.setattr(engine, "CHUNK_SIZE", 2)
    seen = []
    original = engine._process_chunk

    def spy(parsed, ctx, report):
        seen.append(ImportJob.objects.values_list("processed_rows", "total_rows").get())
        original(parsed, ctx, report)

    monkeypatch.setattr(engine, "_process_chunk", spy)
    people = [*org.staff, org.kepala, org.pengelola]
    run(org.pengelola.user, csv_file(SIASN_HEADERS, [siasn_row(p, 2, 2) for p in people]))
    assert seen == [(0, 5), (2, 5), (4, 5)]


def test_queries_do_not_grow_with_rows(org):
    def queries_for(count):
        people = PegawaiFactory.create_batch(count, unit=org.unit_a, pejabat_penilai=org.kepala)
        file = csv_file(SIASN_HEADERS, [siasn_row(p, 1, 2) for p in people])
        job = import_job_create(user=org.pengelola.user, file=file, dry_run=False, enqueue=False)
        with CaptureQueriesContext(connection) as ctx:
            import_job_run(job_id=job.pk)
        assert ImportJob.objects.get(pk=job.pk).created_count == count
        return len(ctx.captured_queries)

    queries_for(1)  # the period and content type exist from here on
    small, large = queries_for(5), queries_for(60)
    assert small == large
    assert large <= 20


def test_management_command(org, tmp_path, capsys):
    path = tmp_path / "siasn.csv"
    headers = ["NIP", "RATING HASIL KERJA", "RATING PERILAKU KERJA"]
    path.write_bytes(csv_file(headers, [[org.staff[0].nip, 1, 1]]).read())
    call_command("import_evaluasi", str(path), "--periode", "Triwulan I 2026", "--dry-run")
    assert "Pratinjau" in capsys.readouterr().out
    assert not Evaluasi.objects.exists()
    call_command("import_evaluasi", str(path), "--periode", "Triwulan I 2026")
    assert "baru 1" in capsys.readouterr().out
    assert str(Evaluasi.objects.get().periode) == "Triwulan I 2026"

    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(CommandError, match="kosong"):
        call_command("import_evaluasi", str(tmp_path / "empty.csv"))


FLAG_HEADERS = [*SIASN_HEADERS, "Nilai Perlu Pembinaan"]


def test_flagged_values_column_sets_per_value_notes_and_keeps_a_pimpinan_note(org):
    a, b, c = org.staff
    rows = [
        [*siasn_row(a, 2, 3), "AK, Kolaboratif"],
        [*siasn_row(b, 2, 2), ""],
        [*siasn_row(c, 2, 2), "Jujur"],
    ]
    job = run(org.pengelola.user, csv_file(FLAG_HEADERS, rows))

    assert job.created_count == 2
    assert [e["baris"] for e in job.errors] == [4]
    assert "Nilai BerAKHLAK tidak dikenal" in job.errors[0]["pesan"]
    flagged = Evaluasi.objects.get(pegawai=a)
    assert flagged.perilaku_catatan == {
        "AK": {"perlu_pembinaan": True},
        "KL": {"perlu_pembinaan": True},
    }
    assert Evaluasi.objects.get(pegawai=b).perilaku_catatan == {}

    # A note written here survives a re-import that clears the flag; an import without
    # the column leaves the notes alone.
    flagged.perilaku_catatan["AK"]["catatan"] = "Terlambat melapor dua kali."
    flagged.save()
    again = run(org.pengelola.user, csv_file(FLAG_HEADERS, [[*siasn_row(a, 2, 3), "KL"]]))
    assert again.updated_count == 1
    flagged.refresh_from_db()
    assert flagged.perilaku_catatan == {
        "AK": {"perlu_pembinaan": False, "catatan": "Terlambat melapor dua kali."},
        "KL": {"perlu_pembinaan": True},
    }
    untouched = run(org.pengelola.user, csv_file(SIASN_HEADERS, [siasn_row(a, 2, 3)]))
    assert untouched.unchanged_count == 1
    flagged.refresh_from_db()
    assert flagged.perilaku_catatan["KL"] == {"perlu_pembinaan": True}


def test_an_unexpected_failure_ends_the_job_with_a_message(org):
    job = run(
        org.pengelola.user, csv_file(SIASN_HEADERS, [siasn_row(org.staff[0], 1, 1)]), dry_run=True
    )
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.MENUNGGU)
    job.file.storage.delete(job.file.name)  # e.g. media lost between upload and worker

    job = import_job_run(job_id=job.pk)

    assert job.status == ImportStatus.GAGAL
    assert f"nomor impor {job.pk}" in job.message
    assert job.finished_at is not None
