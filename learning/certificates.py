"""Certificate PDFs: an HTML/CSS template rendered by WeasyPrint, with a QR code."""

from __future__ import annotations

import base64
import io
import uuid as uuid_module

import qrcode
import qrcode.image.svg
from weasyprint import HTML

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from learning.models import Certificate


def verification_url(certificate: Certificate) -> str:
    return verification_url_for(certificate.uuid)


def verification_url_for(uuid: uuid_module.UUID | str) -> str:
    """The public check page of a certificate: on the PDF's QR and in the SIASN export."""
    base = getattr(settings, "BINA_PUBLIC_BASE_URL", settings.WAGTAILADMIN_BASE_URL)
    return base.rstrip("/") + reverse("learning:certificate_verify", kwargs={"uuid": uuid})


def qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def render_html(certificate: Certificate) -> str:
    """The HTML WeasyPrint turns into the PDF (autoescaped like any page)."""
    url = verification_url(certificate)
    # Workers have no request: the certificate is Indonesian whatever the last task activated.
    with translation.override("id"):
        html = render_to_string(
            "learning/certificate_pdf.html",
            {
                "certificate": certificate,
                "verification_url": url,
                "qr": qr_data_uri(url),
                "jp_minutes": certificate.jp * settings.JP_MINUTES,
            },
        )
    return html


def html_to_pdf(html: str) -> bytes:
    """The one WeasyPrint call: certificates and the personal-data export both use it."""
    return HTML(string=html).write_pdf()


def render_pdf(certificate: Certificate) -> bytes:
    return html_to_pdf(render_html(certificate))
