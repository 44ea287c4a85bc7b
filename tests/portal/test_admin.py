"""Editors work in Wagtail's admin: the forms render and previews use our templates."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory

from .factories import make_article, make_value_page


@pytest.fixture
def editor_client(client, db):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    return client


def test_editor_can_open_the_article_form(editor_client, article_index):
    url = reverse("wagtailadmin_pages:add", args=["portal", "articlepage", article_index.pk])
    response = editor_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Teks alternatif gambar utama" in html
    assert 'name="action-submit" value="Pengajuan ke Moderasi"' in html
    # Publishing is not offered to an editor.
    assert 'name="action-publish"' not in html


@pytest.mark.parametrize("kind", ["article", "value"])
def test_preview_renders_the_public_template(article_index, value_index, kind):
    page = (
        make_article(article_index, title="Pratinjau artikel", tags=("skp",))
        if kind == "article"
        else make_value_page(value_index, "HA")
    )
    response = page.make_preview_request()
    assert response.status_code == 200
    assert page.title in response.content.decode()
    assert 'aria-label="Jejak navigasi"' in response.content.decode()
