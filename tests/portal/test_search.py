from functools import partial

import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from .factories import make_article, make_standard_page


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Wagtail updates the search index once the transaction commits (foundation.task_backend);
    pages created inside ``with indexed():`` are indexed as that block ends."""
    return partial(django_capture_on_commit_callbacks, execute=True)


def test_search_finds_public_pages_and_highlights_terms(client, article_index, indexed):
    with indexed():
        make_article(article_index, title="Menyusun SKP yang baik", summary="Panduan menyusun SKP")
        make_article(article_index, title="Tentang pelayanan", summary="Pelayanan prima")

    response = client.get("/cari/", {"q": "skp"})

    html = response.content.decode()
    assert response.status_code == 200
    assert [p.title for p in response.context["page_obj"].object_list] == ["Menyusun SKP yang baik"]
    assert "Menyusun <mark>SKP</mark> yang baik" in html
    assert "1 hasil untuk “skp”" in html


def test_search_skips_drafts_and_restricted_pages(client, home, article_index, indexed):
    with indexed():
        make_article(article_index, title="Draf orkestrasi", live=False)
        login_only = make_article(article_index, title="Khusus pegawai orkestrasi")
        PageViewRestriction.objects.create(page=login_only, restriction_type="login")
        group_page = make_standard_page(home, title="Internal orkestrasi")
        restriction = PageViewRestriction.objects.create(page=group_page, restriction_type="groups")
        restriction.groups.add(Group.objects.get(name="Moderator"))
        make_standard_page(group_page, title="Anak internal orkestrasi")

    response = client.get("/cari/", {"q": "orkestrasi"})

    assert list(response.context["page_obj"].object_list) == []
    assert "Tidak ada halaman yang cocok" in response.content.decode()


def test_empty_query_shows_only_the_form(client, home):
    response = client.get("/cari/")
    assert response.status_code == 200
    assert response.context["page_obj"] is None
    assert 'role="search"' in response.content.decode()


def test_highlight_escapes_html(client, article_index, indexed):
    with indexed():
        make_article(article_index, title="Awas <script>alert(1)</script> kinerja")
    html = client.get("/cari/", {"q": "kinerja"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_odd_queries_do_not_break_search(client, article_index, indexed):
    with indexed():
        make_article(article_index, title="Kinerja pegawai")
    for query in ['"', "(*", "a", "AND OR NOT", "kinerja' --", "x" * 500]:
        assert client.get("/cari/", {"q": query}).status_code == 200, query


def test_search_finds_articles_by_tag_and_value_name(client, article_index, indexed):
    """Issue #18: an article tagged #integritas is found by "integritas"; the value it
    teaches (Akuntabel) is found by the value's name."""
    with indexed():
        make_article(article_index, title="Menolak gratifikasi", tags=("integritas",))
        make_article(article_index, title="Laporan tepat waktu", values=("AK",))
        make_article(article_index, title="Artikel lain")

    def titles(query):
        response = client.get("/cari/", {"q": query})
        return [p.title for p in response.context["page_obj"].object_list]

    assert titles("integritas") == ["Menolak gratifikasi"]
    assert "Laporan tepat waktu" in titles("akuntabel")


def test_block_labels_do_not_leak_into_the_index(client, article_index, indexed):
    """A heading's level ("Judul bagian (H2)") and a callout's kind are settings, not text."""
    with indexed():
        article = make_article(article_index, title="Artikel berjudul")
        article.body = [
            ("heading", {"text": "Pendahuluan", "level": "h2"}),
            ("callout", {"kind": "penting", "title": "", "text": RichText("<p>Catatan</p>")}),
        ]
        article.save_revision().publish()

    for query in ("bagian", "H2", "Penting"):
        response = client.get("/cari/", {"q": query})
        assert list(response.context["page_obj"].object_list) == [], query
    response = client.get("/cari/", {"q": "pendahuluan"})
    assert [p.title for p in response.context["page_obj"].object_list] == ["Artikel berjudul"]
