"""StreamField blocks shared by every content page (portal's pages and learning's lessons).

Every block names its own template (foundation/blocks/) so the public markup stays in one
place and accessible by construction: an image has alt text or is marked decorative
(Wagtail's ImageBlock), a video has an optional transcript, headings are only h2–h4.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("judul"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("tingkat"),
        choices=[("h2", _("Judul bagian (H2)")), ("h3", _("Subjudul (H3)")), ("h4", "H4")],
        default="h2",
        # A setting, not text: "Judul bagian (H2)" must not make a page match "bagian".
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Judul")
        template = "foundation/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    """Wagtail's ImageBlock (alt text, or "decorative" for an empty alt) with a caption.

    ImageBlock takes no extra children, so the caption sits beside it: the stored value
    is ``{"image": {"image": id, "alt_text": ..., "decorative": ...}, "caption": ...}``.
    """

    image = ImageBlock(label=_("gambar"))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "foundation/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("kutipan"))
    attribution = blocks.CharBlock(label=_("sumber"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Kutipan")
        template = "foundation/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("tautan video"), help_text=_("YouTube, Vimeo, dan sejenisnya."))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)
    # Many pegawai are on slow connections: the transcript is the content without video.
    transcript = blocks.TextBlock(label=_("transkrip"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "foundation/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("dokumen"))
    label = blocks.CharBlock(
        label=_("teks tautan"),
        required=False,
        max_length=200,
        help_text=_("Kosongkan untuk memakai judul dokumen."),
    )
    description = blocks.CharBlock(label=_("uraian"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Dokumen")
        template = "foundation/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("jenis"),
        choices=[("info", _("Informasi")), ("tip", _("Tips")), ("penting", _("Penting"))],
        default="info",
        search_index=False,  # a style, not text
    )
    title = blocks.CharBlock(label=_("judul"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("isi"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = _("Kotak sorotan")
        template = "foundation/blocks/callout.html"


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        label = _("Tabel")
        template = "foundation/blocks/table.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body of articles, value pages and standard pages; lessons extend it."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Teks"),
        icon="pilcrow",
        features=RICH_TEXT_FEATURES,
        template="foundation/blocks/paragraph.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    table = TableBlock()
