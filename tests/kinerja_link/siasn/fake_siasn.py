"""A local fake of BKN's SIASN web services for the connector's tests: no test reaches
the internet. It enforces the request shapes the connector must send (the two tokens,
``kursus/save``'s fields and formats, the certificate upload) and can fail on demand:
answer 5xx, answer slowly (past the client's production timeout), or expire its tokens
so that the next call gets a 401.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

CONSUMER = ("bina-key", "bina-secret")
SSO = {"client_id": "bina-client", "username": "operator", "password": "rahasia"}
API = "/apisiasn/1.0/"
DATE = re.compile(r"^\d{2}-\d{2}-\d{4}$")
KURSUS_REQUIRED = {
    "instansiId": str,
    "institusiPenyelenggara": str,
    "jenisDiklatId": str,
    "jenisKursus": str,
    "jenisKursusSertipikat": str,
    "jumlahJam": (int, float),
    "lokasiId": str,
    "namaKursus": str,
    "nomorSertipikat": str,
    "pnsOrangId": str,
    "tahunKursus": int,
    "tanggalKursus": str,
    "tanggalSelesaiKursus": str,
}


class Rejected(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class FakeSiasn:
    """State and switches; ``url`` is set once the server listens."""

    people: dict[str, str] = field(default_factory=dict)  # nip -> pnsOrangId
    kursus: list[dict[str, Any]] = field(default_factory=list)
    kinerja: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # nip -> rows
    documents: list[dict[str, Any]] = field(default_factory=list)
    token_grants: int = 0
    fail_next: list[int] = field(default_factory=list)  # statuses for the next API calls
    fail_always: int | None = None
    # The next ``late_saves`` kursus/save calls store the course, then wait ``save_delay``
    # seconds before answering (past the client's timeout, or until it is killed).
    late_saves: int = 0
    save_delay: float = 0.0
    saving: threading.Event = field(default_factory=threading.Event)
    calls: list[str] = field(default_factory=list)
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)
    tokens: tuple[str, str] = ("", "")

    def expire_tokens(self) -> None:
        self.tokens = (f"gw-{uuid.uuid4().hex}", f"sso-{uuid.uuid4().hex}")

    def settings(self) -> dict[str, object]:
        """The connector's settings (and worker environment) that point at this fake."""
        return {
            "SIASN_ENABLED": True,
            "SIASN_API_URL": f"{self.url}/apisiasn/1.0",
            "SIASN_TOKEN_URL": f"{self.url}/oauth2/token",
            "SIASN_SSO_TOKEN_URL": f"{self.url}/sso/token",
            "SIASN_CONSUMER_KEY": CONSUMER[0],
            "SIASN_CONSUMER_SECRET": CONSUMER[1],
            "SIASN_SSO_CLIENT_ID": SSO["client_id"],
            "SIASN_SSO_USERNAME": SSO["username"],
            "SIASN_SSO_PASSWORD": SSO["password"],
            "SIASN_INSTANSI_ID": "A5EB03E23CCCF6A0E040640A040252AD",
        }

    # --- Endpoints ----------------------------------------------------------------------

    def token(self, path: str, headers: Any, body: bytes) -> dict[str, Any]:
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if path == "/oauth2/token":
            expected = "Basic " + base64.b64encode(":".join(CONSUMER).encode()).decode()
            if headers.get("Authorization") != expected:
                raise Rejected(401, "invalid client")
            if form != {"grant_type": "client_credentials"}:
                raise Rejected(400, "unsupported grant")
            issued = f"gw-{uuid.uuid4().hex}"
            self.tokens = (issued, self.tokens[1])
        else:
            if form != {"grant_type": "password", **SSO}:
                raise Rejected(401, "invalid user")
            issued = f"sso-{uuid.uuid4().hex}"
            self.tokens = (self.tokens[0], issued)
        self.token_grants += 1
        return {"access_token": issued, "expires_in": 3600, "token_type": "Bearer"}

    def check_tokens(self, headers: Any) -> None:
        gateway, user = self.tokens
        if (
            headers.get("Authorization") != f"Bearer {gateway}"
            or headers.get("Auth") != f"bearer {user}"
        ):
            raise Rejected(401, "token tidak berlaku")

    def api(self, method: str, route: str, headers: Any, body: bytes) -> dict[str, Any]:
        self.check_tokens(headers)
        status = self.fail_always or (self.fail_next.pop(0) if self.fail_next else None)
        if status:
            raise Rejected(status, "gangguan")
        if method == "GET" and route.startswith("pns/data-utama/"):
            return self.data_utama(route.rsplit("/", 1)[-1])
        if method == "GET" and route.startswith("pns/rw-kursus/"):
            orang = self.data_utama(route.rsplit("/", 1)[-1])["data"]["id"]
            return {"data": [k for k in self.kursus if k["pnsOrangId"] == orang]}
        for kind in ("kinerjaperiodik", "skp22"):
            if method == "GET" and route.startswith(f"pns/rw-{kind}/"):
                nip = route.rsplit("/", 1)[-1]
                self.data_utama(nip)
                return {
                    "data": [
                        r
                        for r in self.kinerja.get(nip, [])
                        if (kind == "skp22") == ("periodikId" not in r)
                    ]
                }
        if method == "POST" and route == "upload-dok":
            return self.upload(headers, body)
        if method == "POST" and route == "kursus/save":
            return self.save(headers, body)
        raise Rejected(404, "tidak ada")

    def data_utama(self, nip: str) -> dict[str, Any]:
        if nip not in self.people:
            raise Rejected(404, "NIP tidak ditemukan")
        return {"data": {"id": self.people[nip], "nipBaru": nip}}

    def upload(self, headers: Any, body: bytes) -> dict[str, Any]:
        if not headers.get("Content-Type", "").startswith("multipart/form-data"):
            raise Rejected(400, "harus multipart")
        if b'name="id_ref_dokumen"\r\n\r\n874\r\n' not in body:
            raise Rejected(400, "id_ref_dokumen")
        if b'name="file"; filename="' not in body or b"%PDF" not in body:
            raise Rejected(400, "file PDF")
        uri = f"peremajaan/usulan/{uuid.uuid4().hex}.pdf"
        doc = {"dok_id": "874", "dok_nama": "Sertifikat", "dok_uri": uri, "object": uri}
        document = {**doc, "slug": "874"}
        self.documents.append(document)
        return {"success": True, "data": document}

    def save(self, headers: Any, body: bytes) -> dict[str, Any]:
        if not headers.get("Content-Type", "").startswith("application/json"):
            raise Rejected(400, "harus JSON")
        data = json.loads(body)
        problems = [
            name
            for name, kind in KURSUS_REQUIRED.items()
            if name not in data or not isinstance(data[name], kind)
        ]
        problems += [
            d
            for d in ("tanggalKursus", "tanggalSelesaiKursus")
            if not DATE.match(str(data.get(d, "")))
        ]
        if data.get("pnsOrangId") not in self.people.values():
            problems.append("pnsOrangId")
        if data.get("jenisKursusSertipikat") not in {"T", "F", "P"}:
            problems.append("jenisKursusSertipikat")
        if not str(data.get("jenisDiklatId", "")).isdigit() or not data.get("instansiId"):
            problems.append("jenisDiklatId/instansiId")
        if any(p not in self.documents for p in data.get("path", [])):
            problems.append("path")
        if problems:
            raise Rejected(400, "isian salah: " + ", ".join(problems))
        with self.lock:
            existing = next((k for k in self.kursus if k["id"] == data.get("id")), None)
            if existing:
                existing.update(data)
            else:
                self.kursus.append({**data, "id": str(uuid.uuid4())})
            rw_id = (existing or self.kursus[-1])["id"]
        self.saving.set()
        if self.late_saves:
            self.late_saves -= 1
            time.sleep(self.save_delay)  # stored, but the answer comes late (or never)
        return {"success": True, "mapData": {"rwKursusId": rw_id}, "message": "success"}


def _handler(fake: FakeSiasn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet test output
            pass

        def _answer(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            fake.calls.append(f"{method} {self.path}")
            try:
                if self.path in ("/oauth2/token", "/sso/token") and method == "POST":
                    answer, status = fake.token(self.path, self.headers, body), 200
                elif self.path.startswith(API):
                    answer = fake.api(method, self.path[len(API) :], self.headers, body)
                    status = 200
                else:
                    raise Rejected(404, "tidak ada")
            except Rejected as rejected:
                answer, status = {"success": False, "message": str(rejected)}, rejected.status
            payload = json.dumps(answer).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except OSError:
                pass  # the client gave up (timeout) or was killed

        def do_GET(self) -> None:
            self._answer("GET")

        def do_POST(self) -> None:
            self._answer("POST")

    return Handler


def start(fake: FakeSiasn) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
