"""participation's registrations with Wagtail: the moderation queue and services in the
admin, log-action labels, and the columns a personal-data erasure must sweep."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from foundation.personal_data import PERSONAL_TEXT_COLUMNS_HOOK

from .models import Layanan, PublicFeedback, SurveyResponse
from .viewsets import PARTICIPATION_VIEWSETS, ModeratorPolicy, UnitManagerPolicy

register_permission_policy(PublicFeedback, ModeratorPolicy(PublicFeedback))
register_permission_policy(Layanan, UnitManagerPolicy(Layanan))


@hooks.register("register_admin_viewset")
def register_participation_viewsets():
    return [viewset() for viewset in PARTICIPATION_VIEWSETS]


@hooks.register("register_log_actions")
def register_participation_log_actions(actions):
    actions.register_action(
        "participation.feedback.moderate",
        _("Moderasi masukan publik"),
        _("Masukan publik dimoderasi"),
    )
    actions.register_action(
        "participation.feedback.sender_erased",
        _("Hapus e-mail pengirim masukan"),
        _("E-mail pengirim masukan dihapus"),
    )


@hooks.register(PERSONAL_TEXT_COLUMNS_HOOK)
def participation_personal_text_columns():
    # The sender's own e-mail, and free text the public wrote that may quote a pegawai's
    # name or NIP: an erasure of that pegawai replaces the copies in place.
    return [
        (PublicFeedback, ("sender_email", "text", "answer")),
        (SurveyResponse, ("saran",)),
    ]
