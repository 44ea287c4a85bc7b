"""A demo organisation shaped like a provincial office (Kanwil), ~60 pegawai.

Everything is derived from a fixed random seed and keyed on stable codes and NIPs,
so running it again finds what it made before and changes nothing.
"""

from __future__ import annotations

import csv
import datetime
import io
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction

from accounts.demo import DemoLogin
from accounts.roles import Role, role_group
from competencies.models import Competency

from .demo_skp import seed_skp_import
from .kuadran import predikat_for
from .models import (
    SKP,
    AspekRHK,
    ImportJob,
    IndikatorRHK,
    JenisJabatan,
    JenisPeriode,
    Pegawai,
    PerilakuEkspektasi,
    Periode,
    RencanaHasilKerja,
    StatusSKP,
    UnitKerja,
)
from .services import import_job_create, import_job_run, pimpinan_group_sync

FIRST_NAMES_M = "Budi Agus Slamet Hendra Rizky Dimas Yusuf Fajar Arif Teguh Bayu Wahyu".split()
FIRST_NAMES_F = "Siti Dewi Rina Ayu Fitri Sri Nur Indah Maya Ratna Wulan Putri Kartika".split()
SURNAMES = [
    "Santoso",
    "Wibowo",
    "Hidayat",
    "Saputra",
    "Lestari",
    "Pratama",
    "Nugroho",
    "Kurniawan",
    "Rahmawati",
    "Setiawan",
    "Siregar",
    "Nasution",
    "Wijaya",
    "Purnomo",
    "Hasibuan",
    "Maharani",
    "Susanto",
    "Utami",
    "Handayani",
    "Simanjuntak",
]


@dataclass(frozen=True)
class UnitSpec:
    kode: str
    nama: str
    kepala: str
    staff: int
    children: tuple[UnitSpec, ...] = ()


ORGANISATION = UnitSpec(
    "KW",
    "Kantor Wilayah Provinsi Nusa Indah",
    "Kepala Kantor Wilayah",
    1,
    (
        UnitSpec(
            "KW.TU",
            "Bagian Tata Usaha",
            "Kepala Bagian Tata Usaha",
            0,
            (
                UnitSpec("KW.TU.1", "Subbagian Perencanaan dan Keuangan", "Kepala Subbagian", 4),
                UnitSpec("KW.TU.2", "Subbagian Kepegawaian dan Hukum", "Kepala Subbagian", 4),
                UnitSpec(
                    "KW.TU.3", "Subbagian Umum dan Hubungan Masyarakat", "Kepala Subbagian", 4
                ),
            ),
        ),
        UnitSpec(
            "KW.PL",
            "Bidang Pelayanan Publik",
            "Kepala Bidang",
            0,
            (
                UnitSpec("KW.PL.1", "Seksi Pelayanan Terpadu", "Kepala Seksi", 5),
                UnitSpec("KW.PL.2", "Seksi Pengaduan dan Informasi", "Kepala Seksi", 4),
            ),
        ),
        UnitSpec(
            "KW.PD",
            "Bidang Pendidikan dan Pelatihan",
            "Kepala Bidang",
            0,
            (
                UnitSpec("KW.PD.1", "Seksi Pengembangan Kompetensi", "Kepala Seksi", 4),
                UnitSpec("KW.PD.2", "Seksi Kurikulum dan Evaluasi", "Kepala Seksi", 4),
            ),
        ),
        UnitSpec(
            "KW.PW",
            "Bidang Pengawasan dan Kepatuhan",
            "Kepala Bidang",
            0,
            (
                UnitSpec("KW.PW.1", "Seksi Pemantauan Kinerja", "Kepala Seksi", 4),
                UnitSpec("KW.PW.2", "Seksi Kepatuhan Internal", "Kepala Seksi", 4),
            ),
        ),
    ),
)

STAFF_JABATAN = [
    ("Analis Sumber Daya Manusia Aparatur Ahli Pertama", JenisJabatan.FUNGSIONAL, "III/a"),
    ("Analis Kebijakan Ahli Muda", JenisJabatan.FUNGSIONAL, "III/c"),
    ("Pranata Komputer Ahli Pertama", JenisJabatan.FUNGSIONAL, "III/b"),
    ("Penelaah Teknis Kebijakan", JenisJabatan.PELAKSANA, "III/a"),
    ("Pengolah Data dan Informasi", JenisJabatan.PELAKSANA, "II/c"),
    ("Pengadministrasi Perkantoran", JenisJabatan.PELAKSANA, "II/b"),
    ("Arsiparis Terampil", JenisJabatan.FUNGSIONAL, "II/d"),
    ("Widyaiswara Ahli Muda", JenisJabatan.FUNGSIONAL, "III/d"),
]
HEAD_BY_DEPTH = {
    1: (JenisJabatan.JPT, "IV/c"),
    2: (JenisJabatan.ADMINISTRATOR, "IV/a"),
    3: (JenisJabatan.PENGAWAS, "III/d"),
}
PENGELOLA_UNIT = "KW.TU.2"
TODAY = datetime.date(2026, 11, 1)  # fixed so the data is the same whenever it is seeded


