"""Who sees and does what with an IDP: the pegawai their own, the pimpinan their team's,
the pengelola their units'; anyone else gets 404. The whole flow through the pages."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import Role
from kinerja_link.pembinaan.models import Notification
from kinerja_link.pengembangan.models import IdpStatus, RencanaPengembangan
from kinerja_link.pengembangan.services import idp_draft
from tests.factories import PegawaiFactory

from .conftest import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def rencana(idp_org):
    return idp_draft(user=idp_org.pegawai.user, tahun=YEAR)


def get(client, user, name, *args):
    client.force_login(user)
    return client.get(reverse(f"pengembangan:{name}", args=args))


def test_the_pegawai_drafts_edits_and_submits_and_the_pimpinan_is_notified(client, idp_org):
    client.force_login(idp_org.pegawai.user)
    response = client.post(reverse("pengembangan:draft") + f"?tahun={YEAR}")
    rencana = RencanaPengembangan.objects.get(pegawai=idp_org.pegawai, tahun=YEAR)
    assert response.status_code == 302
    item = rencana.items.first()
    data = {
        f"item-{i.pk}-{k}": v
        for i in rencana.items.all()
        for k, v in {"form": i.form, "target_jp": "4", "start_date": "", "end_date": ""}.items()
    }
    data[f"item-{item.pk}-form"] = "mentoring"
    data[f"item-{item.pk}-start_date"] = f"{YEAR}-12-20"
    data[f"item-{item.pk}-end_date"] = f"{YEAR}-12-01"
    page = client.post(reverse("pengembangan:detail", args=[rencana.pk]), data)
    assert page.status_code == 200
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in page.content.decode()
    data[f"item-{item.pk}-end_date"] = f"{YEAR}-12-31"
    assert client.post(reverse("pengembangan:detail", args=[rencana.pk]), data).status_code == 302
    item.refresh_from_db()
    assert (item.form, item.target_jp) == ("mentoring", 4)
    client.post(reverse("pengembangan:submit", args=[rencana.pk]))
    rencana.refresh_from_db()
    assert rencana.status == IdpStatus.SUBMITTED
    note = Notification.objects.get(user=idp_org.kepala.user, key__startswith=f"idp:{rencana.pk}")
    assert idp_org.pegawai.nama in note.title
    # Submitted: the pegawai can no longer change it.
    assert client.post(reverse("pengembangan:detail", args=[rencana.pk]), data).status_code == 404


def test_the_pimpinan_returns_with_a_comment_then_approves(client, rencana, idp_org):
    client.force_login(idp_org.pegawai.user)
    client.post(reverse("pengembangan:submit", args=[rencana.pk]))
    client.force_login(idp_org.kepala.user)
    page = client.get(reverse("pengembangan:detail", args=[rencana.pk])).content.decode()
    assert "Setujui rencana" in page
    url = reverse("pengembangan:decide", args=[rencana.pk])
    client.post(url, {"keputusan": "kembalikan", "comment": ""})
    rencana.refresh_from_db()
    assert rencana.status == IdpStatus.SUBMITTED  # a return needs a comment
    client.post(url, {"keputusan": "kembalikan", "comment": "Tambah target JP coaching."})
    rencana.refresh_from_db()
    assert (rencana.status, rencana.pimpinan_comment) == (
        IdpStatus.RETURNED,
        "Tambah target JP coaching.",
    )
    assert Notification.objects.filter(
        user=idp_org.pegawai.user, key__contains="dikembalikan"
    ).exists()
    client.force_login(idp_org.pegawai.user)
    client.post(reverse("pengembangan:submit", args=[rencana.pk]))
    client.force_login(idp_org.kepala.user)
    client.post(url, {"keputusan": "setujui", "comment": ""})
    rencana.refresh_from_db()
    assert (rencana.status, rencana.decided_by) == (IdpStatus.APPROVED, idp_org.kepala.user)


def test_the_pegawai_cannot_approve_their_own_plan(client, rencana, idp_org):
    client.force_login(idp_org.pegawai.user)
    client.post(reverse("pengembangan:submit", args=[rencana.pk]))
    response = client.post(
        reverse("pengembangan:decide", args=[rencana.pk]), {"keputusan": "setujui"}
    )
    assert response.status_code == 404
    rencana.refresh_from_db()
    assert rencana.status == IdpStatus.SUBMITTED


@pytest.mark.parametrize("who", ["pegawai", "kepala", "pengelola"])
def test_owner_pimpinan_and_pengelola_of_the_unit_see_it(client, rencana, idp_org, who):
    for name in ("detail", "print"):
        assert get(client, getattr(idp_org, who).user, name, rencana.pk).status_code == 200
    pdf = get(client, getattr(idp_org, who).user, "pdf", rencana.pk)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_others_get_404(client, rencana, idp_org, other_pegawai):
    colleague = idp_org.staff[1]
    other_pimpinan = PegawaiFactory(unit=idp_org.unit_a)
    PegawaiFactory(unit=idp_org.unit_a, pejabat_penilai=other_pimpinan)
    pengelola_b = PegawaiFactory(unit=idp_org.unit_b)
    pengelola_b.user.groups.add(Group.objects.get_or_create(name=Role.PENGELOLA)[0])
    for user in (colleague.user, other_pimpinan.user, other_pegawai.user, pengelola_b.user):
        for name in ("detail", "print", "pdf"):
            assert get(client, user, name, rencana.pk).status_code == 404, (user, name)
        client.force_login(user)
        assert client.post(reverse("pengembangan:submit", args=[rencana.pk])).status_code == 404


def test_team_and_unit_lists_are_scoped(
    client, rencana, idp_org, other_pegawai, django_assert_max_num_queries
):
    idp_draft(user=other_pegawai.user, tahun=YEAR)
    for member in idp_org.staff[1:]:
        idp_draft(user=member.user, tahun=YEAR)
    client.force_login(idp_org.kepala.user)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("pengembangan:team")).content.decode()
    assert idp_org.pegawai.nama in page and other_pegawai.nama not in page
    client.force_login(idp_org.pengelola.user)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("pengembangan:unit")).content.decode()
    assert idp_org.pegawai.nama in page and other_pegawai.nama not in page
    assert get(client, idp_org.pegawai.user, "unit").status_code == 404
    assert get(client, idp_org.pegawai.user, "akpk").status_code == 404
    assert get(client, idp_org.pegawai.user, "team").status_code == 403
