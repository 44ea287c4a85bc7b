"""The standar kompetensi import: all rows or none, within the pengelola's units."""

import pytest

from django.urls import reverse

from kinerja_link.pengembangan.models import StandarKompetensi
from kinerja_link.pengembangan.standar import standar_import
from tests.kinerja_link.factories import csv_file, xlsx_file

pytestmark = pytest.mark.django_db
HEADERS = ["jabatan", "kode_unit", "kode_kompetensi", "level"]


def run(user, upload):
    return standar_import(user=user, file=upload, name=upload.name)


def test_rows_are_created_then_updated(org):
    rows = [["Analis SDM", "KW.A", "MJ-INT", 3], ["Analis SDM", "KW.A", "MJ-KS", "2"]]
    report = run(org.pengelola.user, xlsx_file(HEADERS, rows, name="standar.xlsx"))
    assert (report.created, report.errors) == (2, [])
    rows[0][3] = 4
    report = run(org.pengelola.user, csv_file(HEADERS, rows, name="standar.csv"))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert StandarKompetensi.objects.get(competency__code="MJ-INT").required_level == 4


def test_one_bad_row_writes_nothing_and_names_every_problem(org):
    rows = [
        ["Analis SDM", "KW.A", "MJ-INT", 3],
        ["Analis SDM", "KW.B", "MJ-INT", 3],  # outside the pengelola's unit
        ["Analis SDM", "KW.A", "AK", 3],  # BerAKHLAK has no levels
        ["Analis SDM", "KW.A", "MJ-KS", 6],
        ["", "KW.A", "MJ-KS", 2],
    ]
    report = run(org.pengelola.user, csv_file(HEADERS, rows, name="standar.csv"))
    assert [number for number, _problem in report.errors] == [3, 4, 5, 6]
    assert not StandarKompetensi.objects.exists()


def test_admin_import_page_and_template_are_for_pengelola_only(client, org):
    client.force_login(org.pengelola.user)
    assert client.get(reverse("standar_kompetensi:import")).status_code == 200
    template = client.get(reverse("standar_kompetensi:template"))
    assert template.content.decode("utf-8-sig").splitlines()[0] == ",".join(HEADERS)
    client.force_login(org.staff[1].user)
    assert client.get(reverse("standar_kompetensi:import")).status_code in (302, 403)
