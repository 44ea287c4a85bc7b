from django.utils.translation import gettext_lazy as _

from wagtail.admin.views import generic

from foundation.admin_viewsets import ModelViewSet
from learning.models import Certificate, LearningRecord


class LearningRecordIndexView(generic.IndexView):
    def get_base_queryset(self):
        # The "user" column names each holder: one join instead of a query per row.
        return super().get_base_queryset().select_related("user")


class LearningRecordViewSet(ModelViewSet):
    """The JP ledger for pengelola: read and export; verification has its own page."""

    model = LearningRecord
    icon = "list-ul"
    menu_label = _("Catatan JP")
    add_to_admin_menu = True
    menu_order = 320
    index_view_class = LearningRecordIndexView
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
    # Required by ModelViewSet; never used, the ledger's policy refuses edits.
    form_fields = ["title"]


class CertificateViewSet(ModelViewSet):
    """Find a certificate by number or holder; revocation happens on its verification page."""

    model = Certificate
    icon = "tick-inverse"
    menu_label = _("Sertifikat")
    add_to_admin_menu = True
    menu_order = 330
    list_display = ["number", "holder_name", "course_title", "jp", "issued_at", "revoked_at"]
    list_filter = ["issued_at"]
    search_fields = ["number", "holder_name", "course_title"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "number",
        "holder_name",
        "course_title",
        "jp",
        "issued_at",
        "signatory_name",
        "revoked_at",
        "revoked_reason",
    ]
    form_fields = ["number"]  # required by ModelViewSet; the policy refuses edits
