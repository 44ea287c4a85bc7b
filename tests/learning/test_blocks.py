import io

import pytest
from PIL import Image as PILImage

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents.models import Document
from wagtail.images.models import Image

from competencies.models import Competency
from learning import services
from learning.models import LessonPage

pytestmark = pytest.mark.django_db


def png() -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(buffer, "PNG")
    return ImageFile(buffer, name="gambar.png")


def test_every_lesson_block_renders(client, course, pegawai):
    image = Image.objects.create(title="Gambar", file=png())
    document = Document.objects.create(title="Panduan SKP", file=ContentFile(b"%PDF-1.4", "p.pdf"))
    guide = Competency.objects.get(code="KL-2")
    lesson = course.add_child(
        instance=LessonPage(
            title="Semua blok",
            slug="semua-blok",
            body=[
                ("heading", {"text": "Bagian satu", "level": "h2"}),
                ("paragraph", "<p>Paragraf <b>tebal</b>.</p>"),
                (
                    "image",
                    {
                        "image": {"image": image, "alt_text": "Kotak merah", "decorative": False},
                        "caption": "Keterangan",
                    },
                ),
                ("quote", {"text": "Bangga melayani bangsa", "attribution": "KemenPANRB"}),
                ("callout", {"kind": "penting", "title": "Awas", "text": "<p>Hati-hati</p>"}),
                ("document", {"document": document, "description": "Unduh ini"}),
                ("key_points", {"title": "Poin", "points": ["Satu", "Dua"]}),
                ("reflection", {"prompt": "Apa yang Anda pelajari?", "hint": "Tulis singkat"}),
                ("guide", {"guide": guide, "example": "Berbagi lembar kerja"}),
            ],
        )
    )
    services.enrolment_create(user=pegawai, course=course)
    client.force_login(pegawai)
    body = client.get(lesson.url).content.decode()
    for text in (
        ">Bagian satu</h2>",
        "<b>tebal</b>",
        'alt="Kotak merah"',
        "Bangga melayani bangsa",
        "callout-penting",
        "Panduan SKP",
        "<li>Dua</li>",
        "Apa yang Anda pelajari?",
        "KL-2",
        guide.name,
        "Tandai selesai",
    ):
        assert text in body, text
