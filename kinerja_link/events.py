"""Facts kinerja_link announces, for the apps above it (pembinaan) to act on.

kinerja_link does not import those apps: they subscribe in their ``AppConfig.ready()``.
"""

from django.db import transaction
from django.dispatch import Signal

# Evaluations of ``periode_ids`` within the unit subtrees ``scope_paths`` (("",) = all) were
# created or changed (an import, a pimpinan's perilaku notes). Sent inside the writer's
# transaction; receivers that queue work do so on commit.
evaluations_changed = Signal()

# SKPs of ``pegawai_ids`` were created or changed (the admin, an SKP import). Sent after
# the writer's transaction commits.
skps_changed = Signal()


def announce_skps_changed(*, pegawai_ids: list[int]) -> None:
    transaction.on_commit(lambda: skps_changed.send(sender="kinerja_link", pegawai_ids=pegawai_ids))
