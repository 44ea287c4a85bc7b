"""The SKP page shows the evidence per BerAKHLAK value and per RHK, with a chart."""

import datetime
import re
from decimal import Decimal
from html import escape

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from competencies.models import Competency
from kinerja_link.models import SKP, JenisPeriode, Periode
from kinerja_link.pembinaan.chart import BAR_MAX, bar_width, values_bar_chart
from kinerja_link.pembinaan.evidence import competency_progress_refresh
from kinerja_link.pembinaan.models import EvidenceKind, SessionKind, SkpEvidence
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.kinerja_link.factories import rhk_create

from .factories import PembinaanSessionFactory

pytestmark = pytest.mark.django_db
YEAR = 2026


@pytest.fixture
def team():
    unit = UnitKerjaFactory()
    pimpinan = PegawaiFactory(unit=unit)
    member = PegawaiFactory(unit=unit, pejabat_penilai=pimpinan)
    pimpinan_lain = PegawaiFactory(unit=unit)
    PegawaiFactory(unit=unit, pejabat_penilai=pimpinan_lain)
    periode, _ = Periode.objects.get_or_create(tahun=YEAR, jenis=JenisPeriode.TAHUNAN, nomor=0)
    skp = SKP.objects.create(pegawai=member, periode=periode, pejabat_penilai=pimpinan)
    rhk = [
        rhk_create(skp=skp, rhk=text, indikator="Jumlah dokumen", target="4 dokumen", sort_order=i)
        for i, text in enumerate(["Tersusunnya peta proses layanan", "Terlaksananya survei IKM"])
    ]
    return pimpinan, member, pimpinan_lain, skp, rhk


def add_evidence(skp, title, *, values=(), day=1, **fields) -> SkpEvidence:
    evidence = SkpEvidence.objects.create(
        skp=skp,
        kind=fields.pop("kind", EvidenceKind.COURSE),
        title=title,
        date=datetime.date(YEAR, 3, day),
        jp=fields.pop("jp", Decimal("2")),
        **fields,
    )
    evidence.values.set(Competency.objects.filter(code__in=values))
    return evidence


def page(client, pegawai=None) -> str:
    url = reverse("kinerja:pegawai", args=[pegawai.pk]) if pegawai else reverse("kinerja:saya")
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def value_row(html: str, name: str) -> str:
    match = re.search(rf'<th scope="row">{name}</th>(.*?)</tr>', html, re.S)
    assert match, name
    return match.group(1)


def test_evidence_shows_per_value_with_jp_certificate_and_session_kind(client, team):
    _pimpinan, member, _lain, skp, _rhk = team
    add_evidence(skp, "Pelayanan Prima", values=["BP", "KO"], jp=Decimal("3"))
    session = PembinaanSessionFactory(held_by=member.pejabat_penilai, kind=SessionKind.MENTORING)
    add_evidence(
        skp,
        "Sesi mentoring layanan",
        values=["BP"],
        kind=EvidenceKind.SESSION,
        session=session,
        day=5,
        jp=Decimal("1.5"),
    )
    competency_progress_refresh(pegawai_ids=[member.pk])
    client.force_login(member.user)
    html = page(client)

    bp = value_row(html, "Berorientasi Pelayanan")
    assert "Pelayanan Prima" in bp and "Sesi mentoring layanan" in bp and "Mentoring" in bp
    assert re.search(r"<td[^>]*>2</td>\s*<td[^>]*>4,50</td>", bp)  # count and JP
    assert "Pelayanan Prima" in value_row(html, "Kompeten")
    assert "Belum ada" in value_row(html, "Harmonis")
    assert "2 bukti dukung pada SKP ini." in html
    assert "5 Maret 2026" in html  # the long form, as everywhere (issue #18)
    # Competency progress table
    assert re.search(
        r"Berorientasi Pelayanan <small[^>]*>\(Nilai dasar BerAKHLAK\)</small>"
        r"</th>\s*<td[^>]*>2</td>",
        html,
    )


def test_the_chart_is_inline_svg_without_style_attributes_and_has_a_table(client, team):
    _pimpinan, member, _lain, skp, _rhk = team
    add_evidence(skp, "Pelayanan Prima", values=["BP"])
    client.force_login(member.user)
    html = page(client)
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert "style=" not in svg and "<script" not in svg
    assert 'role="img"' in svg and "<title" in svg
    assert svg.count("<g>") == 7
    assert f'width="{BAR_MAX}"' in svg  # BP, the only value with evidence, is the longest bar
    assert html.count('<th scope="row">') >= 7  # the same numbers as a table


def test_chart_bars_scale_to_the_largest_count():
    assert bar_width(0, 5) == 0
    assert bar_width(5, 5) == BAR_MAX
    assert 2 <= bar_width(1, 1000) < BAR_MAX
    svg = values_bar_chart([("A & B", 1), ("C", 0)], title="t", desc="d")
    assert "A &amp; B" in svg  # labels are escaped


