import pytest

from wagtail.images import get_image_model

from portal.demo import seed_pages
from portal.models import ArticleIndexPage, ArticlePage, ValuePage


@pytest.mark.django_db
def test_demo_pages_are_complete_and_idempotent(client):
    seed_pages()
    counts = (
        ArticlePage.objects.count(),
        ValuePage.objects.count(),
        get_image_model().objects.count(),
    )
    seed_pages()

    assert (ArticlePage.objects.count(), ValuePage.objects.count()) == counts[:2]
    assert get_image_model().objects.count() == counts[2]
    assert counts[0] >= 12
    assert sorted(ValuePage.objects.values_list("competency__code", flat=True)) == sorted(
        ["BP", "AK", "KO", "HA", "LO", "AD", "KL"]
    )
    articles = ArticlePage.objects.prefetch_related("tags", "values")
    assert all(a.hero_image_id and a.hero_image_alt and a.tags.all() for a in articles)
    taught = {value.code for article in articles for value in article.values.all()}
    assert taught == {"BP", "AK", "KO", "HA", "LO", "AD", "KL"}
    assert ArticleIndexPage.objects.get().url == "/artikel/"
    assert client.get("/artikel/tag/e-kinerja/").status_code == 200
    assert client.get("/nilai-berakhlak/").status_code == 200
