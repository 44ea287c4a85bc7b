"""Rencana aksi per RHK, the dialog kinerja, realisasi with bukti dukung (issue 15 §3):
the services, who may do what, upload validation, the SKP page and private files."""

import datetime
import io
import re
import zipfile

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import ModelLogEntry

from accounts.roles import Role
from kinerja_link.models import SKP, JenisPeriode, Periode
from kinerja_link.pembinaan import rencana_aksi as svc
from kinerja_link.pembinaan.models import (
    BuktiDukung,
    EvidenceKind,
    Notification,
    RencanaAksi,
    RencanaAksiKomentar,
    RencanaAksiStatus,
    SkpEvidence,
)
from tests.factories import PegawaiFactory
from tests.kinerja_link.factories import rhk_create

pytestmark = pytest.mark.django_db
YEAR = 2026
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def ooxml(kind_dir: str = "word/", *, macro: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{kind_dir}document.xml", "<w:document/>")
        if macro:
            archive.writestr(f"{kind_dir}vbaProject.bin", b"\x00" * 10)
    return buffer.getvalue()


@pytest.fixture
def setup(org):
    periode, _ = Periode.objects.get_or_create(tahun=YEAR, jenis=JenisPeriode.TAHUNAN, nomor=0)
    member = org.staff[0]
    skp = SKP.objects.create(pegawai=member, periode=periode, pejabat_penilai=org.kepala)
    rhk = [
        rhk_create(skp=skp, rhk=text, sort_order=i)
        for i, text in enumerate(["Tersusunnya peta proses layanan", "Terlaksananya survei IKM"])
    ]
    other_skp = SKP.objects.create(
        pegawai=org.staff[1], periode=periode, pejabat_penilai=org.kepala
    )
    other_rhk = rhk_create(skp=other_skp, rhk="RHK orang lain")
    return member, skp, rhk, other_rhk


def agreed(org, member, rhk, **fields) -> RencanaAksi:
    rencana = svc.rencana_aksi_create(
        user=member.user,
        rhk=rhk,
        text=fields.get("text", "Menyusun peta proses"),
        target_date=fields.get("target_date", datetime.date(YEAR, 6, 30)),
    )
    svc.rencana_aksi_submit(user=member.user, rencana=rencana)
    svc.rencana_aksi_approve(user=org.kepala.user, rencana=rencana)
    return rencana


# --- Services -----------------------------------------------------------------------------


def test_the_flow_draft_submitted_revised_resubmitted_agreed(org, setup):
    member, skp, rhk, _other = setup
    rencana = svc.rencana_aksi_create(
        user=member.user, rhk=rhk[0], text="  Mengikuti pelatihan ", target_date=None
    )
    assert (rencana.status, rencana.text, rencana.skp) == (
        RencanaAksiStatus.DRAFT,
        "Mengikuti pelatihan",
        skp,
    )

    svc.rencana_aksi_submit(user=member.user, rencana=rencana)
    assert rencana.status == RencanaAksiStatus.DIAJUKAN
    assert Notification.objects.filter(
        user=org.kepala.user, url__contains=f"/{rencana.pk}/"
    ).exists()
    with pytest.raises(ValidationError):  # not editable while the pimpinan decides
        svc.rencana_aksi_update(user=member.user, rencana=rencana, text="x", target_date=None)
    with pytest.raises(ValidationError):  # a revision needs the comment saying what to change
        svc.rencana_aksi_request_revision(user=org.kepala.user, rencana=rencana, comment=" ")

    svc.rencana_aksi_request_revision(
        user=org.kepala.user, rencana=rencana, comment="Sebutkan pelatihannya."
    )
    assert rencana.status == RencanaAksiStatus.PERBAIKAN
    assert rencana.komentar.get().text == "Sebutkan pelatihannya."
    assert Notification.objects.filter(user=member.user, title__contains="perbaikan").exists()

    svc.rencana_aksi_update(
        user=member.user,
        rencana=rencana,
        text="Kursus pelayanan prima",
        target_date=datetime.date(YEAR, 9, 1),
    )
    svc.rencana_aksi_submit(user=member.user, rencana=rencana)
    svc.rencana_aksi_approve(user=org.kepala.user, rencana=rencana, comment="Setuju.")
    rencana.refresh_from_db()
    assert rencana.status == RencanaAksiStatus.DISETUJUI
    assert rencana.decided_by == org.kepala.user
    assert rencana.komentar.count() == 2
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(rencana.pk)).values_list("action", flat=True)
    )
    assert {
        "wagtail.create",
        "wagtail.edit",
        "kinerja_link.rencana_aksi.submit",
        "kinerja_link.rencana_aksi.revise",
        "kinerja_link.rencana_aksi.approve",
    } <= actions


