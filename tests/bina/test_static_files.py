"""Production static files: fingerprinted, compressed, and cached for a year by browsers.

Runs collectstatic and a request in a subprocess with the production settings, the way a
deploy does: whitenoise only knows its files after collectstatic.
"""

import json
import subprocess
import sys

from .test_settings import PRODUCTION_ENV, ROOT, clean_environ

SCRIPT = """
import json, django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client
call_command("collectstatic", interactive=False, verbosity=0)
url = static("css/bina.css")
client = Client()
response = client.get(url, HTTP_HOST="bina.example.go.id", HTTP_ACCEPT_ENCODING="gzip", secure=True)
root = settings.STATIC_ROOT
print(json.dumps({
    "storage": settings.STORAGES["staticfiles"]["BACKEND"], "url": url,
    "status": response.status_code, "cache": response.get("Cache-Control", ""),
    "encoding": response.get("Content-Encoding", ""),
    "gz": sorted(p.name for p in root.glob("css/bina.*.css.gz")),
    "manifest": (root / "staticfiles.json").exists(),
}))
"""


def test_collectstatic_fingerprints_compresses_and_caches_for_a_year(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env={**clean_environ(), **PRODUCTION_ENV, "BINA_VAR_DIR": str(tmp_path)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["storage"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["manifest"]
    assert found["url"].startswith("/static/css/bina.") and found["url"] != "/static/css/bina.css"
    assert found["gz"], "no gzip copy of the fingerprinted stylesheet"
    assert found["status"] == 200
    assert found["encoding"] == "gzip"
    assert "immutable" in found["cache"]
    assert int(found["cache"].split("max-age=")[1].split(",")[0]) >= 365 * 24 * 3600
