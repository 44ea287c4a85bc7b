"""The SKP as the official form reads: who may open it, what it shows, its query count."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.nip import mask_nip
from accounts.roles import Role
from kinerja_link.importing import skp_columns as sc
from kinerja_link.models import SKP
from tests.factories import PegawaiFactory

from .test_import_skp import FORMATS, LEADER_RHK, run, skp_records


@pytest.fixture
def imported(org):
    records = skp_records(org)
    records[0][sc.ATASAN_NIP] = org.other.nip
    run(org.pengelola.user, FORMATS["csv"](records))
    return SKP.objects.get(pegawai=org.staff[0])


def url(skp):
    return reverse("kinerja:skp", args=[skp.pk])


def test_pegawai_reads_their_skp_as_the_form_with_lampiran(client, org, imported):
    client.force_login(org.staff[0].user)
    page = client.get(url(imported)).content.decode()

    for text in (
        "Sasaran Kinerja Pegawai",
        "Pegawai yang dinilai",
        "Pejabat penilai kinerja",
        "Atasan pejabat penilai kinerja",
        LEADER_RHK,
        "Tersusunnya analisis jabatan",
        "Jumlah dokumen anjab",
        "12 dokumen",
        "Selesai sebelum Juni",
        "B. Tambahan",
        "Menjadi narasumber",
        "Melayani tanpa keluhan",
        "Lampiran Sasaran Kinerja Pegawai",
        "Akses SIASN",
        "Laporan bulanan",
        "Sesuai PermenPANRB 6/2022",
    ):
        assert text in page, text
    assert org.staff[0].nip in page
    # Their pejabat penilai's and atasan's NIPs are not theirs to see in full.
    assert org.kepala.nip not in page and mask_nip(org.kepala.nip) in page
    assert org.other.nip not in page


def test_kinerja_saya_links_the_form_and_lists_aspek_rows(client, org, imported):
    client.force_login(org.staff[0].user)
    page = client.get(reverse("kinerja:saya")).content.decode()
    assert url(imported) in page
    assert "Kuantitas · Jumlah dokumen anjab · target 12 dokumen" in page
    assert "Waktu · Selesai sebelum Juni · target 6 bulan" in page


def test_only_self_their_pimpinan_and_pengelola_open_it(client, org, imported):
    pimpinan_lain = PegawaiFactory(unit=org.unit_a)
    PegawaiFactory(unit=org.unit_a, pejabat_penilai=pimpinan_lain)
    pengelola_b = PegawaiFactory(unit=org.unit_b)
    pengelola_b.user.groups.add(Group.objects.get_or_create(name=Role.PENGELOLA)[0])
    expected = {
        org.staff[0].user: 200,
        org.kepala.user: 200,
        org.pengelola.user: 200,
        org.staff[1].user: 404,
        pimpinan_lain.user: 404,
        pengelola_b.user: 404,
    }
    for user, status in expected.items():
        client.force_login(user)
        assert client.get(url(imported)).status_code == status, user
    client.force_login(org.kepala.user)
    assert org.staff[0].nip in client.get(url(imported)).content.decode()
    assert client.get(reverse("kinerja:skp", args=[imported.pk + 999])).status_code == 404
    client.logout()
    assert client.get(url(imported)).status_code == 302


@pytest.mark.parametrize("extra_rhk", [0, 12])
def test_query_count_does_not_grow_with_rhk(
    client, org, imported, extra_rhk, django_assert_max_num_queries
):
    records = skp_records(org)[:3]
    for n in range(extra_rhk):
        for aspek in ("Kuantitas", "Kualitas", "Waktu"):
            records.append({**records[1], sc.RHK: f"RHK {n}", sc.ASPEK: aspek})
    run(org.pengelola.user, FORMATS["csv"](records))
    client.force_login(org.staff[0].user)
    # 16: the rencana aksi section (pembinaan, SKP_PAGE_HOOK) adds its plans and evidence.
    with django_assert_max_num_queries(16):
        response = client.get(url(imported))
    assert response.status_code == 200
