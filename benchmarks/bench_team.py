"""A pimpinan with exactly N people on a ``seed_scale`` database, for the Tim Saya figures.

seed_scale's pejabat penilai have about 15 people (a Seksi) or 5 (the heads above). A
Kepala Subdirektorat (one per size, so the teams don't overlap) becomes pejabat penilai of
N staff taken from the seeded Seksi — their evaluations, recommendations, assignments and
JP come with them — in two UPDATEs (its own five Seksi heads leave its team). Run again,
it changes nothing.
"""

from __future__ import annotations

from django.db.models import Count

from kinerja_link.models import Pegawai

SUBDIREKTORAT = "Kepala Subdirektorat"


def ensure_team(size: int) -> Pegawai:
    heads = list(
        Pegawai.objects.filter(unit__kode__startswith="SKALA.", jabatan=SUBDIREKTORAT)
        .select_related("user", "unit")
        .order_by("pk")[:8]
    )
    if not heads:
        raise SystemExit("Butuh data seed_scale (manage.py seed_scale --pegawai N).")
    # Sizes map to distinct heads: 50 → the first, 500 → the second, others after them.
    index = {50: 0, 500: 1}.get(size, 2 + size % 6)
    pimpinan = heads[index]
    have = Pegawai.objects.active().filter(pejabat_penilai=pimpinan).count()
    if have != size:
        others = [h.pk for h in heads if h.pk != pimpinan.pk]
        staff = (
            Pegawai.objects.active()
            .filter(unit__kode__startswith="SKALA.", dinilai__isnull=True)
            .exclude(pk=pimpinan.pk)
            .exclude(pejabat_penilai_id__in=others)
            .annotate(n=Count("evaluasi_set"))
            .filter(n__gt=0)
            .order_by("pk")
        )
        # Its own Seksi heads leave the team, so the team is exactly the N chosen.
        Pegawai.objects.filter(pejabat_penilai=pimpinan).update(pejabat_penilai=None)
        chosen = list(staff.values_list("pk", flat=True)[:size])
        Pegawai.objects.filter(pk__in=chosen).update(pejabat_penilai=pimpinan)
    return pimpinan
