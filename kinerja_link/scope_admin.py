"""Kinerja → Cakupan pengelola: a superuser lists the unit subtrees each pengelola serves.

Every write goes through ``pengelola_scopes`` (superuser check, audit entry).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic

from accounts.roles import Role
from foundation.admin_viewsets import ModelViewSet, ServiceFormMixin

from .models import PengelolaScope, UnitKerja
from .pengelola_scopes import pengelola_scope_add, pengelola_scope_change, pengelola_scope_remove


def pengelola_users():
    """Active accounts holding the Pengelola Kepegawaian role, through a group or directly."""
    role = Permission.objects.filter(
        content_type__app_label="accounts", codename=Role.PENGELOLA.codename
    )
    holders = Q(groups__permissions__in=role) | Q(user_permissions__in=role)
    users = get_user_model().objects.filter(holders, is_active=True)
    return users.distinct().order_by("display_name", "username")


class PengelolaScopeForm(WagtailAdminModelForm):
    class Meta:
        model = PengelolaScope
        fields = ["user", "unit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = pengelola_users()
        self.fields["unit"].queryset = UnitKerja.objects.order_by("path")
        self.fields["unit"].label_from_instance = lambda unit: (
            f"{'— ' * (unit.depth - 1)}{unit.nama} ({unit.kode})"
        )


class PengelolaScopeCreateView(ServiceFormMixin, generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return pengelola_scope_add(
            user=self.request.user, pengelola=data["user"], unit=data["unit"]
        )


class PengelolaScopeEditView(ServiceFormMixin, generic.EditView):
    def save_instance(self):
        return pengelola_scope_change(user=self.request.user, row=self.form.instance)


class PengelolaScopeDeleteView(generic.DeleteView):
    def delete_action(self):
        pengelola_scope_remove(user=self.request.user, row=self.object)


class PengelolaScopeIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "unit").order_by("user", "unit")


class PengelolaScopeViewSet(ModelViewSet):
    model = PengelolaScope
    name = "cakupan_pengelola"
    icon = "site"
    menu_label = _("Cakupan pengelola")
    add_to_admin_menu = False
    index_view_class = PengelolaScopeIndexView
    add_view_class = PengelolaScopeCreateView
    edit_view_class = PengelolaScopeEditView
    delete_view_class = PengelolaScopeDeleteView
    edit_handler = ObjectList(
        [FieldPanel("user"), FieldPanel("unit")], base_form_class=PengelolaScopeForm
    )
    list_display = ["user", "unit"]
    search_fields = ["user__display_name", "user__nip", "unit__nama", "unit__kode"]
    copy_view_enabled = False
    inspect_view_enabled = False
