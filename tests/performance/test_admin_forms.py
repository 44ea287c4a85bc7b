"""Every admin add/edit form renders in a bounded number of queries and bytes at 20,000
pegawai (issue 19, item 4: the Pegawai form's pejabat penilai dropdown listed every pegawai,
each name a query, and the request ran into the worker timeout).

The forms are found, not listed: the add and edit views of every registered model and
snippet viewset (ours and Wagtail's, the user forms included), the add and edit views of
every page type, every other viewset's index (the import screens), every chooser modal, and
the few admin forms registered as plain URLs. A new viewset or page type is measured without
touching this file. The data: the demo (one of everything, people where real ones sit) plus
20,000 pegawai in 1,334 units, created set-based once for the module.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import NoReverseMatch, get_resolver, reverse
from django.utils import timezone

from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page, get_page_models

from accounts.roles import Role, role_group
from bina.scale import nip_for
from foundation.models import OutboxMessage
from kinerja_link.models import ApiToken, JenisJabatan, Pegawai, UnitKerja
from kinerja_link.scope import scope_for

PEGAWAI = 20_000
PER_UNIT = 15  # a Seksi of about 15, as seed_scale builds
# Measured at 20,000 pegawai (see docs/scaling.md): the heaviest form is a page editor.
QUERY_BUDGET = 60
HTML_BUDGET = 400_000  # bytes; the old pejabat penilai dropdowns alone were ~2 MB
# Admin forms registered as plain URLs, not through a viewset.
PLAIN_FORMS = ("quiz_question_import", "recommendation:generate")


@dataclass(frozen=True)
class Form:
    """An admin form to measure: a URL name, and how to find its arguments at run time."""

    url_name: str
    kind: str  # "plain", "add", "edit", "page_add", "page_edit"
    model: type | None = None

    def url(self) -> str:
        if self.kind == "plain":
            return reverse(self.url_name)
        if self.kind == "edit":
            return reverse(self.url_name, args=[_first(self.model).pk])
        if self.kind == "page_edit":
            return reverse("wagtailadmin_pages:edit", args=[_first(self.model).pk])
        meta = self.model._meta
        if self.kind == "page_add":
            args = [meta.app_label, meta.model_name, _parent_for(self.model).pk]
            return reverse("wagtailadmin_pages:add", args=args)
        return reverse(self.url_name)


def _first(model):
    instance = model._default_manager.order_by("pk").first()
    assert instance is not None, f"No {model.__name__} in the test data: seed one"
    return instance


def _parent_for(model) -> Page:
    parent = next((p for p in Page.objects.order_by("path") if model.can_create_at(p)), None)
    if parent is None:  # e.g. one home page only (max_count): there is no add form to show
        pytest.skip(f"{model.__name__}: no page may hold another one")
    return parent


def _reverses(name: str, *args) -> bool:
    try:
        reverse(name, args=args)
    except NoReverseMatch:
        return False
    return True


def _viewset_forms():
    get_resolver().resolve("/admin/")  # loading the admin URLs registers every viewset
    for viewset in viewsets.viewsets:
        if isinstance(viewset, ModelViewSet):
            for action in ("add", "edit"):
                name = viewset.get_url_name(action)
                if _reverses(name, *(["1"] if action == "edit" else [])):
                    yield Form(name, action, viewset.model)
        elif isinstance(viewset, ChooserViewSet):
            yield Form(viewset.get_url_name("choose"), "plain")
        elif _reverses(viewset.get_url_name("index")):
            yield Form(viewset.get_url_name("index"), "plain")


def admin_forms() -> list[Form]:
    forms = list(_viewset_forms()) + [Form(name, "plain") for name in PLAIN_FORMS]
    for model in get_page_models():
        if model.is_creatable:
            forms += [Form("", "page_add", model), Form("", "page_edit", model)]
    return forms


def _form_id(form: Form) -> str:
    return form.url_name or f"{form.kind}:{form.model._meta.label_lower}"


# --- data ----------------------------------------------------------------------------------


def seed_pegawai(total: int) -> None:
    """``total`` pegawai under the demo's root unit, in Seksi of PER_UNIT rated by the first
    of each; users and pegawai are one ``bulk_create`` each."""
    units = _seed_units(-(-total // PER_UNIT))
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(username=nip, nip=nip, password="!", display_name=f"Pegawai Skala {n}")
            for n, nip in enumerate(map(nip_for, range(total)))
        ],
        batch_size=5_000,
    )
    starts = range(0, total, PER_UNIT)
    people = [(unit, users[i : i + PER_UNIT]) for unit, i in zip(units, starts, strict=True)]
    heads = Pegawai.objects.bulk_create([_pegawai(unit, staff[0]) for unit, staff in people])
    Pegawai.objects.bulk_create(
        [
            _pegawai(unit, user, penilai=head)
            for (unit, staff), head in zip(people, heads, strict=True)
            for user in staff[1:]
        ],
        batch_size=5_000,
    )


def _pegawai(unit, user, penilai=None) -> Pegawai:
    return Pegawai(
        user=user,
        unit=unit,
        jabatan="Analis Sumber Daya Manusia Aparatur",
        jenis_jabatan=JenisJabatan.FUNGSIONAL,
        golongan="III/a",
        pejabat_penilai=penilai,
    )


def _seed_units(count: int) -> list[UnitKerja]:
    """A Direktorat under the demo's root with ``count`` Seksi, treebeard paths computed."""
    root = UnitKerja.get_root_nodes().first()
    parent = root.add_child(kode="SKALA", nama="Direktorat Skala")
    UnitKerja.objects.bulk_create(
        [
            UnitKerja(
                path=UnitKerja._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                kode=f"SKALA.{step}",
                nama=f"Seksi Skala {step:04d}",
            )
            for step in range(1, count + 1)
        ]
    )
    UnitKerja.objects.filter(pk=parent.pk).update(numchild=count)
    seksi = UnitKerja.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    return list(seksi.order_by("path"))


