from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_editor_js")
def editor_accessibility_js():
    """Small accessibility repairs to Wagtail's own editor widgets (see the script)."""
    return format_html('<script src="{}"></script>', static("js/admin-a11y.js"))


@hooks.register("insert_global_admin_css")
def admin_accessibility_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-a11y.css"))
