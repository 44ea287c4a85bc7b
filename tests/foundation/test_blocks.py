import pytest

from django.core.files.base import ContentFile

from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from foundation.blocks import BaseStreamBlock
from tests.portal.factories import make_image


def test_every_block_has_its_own_template():
    for name, block in BaseStreamBlock().child_blocks.items():
        assert getattr(block.meta, "template", None), f"blok {name} tanpa template"


@pytest.mark.django_db
def test_blocks_render_accessible_markup():
    document = get_document_model().objects.create(
        title="Pedoman SKP", file=ContentFile(b"%PDF-1.4", name="pedoman.pdf")
    )
    block = BaseStreamBlock()
    values = [
        ("heading", {"text": "Bagian satu", "level": "h3"}),
        ("paragraph", RichText("<p>Teks <b>tebal</b></p>")),
        (
            "image",
            {
                "image": {"image": make_image(), "alt_text": "Grafik capaian", "decorative": False},
                "caption": "Capaian 2026",
            },
        ),
        ("quote", {"text": "Bangga Melayani Bangsa", "attribution": "KemenPANRB"}),
        ("document", {"document": document, "label": ""}),
        ("callout", {"kind": "penting", "title": "Ingat", "text": RichText("<p>Isi</p>")}),
        (
            "table",
            {"data": [["Kolom", "Nilai"], ["A", "1"]], "first_row_is_table_header": True},
        ),
    ]
    stream = block.to_python([])
    for name, value in values:
        stream.append((name, block.child_blocks[name].normalize(value)))
    html = block.render(stream)
    assert '<h3 class="block-heading">Bagian satu</h3>' in html
    assert 'alt="Grafik capaian"' in html and "<figcaption>Capaian 2026</figcaption>" in html
    assert "<blockquote>" in html and "KemenPANRB" in html
    assert "Pedoman SKP" in html and "(PDF)" in html
    assert 'class="callout callout-penting"' in html
    assert '<th scope="col">Kolom</th>' in html and "<td>1</td>" in html


def _render(block, name: str, value) -> str:
    return block.child_blocks[name].render(block.child_blocks[name].normalize(value))


@pytest.mark.django_db
def test_a_decorative_image_gets_an_empty_alt_and_a_described_one_needs_alt_text():
    block = BaseStreamBlock()
    image = make_image()
    decorative = {"image": image, "alt_text": "", "decorative": True}
    html = _render(block, "image", {"image": decorative, "caption": ""})
    assert 'alt=""' in html
    image_block = block.child_blocks["image"].child_blocks["image"]
    with pytest.raises(StructBlockValidationError) as refused:
        image_block.clean(image_block.normalize({"image": image, "alt_text": ""}))
    assert "alt_text" in refused.value.block_errors


def test_a_video_carries_its_caption_and_transcript():
    html = _render(
        BaseStreamBlock(),
        "video",
        {"video": None, "caption": "Rapat kerja", "transcript": "Baris satu\nBaris dua"},
    )
    assert "<figcaption>Rapat kerja</figcaption>" in html
    assert "Baris satu<br>Baris dua" in html and "<details>" in html


def test_lessons_extend_the_shared_blocks_instead_of_copying_them():
    from learning.blocks import LessonStreamBlock

    shared, lesson = BaseStreamBlock().child_blocks, LessonStreamBlock().child_blocks
    assert set(shared) <= set(lesson)
    assert {"key_points", "reflection", "guide"} == set(lesson) - set(shared)
    for name in shared:
        assert type(lesson[name]) is type(shared[name])
