import pytest

from kinerja_link.kuadran import Predikat
from kinerja_link.models import ApiToken, Evaluasi

URL = "/api/v1/kinerja/evaluasi/"


@pytest.fixture
def token(org):
    return ApiToken.issue(name="SIASN", user=org.pengelola.user)[1]


def post(client, token, payload):
    return client.post(
        URL, payload, content_type="application/json", headers={"Authorization": f"Bearer {token}"}
    )


def row(pegawai, hasil, perilaku, **extra):
    return {
        "nip": int(pegawai.nip),
        "tahun": 2026,
        "periodikId": 2,
        "periodikNama": "III",
        "hasilKinerjaNilai": hasil,
        "perilakuKerjaNilai": perilaku,
        **extra,
    }


def test_import_through_the_api(client, org, token):
    a, b, c = org.staff
    payload = {
        "rows": [row(a, 1, 3), row(b, "Sesuai", "Di Atas", kuadranKinerjaNilai=1), row(c, 9, 1)]
    }
    response = post(client, token, payload)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["created"], body["predikat_mismatch"], body["error_count"]) == (2, 1, 1)
    assert body["errors"][0]["baris"] == 4
    assert Evaluasi.objects.get(pegawai=a).predikat == Predikat.KURANG

    again = post(client, token, {"rows": payload["rows"][:2]}).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 2)
    assert ApiToken.objects.get().last_used_at is not None


def test_token_is_required_and_stored_hashed(client, org, token):
    assert token not in ApiToken.objects.values_list("token_hash", flat=True)
    assert post(client, "salah", {"rows": []}).status_code == 401
    assert client.post(URL, {"rows": []}, content_type="application/json").status_code == 401
    ApiToken.objects.update(is_active=False)
    assert post(client, token, {"rows": [row(org.staff[0], 1, 1)]}).status_code == 401


def test_token_of_a_non_pengelola_is_forbidden(client, org):
    raw = ApiToken.issue(name="x", user=org.staff[0].user)[1]
    response = post(client, raw, {"rows": [row(org.staff[0], 1, 1)]})
    assert response.status_code == 403
    assert not Evaluasi.objects.exists()


def test_rows_refused_as_a_whole_get_400(client, org, token):
    assert "RATING HASIL KERJA" in post(client, token, {"rows": [{"nip": "1"}]}).json()["detail"]
    response = post(client, token, {"rows": [row(org.staff[0], 1, 1)], "periode": "Semester 9"})
    assert response.status_code == 400
    assert response.json()["detail"]


def test_schema_violations_get_422_with_each_location(client, org, token, settings):
    assert post(client, token, {"rows": []}).json() == {
        "detail": "Permintaan tidak sesuai skema: 1 kesalahan.",
        "errors": [{"lokasi": "rows", "pesan": "Paling sedikit 1 isian."}],
    }
    settings.KINERJA_API_MAX_ROWS = 1
    rows = [row(p, 1, 1) for p in org.staff]
    assert post(client, token, {"rows": rows}).status_code == 422
    assert not Evaluasi.objects.exists()


def test_a_dry_run_stores_no_evaluation(client, org, token):
    response = post(client, token, {"rows": [row(org.staff[0], 1, 1)], "dry_run": True})
    assert response.status_code == 200, response.content
    assert response.json()["dry_run"] is True
    assert not Evaluasi.objects.exists()


@pytest.mark.django_db
def test_openapi_schema_documents_the_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["post"]
    assert operation["summary"] == "Impor evaluasi kinerja"
    assert client.get("/api/v1/docs").status_code == 200
