"""The kuadran kinerja: predikat from the two ratings (PermenPANRB 6/2022, docs/domain.md §2).

Enum values are the SIASN codes, so a code read from an export *is* a member.
The predikat is a lookup table on purpose: taking ``max()`` of the two codes gets
(Di Atas, Di Bawah) wrong — it is Kurang/Misconduct, not Butuh Perbaikan.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rating(models.IntegerChoices):
    DI_ATAS = 1, _("Di Atas Ekspektasi")
    SESUAI = 2, _("Sesuai Ekspektasi")
    DI_BAWAH = 3, _("Di Bawah Ekspektasi")


class Predikat(models.IntegerChoices):
    SANGAT_BAIK = 1, _("Sangat Baik")
    BAIK = 2, _("Baik")
    BUTUH_PERBAIKAN = 3, _("Butuh Perbaikan")
    KURANG = 4, _("Kurang/Misconduct")
    SANGAT_KURANG = 5, _("Sangat Kurang")


# (rating hasil kerja, rating perilaku kerja) -> predikat, row by row as in docs/domain.md §2.
KUADRAN: dict[tuple[Rating, Rating], Predikat] = {
    (Rating.DI_ATAS, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.DI_ATAS, Rating.SESUAI): Predikat.BAIK,
    (Rating.DI_ATAS, Rating.DI_ATAS): Predikat.SANGAT_BAIK,
    (Rating.SESUAI, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.SESUAI, Rating.SESUAI): Predikat.BAIK,
    (Rating.SESUAI, Rating.DI_ATAS): Predikat.BAIK,
    (Rating.DI_BAWAH, Rating.DI_BAWAH): Predikat.SANGAT_KURANG,
    (Rating.DI_BAWAH, Rating.SESUAI): Predikat.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.DI_ATAS): Predikat.BUTUH_PERBAIKAN,
}


def predikat_for(hasil: Rating | int, perilaku: Rating | int) -> Predikat:
    """The predikat for a pair of ratings, given as ``Rating`` members or SIASN codes 1–3.

    Raises ``ValueError`` for anything that is not a rating code (including ``bool``,
    which Python would otherwise treat as 0/1).
    """
    return KUADRAN[(_as_rating(hasil), _as_rating(perilaku))]


def _as_rating(value: Rating | int) -> Rating:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"rating must be a SIASN code 1–3, got {value!r}")
    return Rating(value)


def predikat_sql(hasil: str, perilaku: str) -> str:
    """The same table as a SQL ``CASE`` over two integer expressions, for the set-based
    import: generated from ``KUADRAN`` so the rule keeps one home."""
    whens = " ".join(
        f"WHEN ({hasil}, {perilaku}) = ({int(h)}, {int(v)}) THEN {int(p)}"
        for (h, v), p in KUADRAN.items()
    )
    return f"(CASE {whens} END)"
