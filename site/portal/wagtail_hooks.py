from django.contrib import messages
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext

from wagtail import hooks


@hooks.register("insert_editor_js")
def editor_accessibility_js():
    """Small accessibility repairs to Wagtail's own editor widgets (see the script)."""
    return format_html('<script src="{}"></script>', static("js/admin-a11y.js"))


@hooks.register("insert_global_admin_css")
def admin_accessibility_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-a11y.css"))


# The workflow actions that approve the current task (GroupApprovalTask: "approve", with or
# without a comment).
APPROVE_ACTIONS = {"approve"}


@hooks.register("after_edit_page")
def say_what_the_approval_did(request, page):
    """A moderator who approves from the editor ("Setujui dengan komentar dan Publikasikan")
    was told Wagtail's generic "Halaman '…' telah diperbarui": say it was approved, and
    published when the approval ended the workflow and the page is now live."""
    if request.method != "POST" or request.POST.get("workflow-action-name") not in APPROVE_ACTIONS:
        return None
    page = type(page).objects.get(pk=page.pk)
    title = page.get_admin_display_title()
    updated = gettext("Page '%(page_title)s' has been updated.") % {"page_title": title}
    storage = messages.get_messages(request)
    kept = [message for message in storage if str(message.message) != updated]
    for message in kept:
        messages.add_message(request, message.level, message.message, message.extra_tags)
    if page.live and not page.has_unpublished_changes and not page.workflow_in_progress:
        text = gettext("Halaman '%(page_title)s' telah disetujui dan dipublikasikan.")
    else:
        text = gettext("Halaman '%(page_title)s' telah disetujui.")
    messages.success(request, text % {"page_title": title})
    return None
