"""The content-type relabelling that every model move between apps runs."""

from types import SimpleNamespace

import pytest

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from foundation.model_moves import relabel_content_types

pytestmark = pytest.mark.django_db
EDITOR = SimpleNamespace(connection=connection)


def test_rows_follow_the_model_and_back():
    moved = ContentType.objects.create(app_label="lama", model="kursus")
    operation = relabel_content_types("lama", "baru", ["kursus", "tidakada"])

    operation.code(apps, EDITOR)
    moved.refresh_from_db()
    assert (moved.app_label, moved.model) == ("baru", "kursus")

    operation.reverse_code(apps, EDITOR)
    moved.refresh_from_db()
    assert moved.app_label == "lama"


def test_a_row_already_under_the_new_label_is_never_duplicated():
    old = ContentType.objects.create(app_label="lama", model="kursus")
    ContentType.objects.create(app_label="baru", model="kursus")

    relabel_content_types("lama", "baru", ["kursus"]).code(apps, EDITOR)

    old.refresh_from_db()
    assert old.app_label == "lama"
    assert ContentType.objects.filter(app_label="baru", model="kursus").count() == 1
