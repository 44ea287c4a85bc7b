import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import Role
from kinerja_link.models import UnitKerja
from tests.factories import PegawaiFactory, UnitKerjaFactory, UserFactory

pytestmark = pytest.mark.django_db
ADD = "unitkerja:add"


@pytest.fixture
def tree():
    kanwil = UnitKerjaFactory(nama="Kanwil", kode="KW")
    bidang = UnitKerjaFactory(nama="Bidang A", kode="KW.A", parent=kanwil)
    lain = UnitKerjaFactory(nama="Bidang B", kode="KW.B", parent=kanwil)
    return kanwil, bidang, lain


@pytest.fixture
def pengelola(tree):
    user = PegawaiFactory(unit=tree[1]).user
    user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    return user


def test_superuser_creates_a_root_and_a_child(client, tree):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(reverse(ADD), {"nama": "Instansi Baru", "kode": "IB", "parent": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    root = UnitKerja.objects.get(kode="IB")
    assert root.is_root()
    client.post(reverse(ADD), {"nama": "Seksi", "kode": "IB.1", "parent": root.pk})
    assert UnitKerja.objects.get(kode="IB.1").get_parent() == root


def test_pengelola_adds_units_only_inside_their_subtree(client, tree, pengelola):
    _kanwil, bidang, lain = tree
    client.force_login(pengelola)
    listing = client.get(reverse("unitkerja:index")).content.decode()
    assert "Bidang A" in listing and "Bidang B" not in listing
    client.post(reverse(ADD), {"nama": "Seksi A1", "kode": "KW.A.1", "parent": bidang.pk})
    assert UnitKerja.objects.get(kode="KW.A.1").get_parent() == bidang
    response = client.post(reverse(ADD), {"nama": "Curang", "kode": "X", "parent": lain.pk})
    assert response.status_code == 200  # form error: not a choice
    assert not UnitKerja.objects.filter(kode="X").exists()
    response = client.post(reverse(ADD), {"nama": "Akar", "kode": "R", "parent": ""})
    assert "Hanya superuser" in response.content.decode()
    assert client.get(reverse("unitkerja:edit", args=[lain.pk])).status_code == 404


def test_moving_a_unit_moves_its_subtree(client, tree):
    _kanwil, bidang, lain = tree
    seksi = UnitKerjaFactory(nama="Seksi", kode="KW.A.1", parent=bidang)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    edit = reverse("unitkerja:edit", args=[bidang.pk])
    response = client.post(edit, {"nama": "Bidang A", "kode": "KW.A", "parent": lain.pk})
    assert response.status_code == 302
    bidang.refresh_from_db()
    seksi.refresh_from_db()
    assert bidang.get_parent() == lain
    assert seksi.path.startswith(bidang.path)
