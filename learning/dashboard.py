"""Panels other apps add to "Belajar Saya" without learning importing them.

An app registers a Wagtail hook in its ``wagtail_hooks.py`` that returns a panel::

    @hooks.register(DASHBOARD_PANEL_HOOK)  # "bina_dashboard_panel"
    def assignments_panel():
        return DashboardPanel(
            slot="assignments", template_name="kinerja_link/panels/assignments.html",
            get_context=lambda user: {"assignments": assignments_for(user)},
        )
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from wagtail import hooks

DASHBOARD_PANEL_HOOK = "bina_dashboard_panel"
SLOTS = ("assignments", "extra")


@dataclass(frozen=True)
class DashboardPanel:
    slot: str
    template_name: str
    get_context: Callable[..., dict]
    order: int = 0

    def __post_init__(self):
        if self.slot not in SLOTS:
            raise ValueError(f"Unknown dashboard slot {self.slot!r}; use one of {SLOTS}")


def panels() -> list[DashboardPanel]:
    """Every registered panel, each once, in the order the hooks give them."""
    found = [make_panel() for make_panel in hooks.get_hooks(DASHBOARD_PANEL_HOOK)]
    return list(dict.fromkeys(found))


def render_slot(slot: str, *, request) -> list[SafeString]:
    in_slot = sorted((p for p in panels() if p.slot == slot), key=lambda p: p.order)
    return [
        render_to_string(p.template_name, p.get_context(request.user), request=request)
        for p in in_slot
    ]
