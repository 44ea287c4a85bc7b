"""Factories and file builders for kinerja_link tests."""

import csv
import io

import factory
import openpyxl

from django.core.files.base import ContentFile

from kinerja_link.kuadran import Rating, predikat_for
from kinerja_link.models import (
    AspekRHK,
    Evaluasi,
    IndikatorRHK,
    JenisPeriode,
    Periode,
    RencanaHasilKerja,
)
from tests.factories import PegawaiFactory


class PeriodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Periode
        django_get_or_create = ("tahun", "jenis", "nomor")

    tahun = 2026
    jenis = JenisPeriode.TRIWULAN
    nomor = 3


def rhk_create(
    *, indikator: str = "Jumlah dokumen", target: str = "1", aspek=AspekRHK.KUANTITAS, **fields
) -> RencanaHasilKerja:
    """An RHK with one aspek row (its IKI and target)."""
    rhk = RencanaHasilKerja.objects.create(**fields)
    IndikatorRHK.objects.create(rhk=rhk, aspek=aspek, indikator=indikator, target=target)
    return rhk


class EvaluasiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evaluasi

    pegawai = factory.SubFactory(PegawaiFactory)
    periode = factory.SubFactory(PeriodeFactory)
    rating_hasil = Rating.SESUAI
    rating_perilaku = Rating.SESUAI
    predikat = factory.LazyAttribute(lambda e: predikat_for(e.rating_hasil, e.rating_perilaku))


SIASN_HEADERS = [
    "nip",
    "nama",
    "tahun",
    "periodikId",
    "periodikNama",
    "hasilKinerjaNilai",
    "perilakuKerjaNilai",
    "kuadranKinerjaNilai",
    "penilaiNipNrp",
]
SHEET_HEADERS = [
    "No",
    "NIP",
    "NAMA",
    "JABATAN",
    "Unit Kerja",
    "PERIODE",
    "Rating Hasil Kerja",
    "rating  perilaku kerja",
    "PREDIKAT KINERJA",
]


def csv_file(headers, rows, name="evaluasi.csv", delimiter=",") -> ContentFile:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return ContentFile(out.getvalue().encode(), name=name)


def xlsx_file(headers, rows, name="evaluasi.xlsx") -> ContentFile:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return ContentFile(out.getvalue(), name=name)
