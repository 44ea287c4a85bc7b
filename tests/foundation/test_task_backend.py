"""Wagtail's own background tasks (foundation.task_backend) run once the transaction commits."""

import pytest
from django_tasks.signals import task_finished

from django.db import transaction

from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished_tasks():
    names: list[str] = []

    def record(sender, task_result, **kwargs):
        names.append(task_result.task.name)

    task_finished.connect(record, dispatch_uid="test_task_backend")
    yield names
    task_finished.disconnect(dispatch_uid="test_task_backend")


def add_page(title: str, slug: str) -> Page:
    return Page.get_first_root_node().add_child(instance=Page(title=title, slug=slug))


def test_reference_and_search_index_updates_wait_for_the_commit(
    django_capture_on_commit_callbacks, finished_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            page = add_page("Orkestrasi setelah commit", "orkestrasi")
            assert finished_tasks == []
        assert finished_tasks == []
        assert list(Page.objects.search("orkestrasi")) == []

    assert {"update_reference_index_task", "insert_or_update_object_task"} <= set(finished_tasks)
    assert list(Page.objects.search("orkestrasi")) == [page]


def test_nothing_runs_after_a_rollback(django_capture_on_commit_callbacks, finished_tasks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        add_page("Dibatalkan", "dibatalkan")
        raise RuntimeError("rollback")

    assert callbacks == []
    assert finished_tasks == []
