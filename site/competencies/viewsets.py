from django.utils.translation import gettext_lazy as _

from competencies.models import Competency
from foundation.admin_viewsets import SnippetViewSet


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
