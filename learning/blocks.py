"""StreamField blocks for lessons.

The generic blocks (heading, rich text, image, quote, callout) belong in
``portal/blocks.py``, which is being written in parallel; until it lands they live
here and lessons use them from this module. Learning's own blocks follow them.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

# --- Generic blocks (to move to portal.blocks) ------------------------------------


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("teks"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("tingkat"), choices=[("h2", "H2"), ("h3", "H3")], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Judul bagian")
        template = "learning/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("gambar"))
    alt = blocks.CharBlock(
        label=_("teks alternatif"), max_length=250, help_text=_("Untuk pembaca layar.")
    )
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "learning/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("kutipan"))
    source = blocks.CharBlock(label=_("sumber"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Kutipan")
        template = "learning/blocks/quote.html"


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("jenis"),
        choices=[("info", _("Info")), ("tip", _("Tips")), ("warning", _("Perhatian"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("judul"), required=False, max_length=120)
    body = blocks.RichTextBlock(label=_("isi"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Kotak informasi")
        template = "learning/blocks/callout.html"


# --- Learning blocks ---------------------------------------------------------------


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("tautan video"), help_text=_("YouTube, Vimeo, dan sejenisnya."))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)
    # Many pegawai are on slow connections: the transcript is the lesson without video.
    transcript = blocks.TextBlock(label=_("transkrip"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "learning/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("dokumen"))
    description = blocks.CharBlock(label=_("uraian"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Dokumen unduhan")
        template = "learning/blocks/document.html"


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("judul"), default=_("Poin penting"), max_length=120)
    points = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("poin"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Poin penting")
        template = "learning/blocks/key_points.html"


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("pertanyaan refleksi"))
    hint = blocks.TextBlock(label=_("petunjuk"), required=False)

    class Meta:
        icon = "comment"
        label = _("Refleksi")
        template = "learning/blocks/reflection.html"


class GuideReferenceBlock(blocks.StructBlock):
    guide = SnippetChooserBlock("learning.Competency", label=_("panduan perilaku BerAKHLAK"))
    example = blocks.TextBlock(
        label=_("contoh di tempat kerja"), required=False, help_text=_("Perilaku nyata.")
    )

    class Meta:
        icon = "pick"
        label = _("Rujukan panduan BerAKHLAK")
        template = "learning/blocks/guide_reference.html"


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraf"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        template="learning/blocks/paragraph.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    video = VideoBlock()
    document = DocumentBlock()
    key_points = KeyPointsBlock()
    reflection = ReflectionBlock()
    guide = GuideReferenceBlock()
