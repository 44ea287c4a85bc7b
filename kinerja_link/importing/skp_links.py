"""Link each RHK to the leader's RHK it intervenes in (cascading), when that SKP is here.

The file names the leader's RHK by its text; the leader is the SKP's pejabat penilai and
the leader's SKP is the one of the same periode. Run after a whole import, both ways: a
leader's SKP may come later in the file than the team's, or in a later file.
"""

from __future__ import annotations

from django.db.models import Q

from ..models import SKP, RencanaHasilKerja


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def rhk_pimpinan_link(*, skp_ids: list[int]) -> int:
    """Set ``rhk_pimpinan_ref`` on the RHK of these SKPs and of their teams' SKPs.
    Returns how many links changed."""
    touched = SKP.objects.filter(pk__in=skp_ids).values_list("pegawai_id", "periode_id")
    pegawai_ids = {p for p, _ in touched}
    periode_ids = {q for _, q in touched}
    candidates = list(
        RencanaHasilKerja.objects.filter(
            Q(skp_id__in=skp_ids)
            | Q(skp__pejabat_penilai_id__in=pegawai_ids, skp__periode_id__in=periode_ids)
        ).values(
            "id",
            "rhk_pimpinan",
            "rhk_pimpinan_ref_id",
            "skp__pejabat_penilai_id",
            "skp__periode_id",
        )
    )
    leaders = {c["skp__pejabat_penilai_id"] for c in candidates if c["rhk_pimpinan"]}
    leader_rhk = {
        (r["skp__pegawai_id"], r["skp__periode_id"], _key(r["rhk"])): r["id"]
        for r in RencanaHasilKerja.objects.filter(
            skp__pegawai_id__in=leaders,
            skp__periode_id__in={c["skp__periode_id"] for c in candidates},
        ).values("id", "rhk", "skp__pegawai_id", "skp__periode_id")
    }
    changed = 0
    for c in candidates:
        key = (c["skp__pejabat_penilai_id"], c["skp__periode_id"], _key(c["rhk_pimpinan"]))
        target = leader_rhk.get(key) if c["rhk_pimpinan"] else None
        if target != c["rhk_pimpinan_ref_id"]:
            RencanaHasilKerja.objects.filter(pk=c["id"]).update(rhk_pimpinan_ref_id=target)
            changed += 1
    return changed
