"""AKPK rows: per unit, competency and form, approved plans only, formula-safe."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest

from django.urls import reverse

from kinerja_link.pengembangan.akpk import akpk_totals
from kinerja_link.pengembangan.models import IdpStatus, RencanaItem
from kinerja_link.pengembangan.services import idp_draft
from kinerja_link.scope import EVERYTHING, scope_for

from .conftest import YEAR

pytestmark = pytest.mark.django_db


def approved_plan(pegawai, items):
    rencana = idp_draft(user=pegawai.user, tahun=YEAR)
    rencana.items.all().delete()
    for competency, form, jp in items:
        RencanaItem.objects.create(
            rencana=rencana, gap_kind="kompetensi", competency=competency, form=form, target_jp=jp
        )
    rencana.status = IdpStatus.APPROVED
    rencana.save()
    return rencana


def test_totals_per_unit_competency_and_form(idp_org, other_pegawai):
    a1, a2 = idp_org.staff[0], idp_org.staff[1]
    approved_plan(a1, [(idp_org.integritas, "e_learning", 6), (idp_org.kerja_sama, "coaching", 2)])
    approved_plan(a2, [(idp_org.integritas, "e_learning", 4), (idp_org.integritas, "seminar", 8)])
    approved_plan(other_pegawai, [(idp_org.integritas, "e_learning", 10)])
    draft = idp_draft(user=idp_org.staff[2].user, tahun=YEAR)  # a draft is not a need yet
    RencanaItem.objects.create(
        rencana=draft,
        gap_kind="kompetensi",
        competency=idp_org.integritas,
        form="e_learning",
        target_jp=99,
    )
    rows = {
        (r["rencana__pegawai__unit__kode"], r["competency__code"], r["form"]): (
            r["pegawai"],
            r["jp"],
        )
        for r in akpk_totals(scope=EVERYTHING, tahun=YEAR)
    }
    assert rows == {
        ("KW.A", "MJ-INT", "e_learning"): (2, Decimal(10)),
        ("KW.A", "MJ-INT", "seminar"): (1, Decimal(8)),
        ("KW.A", "MJ-KS", "coaching"): (1, Decimal(2)),
        ("KW.B", "MJ-INT", "e_learning"): (1, Decimal(10)),
    }
    scoped = akpk_totals(scope=scope_for(idp_org.pengelola.user), tahun=YEAR)
    assert {r["rencana__pegawai__unit__kode"] for r in scoped} == {"KW.A"}


def test_export_csv_and_xlsx_are_formula_safe(client, idp_org):
    idp_org.unit_a.nama = '=HYPERLINK("http://x")'
    idp_org.unit_a.save()
    approved_plan(idp_org.staff[0], [(idp_org.integritas, "seminar", 3)])
    client.force_login(idp_org.pengelola.user)
    body = client.get(reverse("pengembangan:akpk") + f"?tahun={YEAR}").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][0] == "Tahun"
    assert rows[1][2].startswith("'=")
    assert rows[1][5:8] == ["Klasikal", "Seminar/konferensi/sarasehan", "1"]
    assert Decimal(rows[1][8]) == 3
    response = client.get(reverse("pengembangan:akpk") + f"?tahun={YEAR}&format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=3).value.startswith("'=")
