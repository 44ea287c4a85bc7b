"""A logging filter that masks NIPs in every log record (UU 27/2022).

A NIP is 18 digits and encodes a birth date and sex. Paths, query strings (an admin
search for a NIP), exception messages and third-party log lines can all carry one, so
the filter works on the rendered message rather than trusting each caller. It is
installed on the handlers in ``LOGGING``, which every logger's records pass through.
"""

from __future__ import annotations

import logging

from .nip_masking import mask_nips


class MaskNipFilter(logging.Filter):
    """Rewrite the record's message (and traceback text) with every NIP masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_nips(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_nips(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_nips(record.stack_info)
        return True


def mask_nips_on_handlers(logger: logging.Logger) -> None:
    """For handlers configured outside ``LOGGING`` (Celery's worker sets up its own)."""
    for handler in logger.handlers:
        if not any(isinstance(f, MaskNipFilter) for f in handler.filters):
            handler.addFilter(MaskNipFilter())
