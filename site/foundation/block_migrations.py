"""StreamField data operations for `wagtail.blocks.migrations.MigrateStreamData`.

Used by data migrations of the apps whose pages render the shared blocks; kept here, next
to the blocks, because the stored shape they convert to is `foundation.blocks`'.
"""

from django.utils.deconstruct import deconstructible

from wagtail.blocks.migrations.operations import BaseBlockOperation


@deconstructible
class NestImageInImageBlockOperation(BaseBlockOperation):
    """A captioned image from the hand-made alt text shape to Wagtail's ImageBlock inside.

    ``{"image": 7, "alt_text": "Grafik", "caption": "..."}`` becomes
    ``{"image": {"image": 7, "alt_text": "Grafik", "decorative": False}, "caption": "..."}``.
    Values already nested are left as they are, so running it twice changes nothing.
    """

    def apply(self, block_value):
        if not isinstance(block_value, dict) or isinstance(block_value.get("image"), dict):
            return block_value
        rest = {k: v for k, v in block_value.items() if k not in ("image", "alt_text")}
        image = {
            "image": block_value.get("image"),
            "alt_text": block_value.get("alt_text") or "",
            "decorative": False,
        }
        return {**rest, "image": image}

    @property
    def operation_name_fragment(self):
        return "nest_image_in_imageblock"
