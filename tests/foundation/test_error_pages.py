import pytest

from django.test import Client
from django.urls import path

from bina.urls import urlpatterns as project_urls


def _boom(request):
    raise RuntimeError("rahasia-internal-db-password")


urlpatterns = [path("meledak/", _boom), *project_urls]


@pytest.mark.django_db
def test_404_is_indonesian_and_plain(client):
    response = client.get("/halaman-yang-tidak-ada/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Halaman tidak ditemukan" in body
    assert "Traceback" not in body and "urlpatterns" not in body


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_500_shows_no_internals():
    client = Client(raise_request_exception=False)
    response = client.get("/meledak/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Terjadi kesalahan pada server" in body
    assert "rahasia-internal" not in body
    assert "Traceback" not in body


def test_healthz_is_plain_and_uncached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response.headers["Cache-Control"]
