"""Rencana aksi in the demo (issue 15 §3): the demo pegawai's plans under the RHK of their
SKP, made and decided through the same services the pages use, so the SKP page, the
rencana aksi page and Tim Saya's pengamatan show every state. Runs once per SKP."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ..models import SKP, JenisPeriode, Pegawai
from .demo import demo_pimpinan
from .models import RencanaAksi
from .reminders import rencana_aksi_reminders_create
from .rencana_aksi import (
    bukti_link_add,
    komentar_add,
    realisasi_update,
    rencana_aksi_approve,
    rencana_aksi_create,
    rencana_aksi_request_revision,
    rencana_aksi_submit,
)

DEMO_PEGAWAI_NIP = "196812231995031001"


def demo_pegawai() -> Pegawai | None:
    """The demo pegawai (first of the demo pimpinan's team by NIP, as ``seed_demo`` prints)."""
    found = Pegawai.objects.filter(user__nip=DEMO_PEGAWAI_NIP).select_related("user").first()
    if found is not None:
        return found
    pimpinan = demo_pimpinan()
    if pimpinan is None:
        return None
    return (
        Pegawai.objects.filter(pejabat_penilai=pimpinan)
        .select_related("user")
        .order_by("user__nip")
        .first()
    )


def seed_rencana_aksi(*, today: datetime.date | None = None) -> int:
    """Returns the number of rencana aksi made (0 when there is nothing to do)."""
    today = today or timezone.localdate()
    pegawai = demo_pegawai()
    if pegawai is None:
        return 0
    skp = (
        SKP.objects.filter(pegawai=pegawai, periode__jenis=JenisPeriode.TAHUNAN)
        .select_related("periode", "pejabat_penilai__user", "pegawai__user")
        .order_by("-periode__tahun")
        .first()
    )
    if skp is None or RencanaAksi.objects.filter(skp=skp).exists():
        return 0
    penilai = skp.pejabat_penilai or pegawai.pejabat_penilai
    rhk = list(skp.rhk.all())
    if penilai is None or not rhk:
        return 0
    start, end = skp.periode.start_date, skp.periode.end_date

    def within(days: int) -> datetime.date:
        return min(max(today + datetime.timedelta(days=days), start), end)

    me, boss = pegawai.user, penilai.user
    _agreed_and_done(me, boss, rhk[0], within(-20))
    due = _made(me, rhk[0], "Merekap waktu layanan per permohonan setiap minggu.", within(2))
    rencana_aksi_approve(user=boss, rencana=due)  # due in two days: reminders for both
    second = rhk[1 % len(rhk)]
    _made(me, second, "Menyiapkan daftar periksa kelengkapan berkas permohonan.", within(20))
    revise = _made(me, second, "Mengikuti pelatihan.", within(25))
    rencana_aksi_request_revision(
        user=boss,
        rencana=revise,
        comment="Sebutkan pelatihan apa dan hasil yang diharapkan untuk RHK ini.",
    )
    komentar_add(user=me, rencana=revise, text="Baik, saya lengkapi dengan kursus pelayanan prima.")
    rencana_aksi_reminders_create(today=today)
    return 4


def _made(me, rhk, text: str, target: datetime.date) -> RencanaAksi:
    """A rencana aksi written and submitted by the pegawai."""
    rencana = rencana_aksi_create(user=me, rhk=rhk, text=text, target_date=target)
    return rencana_aksi_submit(user=me, rencana=rencana)


def _agreed_and_done(me, boss, rhk, target: datetime.date) -> None:
    """Agreed, carried out, with a link as bukti dukung."""
    done = _made(
        me,
        rhk,
        "Menyusun SOP antrean loket terpadu dan menyosialisasikannya ke petugas loket.",
        target,
    )
    rencana_aksi_approve(user=boss, rencana=done, comment="Setuju. Libatkan petugas shift sore.")
    realisasi_update(
        user=me,
        rencana=done,
        text="SOP antrean disahkan dan disosialisasikan kepada 12 petugas loket.",
    )
    bukti_link_add(
        user=me,
        rencana=done,
        url="https://example.go.id/sop/antrean-loket-terpadu",
        title="SOP antrean loket terpadu (tautan)",
    )
