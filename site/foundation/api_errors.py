"""The JSON API's error answers: every refusal is JSON with an Indonesian ``detail``.

Ninja's own answers are English ("Unauthorized", Pydantic's messages) and turn any body it
cannot read into a 400; these handlers keep the statuses the OpenAPI schema documents:

- 400 the body is not JSON (or the endpoint refused the content as a whole),
- 401 no valid token, 413 the body is over ``DATA_UPLOAD_MAX_MEMORY_SIZE``,
- 415 not ``application/json``, 422 JSON that breaks the schema, with each field's location.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from .api_body import BodyRefused

MAX_REPORTED_ERRORS = 50


class ErrorOut(Schema):
    detail: str


class FieldError(Schema):
    lokasi: str
    pesan: str


class ValidationErrorOut(Schema):
    detail: str
    errors: list[FieldError]


def _messages() -> dict[str, Callable[[dict[str, Any]], str]]:
    # Pydantic's error types that our schemas can produce; ours (bina_*) carry their text.
    return {
        "missing": lambda ctx: _("Wajib diisi."),
        "extra_forbidden": lambda ctx: _("Isian tidak dikenal."),
        "bool_type": lambda ctx: _("Harus true atau false (bukan angka atau teks)."),
        "string_type": lambda ctx: _("Harus teks."),
        "list_type": lambda ctx: _("Harus daftar (array JSON)."),
        "dict_type": lambda ctx: _("Harus objek JSON."),
        "model_type": lambda ctx: _("Harus objek JSON."),
        "model_attributes_type": lambda ctx: _("Harus objek JSON."),
        "too_short": lambda ctx: _("Paling sedikit %(n)s isian.") % {"n": ctx.get("min_length")},
        "too_long": lambda ctx: _("Paling banyak %(n)s isian.") % {"n": ctx.get("max_length")},
    }


def error_message(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    if kind.startswith("bina_"):
        return str(error.get("msg", ""))
    translate = _messages().get(kind)
    return translate(error.get("ctx") or {}) if translate else _("Nilai tidak sah.")


_UNSAFE = re.compile("[\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]")


def error_location(loc: tuple[Any, ...] | list[Any]) -> str:
    """``rows.0.nip``: the body's path without Ninja's ``body``/parameter prefix; a column
    name is shown without control characters and cut to 40 characters."""
    parts = list(loc)[2:] if list(loc)[:1] == ["body"] else list(loc)
    shown = [_UNSAFE.sub("?", str(p))[:40] for p in parts if p != "[key]"]
    return ".".join(shown) or _("badan permintaan")


def validation_errors(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    shown = errors[:MAX_REPORTED_ERRORS]
    return [{"lokasi": error_location(e.get("loc", ())), "pesan": error_message(e)} for e in shown]


def install_error_handlers(api: NinjaAPI) -> None:
    # Ninja types a handler's exception as "the class or an instance"; ours get instances.
    def answer(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    def on_validation(request: HttpRequest, exc: Any) -> HttpResponse:
        errors = validation_errors(list(exc.errors))
        detail = _("Permintaan tidak sesuai skema: %(n)d kesalahan.") % {"n": len(exc.errors)}
        return answer(request, 422, {"detail": detail, "errors": errors})

    def on_http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        cause = exc.__cause__
        if isinstance(cause, BodyRefused):
            return answer(request, cause.status, {"detail": cause.message})
        return answer(request, exc.status_code, {"detail": str(exc)})

    def on_auth(request: HttpRequest, exc: Any) -> HttpResponse:
        return answer(request, 401, {"detail": _("Token API tidak ada atau tidak berlaku.")})

    def on_too_big(request: HttpRequest, exc: Any) -> HttpResponse:
        return answer(request, 413, {"detail": _("Badan permintaan terlalu besar.")})

    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(AuthenticationError, on_auth)
    api.add_exception_handler(RequestDataTooBig, on_too_big)
