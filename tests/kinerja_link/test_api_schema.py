"""The OpenAPI schema against the API's behaviour, property-based (schemathesis).

Schemathesis reads ``/api/v1/openapi.json`` and generates requests that fit the schema and
requests that break it (wrong types, ``0`` for a boolean, control characters, missing or
unknown fields, empty or oversize arrays, other content types). Each is sent through Django's
test client with a valid token and its answer checked: never a 5xx, a status the schema
documents, a body of the documented shape and content type; a request that fits the schema
is never refused as one that does not (it may still be a 400: rows without the required
columns are refused as a whole), and one that breaks it is never accepted.

The row limit is lowered to 5 first: the schema follows the setting, and the generated
arrays stay small. Schemathesis's own pytest runner (``schema.parametrize``) does not run
under the pinned pytest 9, so its strategies are drawn in a plain Hypothesis test.
"""

import json

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.transport import Response
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from kinerja_link.models import ApiToken, ImportJob

URL = "/api/v1/kinerja/evaluasi/"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
    positive_data_acceptance,
]
CONFIG = {
    "checks": {
        # 400: the rows fit the schema but lack the required columns (refused as a whole).
        "positive_data_acceptance": {"expected-statuses": [200, 400]},
        "negative_data_rejection": {"expected-statuses": [400, 413, 415, 422]},
    },
}


@pytest.fixture
def operation(client, settings):
    settings.KINERJA_API_MAX_ROWS = 5
    document = client.get("/api/v1/openapi.json").json()
    schema = schemathesis.openapi.from_dict(document, config=schemathesis.Config.from_dict(CONFIG))
    return schema[URL]["POST"]


@pytest.fixture
def token(org):
    return ApiToken.issue(name="schemathesis", user=org.pengelola.user)[1]


def send(client, case, token):
    """The case as ``requests`` would send it, through Django's test client."""
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    kwargs["headers"] = {**(kwargs.get("headers") or {}), "Authorization": f"Bearer {token}"}
    prepared = requests.Request(**kwargs).prepare()
    headers = dict(prepared.headers)
    content_type = headers.pop("Content-Type", "")
    answer = client.generic(
        prepared.method,
        prepared.path_url,
        prepared.body or b"",
        content_type=content_type,
        headers=headers,
    )
    return Response(
        status_code=answer.status_code,
        headers={name.lower(): [value] for name, value in answer.items()},
        content=answer.content,
        request=prepared,
        elapsed=0.0,
        verify=False,
    )


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_api_behaves_as_its_schema_says(client, operation, token, mode, data):
    case = data.draw(operation.as_strategy(mode))
    case.validate_response(send(client, case, token), checks=CHECKS)


# Hand-written properties for the two rules a generator from the schema rarely hits: a
# boolean that is not a JSON boolean, and a control character somewhere in a text.
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=5,
)
# What a lax parser reads as a boolean; each must be refused.
LAX_BOOLEANS = [0, 1, 0.0, 1.0, "true", "false", "1", "0", "yes", "no", "on", "off", "t", "f"]
CONTROLS = [
    chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
]
LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
ROW = {"nip": "198609262015051001", "hasilKinerjaNilai": 1, "perilakuKerjaNilai": 1}
PROPERTY_SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def post_json(client, token, payload):
    raw = json.dumps(payload)  # ensure_ascii: control characters and surrogates as \u escapes
    return client.generic(
        "POST", URL, raw, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )


@PROPERTY_SETTINGS
@given(value=st.sampled_from(LAX_BOOLEANS) | JSON_VALUES.filter(lambda v: type(v) is not bool))
def test_dry_run_is_a_json_boolean_or_refused(client, token, value):
    response = post_json(client, token, {"rows": [ROW], "dry_run": value})
    assert response.status_code == 422
    assert response.json()["errors"][0]["lokasi"] == "dry_run"


@PROPERTY_SETTINGS
@given(
    before=st.text(max_size=5),
    bad=st.sampled_from(CONTROLS + LONE_SURROGATES),
    after=st.text(max_size=5),
    place=st.sampled_from(["column", "cell", "periode"]),
)
def test_a_control_character_anywhere_is_refused(client, token, before, bad, after, place):
    text = before + bad + after
    row = {**ROW, text: 1} if place == "column" else {**ROW, "catatan": text}
    payload = {"rows": [row], "periode": text if place == "periode" else None}
    response = post_json(client, token, payload)
    assert response.status_code == 422, response.content
    assert not ImportJob.objects.exists()