def test_target_outside_the_skp_periode_and_empty_text_are_refused(setup):
    member, _skp, rhk, _other = setup
    with pytest.raises(ValidationError) as error:
        svc.rencana_aksi_create(
            user=member.user, rhk=rhk[0], text="x", target_date=datetime.date(YEAR + 1, 1, 5)
        )
    assert "target_date" in error.value.message_dict
    with pytest.raises(ValidationError):
        svc.rencana_aksi_create(user=member.user, rhk=rhk[0], text="   ", target_date=None)


def test_realisasi_and_bukti_only_after_agreement(org, setup):
    member, _skp, rhk, _other = setup
    draft = svc.rencana_aksi_create(user=member.user, rhk=rhk[0], text="x", target_date=None)
    with pytest.raises(ValidationError):
        svc.realisasi_update(user=member.user, rencana=draft, text="Sudah")
    with pytest.raises(ValidationError):
        svc.bukti_link_add(user=member.user, rencana=draft, url="https://example.go.id/a")
    rencana = agreed(org, member, rhk[0])
    svc.realisasi_update(user=member.user, rencana=rencana, text="Peta proses selesai")
    link = svc.bukti_link_add(user=member.user, rencana=rencana, url="https://example.go.id/a")
    assert (link.kind, link.title, rencana.realisasi) == (
        "link",
        "https://example.go.id/a",
        "Peta proses selesai",
    )


def test_who_may_write_what(org, setup):
    member, skp, rhk, other_rhk = setup
    pimpinan_lain = PegawaiFactory(unit=org.unit_a)
    PegawaiFactory(unit=org.unit_a, pejabat_penilai=pimpinan_lain)
    with pytest.raises(PermissionDenied):  # someone else's RHK
        svc.rencana_aksi_create(user=member.user, rhk=other_rhk, text="x", target_date=None)
    with pytest.raises(PermissionDenied):  # the pimpinan does not write the pegawai's plan
        svc.rencana_aksi_create(user=org.kepala.user, rhk=rhk[0], text="x", target_date=None)
    rencana = svc.rencana_aksi_create(user=member.user, rhk=rhk[0], text="x", target_date=None)
    svc.rencana_aksi_submit(user=member.user, rencana=rencana)
    for user in (member.user, pimpinan_lain.user, org.pengelola.user, org.staff[1].user):
        with pytest.raises(PermissionDenied):
            svc.rencana_aksi_approve(user=user, rencana=rencana)
    with pytest.raises(PermissionDenied):  # a pengelola reads, never writes in the dialog
        svc.komentar_add(user=org.pengelola.user, rencana=rencana, text="Halo")
    assert svc.access_for(org.pengelola.user, skp) is svc.Access.PENGELOLA
    assert svc.access_for(pimpinan_lain.user, skp) is None
    svc.komentar_add(user=org.kepala.user, rencana=rencana, text="Mari bicarakan Senin.")
    svc.komentar_add(user=member.user, rencana=rencana, text="Baik.")
    assert rencana.komentar.count() == 2


# --- Upload validation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("laporan.pdf", PDF, "pdf"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "png"),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "jpg"),
        ("notulen.docx", ooxml("word/"), "docx"),
        ("rekap.xlsx", ooxml("xl/"), "xlsx"),
        ("paparan.pptx", ooxml("ppt/"), "pptx"),
    ],
)
def test_accepted_files_are_stored_privately_under_their_real_kind(org, setup, name, content, kind):
    member, _skp, rhk, _other = setup
    rencana = agreed(org, member, rhk[0])
    bukti = svc.bukti_file_add(
        user=member.user, rencana=rencana, upload=SimpleUploadedFile(name, content)
    )
    assert bukti.file_kind == kind
    assert bukti.file.name.endswith(f".{kind}") and name not in bukti.file.name
    with pytest.raises(ValueError):  # private storage: no public URL
        _ = bukti.file.url


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("laporan.pdf", b"<html><script>alert(1)</script></html>"),  # HTML named .pdf
        ("setup.exe", b"MZ\x90\x00" + b"\x00" * 60),
        ("makro.docx", ooxml("word/", macro=True)),  # macro-enabled Office
        ("arsip.zip", b"PK\x03\x04" + b"\x00" * 40),  # a zip that is no Office document
        ("skrip.svg", b"<svg onload='alert(1)'/>"),
    ],
)
def test_html_executables_macros_and_others_are_refused(org, setup, name, content):
    member, _skp, rhk, _other = setup
    rencana = agreed(org, member, rhk[0])
    with pytest.raises(ValidationError) as error:
        svc.bukti_file_add(
            user=member.user, rencana=rencana, upload=SimpleUploadedFile(name, content)
        )
    assert "file" in error.value.message_dict
    assert not BuktiDukung.objects.exists()


