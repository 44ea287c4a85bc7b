"""The stored-shape migrations of the shared blocks, run on pages and their revisions."""

import json
from importlib import import_module

import pytest

from django.apps import apps

from foundation.block_migrations import NestImageInImageBlockOperation
from learning.models import LessonPage
from portal.models import ArticlePage
from tests.learning.factories import make_course
from tests.portal.factories import make_article, make_article_index, make_home, make_image

OLD_IMAGE = {"alt_text": "Grafik capaian", "caption": "Capaian 2026"}


def test_an_old_image_value_nests_in_imageblock_and_a_second_run_changes_nothing():
    old = {"image": 7, **OLD_IMAGE}
    new = NestImageInImageBlockOperation().apply(old)
    assert new == {
        "image": {"image": 7, "alt_text": "Grafik capaian", "decorative": False},
        "caption": "Capaian 2026",
    }
    assert NestImageInImageBlockOperation().apply(new) == new


def _store_raw(page, raw_body: list) -> None:
    """Write the old JSON shape into the page row and its latest revision, as before."""
    page.save_revision()
    type(page).objects.filter(pk=page.pk).update(body=raw_body)
    revision = page.get_latest_revision()
    stored_as_text = isinstance(revision.content["body"], str)
    revision.content["body"] = json.dumps(raw_body) if stored_as_text else raw_body
    revision.save(update_fields=["content"])


def _page_and_latest_revision(model, pk) -> tuple:
    page = model.objects.get(pk=pk)  # fresh: the latest revision is not the cached one
    return page, page.get_latest_revision().as_object()


def _run(app_label: str, migration_name: str, operation_index: int) -> None:
    module = import_module(f"{apps.get_app_config(app_label).name}.migrations.{migration_name}")
    operation = module.Migration.operations[operation_index]
    operation.code(apps, schema_editor=None)  # MigrateStreamData reads only the app registry


@pytest.mark.django_db
def test_portal_migration_converts_images_and_bare_embeds_in_pages_and_revisions():
    image = make_image()
    article = make_article(make_article_index(make_home()))
    raw = [
        {"type": "image", "value": {"image": image.pk, **OLD_IMAGE}, "id": "a"},
        {"type": "embed", "value": "https://www.youtube.com/watch?v=abc", "id": "b"},
    ]
    _store_raw(article, raw)
    _run("portal", "0006_shared_blocks", -3)  # the ArticlePage data operation
    for stored in _page_and_latest_revision(ArticlePage, article.pk):
        picture, video = stored.body
        assert picture.value["image"].pk == image.pk
        assert picture.value["image"].contextual_alt_text == "Grafik capaian"
        assert picture.value["caption"] == "Capaian 2026"
        assert video.block_type == "video"
        assert video.value["video"].url == "https://www.youtube.com/watch?v=abc"


@pytest.mark.django_db
def test_learning_migration_converts_lesson_images_in_pages_and_revisions():
    image = make_image()
    lesson = make_course(lessons=1).lessons().first().specific
    _store_raw(lesson, [{"type": "image", "value": {"image": image.pk, **OLD_IMAGE}, "id": "a"}])
    _run("learning", "0008_shared_blocks", -1)
    for stored in _page_and_latest_revision(LessonPage, lesson.pk):
        assert stored.body[0].value["image"].contextual_alt_text == "Grafik capaian"