def test_the_pegawai_links_evidence_to_an_rhk(client, team):
    _pimpinan, member, _lain, skp, rhk = team
    evidence = add_evidence(skp, "Survei kepuasan masyarakat", values=["BP"])
    client.force_login(member.user)
    url = reverse("pembinaan:bukti_rhk", args=[evidence.pk])
    assert client.get(url).status_code == 405
    response = client.post(url, {"rhk": rhk[1].pk}, follow=True)
    assert response.redirect_chain[-1][0].endswith(reverse("kinerja:saya") + "#bukti")
    evidence.refresh_from_db()
    assert evidence.rhk == rhk[1]
    html = response.content.decode()
    item = re.search(r"Terlaksananya survei IKM.*?</li>\s*</ul>", html, re.S).group(0)
    assert "Survei kepuasan masyarakat" in item
    first = re.search(r"Tersusunnya peta proses layanan.*?</li>", html, re.S).group(0)
    assert "Survei kepuasan masyarakat" not in first

    client.post(url, {"rhk": ""})  # unlink
    evidence.refresh_from_db()
    assert evidence.rhk is None


def test_an_rhk_of_another_skp_is_refused(client, team):
    _pimpinan, member, _lain, skp, _rhk = team
    evidence = add_evidence(skp, "Pelayanan Prima")
    other_skp = SKP.objects.create(pegawai=PegawaiFactory(), periode=skp.periode)
    foreign = rhk_create(skp=other_skp, rhk="RHK orang lain", indikator="x", target="1")
    client.force_login(member.user)
    response = client.post(
        reverse("pembinaan:bukti_rhk", args=[evidence.pk]), {"rhk": foreign.pk}, follow=True
    )
    assert "Pilih RHK dari SKP Anda sendiri." in response.content.decode()
    evidence.refresh_from_db()
    assert evidence.rhk is None


def test_only_the_owner_may_link_evidence(client, team):
    pimpinan, _member, _lain, skp, rhk = team
    evidence = add_evidence(skp, "Pelayanan Prima")
    url = reverse("pembinaan:bukti_rhk", args=[evidence.pk])
    client.force_login(pimpinan.user)  # even the pimpinan, who may read it
    forbidden = client.post(url, {"rhk": rhk[0].pk})
    missing = client.post(reverse("pembinaan:bukti_rhk", args=[999_999]), {"rhk": rhk[0].pk})
    assert forbidden.status_code == missing.status_code == 404
    evidence.refresh_from_db()
    assert evidence.rhk is None
    client.logout()
    assert client.post(url, {"rhk": rhk[0].pk}).status_code == 302  # to the login page
    evidence.refresh_from_db()
    assert evidence.rhk is None


def test_pimpinan_sees_a_team_members_evidence_read_only(client, team):
    pimpinan, member, _lain, skp, rhk = team
    add_evidence(skp, "Pelayanan Prima", values=["BP"], rhk=rhk[0])
    client.force_login(pimpinan.user)
    html = page(client, member)
    assert escape(member.nama) in html
    assert "Pelayanan Prima" in value_row(html, "Berorientasi Pelayanan")
    assert "Mendukung RHK" in html and "Tersusunnya peta proses layanan" in html
    assert "bukti_rhk" not in html and "/rhk/" not in html  # no form for someone else's


def test_another_pimpinan_gets_404(client, team):
    _pimpinan, member, pimpinan_lain, skp, _rhk = team
    add_evidence(skp, "Pelayanan Prima", values=["BP"])
    client.force_login(pimpinan_lain.user)
    assert client.get(reverse("kinerja:pegawai", args=[member.pk])).status_code == 404


def test_page_queries_do_not_grow_with_evidence(client, team):
    _pimpinan, member, _lain, skp, rhk = team
    sessions = [PembinaanSessionFactory(held_by=member.pejabat_penilai) for _ in range(2)]
    client.force_login(member.user)
    counts = []
    for total in (2, 20):
        for n in range(SkpEvidence.objects.count(), total):
            kind = EvidenceKind.SESSION if n < 2 else EvidenceKind.COURSE
            session = sessions[n] if n < 2 else None
            add_evidence(
                skp,
                f"Bukti {n}",
                values=["BP", "AK", "HA"][: n % 3 + 1],
                day=n % 28 + 1,
                rhk=rhk[n % 2],
                kind=kind,
                session=session,
            )
        competency_progress_refresh(pegawai_ids=[member.pk])
        page(client)  # warm: session, site, translations
        with CaptureQueriesContext(connection) as queries:
            html = page(client)
        counts.append(len(queries))
        assert html.count('class="bukti-title"') >= total * 2  # all, and per value / RHK
    print(f"\nSKP page queries with 2 and 20 evidence rows: {counts}")
    assert counts[0] == counts[1], counts
