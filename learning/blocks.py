"""StreamField blocks for lessons: portal's shared blocks plus learning's own.

The generic blocks (heading, rich text, image, quote, callout) come from
``portal.blocks`` (DESIGN §2: learning may use portal's blocks), so lessons and articles
render them with the same accessible markup.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.blocks import (
    RICH_TEXT_FEATURES,
    CalloutBlock,
    CaptionedImageBlock,
    HeadingBlock,
    QuoteBlock,
)

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
    guide = SnippetChooserBlock("competencies.Competency", label=_("panduan perilaku BerAKHLAK"))
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
        features=RICH_TEXT_FEATURES,
        template="portal/blocks/paragraph.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    video = VideoBlock()
    document = DocumentBlock()
    key_points = KeyPointsBlock()
    reflection = ReflectionBlock()
    guide = GuideReferenceBlock()
