"""The JSON API's request body: read strictly, refused with a status and an Indonesian message.

Python's ``json`` accepts ``NaN``, ``Infinity`` and any content type, and reads ``1e400`` as
infinity; PostgreSQL's ``jsonb`` refuses all three (and NUL characters), so such a body ended
in a 500 when the import stored it. Here the body must be UTF-8 JSON sent as
``application/json``; non-finite numbers are left as ``inf`` for the schema to refuse with the
field's location (``foundation.api_types``), and everything unreadable is a 400.
"""

from __future__ import annotations

import json
from typing import Any

from ninja.parser import Parser

from django.http import HttpRequest
from django.utils.translation import gettext as _


class BodyRefused(Exception):
    """Raised while reading a body; ``foundation.api_errors`` answers ``status`` with
    ``message`` (Ninja wraps every parser error into a 400 "Cannot parse request body")."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _refuse_constant(name: str) -> Any:
    message = _("Badan permintaan bukan JSON yang sah: %(nilai)s bukan angka JSON.")
    raise BodyRefused(400, message % {"nilai": name})


def check_content_type(request: HttpRequest) -> None:
    media = (request.content_type or "").lower()
    charset = (request.content_params or {}).get("charset", "utf-8").lower()
    if media != "application/json" or charset not in ("utf-8", "utf8"):
        raise BodyRefused(415, _("Jenis isi harus application/json (UTF-8)."))


def decode_json(raw: bytes) -> Any:
    """Strict JSON: UTF-8 only, no ``NaN``/``Infinity`` literals, no nesting past Python's
    recursion limit (refused, not crashed)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BodyRefused(400, _("Badan permintaan bukan teks UTF-8.")) from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise BodyRefused(400, _("Struktur JSON terlalu dalam.")) from None
    except json.JSONDecodeError as exc:
        message = _("Badan permintaan bukan JSON yang sah (baris %(baris)d, kolom %(kolom)d).")
        raise BodyRefused(400, message % {"baris": exc.lineno, "kolom": exc.colno}) from None
    except ValueError:  # an integer past Python's digit limit (4,300 digits)
        raise BodyRefused(400, _("Badan permintaan berisi angka yang terlalu panjang.")) from None


class StrictJsonParser(Parser):
    def parse_body(self, request: HttpRequest) -> Any:
        check_content_type(request)
        return decode_json(request.body)
