from django.apps import AppConfig


class BinaConfig(AppConfig):
    """The project package as an app, so that its commands (seed_demo, seed_scale) and its
    historical migrations load, and so that it joins the apps' page trees at start-up.
    Infrastructure lives in ``foundation``."""

    name = "bina"
    verbose_name = "Bina ASN"

    def ready(self):
        from .page_tree import join_page_tree

        join_page_tree()
