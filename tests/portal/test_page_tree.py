import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from wagtail.admin.panels import get_edit_handler
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from competencies.models import Competency
from portal.models import (
    ArticleIndexPage,
    ArticlePage,
    HomePage,
    StandardPage,
    ValueIndexPage,
    ValuePage,
)

from .factories import make_article, make_image, make_value_page


class PageTreeRules(WagtailPageTestCase):
    def test_home_holds_the_sections(self):
        for child in (ArticleIndexPage, ValueIndexPage, StandardPage):
            self.assertCanCreateAt(HomePage, child)
        for child in (ArticlePage, ValuePage, HomePage):
            self.assertCanNotCreateAt(HomePage, child)

    def test_home_only_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_articles_only_under_the_article_index(self):
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_value_pages_only_under_the_value_index(self):
        self.assertAllowedSubpageTypes(ValueIndexPage, {ValuePage})
        self.assertAllowedParentPageTypes(ValuePage, {ValueIndexPage})
        self.assertCanNotCreateAt(ArticleIndexPage, ValuePage)
        self.assertCanNotCreateAt(ValueIndexPage, ArticlePage)

    def test_standard_pages_nest(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})


def test_one_value_page_per_value(value_index):
    akuntabel = make_value_page(value_index, "AK")
    with pytest.raises(ValidationError):
        make_value_page(value_index, "AK")
    loyal = make_value_page(value_index, "LO")
    # The database itself refuses a second page for the same value.
    with pytest.raises(IntegrityError), transaction.atomic():
        ValuePage.objects.filter(pk=loyal.pk).update(competency=akuntabel.competency)


def test_hero_image_needs_alt_text(article_index):
    article = make_article(article_index)
    article.hero_image = make_image()
    article.hero_image_alt = "  "
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "hero_image_alt" in error.value.message_dict
    article.hero_image_alt = "Pegawai melayani warga di loket"
    article.full_clean()


def _offered_codes(page_class, field_name: str, parent) -> set[str]:
    form_class = get_edit_handler(page_class).get_form_class()
    form = form_class(instance=page_class(), parent_page=parent, for_user=None)
    return set(form.fields[field_name].queryset.values_list("code", flat=True))


def test_article_values_offer_only_the_seven_berakhlak_values(article_index):
    codes = _offered_codes(ArticlePage, "values", article_index)
    assert codes == set(Competency.objects.values_berakhlak().values_list("code", flat=True))
    assert len(codes) == 7


def test_value_page_offers_only_berakhlak_values(value_index):
    codes = _offered_codes(ValuePage, "competency", value_index)
    assert codes == {"BP", "AK", "KO", "HA", "LO", "AD", "KL"}
