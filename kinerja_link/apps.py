from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaLinkConfig(AppConfig):
    name = "kinerja_link"
    verbose_name = _("Kinerja")

    def ready(self):
        from learning.scopes import register_pengelola_scope

        from .learning_scope import unit_subtree_scope

        register_pengelola_scope(unit_subtree_scope)