def test_files_over_the_limit_are_refused(org, setup, settings):
    settings.BINA_PROOF_MAX_BYTES = 100
    member, _skp, rhk, _other = setup
    rencana = agreed(org, member, rhk[0])
    with pytest.raises(ValidationError, match="maksimal"):
        svc.bukti_file_add(
            user=member.user,
            rencana=rencana,
            upload=SimpleUploadedFile("besar.pdf", PDF + b"0" * 200),
        )


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "ftp://example.go.id/a", "data:text/html,hi", "example.go.id", ""],
)
def test_only_http_and_https_links(org, setup, url):
    member, _skp, rhk, _other = setup
    rencana = agreed(org, member, rhk[0])
    with pytest.raises(ValidationError):
        svc.bukti_link_add(user=member.user, rencana=rencana, url=url)


# --- Pages ---------------------------------------------------------------------------------


def test_pages_for_owner_pimpinan_pengelola_and_others(client, org, setup):
    member, _skp, rhk, _other = setup
    rencana = agreed(org, member, rhk[0])
    bukti = svc.bukti_file_add(
        user=member.user, rencana=rencana, upload=SimpleUploadedFile("a.pdf", PDF)
    )
    pimpinan_lain = PegawaiFactory(unit=org.unit_a)
    PegawaiFactory(unit=org.unit_a, pejabat_penilai=pimpinan_lain)
    pengelola_b = PegawaiFactory(unit=org.unit_b)
    pengelola_b.user.groups.add(Group.objects.get_or_create(name=Role.PENGELOLA)[0])
    detail = reverse("pembinaan:rencana_aksi", args=[rencana.pk])
    file_url = reverse("pembinaan:bukti_dukung_file", args=[bukti.pk])
    expected = {
        member.user: 200,
        org.kepala.user: 200,
        org.pengelola.user: 200,
        org.staff[1].user: 404,
        pimpinan_lain.user: 404,
        pengelola_b.user: 404,
    }
    for user, status in expected.items():
        client.force_login(user)
        assert client.get(detail).status_code == status, user
        response = client.get(file_url)
        assert response.status_code == status, user
        if status == 200:
            assert b"".join(response.streaming_content) == PDF
            assert response["Content-Disposition"].startswith("attachment")
            assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(member.user)
    assert client.get(reverse("pembinaan:bukti_dukung_file", args=[999_999])).status_code == 404


def test_writes_of_others_are_404(client, org, setup):
    member, _skp, rhk, other_rhk = setup
    rencana = svc.rencana_aksi_create(user=member.user, rhk=rhk[0], text="x", target_date=None)
    svc.rencana_aksi_submit(user=member.user, rencana=rencana)
    decide = reverse("pembinaan:rencana_aksi_decide", args=[rencana.pk])

    client.force_login(member.user)  # the pegawai cannot approve their own plan
    assert client.post(decide, {"keputusan": "setujui"}).status_code == 404
    create = reverse("pembinaan:rencana_aksi_create", args=[other_rhk.pk])
    assert client.post(create, {"text": "x"}).status_code == 404

    client.force_login(org.pengelola.user)  # reads, never writes
    assert client.post(decide, {"keputusan": "setujui"}).status_code == 404
    comment = reverse("pembinaan:rencana_aksi_comment", args=[rencana.pk])
    assert client.post(comment, {"text": "Halo"}).status_code == 404

    client.force_login(org.kepala.user)  # the pimpinan does not write the pegawai's plan
    update = reverse("pembinaan:rencana_aksi_update", args=[rencana.pk])
    assert client.post(update, {"text": "diubah"}).status_code == 404
    create = reverse("pembinaan:rencana_aksi_create", args=[rhk[0].pk])
    assert client.post(create, {"text": "x"}).status_code == 404
    rencana.refresh_from_db()
    assert (rencana.text, rencana.status) == ("x", RencanaAksiStatus.DIAJUKAN)
    assert client.post(decide, {"keputusan": "setujui"}).status_code == 302
    rencana.refresh_from_db()
    assert rencana.status == RencanaAksiStatus.DISETUJUI


