"""NIPs masked wherever text leaves the application: log lines and the audit viewer.

A NIP is 18 digits and encodes a birth date and sex (UU 27/2022). Masking needs only its
shape, so it lives here, below every app; ``accounts.nip`` (which parses and validates
NIPs) reuses the length and ``mask_nip``.
"""

from __future__ import annotations

import re

NIP_LENGTH = 18
# 18 digits not inside a longer run of digits (ids, timestamps in ms, card numbers) and
# not the fraction or integer part of a decimal ("0.004012345678901234s", a task's run
# time): a NIP is never written with a decimal point or comma against its digits. Letters
# next to the digits do not protect them ("NIP199001..." is still a NIP).
NIP_PATTERN = re.compile(rf"(?<!\d)(?<!\d[.,])\d{{{NIP_LENGTH}}}(?!\d)(?![.,]\d)")


def mask_nip(value: str) -> str:
    """Show enough of a NIP to recognise it without disclosing birth date and sex."""
    if len(value) != NIP_LENGTH:
        return "•" * len(value)
    return f"{value[:4]}{'•' * 10}{value[-4:]}"


def mask_nips(text: str) -> str:
    """``text`` with every NIP-shaped run of digits masked."""
    return NIP_PATTERN.sub(lambda match: mask_nip(match.group()), text)
