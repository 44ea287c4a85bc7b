from types import SimpleNamespace

import pytest

from tests.learning.factories import make_course


@pytest.fixture
def courses(db):
    """Live courses the default rules can find: one per flagged value used, and SKP/RHK."""
    return SimpleNamespace(
        skp=make_course(lessons=0, competencies=("TK-SKP",), title="Menyusun SKP dan RHK"),
        ak=make_course(lessons=0, competencies=("AK",), title="Akuntabel"),
        kl=make_course(lessons=0, competencies=("KL", "KL-1"), title="Kolaboratif"),
    )


def flag(*codes: str) -> dict:
    return {code: {"perlu_pembinaan": True, "catatan": "Perlu pembinaan."} for code in codes}
