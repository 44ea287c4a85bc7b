"""Facts participation announces for pembinaan (above it) to act on. Sent after commit;
receivers get ids only. pembinaan connects in its ``ready()``."""

from django.db import transaction
from django.dispatch import Signal

# kwargs: unit_id, periode, ikm (str, two decimals), threshold (str), pimpinan_user_ids
unit_ikm_below_threshold = Signal()
# kwargs: feedback_id, layanan_public_id, layanan_name, pimpinan_user_ids — approved
# feedback about a service given by the unit's staff (never naming a person)
staff_service_feedback = Signal()
# kwargs: none — SKM answers or answered feedback changed the public figures
public_figures_changed = Signal()


def announce(signal: Signal, **kwargs) -> None:
    transaction.on_commit(lambda: signal.send(sender="participation", **kwargs))
