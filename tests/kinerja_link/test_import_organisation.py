import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command

from wagtail.models import ModelLogEntry

from accounts.roles import Role
from kinerja_link.models import Pegawai
from kinerja_link.services import organisation_import
from tests.factories import make_nip

from .factories import csv_file, xlsx_file

HEADERS = [
    "NIP",
    "Nama",
    "Jabatan",
    "Jenis Jabatan",
    "Golongan",
    "Kode Unit",
    "NIP Pejabat Penilai",
    "NIP Atasan Pejabat Penilai",
]


def new_nip(n):
    return make_nip(tmt="201003", serial=900 + n)


def test_creates_and_updates_pegawai_with_penilai_in_a_later_row(org):
    kepala, staf = new_nip(1), new_nip(2)
    rows = [
        [staf, "Staf Baru", "Analis", "fungsional", "III/A", "KW.A", kepala, org.kepala.nip],
        [kepala, "Kepala Baru", "Kepala", "Pengawas", "III/d", "KW.A", org.kepala.nip, ""],
        [org.staff[0].nip, "Nama Diganti", "Analis", "", "", "KW.A", "", ""],
    ]
    report = organisation_import(
        user=org.pengelola.user, file=csv_file(HEADERS, rows), dry_run=False
    )
    assert (report.created, report.updated, report.error_count) == (2, 1, 0), report.errors
    staff = Pegawai.objects.get(user__nip=staf)
    assert staff.pejabat_penilai.nip == kepala
    assert staff.atasan_pejabat_penilai == org.kepala
    assert staff.golongan == "III/a"
    assert staff.nama == "Staf Baru"
    assert not staff.user.has_usable_password()
    assert org.staff[0].user.__class__.objects.get(pk=org.staff[0].user.pk).display_name == (
        "Nama Diganti"
    )
    pimpinan = Group.objects.get(name=Role.PIMPINAN)
    assert pimpinan.user_set.filter(nip=kepala).exists()
    assert ModelLogEntry.objects.get_for_model(Pegawai).count() == 3

    again = organisation_import(
        user=org.pengelola.user, file=csv_file(HEADERS, rows), dry_run=False
    )
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_errors_and_dry_run(org):
    rows = [
        [new_nip(3), "A", "Analis", "", "", "KW.A", "", ""],
        [new_nip(4), "", "Analis", "", "", "KW.A", "", ""],
        [new_nip(5), "C", "Analis", "", "IX/z", "KW.A", "", ""],
        [new_nip(6), "D", "Analis", "", "", "KW.B", "", ""],
        [org.other.nip, "E", "Analis", "", "", "KW.A", "", ""],
        [new_nip(3), "A", "Analis", "", "", "KW.A", "", ""],
        [new_nip(7), "G", "Analis", "", "", "TIDAK.ADA", "", ""],
        [new_nip(8), "H", "Analis", "", "", "KW.A", "199001012015011999", ""],
    ]
    report = organisation_import(user=org.pengelola.user, file=xlsx_file(HEADERS, rows))
    errors = {e["baris"]: e["pesan"] for e in report.errors}
    assert sorted(errors) == [3, 4, 5, 6, 7, 8, 9]
    assert "Nama wajib diisi" in errors[3]
    assert "Golongan" in errors[4]
    assert "KW.B" in errors[5]  # outside the pengelola's units
    assert "di luar unit yang Anda kelola" in errors[6]
    assert "baris 2" in errors[7]
    assert "penilai" in errors[9]
    assert report.created == 2
    assert not get_user_model().objects.filter(nip=new_nip(3)).exists()  # dry run by default


def test_wrong_columns_and_command(org, tmp_path, capsys):
    with pytest.raises(ValidationError, match="UNIT KERJA"):
        organisation_import(user=None, file=csv_file(["NIP", "NAMA", "JABATAN"], [["1", "a", "b"]]))
    path = tmp_path / "org.csv"
    path.write_bytes(
        csv_file(HEADERS, [[new_nip(9), "I", "Analis", "", "", "KW.A", "", ""]]).read()
    )
    call_command("import_organisasi", str(path))
    assert "baru 1" in capsys.readouterr().out
    assert Pegawai.objects.filter(user__nip=new_nip(9)).exists()


def test_admin_page_for_pengelola_only(client, org):
    url = "/admin/kinerja_organisasi/"
    client.force_login(org.staff[0].user)
    assert client.get(url).status_code in (302, 403)
    client.force_login(org.pengelola.user)
    assert client.get(url).status_code == 200
    file = csv_file(HEADERS, [[new_nip(10), "J", "Analis", "", "", "KW.A", "", ""]])
    response = client.post(url, {"file": file, "dry_run": ""})
    assert "baru 1" in response.content.decode()
    assert Pegawai.objects.filter(user__nip=new_nip(10)).exists()
