"""Admin screens for the UnitKerja tree.

Treebeard nodes are not created with a plain ``save()``: a new unit is added under its
parent (or as a root), and changing the parent moves the node with its subtree. A
pengelola works inside the units they manage and cannot create roots.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic

from foundation.admin_viewsets import ModelViewSet

from .choosers import unit_chooser
from .models import UnitKerja
from .scope import scope_for


def units_in_scope(user):
    scope = scope_for(user)
    if scope is None:
        return UnitKerja.objects.none()
    return scope.filter(UnitKerja.objects.all(), "path")


class UnitKerjaForm(WagtailAdminModelForm):
    parent = forms.ModelChoiceField(
        label=_("Induk"),
        queryset=UnitKerja.objects.none(),
        required=False,
        widget=unit_chooser.widget_class(),
        help_text=_("Kosongkan untuk instansi (akar pohon)."),
    )

    class Meta:
        model = UnitKerja
        fields = ["nama", "kode", "is_kepegawaian"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        choices = units_in_scope(for_user) if for_user else UnitKerja.objects.none()
        if self.instance.pk:
            # A unit cannot move under itself or its own descendants.
            choices = choices.exclude(path__startswith=self.instance.path)
            self.initial["parent"] = self.instance.get_parent()
        self.fields["parent"].queryset = choices.order_by("path")
        if not (for_user and for_user.is_superuser):
            # The flag widens a pengelola's default reach to the whole instansi: a pengelola
            # must not grant it to themself.
            self.fields["is_kepegawaian"].disabled = True

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        if parent is None and not (self.for_user and self.for_user.is_superuser):
            raise forms.ValidationError(_("Hanya superuser yang dapat membuat instansi baru."))
        return parent

    def save(self, commit=True):
        parent = self.cleaned_data.get("parent")
        unit = self.instance
        if unit.pk is None:
            return parent.add_child(instance=unit) if parent else UnitKerja.add_root(instance=unit)
        unit.save()
        if parent != unit.get_parent():
            unit.move(parent, pos="sorted-child") if parent else unit.move(
                UnitKerja.get_last_root_node(), pos="sorted-sibling"
            )
        return unit


class ScopedUnitIndexView(generic.IndexView):
    def get_base_queryset(self):
        return units_in_scope(self.request.user).order_by("path")


class ScopedUnitEditView(generic.EditView):
    def get_queryset(self):
        return units_in_scope(self.request.user)


class ScopedUnitDeleteView(generic.DeleteView):
    def get_queryset(self):
        return units_in_scope(self.request.user)


class UnitKerjaViewSet(ModelViewSet):
    model = UnitKerja
    icon = "group"
    menu_label = _("Unit kerja")
    add_to_admin_menu = False
    index_view_class = ScopedUnitIndexView
    edit_view_class = ScopedUnitEditView
    delete_view_class = ScopedUnitDeleteView
    edit_handler = ObjectList(
        [
            FieldPanel("nama"),
            FieldPanel("kode"),
            FieldPanel("parent"),
            FieldPanel("is_kepegawaian"),
        ],
        base_form_class=UnitKerjaForm,
    )
    list_display = ["nama", "kode", "depth", "is_kepegawaian"]
    search_fields = ["nama", "kode"]
    copy_view_enabled = False
    inspect_view_enabled = False
