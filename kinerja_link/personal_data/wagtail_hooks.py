"""Personal data's registrations: its screens under the Pegawai admin and its log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

from kinerja_link.viewsets import PEGAWAI_ADMIN_URLS_HOOK, PEGAWAI_HEADER_BUTTONS_HOOK

from . import views
from .erasure import ERASE_ACTION
from .export import EXPORT_ACTION


@hooks.register(PEGAWAI_ADMIN_URLS_HOOK)
def personal_data_urls():
    return [
        path("<int:pk>/data-pribadi/", views.PersonalDataView.as_view(), name="data_pribadi"),
        path("<int:pk>/data-pribadi/json/", views.export_json, name="data_pribadi_json"),
        path("<int:pk>/data-pribadi/pdf/", views.export_pdf, name="data_pribadi_pdf"),
        path(
            "<int:pk>/data-pribadi/hapus/", views.ErasureView.as_view(), name="data_pribadi_hapus"
        ),
    ]


@hooks.register(PEGAWAI_HEADER_BUTTONS_HOOK)
def personal_data_button(pegawai, user):
    url = reverse("pegawai:data_pribadi", args=[pegawai.pk])
    return [Button(_("Data pribadi"), url=url, icon_name="user", priority=40)]


@hooks.register("register_log_actions")
def register_personal_data_log_actions(actions):
    actions.register_action(EXPORT_ACTION, _("Ekspor data pribadi"), _("Mengekspor data pribadi"))
    actions.register_action(
        ERASE_ACTION, _("Hapus data pribadi"), _("Menghapus (memseudonimkan) data pribadi")
    )
