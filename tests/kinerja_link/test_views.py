import re
from html import escape

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import Role
from competencies.models import Competency
from kinerja_link.kuadran import Rating
from kinerja_link.models import SKP, PerilakuEkspektasi
from tests.factories import PegawaiFactory, UserFactory
from tests.kinerja_link.factories import rhk_create

from .factories import EvaluasiFactory, PeriodeFactory


@pytest.fixture
def evaluated(org):
    periode = PeriodeFactory()
    for p in [*org.staff, org.other, org.kepala]:
        EvaluasiFactory(pegawai=p, periode=periode, rating_hasil=Rating.DI_ATAS)
    return periode


def without_csrf(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def detail(pegawai):
    return reverse("kinerja:pegawai", args=[pegawai.pk])


def test_pegawai_sees_own_skp_and_predikat_history(client, org, evaluated):
    me = org.staff[0]
    annual = PeriodeFactory(jenis="tahunan", nomor=0)
    skp = SKP.objects.create(pegawai=me, periode=annual, pejabat_penilai=org.kepala)
    rhk_create(
        skp=skp,
        rhk="Tersusunnya analisis beban kerja",
        indikator="Jumlah dokumen",
        target="4 dokumen",
    )
    nilai = Competency.objects.get(code="AK")
    PerilakuEkspektasi.objects.create(skp=skp, nilai=nilai, ekspektasi="Tepat waktu")
    client.force_login(me.user)
    html = client.get(reverse("kinerja:saya")).content.decode()
    assert "Tersusunnya analisis beban kerja" in html
    assert "Tepat waktu" in html
    assert "Triwulan III 2026" in html
    assert "Baik" in html
    assert 'method="post"' not in html.split('id="konten"')[-1]  # read-only


def test_user_without_pegawai_gets_a_friendly_page(client, db):
    client.force_login(UserFactory())
    assert "belum terhubung" in client.get(reverse("kinerja:saya")).content.decode()


def test_login_required(client, db):
    assert client.get(reverse("kinerja:saya")).status_code == 302


def test_pegawai_cannot_see_a_colleague(client, org, evaluated):
    client.force_login(org.staff[0].user)
    assert client.get(detail(org.staff[0])).status_code == 200
    colleague_url, missing_url = detail(org.staff[1]), reverse("kinerja:pegawai", args=[999_999])
    colleague, missing = client.get(colleague_url), client.get(missing_url)
    assert colleague.status_code == missing.status_code == 404
    assert without_csrf(colleague.content) == without_csrf(missing.content)
    assert escape(org.staff[1].nama) not in client.get(reverse("tim_saya:index")).content.decode()


def test_pimpinan_sees_the_team_only(client, org, evaluated):
    client.force_login(org.kepala.user)
    html = client.get(reverse("tim_saya:index")).content.decode()
    for member in org.staff:
        assert escape(member.nama) in html
    assert escape(org.other.nama) not in html
    assert client.get(detail(org.staff[1])).status_code == 200
    assert client.get(detail(org.other)).status_code == 404


def test_pengelola_sees_the_unit_subtree(client, org, evaluated):
    client.force_login(org.pengelola.user)
    assert client.get(detail(org.kepala)).status_code == 200
    assert client.get(detail(org.other)).status_code == 404
    boss = PegawaiFactory(unit=org.root)
    boss.user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    client.force_login(boss.user)
    assert client.get(detail(org.other)).status_code == 200


def test_team_page_queries_stay_flat(client, org, evaluated, django_assert_max_num_queries):
    client.force_login(org.kepala.user)
    client.get(reverse("tim_saya:index"))  # warm: section links, site root paths
    # 14: the pengamatan (rencana aksi and realisasi per member) costs two, whatever the team size.
    with django_assert_max_num_queries(14):
        client.get(reverse("tim_saya:index"))
    for _ in range(20):
        EvaluasiFactory(
            pegawai=PegawaiFactory(unit=org.unit_a, pejabat_penilai=org.kepala), periode=evaluated
        )
    with django_assert_max_num_queries(14):
        response = client.get(reverse("tim_saya:index"))
    assert response.content.decode().count("predikat-") >= 23


def test_own_page_queries_stay_flat(client, org, django_assert_max_num_queries):
    me = org.staff[0]
    client.force_login(me.user)
    client.get(reverse("kinerja:saya"))  # warm: section links, site root paths
    for quarters in ((1,), (2, 3, 4)):
        for nomor in quarters:
            EvaluasiFactory(
                pegawai=me, periode=PeriodeFactory(nomor=nomor), pejabat_penilai=org.kepala
            )
        with django_assert_max_num_queries(9):
            response = client.get(reverse("kinerja:saya"))
        assert response.content.decode().count('class="predikat ') == quarters[-1]


@pytest.mark.django_db
def test_tim_saya_is_forbidden_to_a_pegawai_without_a_team(client):
    client.force_login(PegawaiFactory().user)
    response = client.get(reverse("tim_saya:index"))
    assert response.status_code == 403
    assert "Akses ditolak" in response.content.decode()


@pytest.mark.django_db
def test_tim_saya_link_only_for_those_with_a_team(client):
    from kinerja_link.services import pimpinan_group_sync

    pimpinan = PegawaiFactory()
    member = PegawaiFactory(pejabat_penilai=pimpinan)
    pimpinan_group_sync()
    client.force_login(member.user)
    assert "Tim Saya" not in client.get(reverse("kinerja:saya")).content.decode()
    client.force_login(pimpinan.user)
    assert "Tim Saya" in client.get(reverse("kinerja:saya")).content.decode()
