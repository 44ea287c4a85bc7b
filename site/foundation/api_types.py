"""Field types for the JSON API that validate what PostgreSQL can store and say so in the schema.

Each type checks a value in Python and declares the same rule in its JSON schema, so the
OpenAPI document matches behaviour: a request built from the schema is accepted, one that
breaks it is refused with a 422 (``foundation.api_errors``). Text may hold tabs and line
breaks but no other control character (NUL is refused by ``jsonb``) and no lone surrogate
(not UTF-8); numbers are finite and within ``NUMBER_LIMIT``.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, cast

from pydantic import Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from django.utils.translation import gettext as _

# C0 controls but tab, LF and CR; DEL and C1 controls. Lone UTF-16 surrogates are refused
# too, but left out of the schema's pattern: no JSON text made of Unicode characters holds
# one, and schema validators (Rust's regex) cannot compile the range.
_CONTROLS = "\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F"
TEXT_PATTERN = f"^[^{_CONTROLS}]*$"
_FORBIDDEN_RE = re.compile(f"[{_CONTROLS}\\uD800-\\uDFFF]")

# 18 digits: a NIP sent as a number still fits, anything larger is no value we read.
NUMBER_LIMIT = 10**18 - 1


def _error(kind: str, message: str) -> PydanticCustomError:
    # The message is translated already; braces would be read as a template.
    return PydanticCustomError(f"bina_{kind}", message.replace("{", "(").replace("}", ")"))


def text_check(value: Any, *, max_length: int) -> str:
    if not isinstance(value, str):
        raise _error("text_type", _("Harus teks."))
    if len(value) > max_length:
        message = _("Paling panjang %(n)d karakter.") % {"n": max_length}
        raise _error("text_too_long", message)
    if _FORBIDDEN_RE.search(value):
        raise _error("text_control", _("Teks berisi karakter kendali atau karakter tidak sah."))
    return value


def text_schema(*, max_length: int, min_length: int = 0) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "maxLength": max_length, "pattern": TEXT_PATTERN}
    if min_length:
        schema["minLength"] = min_length
    return schema


def SafeText(max_length: int, *, min_length: int = 0) -> Any:
    """A string of at most ``max_length`` characters, no control characters."""

    def check(value: Any) -> str:
        text = text_check(value, max_length=max_length)
        if len(text) < min_length:
            raise _error("text_too_short", _("Tidak boleh kosong."))
        return text

    schema = text_schema(max_length=max_length, min_length=min_length)
    return Annotated[str, PlainValidator(check), WithJsonSchema(schema)]


def number_check(value: int | float) -> int | float:
    if isinstance(value, float) and not math.isfinite(value):
        raise _error("number_not_finite", _("Angka terlalu besar atau tidak terhingga."))
    if abs(value) > NUMBER_LIMIT:
        message = _("Angka di luar jangkauan (paling besar %(n)d digit).") % {"n": 18}
        raise _error("number_range", message)
    return value


def scalar_check(value: Any, *, max_length: int) -> str | int | float | bool | None:
    """A JSON scalar: text, a finite number, true/false or null; never an array or object."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return number_check(value)
    if isinstance(value, str):
        return text_check(value, max_length=max_length)
    raise _error("scalar_type", _("Harus teks, angka, true/false atau null."))


def scalar_schema(*, max_length: int) -> dict[str, Any]:
    number = {"minimum": -NUMBER_LIMIT, "maximum": NUMBER_LIMIT}
    return {
        "anyOf": [
            text_schema(max_length=max_length),
            {"type": "integer", **number},
            {"type": "number", **number},
            {"type": "boolean"},
            {"type": "null"},
        ]
    }


def JsonScalar(max_length: int) -> Any:
    def check(value: Any) -> str | int | float | bool | None:
        return scalar_check(value, max_length=max_length)

    schema = scalar_schema(max_length=max_length)
    return Annotated[str | int | float | bool | None, PlainValidator(check), WithJsonSchema(schema)]


def JsonRecord(*, max_properties: int, key_length: int, value_length: int) -> Any:
    """A flat JSON object: named columns (non-empty safe text) holding JSON scalars."""
    key = SafeText(key_length, min_length=1)
    # The key rule twice: propertyNames says it plainly, patternProperties is the form
    # schema-driven generators (hypothesis-jsonschema, schemathesis) honour.
    key_pattern = f"^[^{_CONTROLS}]{{1,{key_length}}}$"
    schema = {
        "type": "object",
        "minProperties": 1,
        "maxProperties": max_properties,
        "propertyNames": text_schema(max_length=key_length, min_length=1),
        "patternProperties": {key_pattern: scalar_schema(max_length=value_length)},
        "additionalProperties": False,
    }
    # Built at run time from two annotated types, so subscripted through Any for mypy.
    record = cast(Any, dict)[key, JsonScalar(value_length)]
    return Annotated[record, Field(min_length=1, max_length=max_properties), WithJsonSchema(schema)]
