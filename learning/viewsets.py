from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.models import Competency, LearningRecord


class CompetencyViewSet(SnippetViewSet):
    model = Competency
    icon = "pick"
    menu_label = _("Kompetensi")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["code", "name", "kind", "parent", "has_levels"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    list_export = ["code", "name", "kind", "parent", "has_levels", "description"]
    ordering = ["kind", "sort_order", "code"]


class LearningRecordViewSet(ModelViewSet):
    """The JP ledger for pengelola: read and export; verification has its own page."""

    model = LearningRecord
    icon = "list-ul"
    menu_label = _("Catatan JP")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["title", "user", "jp", "end_date", "source", "verification_status"]
    list_filter = ["source", "verification_status", "jenis_diklat_id"]
    search_fields = ["title", "institution", "certificate_number"]
    list_export = [
        "user",
        "title",
        "institution",
        "jenis_diklat_id",
        "jp",
        "start_date",
        "end_date",
        "certificate_number",
        "verification_status",
    ]
    inspect_view_enabled = True
    form_fields = ["title", "institution", "certificate_number"]