class _Generator:
    """Deterministic people: names, sexes and NIPs that pass accounts.nip validation."""

    def __init__(self, seed: int = 20231) -> None:
        self.rng = random.Random(seed)
        self.serials: dict[str, int] = {}

    def person(self) -> tuple[str, str]:
        sex = self.rng.choice("12")
        first = self.rng.choice(FIRST_NAMES_M if sex == "1" else FIRST_NAMES_F)
        name = f"{first} {self.rng.choice(SURNAMES)}"
        birth = datetime.date(
            self.rng.randint(1968, 1998), self.rng.randint(1, 12), self.rng.randint(1, 28)
        )
        tmt_year = min(birth.year + self.rng.randint(22, 30), TODAY.year - 1)
        prefix = f"{birth:%Y%m%d}{tmt_year}{self.rng.randint(1, 12):02d}{sex}"
        self.serials[prefix] = self.serials.get(prefix, 0) + 1
        return name, f"{prefix}{self.serials[prefix]:03d}"


@transaction.atomic
def seed_organisation(password_hash: str) -> list[DemoLogin]:
    generator = _Generator()
    pegawai_group = role_group(Role.PEGAWAI)
    created: list[Pegawai] = []
    _seed_unit(ORGANISATION, None, None, 1, generator, password_hash, created)
    pegawai_group.user_set.add(*[p.user for p in created])
    pengelola = (
        Pegawai.objects.filter(unit__kode=PENGELOLA_UNIT, pejabat_penilai__isnull=False)
        .select_related("user")
        .order_by("user__nip")
        .first()
    )
    pengelola.user.groups.add(role_group(Role.PENGELOLA))
    # The Subbagian Kepegawaian serves the whole Kanwil (kinerja_link.scope's default).
    UnitKerja.objects.filter(kode=PENGELOLA_UNIT).update(is_kepegawaian=True)
    pimpinan_group_sync()
    return _demo_logins(pengelola)


def _seed_unit(spec, parent_unit, parent_head, depth, generator, password_hash, created):
    if parent_unit is None:
        unit = UnitKerja.objects.filter(kode=spec.kode).first() or UnitKerja.add_root(
            kode=spec.kode, nama=spec.nama
        )
    else:
        unit = UnitKerja.objects.filter(kode=spec.kode).first() or parent_unit.add_child(
            kode=spec.kode, nama=spec.nama
        )
    jenis, golongan = HEAD_BY_DEPTH[depth]
    head = _upsert_pegawai(
        generator,
        password_hash,
        created,
        unit=unit,
        jabatan=spec.kepala,
        jenis=jenis,
        golongan=golongan,
        penilai=parent_head,
    )
    for _ in range(spec.staff):
        jabatan, jenis, golongan = generator.rng.choice(STAFF_JABATAN)
        _upsert_pegawai(
            generator,
            password_hash,
            created,
            unit=unit,
            jabatan=jabatan,
            jenis=jenis,
            golongan=golongan,
            penilai=head,
        )
    for child in spec.children:
        _seed_unit(child, unit, head, depth + 1, generator, password_hash, created)


def _upsert_pegawai(generator, password_hash, created, *, unit, jabatan, jenis, golongan, penilai):
    name, nip = generator.person()
    user, _ = get_user_model().objects.get_or_create(
        nip=nip,
        defaults={
            "username": nip,
            "display_name": name,
            "email": f"{nip}@pegawai.bina-asn.local",
            "password": password_hash,
        },
    )
    pegawai, was_created = Pegawai.objects.get_or_create(
        user=user,
        defaults={
            "unit": unit,
            "jabatan": jabatan,
            "jenis_jabatan": jenis,
            "golongan": golongan,
            "pejabat_penilai": penilai,
        },
    )
    if was_created:
        created.append(pegawai)
    return pegawai


def _demo_logins(pengelola: Pegawai) -> list[DemoLogin]:
    kepala_seksi = (
        Pegawai.objects.filter(unit__kode="KW.PL.1", jenis_jabatan=JenisJabatan.PENGAWAS)
        .select_related("user")
        .get()
    )
    staff = (
        Pegawai.objects.filter(pejabat_penilai=kepala_seksi)
        .select_related("user")
        .order_by("user__nip")
        .first()
    )
    return [
        DemoLogin(role=Role.PEGAWAI, login=staff.nip, name=staff.nama),
        DemoLogin(role=Role.PIMPINAN, login=kepala_seksi.nip, name=kepala_seksi.nama),
        DemoLogin(role=Role.PENGELOLA, login=pengelola.nip, name=pengelola.nama),
    ]


# --- SKP and one imported period -------------------------------------------------------

