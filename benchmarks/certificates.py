"""Certificate PDFs per second on one worker (one process, as one Celery worker slot).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<seed_scale db> \
        PYTHONPATH=site:. .venv/bin/python benchmarks/certificates.py [--count 50]

Renders seed_scale certificates that have no PDF yet through the same service the Celery
task calls (``certificate_render``: WeasyPrint, QR code, file write, row update), in one
process, and prints PDFs per second; also the bare ``render_pdf`` rate (no storage, no
database). Media goes to a temporary folder, and the rendered files are detached again.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bina.settings.dev")
sys.path[:0] = ["site", "."]

import django  # noqa: E402

django.setup()

from django.test.utils import override_settings  # noqa: E402

from learning.certificates import render_pdf  # noqa: E402
from learning.models import Certificate  # noqa: E402
from learning.services import certificate_render  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50)
    args = parser.parse_args()
    ids = list(
        Certificate.objects.filter(pdf="").order_by("pk").values_list("pk", flat=True)[: args.count]
    )
    if len(ids) < args.count:
        sys.exit("Butuh sertifikat tanpa PDF: jalankan seed_scale dulu.")
    render_pdf(Certificate.objects.get(pk=ids[0]))  # warm: fonts, templates
    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(MEDIA_ROOT=media, BINA_PRIVATE_MEDIA_ROOT=media),
    ):
        started = time.perf_counter()
        for pk in ids:
            certificate_render(certificate_id=pk)
        service = time.perf_counter() - started
        Certificate.objects.filter(pk__in=ids).update(pdf="", render_ms=None)
    certificates = list(Certificate.objects.filter(pk__in=ids))
    started = time.perf_counter()
    for certificate in certificates:
        render_pdf(certificate)
    bare = time.perf_counter() - started
    print(f"{args.count} sertifikat, satu proses")
    print(
        f"certificate_render (layanan lengkap): {args.count / service:6.1f} PDF/s "
        f"({1000 * service / args.count:.0f} ms per PDF)"
    )
    print(
        f"render_pdf saja:                      {args.count / bare:6.1f} PDF/s "
        f"({1000 * bare / args.count:.0f} ms per PDF)"
    )


if __name__ == "__main__":
    main()
