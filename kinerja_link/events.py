"""Facts kinerja_link announces, for the apps above it (pembinaan) to act on.

kinerja_link does not import those apps: they subscribe in their ``AppConfig.ready()``.
"""

from django.dispatch import Signal

# Evaluations of ``periode_ids`` within the unit subtrees ``scope_paths`` (("",) = all) were
# created or changed (an import, a pimpinan's perilaku notes). Sent inside the writer's
# transaction; receivers that queue work do so on commit.
evaluations_changed = Signal()
