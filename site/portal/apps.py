from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal publik")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from wagtail.signals import page_published, page_unpublished, post_page_move

        from foundation.cache import cache_recovered

        from .page_cache import invalidate_after_outage, invalidate_on_change

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(invalidate_on_change, dispatch_uid=f"portal-cache-{id(signal)}")
        post_delete.connect(
            invalidate_on_change, sender="wagtailcore.Page", dispatch_uid="portal-cache-delete"
        )
        cache_recovered.connect(invalidate_after_outage, dispatch_uid="portal-cache-recovered")