def test_the_skp_page_shows_rencana_aksi_and_evidence_per_rhk(
    client, org, setup, django_assert_max_num_queries
):
    member, skp, rhk, _other = setup
    agreed(org, member, rhk[0], text="Rencana yang disepakati")
    waiting = svc.rencana_aksi_create(
        user=member.user, rhk=rhk[1], text="Rencana menunggu", target_date=None
    )
    svc.rencana_aksi_submit(user=member.user, rencana=waiting)
    SkpEvidence.objects.create(
        skp=skp,
        kind=EvidenceKind.COURSE,
        title="Kursus peta proses",
        date=datetime.date(YEAR, 3, 1),
        rhk=rhk[1],
    )
    SkpEvidence.objects.create(
        skp=skp, kind=EvidenceKind.COURSE, title="Kursus umum", date=datetime.date(YEAR, 3, 2)
    )
    url = reverse("kinerja:skp", args=[skp.pk])

    client.force_login(member.user)
    with django_assert_max_num_queries(30):
        html = client.get(url).content.decode()
    section = html[html.index('id="rencana-aksi"') :]
    assert "Rencana yang disepakati" in section and "Disetujui" in section
    assert "Rencana menunggu" in section and "Menunggu persetujuan" in section
    second = section[section.index(f'id="rhk-{rhk[1].pk}"') :]
    assert "Kursus peta proses" in second
    assert "Umum (belum ditautkan ke RHK)" in section and "Kursus umum" in section
    assert section.count("Tambah rencana aksi") == 2
    assert section.count('name="dari" value="skp"') == 2  # the pegawai may move evidence

    client.force_login(org.kepala.user)
    html = client.get(url).content.decode()
    assert "Rencana menunggu" in html
    assert "Tambah rencana aksi" not in html and 'name="dari"' not in html


def test_adding_from_the_skp_page_and_approving_on_the_rencana_page(client, org, setup):
    member, skp, rhk, _other = setup
    client.force_login(member.user)
    response = client.post(
        reverse("pembinaan:rencana_aksi_create", args=[rhk[0].pk]),
        {"text": "Mendata antrean harian", "target_date": f"{YEAR}-07-31", "ajukan": "1"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/kinerja/skp/{skp.pk}/#rencana-aksi")
    rencana = RencanaAksi.objects.get()
    assert rencana.status == RencanaAksiStatus.DIAJUKAN

    client.force_login(org.kepala.user)
    page = client.get(reverse("pembinaan:rencana_aksi", args=[rencana.pk])).content.decode()
    assert "31 Juli 2026" in page and "Setujui" in page
    client.post(
        reverse("pembinaan:rencana_aksi_decide", args=[rencana.pk]),
        {"keputusan": "setujui", "comment": "Lanjutkan."},
    )
    rencana.refresh_from_db()
    assert rencana.status == RencanaAksiStatus.DISETUJUI
    assert RencanaAksiKomentar.objects.get().text == "Lanjutkan."

    client.force_login(member.user)
    client.post(
        reverse("pembinaan:bukti_dukung_add", args=[rencana.pk]),
        {"file": SimpleUploadedFile("notulen.docx", ooxml()), "title": "Notulen"},
    )
    client.post(
        reverse("pembinaan:bukti_dukung_add", args=[rencana.pk]),
        {"url": "javascript:alert(1)", "title": "Jahat"},
    )
    assert list(BuktiDukung.objects.values_list("title", "file_kind")) == [("Notulen", "docx")]
    page = client.get(reverse("pembinaan:rencana_aksi", args=[rencana.pk])).content.decode()
    assert re.search(r'href="/kinerja/bukti-dukung/\d+/berkas/">Notulen</a>', page)


def test_moving_evidence_from_the_skp_page_own_only(client, org, setup):
    member, skp, rhk, other_rhk = setup
    evidence = SkpEvidence.objects.create(
        skp=skp, kind=EvidenceKind.COURSE, title="Kursus", date=datetime.date(YEAR, 3, 1)
    )
    url = reverse("pembinaan:bukti_rhk", args=[evidence.pk])
    client.force_login(org.kepala.user)
    assert client.post(url, {"rhk": rhk[1].pk, "dari": "skp"}).status_code == 404
    client.force_login(member.user)
    response = client.post(url, {"rhk": rhk[1].pk, "dari": "skp"})
    assert response["Location"].endswith(f"/kinerja/skp/{skp.pk}/#rencana-aksi")
    evidence.refresh_from_db()
    assert evidence.rhk == rhk[1]
    client.post(url, {"rhk": other_rhk.pk, "dari": "skp"})  # not an RHK of this SKP
    evidence.refresh_from_db()
    assert evidence.rhk == rhk[1]
