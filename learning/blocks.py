"""StreamField blocks for lessons: the shared blocks (``foundation.blocks``) plus learning's own.

Lessons and articles render the shared blocks with the same accessible markup.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from foundation.blocks import BaseStreamBlock


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


class LessonStreamBlock(BaseStreamBlock):
    """Everything an article has, plus the blocks of a lesson."""

    key_points = KeyPointsBlock()
    reflection = ReflectionBlock()
    guide = GuideReferenceBlock()
