"""Choosers for the large tables behind admin forms: pegawai, sign-in accounts and units.

A ``<select>`` renders every row: at 20,000 pegawai the Pegawai form's pejabat penilai
dropdown was 20,000 options, each name a query, and the request ran into the worker timeout.
A chooser renders only the chosen row and opens a modal that searches and pages (10 rows).
Registering the viewsets makes every admin model form use them for a foreign key to these
models. Each lists, searches and resolves only what the user may pick: a pengelola their unit
subtree, a superuser everything, anyone else nothing (403).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser

from .models import Pegawai, UnitKerja
from .scope import Scope, scope_for

StrOrPromise = str | Promise  # a column label: gettext_lazy gives a promise


class SearchForm(BaseFilterForm):
    """A plain ``icontains`` search over ``lookups`` (these models are not search-indexed)."""

    q = forms.CharField(label=_("Cari"), required=False)
    lookups: tuple[str, ...] = ()
    placeholder = _("Cari")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["placeholder"] = self.placeholder

    def filter(self, objects):
        query = self.cleaned_data.get("q", "").strip()
        if not query:
            return objects
        self.is_searching, self.search_query = True, query
        condition = Q()
        for lookup in self.lookups:
            condition |= Q(**{f"{lookup}__icontains": query})
        return objects.filter(condition)


class PersonSearchForm(SearchForm):
    lookups = ("user__display_name", "user__nip")
    placeholder = _("Nama atau NIP")


class AccountSearchForm(SearchForm):
    lookups = ("display_name", "nip", "email")
    placeholder = _("Nama, NIP, atau e-mail")


class UnitSearchForm(SearchForm):
    lookups = ("nama", "kode")
    placeholder = _("Nama atau kode unit")


def pegawai_choices_for(user) -> QuerySet[Pegawai]:
    scope = _scope_or_refuse(user)
    return scope.filter(Pegawai.objects.select_related("user", "unit"))


def units_choices_for(user) -> QuerySet[UnitKerja]:
    return _scope_or_refuse(user).filter(UnitKerja.objects.all(), "path")


def accounts_choices_for(user) -> QuerySet:
    """Accounts a pengelola may link to a pegawai: those without one, or with one in scope."""
    scope = _scope_or_refuse(user)
    queryset = get_user_model().objects.all()
    if scope.is_everything:
        return queryset
    return queryset.filter(Q(pegawai=None) | scope.q("pegawai__unit__path"))


def _scope_or_refuse(user) -> Scope:
    scope = scope_for(user)
    if scope is None:
        raise PermissionDenied
    return scope


# --- Views: every list, search and "chosen" lookup goes through the scope -------------------


class ScopedChooseMixin:
    choices_for = None  # set by the viewset: user -> queryset
    columns_extra: tuple[tuple[str, StrOrPromise], ...] = ()
    title_label = _("Nama")
    results_template_name = "kinerja_link/admin/chooser_results.html"

    def get_object_list(self):
        return self.choices_for(self.request.user)

    @property
    def title_column(self):
        column = super().title_column  # Wagtail's heads it "Title"
        column.label = self.title_label
        return column

    @property
    def columns(self):
        extra = [Column(name, label=label) for name, label in self.columns_extra]
        return [self.title_column, *extra]


class ScopedChosenMixin:
    choices_for = None

    def get_object(self, pk):
        return self.choices_for(self.request.user).get(pk=pk)

    def get_objects(self, pks):
        return self.choices_for(self.request.user).filter(pk__in=pks)


class ChooseView(ScopedChooseMixin, chooser_views.ChooseView):
    pass


class ChooseResultsView(ScopedChooseMixin, chooser_views.ChooseResultsView):
    pass


class ChosenView(ScopedChosenMixin, chooser_views.ChosenView):
    pass


class ChosenMultipleView(ScopedChosenMixin, chooser_views.ChosenMultipleView):
    pass


class ScopedChooserViewSet(ChooserViewSet):
    """A chooser whose every view reads through ``choices_for(user)``; no "create" tab."""

    choices_for = staticmethod(pegawai_choices_for)
    columns_extra: tuple[tuple[str, StrOrPromise], ...] = ()
    search_form_class: type[SearchForm] = PersonSearchForm
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    edit_item_text = _("Ubah")
    search_tab_label = _("Cari")
    per_page = 10
    ordering: tuple[str, ...] = ("pk",)

    title_label = _("Nama")

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            title_label=self.title_label,
            choices_for=self.choices_for,
            ordering=self.ordering,
            columns_extra=self.columns_extra,
            filter_form_class=self.search_form_class,
            **kwargs,
        )


class PegawaiChooserWidget(BaseChooser):
    """Reads the chosen pegawai with its user (its name) in one query."""

    def get_instance(self, value):
        if value is None or isinstance(value, Pegawai):
            return value
        return Pegawai.objects.select_related("user").filter(pk=value).first()


class PegawaiChooserViewSet(ScopedChooserViewSet):
    model = Pegawai
    icon = "user"
    choose_one_text = _("Pilih pegawai")
    choose_another_text = _("Ganti pegawai")
    base_widget_class = PegawaiChooserWidget
    url_prefix = "pilih-pegawai"
    choices_for = staticmethod(pegawai_choices_for)
    columns_extra = (("jabatan", _("Jabatan")), ("unit", _("Unit kerja")))
    search_form_class = PersonSearchForm
    ordering = ("user__display_name", "pk")


class AccountChooserViewSet(ScopedChooserViewSet):
    model = settings.AUTH_USER_MODEL
    icon = "user"
    choose_one_text = _("Pilih akun")
    choose_another_text = _("Ganti akun")
    url_prefix = "pilih-akun"
    choices_for = staticmethod(accounts_choices_for)
    columns_extra = (("nip", _("NIP")), ("email", _("E-mail")))
    search_form_class = AccountSearchForm
    ordering = ("display_name", "pk")


class UnitKerjaChooserViewSet(ScopedChooserViewSet):
    model = UnitKerja
    icon = "group"
    choose_one_text = _("Pilih unit kerja")
    choose_another_text = _("Ganti unit kerja")
    url_prefix = "pilih-unit"
    title_label = _("Unit kerja")
    choices_for = staticmethod(units_choices_for)
    columns_extra = (("kode", _("Kode")),)
    search_form_class = UnitSearchForm
    ordering = ("path",)


pegawai_chooser = PegawaiChooserViewSet("pegawai_chooser")
account_chooser = AccountChooserViewSet("account_chooser")
unit_chooser = UnitKerjaChooserViewSet("unit_chooser")
CHOOSERS = (pegawai_chooser, account_chooser, unit_chooser)
