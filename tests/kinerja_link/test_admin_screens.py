from html import escape

import pytest

from django.urls import reverse

from wagtail.admin.menu import admin_menu

from kinerja_link.models import ApiToken, Periode
from kinerja_link.models.evaluasi import hash_token
from tests.factories import UserFactory

from .factories import PeriodeFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize(
    "name", ["kinerja_import", "evaluasi", "skp", "periode", "pegawai", "apitoken"]
)
def test_every_screen_of_the_kinerja_menu_opens(admin_client, org, name):
    assert admin_client.get(reverse(f"{name}:index")).status_code == 200


def test_skp_add_form_has_rhk_and_perilaku_panels(admin_client, org):
    html = admin_client.get(reverse("skp:add")).content.decode()
    assert "Rencana hasil kerja" in html
    assert "Perilaku kerja" in html


def test_periode_label_and_constraint(admin_client):
    response = admin_client.post(
        reverse("periode:add"), {"tahun": 2026, "jenis": "bulanan", "nomor": 3}
    )
    assert response.status_code == 302
    assert str(Periode.objects.get()) == "Maret 2026"
    assert str(PeriodeFactory(jenis="tahunan", nomor=0)) == "Tahunan 2026"
    bad = admin_client.post(
        reverse("periode:add"), {"tahun": 2026, "jenis": "triwulan", "nomor": 5}
    )
    assert bad.status_code == 200
    assert Periode.objects.count() == 2


def test_new_token_is_shown_once_and_stored_hashed(admin_client, org):
    response = admin_client.post(
        reverse("apitoken:add"),
        {"name": "SIASN", "user": org.pengelola.user.pk, "is_active": "on"},
        follow=True,
    )
    token = ApiToken.objects.get()
    text = [str(m) for m in response.context["messages"]]
    raw = text[0].rsplit(" ", 1)[-1]
    assert hash_token(raw) == token.token_hash
    assert raw not in escape(admin_client.get(reverse("apitoken:index")).content.decode())


def test_pengelola_sees_the_kinerja_menu(rf, org):
    request = rf.get("/admin/")
    request.user = org.pengelola.user
    labels = [item.label for item in admin_menu.menu_items_for_request(request)]
    assert "Kinerja" in labels


def test_pengelola_edits_only_in_their_subtree(client, org):
    from kinerja_link.models import SKP

    annual = PeriodeFactory(jenis="tahunan", nomor=0)
    mine = SKP.objects.create(pegawai=org.staff[0], periode=annual)
    theirs = SKP.objects.create(pegawai=org.other, periode=annual)
    client.force_login(org.pengelola.user)
    assert client.get(reverse("skp:edit", args=[mine.pk])).status_code == 200
    assert client.get(reverse("skp:edit", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("pegawai:edit", args=[org.staff[1].pk])).status_code == 200
    assert client.get(reverse("pegawai:edit", args=[org.other.pk])).status_code == 404


def test_skp_and_evaluasi_lists_stay_flat(admin_client, org, django_assert_max_num_queries):
    from kinerja_link.models import SKP

    from .factories import EvaluasiFactory

    annual = PeriodeFactory(jenis="tahunan", nomor=0)
    people = [*org.staff, org.kepala, org.other, org.pengelola]
    for quarter, size in ((1, 2), (2, len(people))):
        for person in people[:size]:
            SKP.objects.get_or_create(pegawai=person, periode=annual)
            EvaluasiFactory(pegawai=person, periode=PeriodeFactory(nomor=quarter))
        for name in ("skp", "evaluasi"):
            with django_assert_max_num_queries(22):
                assert admin_client.get(reverse(f"{name}:index")).status_code == 200


def test_pengelola_choices_stay_in_the_subtree(client, org):
    client.force_login(org.pengelola.user)
    skp_form = client.get(reverse("skp:add")).context["form"]
    assert org.staff[0] in skp_form.fields["pegawai"].queryset
    assert org.other not in skp_form.fields["pegawai"].queryset
    pegawai_form = client.get(reverse("pegawai:edit", args=[org.staff[0].pk])).context["form"]
    assert set(pegawai_form.fields["unit"].queryset) == {org.unit_a}


def test_pegawai_chooser_searches_in_indonesian_within_the_subtree(client, org):
    client.force_login(org.pengelola.user)
    url = reverse("pegawai_chooser:choose_results")
    found = client.get(url, {"q": org.staff[0].nama}).content.decode()
    assert "Ditemukan 1" in found and escape(org.staff[0].nama) in found
    assert "match" not in found  # Wagtail's untranslated count
    missing = client.get(url, {"q": org.other.nama}).content.decode()
    assert "Tidak ada yang cocok" in missing  # another unit's pegawai is not offered
