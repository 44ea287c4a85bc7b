import pytest

from kinerja_link.kuadran import Predikat, Rating, predikat_for

ATAS, SESUAI, BAWAH = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH

# Written out cell by cell from docs/domain.md §2, independently of the module's table.
CELLS = [
    (ATAS, BAWAH, "Kurang/Misconduct"),
    (ATAS, SESUAI, "Baik"),
    (ATAS, ATAS, "Sangat Baik"),
    (SESUAI, BAWAH, "Kurang/Misconduct"),
    (SESUAI, SESUAI, "Baik"),
    (SESUAI, ATAS, "Baik"),
    (BAWAH, BAWAH, "Sangat Kurang"),
    (BAWAH, SESUAI, "Butuh Perbaikan"),
    (BAWAH, ATAS, "Butuh Perbaikan"),
]


@pytest.mark.parametrize(("hasil", "perilaku", "label"), CELLS)
def test_every_cell_of_the_kuadran(hasil, perilaku, label):
    assert predikat_for(hasil, perilaku).label == label


@pytest.mark.parametrize(("hasil", "perilaku", "label"), CELLS)
def test_siasn_codes_give_the_same_predikat(hasil, perilaku, label):
    result = predikat_for(int(hasil), int(perilaku))
    assert isinstance(result, Predikat)
    assert result.label == label


def test_predikat_values_are_siasn_codes():
    assert {p.value: p.label for p in Predikat} == {
        1: "Sangat Baik",
        2: "Baik",
        3: "Butuh Perbaikan",
        4: "Kurang/Misconduct",
        5: "Sangat Kurang",
    }
    assert [(r.value, r.label) for r in Rating] == [
        (1, "Di Atas Ekspektasi"),
        (2, "Sesuai Ekspektasi"),
        (3, "Di Bawah Ekspektasi"),
    ]


def test_not_the_max_of_the_codes():
    # max(1, 3) == 3 would say Butuh Perbaikan; the kuadran says Kurang/Misconduct.
    assert predikat_for(1, 3) == Predikat.KURANG


@pytest.mark.parametrize("bad", [0, 4, -1, True, "1", None, 1.0])
def test_rejects_what_is_not_a_rating_code(bad):
    with pytest.raises(ValueError):
        predikat_for(bad, 2)
    with pytest.raises(ValueError):
        predikat_for(2, bad)
