"""StreamField blocks shared by every content page (portal and learning).

Every block names its own template so the public markup stays in one place and
accessible by construction (alt text is required, headings only h2–h4).
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("judul"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("tingkat"),
        choices=[("h2", _("Judul bagian (H2)")), ("h3", _("Subjudul (H3)")), ("h4", "H4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Judul")
        template = "portal/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("gambar"))
    alt_text = blocks.CharBlock(
        label=_("teks alternatif"),
        max_length=250,
        help_text=_("Jelaskan isi gambar untuk pembaca layar. Wajib diisi."),
    )
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "portal/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("kutipan"))
    attribution = blocks.CharBlock(label=_("sumber"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Kutipan")
        template = "portal/blocks/quote.html"


class VideoEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = _("Video / sematan")
        help_text = _("Tautan video (mis. YouTube) yang akan disematkan.")
        template = "portal/blocks/embed.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("dokumen"))
    label = blocks.CharBlock(
        label=_("teks tautan"),
        required=False,
        max_length=200,
        help_text=_("Kosongkan untuk memakai judul dokumen."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Tautan dokumen")
        template = "portal/blocks/document_link.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("jenis"),
        choices=[("info", _("Informasi")), ("tip", _("Tips")), ("penting", _("Penting"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("judul"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("isi"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = _("Kotak sorotan")
        template = "portal/blocks/callout.html"


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        label = _("Tabel")
        template = "portal/blocks/table.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body of articles, value pages and standard pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Teks"),
        icon="pilcrow",
        features=RICH_TEXT_FEATURES,
        template="portal/blocks/paragraph.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = VideoEmbedBlock()
    document = DocumentLinkBlock()
    callout = CalloutBlock()
    table = TableBlock()
