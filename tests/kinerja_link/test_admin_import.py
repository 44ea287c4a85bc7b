from html import escape

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import Role
from kinerja_link.models import Evaluasi, ImportJob, ImportStatus
from tests.factories import PegawaiFactory

from .factories import SIASN_HEADERS, EvaluasiFactory, csv_file


@pytest.fixture
def pengelola_client(client, org):
    client.force_login(org.pengelola.user)
    return client


def upload(client, org, dry_run=True):
    rows = [[p.nip, p.nama, 2026, 2, "III", 1, 1, "", ""] for p in org.staff]
    data = {
        "file": csv_file(SIASN_HEADERS, rows),
        "periode": "",
        "dry_run": "on" if dry_run else "",
    }
    return client.post(reverse("kinerja_import:add"), data)


@pytest.mark.django_db
def test_permissions_granted_by_migration():
    group = Group.objects.get(name=Role.PENGELOLA)
    codes = set(group.permissions.values_list("codename", flat=True))
    assert {"add_importjob", "view_evaluasi", "change_skp"} <= codes
    assert "change_evaluasi" not in codes


def test_upload_preview_progress_and_confirm(
    pengelola_client, org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(pengelola_client, org)
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("kinerja_import:inspect", args=[job.pk])
    assert job.status == ImportStatus.PRATINJAU
    assert not Evaluasi.objects.exists()

    page = pengelola_client.get(response.url)
    assert page.status_code == 200
    assert "Konfirmasi dan simpan" in page.content.decode()
    progress = pengelola_client.get(reverse("kinerja_import:progress", args=[job.pk])).json()
    assert progress == {
        "status": "pratinjau",
        "status_label": "Pratinjau siap",
        "processed": 3,
        "total": 3,
        "percent": 100,
        "finished": True,
    }

    with django_capture_on_commit_callbacks(execute=True):
        pengelola_client.post(reverse("kinerja_import:confirm", args=[job.pk]))
    assert Evaluasi.objects.count() == 3
    job.refresh_from_db()
    assert job.status == ImportStatus.SELESAI


def test_someone_elses_job_is_a_404(client, org, django_capture_on_commit_callbacks):
    other = PegawaiFactory(unit=org.unit_b)
    other.user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    client.force_login(org.pengelola.user)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, org)
    job = ImportJob.objects.get()
    client.force_login(other.user)
    for name in ("inspect", "progress"):
        assert client.get(reverse(f"kinerja_import:{name}", args=[job.pk])).status_code == 404
        assert client.get(reverse(f"kinerja_import:{name}", args=[job.pk + 99])).status_code == 404
    assert client.post(reverse("kinerja_import:confirm", args=[job.pk])).status_code == 404


def test_pegawai_cannot_upload(client, org):
    client.force_login(org.staff[0].user)
    assert upload(client, org).status_code in (302, 403)
    assert not ImportJob.objects.exists()


def test_evaluasi_list_is_scoped_to_the_unit_subtree(pengelola_client, org):
    mine = EvaluasiFactory(pegawai=org.staff[0])
    theirs = EvaluasiFactory(pegawai=org.other)
    html = pengelola_client.get(reverse("evaluasi:index")).content.decode()
    assert escape(org.staff[0].nama) in html
    assert escape(org.other.nama) not in html
    inspect = "evaluasi:inspect"
    assert pengelola_client.get(reverse(inspect, args=[mine.pk])).status_code == 200
    assert pengelola_client.get(reverse(inspect, args=[theirs.pk])).status_code == 404
    edit = pengelola_client.get(reverse("evaluasi:edit", args=[mine.pk]))
    assert edit.status_code in (302, 403)
