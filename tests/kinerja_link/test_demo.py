import itertools

import pytest

from kinerja_link.demo import seed_evaluasi_import, seed_organisation, seed_skp
from kinerja_link.models import SKP, Evaluasi, ImportJob


@pytest.mark.django_db
def test_demo_kinerja_covers_the_kuadran_and_is_idempotent():
    seed_organisation("!")
    assert seed_skp() > 0
    job = seed_evaluasi_import()
    assert job.status == "selesai", job.message
    assert job.error_count == 0
    assert job.mismatch_count == 1
    cells = set(Evaluasi.objects.values_list("rating_hasil", "rating_perilaku"))
    assert cells == set(itertools.product((1, 2, 3), repeat=2))
    counts = (SKP.objects.count(), Evaluasi.objects.count(), ImportJob.objects.count())

    seed_organisation("!")
    assert seed_skp() == 0
    assert seed_evaluasi_import() is None
    assert (SKP.objects.count(), Evaluasi.objects.count(), ImportJob.objects.count()) == counts
    skp = SKP.objects.first()
    assert skp.rhk.count() == 2
    assert skp.perilaku.count() == 7
