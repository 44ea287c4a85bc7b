"""Deleting a pegawai never deletes their evaluations, SKP, assignments or feedback.

Before: the admin's delete took them all along, silently; a pegawai who leaves is
deactivated, and personal data is erased by pseudonymising (``personal_data``).
"""

import datetime

import pytest

from django.db.models.deletion import ProtectedError
from django.test import Client
from django.urls import reverse

from kinerja_link.models import SKP, Evaluasi, JenisPeriode, Pegawai
from kinerja_link.pembinaan.models import Assignment, Feedback
from tests.factories import PegawaiFactory, UserFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory
from tests.learning.factories import make_course

from .factories import AssignmentFactory


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def departed(org):
    """A staff member with a year of records."""
    pegawai = org.staff[0]
    EvaluasiFactory(pegawai=pegawai, pejabat_penilai=org.kepala)
    SKP.objects.create(pegawai=pegawai, periode=PeriodeFactory(jenis=JenisPeriode.TAHUNAN, nomor=0))
    AssignmentFactory(pegawai=pegawai, course=make_course(lessons=0), assigned_by=org.kepala.user)
    Feedback.objects.create(
        pegawai=pegawai, given_by=org.kepala, date=datetime.date(2026, 11, 2), text="Rapi."
    )
    return pegawai


def _records_of(pegawai) -> list[int]:
    return [
        model.objects.filter(pegawai=pegawai).count()
        for model in (Evaluasi, SKP, Assignment, Feedback)
    ]


def test_the_pegawai_delete_screen_lists_the_records_and_refuses(admin_client, departed):
    url = reverse("pegawai:delete", args=[departed.pk])
    text = admin_client.get(url).content.decode()
    for line in ("1 evaluasi kinerja", "1 SKP", "1 penugasan", "1 umpan balik"):
        assert f"digunakan oleh {line}" in text
    assert "dinonaktifkan" in text and "Hapus data pribadi" in text

    assert admin_client.post(url).status_code == 409
    assert Pegawai.objects.filter(pk=departed.pk).exists()
    assert _records_of(departed) == [1, 1, 1, 1]


def test_deleting_their_account_is_refused_the_same_way(admin_client, departed):
    url = reverse("wagtailusers_users:delete", args=[departed.user_id])
    response = admin_client.post(url)
    assert response.status_code == 409  # before: a 500 (the pegawai row protects the user)
    assert "Nonaktifkan akun ini" in response.content.decode()
    assert _records_of(departed) == [1, 1, 1, 1]


def test_code_cannot_cascade_either(departed):
    with pytest.raises(ProtectedError):
        departed.delete()


def test_a_pegawai_created_by_mistake_is_deleted_as_before(admin_client, org):
    mistake = PegawaiFactory(unit=org.unit_a)
    response = admin_client.post(reverse("pegawai:delete", args=[mistake.pk]))
    assert response.status_code == 302
    assert not Pegawai.objects.filter(pk=mistake.pk).exists()


def test_a_pengelola_cannot_reach_the_delete_screen_of_another_unit(org):
    # The Pegawai delete view was the one screen of the viewset not scoped to the unit subtree.
    client = Client()
    client.force_login(org.pengelola.user)
    response = client.get(reverse("pegawai:delete", args=[org.other.pk]))
    assert response.status_code in (302, 403, 404)
    assert Pegawai.objects.filter(pk=org.other.pk).exists()
