"""Journey "Editor/Moderator": an editor writes an article in the Wagtail admin and submits it
to the "Moderasi" workflow; it is not public; a moderator approves it; it is on the index and
in the feed."""

import re

import pytest
from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD, demo_password_hash, seed_staff
from portal.demo import seed_pages
from portal.models import ArticleIndexPage, ArticlePage
from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TITLE = "Melayani dengan Senyum di Loket Terpadu"


@pytest.fixture
def site():
    home = seed_pages()
    seed_staff(demo_password_hash())
    return {"home": home, "index": ArticleIndexPage.objects.get()}


def admin_login(context, email: str):
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(lambda url: "/login/" not in url)
    return page


def more_actions(page):
    page.get_by_role("button", name="More actions").click()


def test_editor_submits_and_moderator_publishes(browser, live_server, page, site, viewport_name):
    editor = page  # the fixture's page: CSP watched, screenshot on failure
    editor.goto("/admin/login/")
    editor.fill("input[name=username]", "editor@bina-asn.local")
    editor.fill("input[name=password]", DEMO_PASSWORD)
    editor.locator("form button[type=submit]").click()
    editor.wait_for_url(lambda url: "/login/" not in url)

    editor.goto(f"/admin/pages/add/portal/articlepage/{site['index'].pk}/")
    assert_accessible(editor)
    editor.fill("#id_title", TITLE)
    editor.fill("#id_summary", "Cerita petugas loket yang menjadikan senyum standar layanan.")
    editor.fill("#id_author", "Rina Editor Konten")
    editor.locator("#body-root .c-sf-add-button").first.click()
    editor.get_by_role("option", name="Teks").click()
    editor.locator("#body-root [contenteditable=true]").first.click()
    editor.keyboard.type("Senyum adalah bagian dari pelayanan prima.")
    editor.get_by_label("Berorientasi Pelayanan").check()
    screenshot(editor, f"editorial-{viewport_name}-tulis")
    # Wagtail autosaves the draft as the editor types. Submitting while an autosave is in
    # flight races it (two saves of a new page collide on the slug), so wait for "Saved"; if
    # no autosave happened, save the draft by hand first, as an editor can.
    saved = editor.locator(".w-autosave-indicator__state--saved")
    try:
        expect(saved).to_be_visible(timeout=8_000)
    except AssertionError:
        with editor.expect_navigation():
            editor.get_by_role("button", name="Simpan konsep").click()
        expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    more_actions(editor)
    with editor.expect_navigation():
        editor.locator("button[name=action-submit]").click()

    article = ArticlePage.objects.get(title=TITLE)
    assert not article.live
    assert article.current_workflow_state.status == "in_progress"
    anonymous = browser.new_context(base_url=live_server.url, locale="id-ID")
    visitor = anonymous.new_page()
    assert visitor.goto(article.url).status == 404
    visitor.goto(site["index"].url)
    expect(visitor.locator("main")).not_to_contain_text(TITLE)

    moderator_context = browser.new_context(
        base_url=live_server.url, locale="id-ID", viewport=editor.viewport_size
    )
    moderator = admin_login(moderator_context, "moderator@bina-asn.local")
    review = moderator.locator("main").get_by_role("link", name=TITLE)
    expect(review.first).to_be_visible()  # "Menunggu tinjauan anda" on the dashboard
    assert_accessible(moderator)
    screenshot(moderator, f"editorial-{viewport_name}-tinjau")
    moderator.goto(f"/admin/pages/{article.pk}/edit/")
    more_actions(moderator)
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Menyetujui dan Publikasikan").click()

    article.refresh_from_db()
    assert article.live
    visitor.goto(site["index"].url)
    expect(visitor.get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible(visitor)
    visitor.goto(article.url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator(".prose")).to_contain_text("Senyum adalah bagian dari pelayanan prima.")
    assert_accessible(visitor)
    screenshot(visitor, f"editorial-{viewport_name}-terbit")
    feed = visitor.request.get(f"{site['index'].url}rss/")
    assert feed.ok and TITLE in feed.text()
    anonymous.close()
    moderator_context.close()
