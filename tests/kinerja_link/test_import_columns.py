import pytest

from django.core.exceptions import ValidationError

from kinerja_link.importing import columns as col
from kinerja_link.kuadran import Predikat, Rating


def test_headers_in_both_styles_and_any_case():
    mapping = col.map_headers(
        [
            "NO",
            " Nip ",
            "rating_hasil_kerja",
            "RATING PERILAKU KERJA",
            "kuadranKinerjaNilai",
            "PeriodikNama",
        ]
    )
    assert mapping == {col.NIP: 1, col.HASIL: 2, col.PERILAKU: 3, col.PREDIKAT: 4, col.PERIODE: 5}
    assert col.missing_required(col.map_headers(["NIP", "NAMA"])) == [
        "RATING HASIL KERJA",
        "RATING PERILAKU KERJA",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, Rating.DI_ATAS),
        ("2", Rating.SESUAI),
        (3.0, Rating.DI_BAWAH),
        ("Di Atas Ekspektasi", Rating.DI_ATAS),
        ("SESUAI EKSPEKTASI", Rating.SESUAI),
        ("di bawah", Rating.DI_BAWAH),
    ],
)
def test_ratings_as_codes_or_text(value, expected):
    assert col.parse_rating(value, "Rating") == expected


@pytest.mark.parametrize("value", ["4", "Luar biasa", "", None, "0"])
def test_bad_ratings_are_explained(value):
    with pytest.raises(ValidationError) as exc:
        col.parse_rating(value, "Rating hasil kerja")
    assert "Rating hasil kerja" in exc.value.messages[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sangat Baik", Predikat.SANGAT_BAIK),
        ("4", Predikat.KURANG),
        ("Kurang/Misconduct", Predikat.KURANG),
        ("BUTUH PERBAIKAN", Predikat.BUTUH_PERBAIKAN),
        ("", None),
    ],
)
def test_predikat_as_codes_or_text(value, expected):
    assert col.parse_predikat(value) == expected


@pytest.mark.parametrize(
    ("text", "tahun", "periodik", "expected"),
    [
        ("Triwulan III 2026", None, None, (2026, "triwulan", 3)),
        ("TW 2", 2025, None, (2025, "triwulan", 2)),
        ("Maret 2026", None, None, (2026, "bulanan", 3)),
        ("3", 2026, 1, (2026, "bulanan", 3)),
        ("4", 2026, "2", (2026, "triwulan", 4)),
        ("Tahunan 2026", None, None, (2026, "tahunan", 0)),
        (None, 2026, None, (2026, "tahunan", 0)),
    ],
)
def test_periode_text(text, tahun, periodik, expected):
    key = col.parse_periode(text, tahun, periodik)
    assert (key.tahun, key.jenis, key.nomor) == expected


@pytest.mark.parametrize("text", ["Triwulan 7 2026", "Semester 1 2026", "Triwulan II"])
def test_bad_periode(text):
    with pytest.raises(ValidationError):
        col.parse_periode(text)
