"""Panels other apps add to "Belajar Saya" without learning importing them.

kinerja_link registers its assignments panel in its ``AppConfig.ready()``::

    from learning.dashboard import DashboardPanel, register_panel

    register_panel(DashboardPanel(
        slot="assignments", template_name="kinerja_link/panels/assignments.html",
        get_context=lambda user: {"assignments": assignments_for(user)},
    ))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

SLOTS = ("assignments", "extra")


@dataclass(frozen=True)
class DashboardPanel:
    slot: str
    template_name: str
    get_context: Callable[..., dict]
    order: int = 0


_panels: list[DashboardPanel] = []


def register_panel(panel: DashboardPanel) -> DashboardPanel:
    if panel.slot not in SLOTS:
        raise ValueError(f"Unknown dashboard slot {panel.slot!r}; use one of {SLOTS}")
    if panel not in _panels:
        _panels.append(panel)
    return panel


def unregister_panel(panel: DashboardPanel) -> None:
    if panel in _panels:
        _panels.remove(panel)


def render_slot(slot: str, *, request) -> list[SafeString]:
    panels = sorted((p for p in _panels if p.slot == slot), key=lambda p: p.order)
    return [
        render_to_string(p.template_name, p.get_context(request.user), request=request)
        for p in panels
    ]
