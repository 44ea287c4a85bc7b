from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from wagtail import hooks

from competencies.models import Competency

from .models import (
    SKP,
    Evaluasi,
    ImportJob,
    Pegawai,
    PerilakuEkspektasi,
    Periode,
    RencanaHasilKerja,
    UnitKerja,
)
from .scope import scope_for

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def team_for(pimpinan: Pegawai) -> QuerySet[Pegawai]:
    """The active pegawai a pimpinan is responsible for (DESIGN §7).

    "direct" (the default) is everyone whose pejabat penilai they are; "unit" adds
    every pegawai in the pimpinan's unit subtree.
    """
    team = Pegawai.objects.active().filter(pejabat_penilai=pimpinan)
    if settings.BINA_TEAM_SCOPE == "unit":
        in_subtree = Pegawai.objects.active().filter(unit__path__startswith=pimpinan.unit.path)
        team = (team | in_subtree).exclude(pk=pimpinan.pk).distinct()
    return team


def pimpinan_of(user: User | AnonymousUser) -> Pegawai | None:
    """The user's own Pegawai record when it is active: an inactive pegawai leads no team."""
    if not user.is_authenticated:
        return None
    return Pegawai.objects.active().filter(user=user).select_related("unit").first()


def team_of(user: User | AnonymousUser) -> QuerySet[Pegawai]:
    """The user's own team as pimpinan (DESIGN §7); empty for everyone else."""
    me = pimpinan_of(user)
    return team_for(me) if me else Pegawai.objects.none()


def pimpinan_user_ids() -> QuerySet[Pegawai, int]:
    """Ids of users who are pejabat penilai of at least one active pegawai."""
    return (
        Pegawai.objects.active()
        .filter(pejabat_penilai__isnull=False)
        .values_list("pejabat_penilai__user_id", flat=True)
        .distinct()
    )


def evaluasi_for_admin(user: User) -> QuerySet[Evaluasi]:
    scope = scope_for(user)
    queryset = Evaluasi.objects.select_related("pegawai__user", "pegawai__unit", "periode")
    if scope is None:
        return queryset.none()
    return scope.filter(queryset, "pegawai__unit__path")


def import_jobs_for(user: User) -> QuerySet[ImportJob]:
    """A pengelola sees the jobs they started; a superuser sees every job."""
    queryset = ImportJob.objects.select_related("created_by", "periode")
    if user.is_superuser:
        return queryset
    return queryset.filter(created_by=user)


def visible_pegawai_for(user: User | AnonymousUser, *, as_staff: bool = True) -> QuerySet[Pegawai]:
    """Whose SKP and evaluations ``user`` may see: themself, their team as pimpinan, and
    the units they manage as pengelola (everyone for a superuser). DESIGN §7. Without
    ``as_staff`` (staff whose second factor is still pending) only the first two."""
    if not user.is_authenticated:
        return Pegawai.objects.none()
    if user.is_superuser and as_staff:
        return Pegawai.objects.all()
    me = Pegawai.objects.filter(user=user).select_related("unit").first()
    visible = Pegawai.objects.filter(user=user)
    if me is not None:
        visible = visible | Pegawai.objects.filter(pk__in=team_for(me).values("pk"))
    scope = scope_for(user) if as_staff else None
    if scope is not None:
        visible = visible | scope.filter(Pegawai.objects.all())
    return visible.distinct()


def periode_with_evaluasi() -> QuerySet[Periode]:
    # EXISTS per period probes the evaluasi(periode_id) index; a join + DISTINCT read every
    # evaluation (38 ms at 20,000 evaluations, growing with the organisation).
    return Periode.objects.filter(Exists(Evaluasi.objects.filter(periode=OuterRef("pk"))))


def kinerja_of(pegawai: Pegawai) -> dict[str, Any]:
    """What a pegawai's kinerja page shows: latest SKP with its RHK and perilaku, the
    evaluation history, and the evidence on the SKP (per value and per RHK) with competency
    progress, in a fixed number of queries."""
    skp = (
        SKP.objects.filter(pegawai=pegawai)
        .select_related("periode", "pejabat_penilai__user")
        .prefetch_related("rhk__aspek_rows", Prefetch("perilaku", queryset=_perilaku()))
        .order_by("-periode__tahun")
        .first()
    )
    evaluasi = (
        Evaluasi.objects.filter(pegawai=pegawai)
        .select_related("periode", "pejabat_penilai__user")
        .order_by("-periode__tahun", "periode__jenis", "-periode__nomor")
    )
    return {
        "pegawai": pegawai,
        "skp": skp,
        "evaluasi_list": list(evaluasi),
        **kinerja_page_extras(pegawai=pegawai, skp=skp),
    }


# Apps above kinerja_link add to a pegawai's kinerja page through this hook: a function
# taking ``pegawai`` and ``skp`` (or None) that returns template context (pembinaan adds
# the evidence on the SKP and competency progress).
KINERJA_PAGE_HOOK = "kinerja_link_kinerja_page_context"


def kinerja_page_extras(*, pegawai: Pegawai, skp: SKP | None) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for extra in hooks.get_hooks(KINERJA_PAGE_HOOK):
        context.update(extra(pegawai=pegawai, skp=skp))
    return context


# The SKP form page (``views.skp_dokumen``) takes more sections from apps above
# kinerja_link through this hook: a function taking ``user``, ``skp`` and ``as_staff`` that
# returns template context (pembinaan adds the rencana aksi and evidence per RHK).
SKP_PAGE_HOOK = "kinerja_link_skp_page_context"


def skp_page_extras(
    *, user: User | AnonymousUser, skp: SKP, as_staff: bool = True
) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for extra in hooks.get_hooks(SKP_PAGE_HOOK):
        context.update(extra(user=user, skp=skp, as_staff=as_staff))
    return context


def skp_document_for(user: User | AnonymousUser, pk: int) -> SKP | None:
    """One SKP as the official form shows it, if ``user`` may see its pegawai (themself,
    their team as pimpinan, their units as pengelola); None otherwise. The number of
    queries does not grow with the SKP's RHK or aspek rows."""
    person = ("user", "unit")
    related = [
        "periode",
        *[
            f"{who}__{field}"
            for who in ("pegawai", "pejabat_penilai", "atasan_pejabat_penilai")
            for field in person
        ],
    ]
    rhk = RencanaHasilKerja.objects.select_related("rhk_pimpinan_ref").prefetch_related(
        "aspek_rows"
    )
    guides = Competency.objects.order_by("sort_order", "code")
    perilaku = _perilaku().prefetch_related(Prefetch("nilai__children", queryset=guides))
    skp: SKP | None = (
        SKP.objects.filter(pk=pk, pegawai__in=visible_pegawai_for(user))
        .select_related(*related)
        .prefetch_related(Prefetch("rhk", queryset=rhk), Prefetch("perilaku", queryset=perilaku))
        .first()
    )
    return skp


def _perilaku() -> QuerySet[PerilakuEkspektasi]:
    return PerilakuEkspektasi.objects.select_related("nilai").order_by("nilai__sort_order")


def units_for_export(user: User) -> QuerySet[UnitKerja]:
    """Units a pengelola may export: those they manage (every unit for a superuser)."""
    scope = scope_for(user)
    units: QuerySet[UnitKerja] = UnitKerja.objects.all()  # treebeard's manager is untyped
    if scope is None:
        return units.none()
    return scope.filter(units, "path").order_by("path")