def _seed_pengelola_scope_and_siasn_push() -> None:
    from kinerja_link.models import PengelolaScope
    from kinerja_link.siasn.models import SiasnPush
    from learning.models import LearningRecord

    pengelola = Pegawai.objects.filter(user__groups=role_group(Role.PENGELOLA)).first()
    PengelolaScope.objects.create(user=pengelola.user, unit=pengelola.unit)
    SiasnPush.objects.create(learning_record=LearningRecord.objects.first())


@pytest.fixture(scope="module")
def at_scale(django_db_setup, django_db_blocker):
    """The demo plus PEGAWAI pegawai, made once and rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        seed_pegawai(PEGAWAI)
        # What the demo has none of, so that their edit forms are measured too.
        ApiToken.issue(name="SIASN", user=get_user_model().objects.filter(is_superuser=True)[0])
        OutboxMessage.objects.create(task_name="bina.uji", next_attempt_at=timezone.now())
        _seed_pengelola_scope_and_siasn_push()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def superuser(at_scale, db):
    return get_user_model().objects.filter(is_superuser=True).order_by("pk").first()


# --- tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("form", admin_forms(), ids=_form_id)
def test_admin_form_is_bounded_at_scale(form, superuser, client, django_assert_max_num_queries):
    client.force_login(superuser)
    url = form.url()
    client.get(url)  # warm: per-process caches (content types, site root, ...)
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(url)
    assert response.status_code in (200, 302, 403), (url, response.status_code)
    assert len(response.content) <= HTML_BUDGET, (url, len(response.content))


def test_the_pegawai_form_is_among_them_and_uses_choosers(superuser, client):
    forms = {_form_id(form) for form in admin_forms()}
    assert {"pegawai:edit", "pegawai:add", "wagtailusers_users:edit"} <= forms
    client.force_login(superuser)
    pegawai = Pegawai.objects.exclude(pejabat_penilai=None).order_by("pk").first()
    html = client.get(reverse("pegawai:edit", args=[pegawai.pk])).content.decode()
    assert pegawai.pejabat_penilai.nama in html  # the chosen one, shown by name
    assert "<option" not in html.split('id="id_pejabat_penilai"')[1].split("</section>")[0]


def test_a_pengelola_chooses_only_within_their_units(at_scale, db, client):
    pengelola = Pegawai.objects.filter(user__groups=role_group(Role.PENGELOLA)).first()
    outsider = Pegawai.objects.filter(unit__kode__startswith="SKALA").order_by("pk").last()
    client.force_login(pengelola.user)

    scope = scope_for(pengelola.user)  # the unit seeded for them as their listed scope
    assert not scope.contains(outsider.unit.path)
    listed = client.get(reverse("pegawai_chooser:choose_results")).context["results"]
    assert listed and all(scope.contains(p.unit.path) for p in listed)
    search = {"q": outsider.user.display_name}
    assert not client.get(reverse("pegawai_chooser:choose_results"), search).context["results"]
    assert client.get(reverse("pegawai_chooser:chosen", args=[outsider.pk])).status_code == 404
    insider = listed[0]
    chosen = client.get(reverse("pegawai_chooser:chosen", args=[insider.pk]))
    assert chosen.json()["result"]["title"] == insider.nama
    units = client.get(reverse("unit_chooser:choose_results")).context["results"]
    assert units and all(scope.contains(unit.path) for unit in units)
    assert not client.get(reverse("account_chooser:choose_results"), search).context["results"]


def test_only_pengelola_and_superusers_open_the_choosers(at_scale, db, client):
    client.force_login(role_group(Role.EDITOR).user_set.first())  # in the admin, no pegawai
    for name in ("pegawai_chooser", "account_chooser", "unit_chooser"):
        # Wagtail answers a refusal in the admin with a redirect home and a message.
        assert client.get(reverse(f"{name}:choose")).status_code in (302, 403), name