DEMO_TAHUN = 2026
DEMO_IMPORT_NAME = "demo-siasn-triwulan-iii-2026.csv"
RHK_TEMPLATES = [
    (
        "Terlaksananya layanan {unit} sesuai standar pelayanan",
        "Persentase layanan tepat waktu",
        "95%",
        AspekRHK.KUANTITAS,
    ),
    (
        "Tersusunnya laporan kinerja {unit} yang akurat",
        "Jumlah laporan diterima pimpinan",
        "4 laporan",
        AspekRHK.WAKTU,
    ),
]
EKSPEKTASI = {
    "BP": "Menanggapi pengaduan masyarakat paling lambat 2 hari kerja.",
    "AK": "Menyampaikan laporan tepat waktu dan lengkap.",
    "KO": "Menyelesaikan sedikitnya 20 JP pengembangan kompetensi.",
    "HA": "Menjaga suasana kerja yang saling menghargai.",
    "LO": "Menjaga kerahasiaan data pegawai dan layanan.",
    "AD": "Mengusulkan satu perbaikan proses kerja per triwulan.",
    "KL": "Aktif berbagi data dengan unit lain.",
}
# Weighted like a real office: most Sesuai/Sesuai; every cell of the kuadran at least once.
CELL_WEIGHTS = [
    ((2, 2), 30),
    ((1, 2), 6),
    ((2, 1), 6),
    ((1, 1), 4),
    ((3, 2), 4),
    ((3, 1), 1),
    ((2, 3), 2),
    ((1, 3), 1),
    ((3, 3), 1),
]


@transaction.atomic
def seed_skp() -> int:
    """An approved SKP for the year for every pegawai who has none. Returns how many were made
    here; the demo pimpinan's team first gets theirs from an e-Kinerja file (``demo_skp``)."""
    seed_skp_import()
    annual, _ = Periode.objects.get_or_create(tahun=DEMO_TAHUN, jenis=JenisPeriode.TAHUNAN, nomor=0)
    have = set(SKP.objects.filter(periode=annual).values_list("pegawai_id", flat=True))
    pegawai = Pegawai.objects.active().exclude(pk__in=have).select_related("unit")
    made = SKP.objects.bulk_create(
        [
            SKP(
                pegawai=p,
                periode=annual,
                pejabat_penilai_id=p.pejabat_penilai_id,
                status=StatusSKP.DISETUJUI,
            )
            for p in pegawai
        ]
    )
    units = {p.pk: p.unit.nama for p in pegawai}
    _seed_skp_contents(made, units)
    return len(made)


def _seed_skp_contents(made: list[SKP], units: dict[int, str]) -> None:
    """Each new SKP's RHK (from the templates) and its BerAKHLAK expectations."""
    nilai = list(Competency.objects.values_berakhlak())
    rhk = RencanaHasilKerja.objects.bulk_create(
        [
            RencanaHasilKerja(skp=skp, rhk=rhk.format(unit=units[skp.pegawai_id]), sort_order=i)
            for skp in made
            for i, (rhk, _iki, _target, _aspek) in enumerate(RHK_TEMPLATES)
        ]
    )
    IndikatorRHK.objects.bulk_create(
        [
            IndikatorRHK(rhk=r, aspek=aspek, indikator=iki, target=target)
            for r, (_rhk, iki, target, aspek) in zip(rhk, RHK_TEMPLATES * len(made), strict=True)
        ]
    )
    PerilakuEkspektasi.objects.bulk_create(
        [
            PerilakuEkspektasi(
                skp=skp, nilai=n, ekspektasi=EKSPEKTASI.get(n.code, ""), sort_order=i
            )
            for skp in made
            for i, n in enumerate(nilai)
        ]
    )


def seed_evaluasi_import() -> ImportJob | None:
    """Triwulan III of the demo year, brought in as a SIASN export through the import service."""
    if ImportJob.objects.filter(original_name=DEMO_IMPORT_NAME, status="selesai").exists():
        return None
    file = ContentFile(evaluasi_csv().encode(), name=DEMO_IMPORT_NAME)
    job = import_job_create(user=None, file=file, dry_run=False, enqueue=False)
    return import_job_run(job_id=job.pk)


def evaluasi_csv() -> str:
    """The demo's SIASN kinerja export (Triwulan III of the demo year, every active pegawai):
    the file ``seed_evaluasi_import`` imports, and the one a pengelola uploads in the
    browser journey (tests/browser/test_journey_office_loop.py)."""
    pegawai = list(Pegawai.objects.active().select_related("user").order_by("user__nip"))
    rng = random.Random(20263)
    cells, weights = zip(*CELL_WEIGHTS, strict=True)
    ratings = [c for c, _ in CELL_WEIGHTS] + rng.choices(cells, weights, k=len(pegawai))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "nip",
            "nama",
            "tahun",
            "periodikId",
            "periodikNama",
            "hasilKinerjaNilai",
            "perilakuKerjaNilai",
            "kuadranKinerjaNilai",
        ]
    )
    for index, (person, (hasil, perilaku)) in enumerate(zip(pegawai, ratings, strict=False)):
        predikat = int(predikat_for(hasil, perilaku))
        if index == len(pegawai) - 1:
            predikat = 1  # one export that disagrees with the kuadran, to show the flag
        writer.writerow(
            [person.nip, person.nama, DEMO_TAHUN, 2, "Triwulan III", hasil, perilaku, predikat]
        )
    return out.getvalue()
