import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from portal.blocks import BaseStreamBlock

from .factories import make_image


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
        ("image", {"image": make_image(), "alt_text": "Grafik capaian", "caption": "Capaian 2026"}),
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
