"""Kinerja pulled from the fake SIASN lands through kinerja_link's own import: only the
periode asked for, only the pengelola's pegawai."""

from __future__ import annotations

import pytest

from django.urls import reverse

from kinerja_link.kuadran import Predikat
from kinerja_link.models import Evaluasi
from kinerja_link.siasn.models import SiasnPush
from tests.kinerja_link.factories import PeriodeFactory

pytestmark = pytest.mark.django_db


def kinerja_row(nip, nomor, hasil, perilaku):
    return {
        "nip": nip,
        "tahun": 2026,
        "periodikId": "2",
        "periodikNama": f"Triwulan {nomor}",
        "hasilKinerjaNilai": hasil,
        "perilakuKerjaNilai": perilaku,
        "kuadranKinerjaNilai": "",
    }


def test_pull_imports_that_periodes_kinerja_for_the_pengelolas_unit(
    org, fake_siasn, client, django_capture_on_commit_callbacks
):
    staff, other = org.staff[0], org.other  # other: unit B, outside the pengelola's scope
    for pegawai in (*org.staff, org.kepala, org.pengelola, other):
        fake_siasn.people[pegawai.nip] = f"orang-{pegawai.pk}"
    fake_siasn.kinerja[staff.nip] = [
        kinerja_row(staff.nip, "III", "1", "1"),
        kinerja_row(staff.nip, "II", "3", "3"),
    ]
    fake_siasn.kinerja[other.nip] = [kinerja_row(other.nip, "III", "3", "3")]
    periode = PeriodeFactory(tahun=2026, nomor=3)
    client.force_login(org.pengelola.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("siasn_push:periode"),
            {"periode": periode.pk, "unit": org.unit_a.pk, "action": "ambil"},
        )
    assert response.status_code == 302
    (evaluasi,) = Evaluasi.objects.all()
    assert (evaluasi.pegawai, evaluasi.periode) == (staff, periode)
    assert evaluasi.predikat == Predikat.SANGAT_BAIK
    assert not SiasnPush.objects.exists()


def test_the_siasn_screens_are_the_pengelolas(org, client, fake_siasn):
    index, form = reverse("siasn_push:index"), reverse("siasn_push:periode")
    client.force_login(org.staff[0].user)
    assert client.get(index).status_code in (302, 403, 404)
    assert client.get(form).status_code in (302, 403)
    client.force_login(org.pengelola.user)
    assert client.get(index).status_code == 200
    page = client.get(form)
    assert page.status_code == 200
    assert "Ambil kinerja dari SIASN" in page.content.decode()
