"""Whom a pengelola manages (issue #15): listed units, the kepegawaian default, and the
import's errors that say what is true."""

import pytest

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import TestCase
from django.urls import reverse

from wagtail.models import ModelLogEntry

from accounts.roles import Role
from kinerja_link import demo
from kinerja_link.models import Evaluasi, ImportStatus, Pegawai, PengelolaScope, UnitKerja
from kinerja_link.pengelola_scopes import pengelola_scope_add, pengelola_scope_remove
from kinerja_link.scope import EVERYTHING, Scope, scope_for
from kinerja_link.services import import_job_create
from learning.scopes import users_managed_by
from tests.factories import UnitKerjaFactory, UserFactory

from .factories import SIASN_HEADERS, csv_file

pytestmark = pytest.mark.django_db


def run(user, rows, dry_run=False):
    with TestCase.captureOnCommitCallbacks(execute=True):
        job = import_job_create(user=user, file=csv_file(SIASN_HEADERS, rows), dry_run=dry_run)
    job.refresh_from_db()
    return job


def row(pegawai, hasil=1, perilaku=1):
    return [pegawai.nip, pegawai.nama, 2026, 2, "Triwulan III", hasil, perilaku, "", ""]


def fresh(user):
    """The same account as a new request would load it (scope_for caches per object)."""
    return type(user).objects.get(pk=user.pk)


# --- The rule --------------------------------------------------------------------------


def test_scope_keeps_the_minimal_set_of_subtrees():
    scope = Scope.of(["0001", "00010002", "0003", "0001"])
    assert scope.paths == ("0001", "0003")
    assert scope.contains("000100020004") and not scope.contains("0002")
    assert Scope.of(["", "0001"]) == EVERYTHING


def test_pengelola_of_a_plain_unit_manages_that_unit_subtree(org):
    scope = scope_for(org.pengelola.user)
    assert scope == Scope.of([org.unit_a.path])
    assert scope_for(org.staff[0].user) is None  # not a pengelola
    assert scope_for(UserFactory(is_superuser=True)) == EVERYTHING


def test_pengelola_in_the_kepegawaian_unit_serves_the_whole_instansi(org):
    UnitKerja.objects.filter(pk=org.unit_a.pk).update(is_kepegawaian=True)
    assert scope_for(org.pengelola.user) == Scope.of([org.root.path])


def test_a_kepegawaian_unit_above_counts_too(org):
    seksi = UnitKerjaFactory(parent=org.unit_a, nama="Seksi", kode="KW.A.1")
    UnitKerja.objects.filter(pk=org.unit_a.pk).update(is_kepegawaian=True)
    Pegawai.objects.filter(pk=org.pengelola.pk).update(unit=seksi)
    assert scope_for(org.pengelola.user) == Scope.of([org.root.path])


def test_listed_units_replace_the_default(org):
    admin = UserFactory(is_superuser=True)
    pengelola_scope_add(user=admin, pengelola=org.pengelola.user, unit=org.unit_b)
    assert scope_for(org.pengelola.user) == Scope.of([org.unit_b.path])
    other = UnitKerjaFactory(nama="Instansi Lain", kode="IL")
    pengelola_scope_add(user=admin, pengelola=org.pengelola.user, unit=other)
    org.unit_b.refresh_from_db()  # a new sorted root renumbers the tree's paths
    assert scope_for(fresh(org.pengelola.user)) == Scope.of([org.unit_b.path, other.path])
    assert set(users_managed_by(fresh(org.pengelola.user))) == {org.other.user}


def test_learning_jp_verification_follows_the_listed_units(org):
    pengelola_scope_add(
        user=UserFactory(is_superuser=True), pengelola=org.pengelola.user, unit=org.root
    )
    managed = set(users_managed_by(fresh(org.pengelola.user)))
    assert org.other.user in managed and org.kepala.user in managed


# --- Editing the scope: superusers only, audited ---------------------------------------


def test_only_a_superuser_edits_scopes_and_each_change_is_audited(org):
    with pytest.raises(PermissionDenied):
        pengelola_scope_add(user=org.pengelola.user, pengelola=org.pengelola.user, unit=org.root)
    admin = UserFactory(is_superuser=True)
    row = pengelola_scope_add(user=admin, pengelola=org.pengelola.user, unit=org.unit_b)
    pengelola_scope_remove(user=admin, row=row)
    entries = ModelLogEntry.objects.get_for_model(PengelolaScope).order_by("pk")
    assert [(e.action, e.user_id) for e in entries] == [
        ("wagtail.create", admin.pk),
        ("wagtail.delete", admin.pk),
    ]
    assert entries[0].data["after"]["unit"] == "KW.B"
    assert not PengelolaScope.objects.exists()


