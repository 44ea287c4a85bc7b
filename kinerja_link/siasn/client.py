"""A client for BKN's SIASN web services (docs/integration-kinerja.md, "SIASN connector").

Two bearer tokens on every call, as BKN documents them: the gateway's (OAuth2 client
credentials at ``SIASN_TOKEN_URL``, header ``Authorization``) and the user's (SSO password
grant at ``SIASN_SSO_TOKEN_URL``, header ``Auth``). Tokens are kept in this process until
they expire; a 401 fetches both again once and repeats the call.

Failures come out as two kinds: ``SiasnUnavailable`` (timeout, no connection, 5xx, 429)
is worth retrying; ``SiasnRejected`` (any other 4xx, or an answer without what we asked
for) is not. Both carry an Indonesian message for the admin.
"""

from __future__ import annotations

import json
import threading
import time
from decimal import Decimal
from typing import Any

import requests

from django.conf import settings
from django.utils.translation import gettext as _

# SIASN's document type for a course certificate (``id_ref_dokumen`` of ``upload-dok``).
DOKUMEN_SERTIFIKAT_KURSUS = "874"
_tokens: dict[str, tuple[str, str, float]] = {}
_tokens_lock = threading.Lock()


class SiasnError(Exception):
    """A call to SIASN that did not do what was asked; ``str()`` is for the admin."""


class SiasnUnavailable(SiasnError):
    """SIASN did not answer in time or answered 5xx/429: try again later."""


class SiasnRejected(SiasnError):
    """SIASN refused the request itself: trying again changes nothing."""


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):  # JP stays exact: 0.44, not 0
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(type(value).__name__)


class SiasnClient:
    def __init__(self, session: requests.Session | None = None) -> None:
        self.session = session or requests.Session()
        self.timeout = (settings.SIASN_CONNECT_TIMEOUT, settings.SIASN_READ_TIMEOUT)
        self.base = settings.SIASN_API_URL.rstrip("/")

    # --- Tokens -----------------------------------------------------------------------

    def _fetch_tokens(self) -> tuple[str, str, float]:
        gateway = self._token_call(
            settings.SIASN_TOKEN_URL,
            auth=(settings.SIASN_CONSUMER_KEY, settings.SIASN_CONSUMER_SECRET),
            data={"grant_type": "client_credentials"},
        )
        user = self._token_call(
            settings.SIASN_SSO_TOKEN_URL,
            data={
                "grant_type": "password",
                "client_id": settings.SIASN_SSO_CLIENT_ID,
                "username": settings.SIASN_SSO_USERNAME,
                "password": settings.SIASN_SSO_PASSWORD,
            },
        )
        lifetime = min(gateway.get("expires_in", 3600), user.get("expires_in", 3600))
        # Renewed a minute early: a token that expires mid-call is a needless 401.
        expires = time.monotonic() + max(int(lifetime) - 60, 0)
        return gateway["access_token"], user["access_token"], expires

    def _token_call(self, url: str, **kwargs: Any) -> dict[str, Any]:
        response = self._send("POST", url, headers={"Accept": "application/json"}, **kwargs)
        if response.status_code != 200:
            raise SiasnRejected(
                _("SIASN menolak kredensial (HTTP %(status)s).") % {"status": response.status_code}
            )
        body = _json(response)
        if not body.get("access_token"):
            raise SiasnRejected(_("SIASN tidak memberi token akses."))
        return body

    def tokens(self, *, renew: bool = False) -> tuple[str, str]:
        with _tokens_lock:
            cached = _tokens.get(self.base)
            if renew or cached is None or cached[2] <= time.monotonic():
                cached = _tokens[self.base] = self._fetch_tokens()
        return cached[0], cached[1]

    # --- Calls ------------------------------------------------------------------------

    def _send(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.Timeout as exc:
            raise SiasnUnavailable(_("SIASN tidak menjawab dalam batas waktu.")) from exc
        except requests.RequestException as exc:
            raise SiasnUnavailable(_("SIASN tidak dapat dihubungi.")) from exc
        if response.status_code >= 500 or response.status_code == 429:
            raise SiasnUnavailable(
                _("SIASN sedang bermasalah (HTTP %(status)s).") % {"status": response.status_code}
            )
        return response

    def call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """One API call with both tokens; on 401 the tokens are renewed and it is repeated."""
        url = f"{self.base}/{path.lstrip('/')}"
        extra = kwargs.pop("headers", {})
        for renew in (False, True):
            gateway, user = self.tokens(renew=renew)
            headers = {
                "Authorization": f"Bearer {gateway}",
                "Auth": f"bearer {user}",
                "Accept": "application/json",
                **extra,
            }
            response = self._send(method, url, headers=headers, **kwargs)
            if response.status_code != 401:
                break
        if response.status_code >= 400:
            raise SiasnRejected(_rejection(response))
        return _json(response)

    def pns_orang_id(self, nip: str) -> str:
        """SIASN's id of the person (``pnsOrangId``), from their NIP."""
        data = self.call("GET", f"pns/data-utama/{nip}").get("data") or {}
        if not isinstance(data, dict) or not data.get("id"):
            raise SiasnRejected(_("NIP tidak ditemukan di SIASN."))
        return str(data["id"])

    def riwayat(self, kind: str, nip: str) -> list[dict[str, Any]]:
        """``pns/rw-<kind>/<nip>``: kursus, kinerjaperiodik, skp22."""
        data = self.call("GET", f"pns/rw-{kind}/{nip}").get("data")
        return [row for row in data if isinstance(row, dict)] if isinstance(data, list) else []

    def upload_dokumen(self, name: str, content: bytes) -> dict[str, Any]:
        files = {"file": (name, content, "application/pdf")}
        data = {"id_ref_dokumen": DOKUMEN_SERTIFIKAT_KURSUS}
        document = self.call("POST", "upload-dok", files=files, data=data).get("data")
        if not isinstance(document, dict) or not document.get("dok_uri"):
            raise SiasnRejected(_("SIASN tidak menyimpan berkas sertifikat."))
        return document

    def kursus_save(self, body: dict[str, Any]) -> str:
        """``kursus/save``: SIASN's id of the Riwayat Kursus it created (or updated)."""
        payload = json.dumps(body, default=_json_default)
        headers = {"Content-Type": "application/json"}
        answer = self.call("POST", "kursus/save", data=payload, headers=headers)
        rw_id = (answer.get("mapData") or {}).get("rwKursusId")
        if not rw_id:
            raise SiasnRejected(str(answer.get("message") or _("SIASN tidak menyimpan kursus.")))
        return str(rw_id)


def _json(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError as exc:
        raise SiasnRejected(_("Jawaban SIASN bukan JSON.")) from exc
    if not isinstance(body, dict):
        raise SiasnRejected(_("Jawaban SIASN tidak dikenali."))
    return body


def _rejection(response: requests.Response) -> str:
    try:
        message = response.json().get("message", "")
    except (ValueError, AttributeError):
        message = ""
    text = _("SIASN menolak permintaan (HTTP %(status)s).") % {"status": response.status_code}
    return f"{text} {message}".strip()[:2000]
