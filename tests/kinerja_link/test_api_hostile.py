"""Hostile bodies against the evaluation API: each is refused with its documented status and an
Indonesian JSON message, never a 500, and nothing is stored.

NUL characters, lone surrogates and non-finite numbers were 500s on PostgreSQL (``jsonb``
refuses them when the import job stored its rows); ``"dry_run": 0`` and ``"rows": []`` were
accepted by the schema.
"""

import json

import pytest

from kinerja_link.models import ApiToken, Evaluasi, ImportJob

URL = "/api/v1/kinerja/evaluasi/"
ENGLISH = ("should", "required", "Cannot", "valid", "Unauthorized", "Input", "Field ")

ROW = '{"nip":"198609262015051001","tahun":2026,"periodikId":2,"periodikNama":"III",%s}'


def body(cells: str = '"hasilKinerjaNilai":1,"perilakuKerjaNilai":1', extra: str = "") -> str:
    return '{"rows":[' + ROW % cells + "]" + extra + "}"


# (what, raw body, status, location of the first error for a 422)
MANY_COLUMNS = ",".join(f'"k{i}":1' for i in range(51))
CASES = [
    ("NUL in a value", body('"hasilKinerjaNilai":"1\\u0000"'), 422, "rows.0.hasilKinerjaNilai"),
    ("NUL in a column name", body('"hasil\\u0000":1'), 422, "rows.0.hasil?"),
    ("escape character", body('"hasilKinerjaNilai":"\\u001b[31m"'), 422, None),
    ("C1 control", body('"hasilKinerjaNilai":"\\u0085"'), 422, None),
    ("lone surrogate", body('"hasilKinerjaNilai":"\\ud800"'), 422, "rows.0.hasilKinerjaNilai"),
    ("lone surrogate in a name", body('"\\udfff":1'), 422, None),
    ("1e400", body('"hasilKinerjaNilai":1e400'), 422, "rows.0.hasilKinerjaNilai"),
    ("-1e400", body('"hasilKinerjaNilai":-1e400'), 422, None),
    ("huge integer", body('"tahun":' + "9" * 40), 422, "rows.0.tahun"),
    ("integer past Python's digit limit", body('"tahun":' + "9" * 5000), 400, None),
    ("NaN", body('"hasilKinerjaNilai":NaN'), 400, None),
    ("Infinity", body('"hasilKinerjaNilai":Infinity'), 400, None),
    ("dry_run 0", body(extra=',"dry_run":0'), 422, "dry_run"),
    ("dry_run 1", body(extra=',"dry_run":1'), 422, "dry_run"),
    ('dry_run "true"', body(extra=',"dry_run":"true"'), 422, "dry_run"),
    ("dry_run null", body(extra=',"dry_run":null'), 422, "dry_run"),
    ("periode a number", body(extra=',"periode":2026'), 422, "periode"),
    ("periode with NUL", body(extra=',"periode":"Triwulan III 2026\\u0000"'), 422, "periode"),
    ("periode too long", body(extra=',"periode":"' + "a" * 101 + '"'), 422, "periode"),
    ("periode empty", body(extra=',"periode":""'), 422, "periode"),
    ("unknown field", body(extra=',"dryrun":true'), 422, "dryrun"),
    ("no rows", '{"rows":[]}', 422, "rows"),
    ("rows missing", '{"dry_run":true}', 422, "rows"),
    ("rows an object", '{"rows":{"nip":"1"}}', 422, "rows"),
    ("row a list", '{"rows":[[1,2]]}', 422, "rows.0"),
    ("empty row", '{"rows":[{}]}', 422, "rows.0"),
    ("cell a list", body('"hasilKinerjaNilai":[1]'), 422, "rows.0.hasilKinerjaNilai"),
    ("cell an object", body('"hasilKinerjaNilai":{"a":1}'), 422, "rows.0.hasilKinerjaNilai"),
    ("cell too long", body('"hasilKinerjaNilai":"' + "1" * 501 + '"'), 422, None),
    ("column name too long", body('"' + "k" * 101 + '":1'), 422, None),
    ("too many columns", '{"rows":[{' + MANY_COLUMNS + "}]}", 422, "rows.0"),
    ("deep nesting in a cell", body('"a":' + "[" * 100 + "]" * 100), 422, "rows.0.a"),
    ("deeper than the parser", '{"rows":' + "[" * 100_000 + "]" * 100_000 + "}", 400, None),
    ("top level a list", "[1,2]", 422, None),
    ("top level a string", '"rows"', 422, None),
    ("not JSON", "rows=1", 400, None),
    ("truncated JSON", '{"rows":[', 400, None),
    ("empty body", "", 422, None),
]


