from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The site's root page: what Bina ASN is and where to go next."""

    hero_title = models.CharField(
        _("judul utama"), max_length=200, default="Bangga Melayani Bangsa"
    )
    hero_intro = models.TextField(
        _("pengantar"),
        blank=True,
        help_text=_("Satu atau dua kalimat di bawah judul utama."),
    )

    content_panels = [*Page.content_panels, FieldPanel("hero_title"), FieldPanel("hero_intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")