def test_scope_admin_is_for_superusers(client, org):
    url = reverse("cakupan_pengelola:add")
    client.force_login(org.pengelola.user)
    assert client.get(reverse("cakupan_pengelola:index")).status_code in (302, 403)
    client.post(url, {"user": org.pengelola.user.pk, "unit": org.root.pk})
    assert not PengelolaScope.objects.exists()

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(url, {"user": org.pengelola.user.pk, "unit": org.root.pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PengelolaScope.objects.get().unit == org.root
    assert ModelLogEntry.objects.get_for_model(PengelolaScope).get().action == "wagtail.create"


def test_scope_admin_refuses_an_account_without_the_role(client, org):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        reverse("cakupan_pengelola:add"), {"user": org.other.user.pk, "unit": org.root.pk}
    )
    assert response.status_code == 200
    assert not PengelolaScope.objects.exists()


def test_a_pengelola_cannot_mark_their_own_unit_as_kepegawaian(client, org):
    client.force_login(org.pengelola.user)
    data = {"nama": "Bidang A", "kode": "KW.A", "parent": org.root.pk, "is_kepegawaian": "on"}
    client.post(reverse("unitkerja:edit", args=[org.unit_a.pk]), data)
    assert UnitKerja.objects.get(pk=org.unit_a.pk).is_kepegawaian is False


# --- Import errors ---------------------------------------------------------------------


def test_outside_and_unknown_nips_get_different_errors_in_row_order(org):
    unknown = ["199001012015011999", "X", 2026, 2, "Triwulan III", 1, 1, "", ""]
    rows = [
        row(org.other),  # 2: a pegawai of Bidang B
        row(org.staff[0], hasil=9),  # 3: a parse error, found before the scope check
        unknown,  # 4
        row(org.staff[1]),  # 5: fine
    ]
    job = run(org.pengelola.user, rows)

    assert job.created_count == 1
    assert [(e["baris"], e["pesan"]) for e in job.errors] == [
        (2, f"NIP {org.other.nip} di luar unit yang Anda kelola."),
        (3, job.errors[1]["pesan"]),
        (4, "NIP 199001012015011999 tidak terdaftar sebagai pegawai."),
    ]
    assert "Rating hasil kerja" in job.errors[1]["pesan"]


def test_preview_with_errors_warns_how_many_rows_will_be_skipped(client, org):
    job = run(org.pengelola.user, [row(org.other), row(org.staff[0])], dry_run=True)
    assert job.status == ImportStatus.PRATINJAU
    client.force_login(org.pengelola.user)
    page = client.get(reverse("kinerja_import:inspect", args=[job.pk])).content.decode()
    assert "1 baris bermasalah akan dilewati dan tidak disimpan" in page
    assert page.index("akan dilewati") < page.index("Konfirmasi dan simpan")

    clean = run(org.pengelola.user, [row(org.staff[0])], dry_run=True)
    page = client.get(reverse("kinerja_import:inspect", args=[clean.pk])).content.decode()
    assert "akan dilewati" not in page


# --- The demo --------------------------------------------------------------------------


@pytest.fixture
def demo_org(db):
    Group.objects.get_or_create(name=Role.PEGAWAI)
    logins = demo.seed_organisation(make_password(None))
    nip = next(login.login for login in logins if login.role == Role.PENGELOLA)
    return Pegawai.objects.select_related("user", "unit").get(user__nip=nip)


def test_demo_pengelola_sits_in_the_subbag_kepegawaian_and_imports_for_the_whole_kanwil(demo_org):
    assert demo_org.unit.kode == demo.PENGELOLA_UNIT
    assert demo_org.pejabat_penilai is not None  # staff, not the head of the unit
    everyone = list(Pegawai.objects.select_related("user", "unit").order_by("unit__path", "pk"))
    units = {p.unit_id for p in everyone}
    # 20 rows: the first pegawai of every unit, then others, so every unit is covered.
    firsts = list({p.unit_id: p for p in reversed(everyone)}.values())
    chosen = firsts + [p for p in everyone if p not in firsts][: 20 - len(firsts)]
    assert len(chosen) == 20 and {p.unit_id for p in chosen} == units

    job = run(demo_org.user, [row(p) for p in chosen])

    assert job.status == ImportStatus.SELESAI, job.message
    assert (job.error_count, job.created_count) == (0, 20), job.errors
    assert Evaluasi.objects.count() == 20
