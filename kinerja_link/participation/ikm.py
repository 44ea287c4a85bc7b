"""The IKM (indeks kepuasan masyarakat) exactly as PermenPANRB 14/2017 defines it.

Per element: NRR = sum of the scores ÷ number of respondents. Each of the nine elements
weighs 1/9 (0,111). NRR tertimbang = Σ NRR × 1/9; IKM = NRR tertimbang × 25 (a value
between 25 and 100). Mutu and kinerja unit pelayanan from the conversion table:

====================  ======  ================
IKM (nilai konversi)  mutu    kinerja
====================  ======  ================
25,00 – 64,99         D       Tidak Baik
65,00 – 76,60         C       Kurang Baik
76,61 – 88,30         B       Baik
88,31 – 100,00        A       Sangat Baik
====================  ======  ================

The regulation rounds the result to two decimals before it reads the table; so do we
(``Decimal``, half up), so 76,605 is C and 76,61 is B with no floating-point doubt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from .models import ELEMENT_FIELDS

ELEMENT_WEIGHT = Decimal(1) / Decimal(len(ELEMENT_FIELDS))
CONVERSION = Decimal(25)
TWO_PLACES = Decimal("0.01")

# (lowest IKM of the band, mutu, kinerja), best first.
MUTU_TABLE = (
    (Decimal("88.31"), "A", _("Sangat Baik")),
    (Decimal("76.61"), "B", _("Baik")),
    (Decimal("65.00"), "C", _("Kurang Baik")),
    (Decimal("25.00"), "D", _("Tidak Baik")),
)


@dataclass(frozen=True)
class Ikm:
    respondents: int
    nrr: dict[str, Decimal]  # per element, unrounded
    nrr_weighted: Decimal  # Σ NRR × 1/9, unrounded
    value: Decimal  # × 25, two decimals

    @property
    def mutu(self) -> str:
        return mutu_of(self.value)[0]

    @property
    def kinerja(self) -> str:
        return str(mutu_of(self.value)[1])


def mutu_of(value: Decimal) -> tuple[str, str]:
    """Mutu and kinerja of an IKM value (already rounded to two decimals)."""
    for lowest, mutu, kinerja in MUTU_TABLE:
        if value >= lowest:
            return mutu, str(kinerja)
    return "D", str(MUTU_TABLE[-1][2])


def ikm_from_sums(respondents: int, sums: Mapping[str, int]) -> Ikm | None:
    """The IKM from the number of respondents and the sum of scores per element."""
    if respondents <= 0:
        return None
    nrr = {code: Decimal(sums[code]) / Decimal(respondents) for code in ELEMENT_FIELDS}
    weighted = sum((value * ELEMENT_WEIGHT for value in nrr.values()), Decimal(0))
    value = (weighted * CONVERSION).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    return Ikm(respondents=respondents, nrr=nrr, nrr_weighted=weighted, value=value)


def ikm_from_answers(answers: Sequence[Mapping[str, int]]) -> Ikm | None:
    """The IKM of a list of answers (each a mapping of ``u1`` … ``u9`` to 1–4)."""
    sums = {code: sum(answer[code] for answer in answers) for code in ELEMENT_FIELDS}
    return ikm_from_sums(len(answers), sums)