@pytest.fixture
def token(org):
    return ApiToken.issue(name="SIASN", user=org.pengelola.user)[1]


def send(client, token, raw, content_type="application/json", **extra):
    return client.generic(
        "POST",
        URL,
        raw,
        content_type=content_type,
        headers={"Authorization": f"Bearer {token}"},
        **extra,
    )


def assert_indonesian(response):
    assert response["Content-Type"].startswith("application/json")
    answer = response.json()
    texts = [answer["detail"]] + [e["pesan"] for e in answer.get("errors", [])]
    assert texts[0], answer
    for text in texts:
        assert not any(word in text for word in ENGLISH), text
    return answer


def test_hostile_bodies_are_refused_as_documented(client, org, token):
    for what, raw, status, location in CASES:
        response = send(client, token, raw)
        assert response.status_code == status, (what, response.content[:300])
        answer = assert_indonesian(response)
        if status == 422:
            assert answer["errors"], what
        if location:
            assert answer["errors"][0]["lokasi"] == location, (what, answer)
    assert not ImportJob.objects.exists()
    assert not Evaluasi.objects.exists()


def test_invalid_bytes_and_other_encodings_are_refused(client, org, token):
    assert send(client, token, b'{"rows":[{"nip":"\xff"}]}').status_code == 400
    utf16 = '{"rows":[{"nip":"1"}]}'.encode("utf-16")
    assert send(client, token, utf16).status_code == 400
    latin = "application/json; charset=latin-1"
    assert send(client, token, b'{"rows":[{"nip":"1"}]}', latin).status_code == 415
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
    ],
)
def test_other_content_types_get_415(client, org, token, content_type):
    response = send(client, token, body(), content_type)
    assert response.status_code == 415
    assert assert_indonesian(response)["detail"] == "Jenis isi harus application/json (UTF-8)."
    assert not ImportJob.objects.exists()


def test_json_with_a_charset_is_read(client, org, token):
    response = send(client, token, body(), "application/json; charset=UTF-8")
    assert response.status_code == 200, response.content


def test_an_oversize_body_gets_413(client, org, token, settings):
    raw = json.dumps({"rows": [{"nip": "1" * 18, "catatan": "x" * 400}] * 8000})
    assert len(raw) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = send(client, token, raw)
    assert response.status_code == 413
    assert_indonesian(response)
    assert not ImportJob.objects.exists()


def test_more_rows_than_the_limit_get_422(client, org, token, settings):
    settings.KINERJA_API_MAX_ROWS = 3
    response = send(client, token, json.dumps({"rows": [{"nip": "1"}] * 4}))
    assert response.status_code == 422
    assert assert_indonesian(response)["errors"] == [
        {"lokasi": "rows", "pesan": "Paling banyak 3 baris per permintaan."}
    ]
    schema = client.get("/api/v1/openapi.json").json()
    rows = schema["components"]["schemas"]["EvaluasiImportIn"]["properties"]["rows"]
    assert rows["maxItems"] == 3


def test_every_bad_row_is_reported_up_to_a_limit(client, org, token):
    rows = [{"nip": "\u0000"}] * 200
    answer = send(client, token, json.dumps({"rows": rows})).json()
    assert answer["detail"] == "Permintaan tidak sesuai skema: 200 kesalahan."
    assert len(answer["errors"]) == 50


@pytest.mark.parametrize(
    "authorization", [None, "Bearer salah", "Basic dXNlcjpwYXNz", "Bearer ", "Bearer \u00e9"]
)
def test_missing_or_wrong_tokens_get_an_indonesian_401(client, org, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    response = client.post(URL, body(), content_type="application/json", headers=headers)
    assert response.status_code == 401
    assert assert_indonesian(response)["detail"] == "Token API tidak ada atau tidak berlaku."
