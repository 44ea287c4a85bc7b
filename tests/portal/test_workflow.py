"""The Moderasi workflow: editors submit, moderators approve or reject; scheduled publishing."""

import datetime

import pytest
import time_machine

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.actions.publish_page_revision import (
    PublishPagePermissionError,
    PublishPageRevisionAction,
)
from wagtail.models import WorkflowState

from portal.models import ArticlePage
from portal.tasks import publish_scheduled_pages
from tests.factories import UserFactory

from .factories import make_article


def _member(group: str):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return _member("Editor")


@pytest.fixture
def moderator(db):
    return _member("Moderator")


@pytest.fixture
def submitted(article_index, editor):
    """A draft an editor wrote and submitted to Moderasi."""
    article = make_article(article_index, title="Draf editor", live=False)
    article.save_revision(user=editor)
    workflow = article.get_workflow()
    assert workflow.name == "Moderasi"
    workflow.start(article, editor)
    return ArticlePage.objects.get(pk=article.pk)


def _action_url(page, action: str) -> str:
    task_state = page.current_workflow_state.current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def test_editor_may_add_and_edit_but_not_publish(article_index, editor):
    article = make_article(article_index, live=False)
    permissions = article.permissions_for_user(editor)
    assert article_index.permissions_for_user(editor).can_add_subpage()
    assert permissions.can_edit()
    assert not permissions.can_publish()
    revision = article.save_revision(user=editor)
    with pytest.raises(PublishPagePermissionError):
        PublishPageRevisionAction(revision, user=editor).execute()
    article.refresh_from_db()
    assert not article.live


def test_editor_cannot_approve_their_own_submission(client, submitted, editor):
    client.force_login(editor)
    client.post(_action_url(submitted, "approve"), {"comment": ""})
    submitted.refresh_from_db()
    assert not submitted.live
    state = WorkflowState.objects.get(object_id=str(submitted.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == "in_progress"


def test_moderator_approval_publishes(client, submitted, moderator):
    client.force_login(moderator)
    response = client.post(_action_url(submitted, "approve"), {"comment": "Sudah baik."})

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.live
    state = WorkflowState.objects.get(object_id=str(submitted.pk))
    assert state.status == WorkflowState.STATUS_APPROVED


def test_moderator_rejection_returns_the_page_to_the_editor(client, submitted, moderator, editor):
    client.force_login(moderator)
    client.post(_action_url(submitted, "reject"), {"comment": "Tambahkan sumber aturan."})

    submitted.refresh_from_db()
    assert not submitted.live
    state = WorkflowState.objects.get(object_id=str(submitted.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Tambahkan sumber aturan."
    assert submitted.permissions_for_user(editor).can_edit()


def test_scheduled_article_goes_live_when_due(article_index, moderator):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    article = make_article(article_index, title="Terbit nanti", live=False)
    article.go_live_at = go_live
    article.save_revision(user=moderator).publish(user=moderator)
    article.refresh_from_db()
    assert not article.live  # approved, waiting for its time

    publish_scheduled_pages.delay()
    article.refresh_from_db()
    assert not article.live

    with time_machine.travel(go_live + datetime.timedelta(minutes=5)):
        publish_scheduled_pages.delay()
        publish_scheduled_pages.delay()  # beat may fire twice: nothing changes
    article.refresh_from_db()
    assert article.live
    assert article.revisions.count() == 1


def test_expired_article_is_unpublished(article_index):
    article = make_article(article_index, title="Kedaluwarsa")
    article.expire_at = timezone.now() + datetime.timedelta(days=1)
    article.save()

    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        publish_scheduled_pages.delay()
    article.refresh_from_db()
    assert not article.live
    assert article.expired


@pytest.mark.celery_worker
def test_beat_task_publishes_on_a_real_worker(celery_worker, article_index):
    article = make_article(article_index, title="Lewat worker", live=False)
    article.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))

    publish_scheduled_pages.delay().get(timeout=30)

    article.refresh_from_db()
    assert article.live


def test_approving_from_the_editor_says_published(rf, submitted, moderator):
    """Wagtail's editor approves the task, adds its generic "Halaman '…' telah diperbarui"
    and runs ``after_edit_page``: the moderator reads that the article was published."""
    from django.contrib import messages
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpResponse
    from django.utils import translation
    from django.utils.translation import gettext

    from wagtail import hooks

    request = rf.post(f"/admin/pages/{submitted.pk}/edit/", {"workflow-action-name": "approve"})
    request.user = moderator
    request._messages = CookieStorage(request)
    submitted.current_workflow_task.on_action(
        submitted.current_workflow_task_state, moderator, "approve"
    )
    with translation.override("id"):
        updated = gettext("Page '%(page_title)s' has been updated.")
        messages.success(request, updated % {"page_title": submitted.title})
        for hook in hooks.get_hooks("after_edit_page"):
            hook(request, submitted)
    # What the next page (the redirect's target) shows: the messages the response stored.
    response = HttpResponse()
    request._messages.update(response)
    next_request = rf.get("/admin/")
    next_request.COOKIES[CookieStorage.cookie_name] = response.cookies[
        CookieStorage.cookie_name
    ].value
    texts = [str(message.message) for message in CookieStorage(next_request)]
    assert texts == ["Halaman 'Draf editor' telah disetujui dan dipublikasikan."]
