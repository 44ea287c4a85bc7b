"""The in-app notification list, marking read, the header badge and the e-mail setting."""

import pytest

from django.urls import reverse

from kinerja_link.pembinaan.models import Notification
from kinerja_link.pembinaan.notifications import notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return UserFactory()


def make(user, n: int, **fields) -> list[Notification]:
    for i in range(n):
        notify(users=[user.pk], key=f"tes:{i}", title=f"Pemberitahuan {i}", url="/katalog/")
    return list(Notification.objects.filter(user=user))


def test_notify_is_once_per_key_and_user(user):
    other = UserFactory()
    for _run in range(2):
        notify(users=[user.pk, other.pk, user.pk], key="umum:1", title="Halo")
    assert Notification.objects.count() == 2


def test_list_shows_only_own_notifications(client, user):
    make(user, 2)
    stranger = UserFactory()
    notify(users=[stranger.pk], key="rahasia", title="Milik orang lain")
    client.force_login(user)
    page = client.get(reverse("pembinaan:notifications")).content.decode()
    assert "Pemberitahuan 0" in page and "Pemberitahuan 1" in page
    assert "Milik orang lain" not in page


def test_open_marks_read_and_follows_the_link(client, user):
    (first, *_rest) = make(user, 2)
    client.force_login(user)
    response = client.post(reverse("pembinaan:notification_open", args=[first.pk]))
    assert response.status_code == 302 and response["Location"] == "/katalog/"
    first.refresh_from_db()
    assert first.read_at is not None
    assert Notification.objects.filter(user=user, read_at__isnull=True).count() == 1


def test_someone_elses_notification_is_a_404(client, user):
    (theirs,) = make(UserFactory(), 1)
    client.force_login(user)
    assert client.post(reverse("pembinaan:notification_open", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_open_never_redirects_off_site(client, user):
    notify(users=[user.pk], key="luar", title="Tautan luar", url="https://contoh.test/")
    row = Notification.objects.get()
    client.force_login(user)
    response = client.post(reverse("pembinaan:notification_open", args=[row.pk]))
    assert response["Location"] == reverse("pembinaan:notifications")


def test_mark_all_read_touches_only_own(client, user):
    make(user, 3)
    (theirs,) = make(UserFactory(), 1)
    client.force_login(user)
    assert client.get(reverse("pembinaan:notification_read_all")).status_code == 405
    client.post(reverse("pembinaan:notification_read_all"))
    assert not Notification.objects.filter(user=user, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_badge_counts_unread(client, user):
    make(user, 3)
    client.force_login(user)
    page = client.get("/notifikasi/pengaturan/").content.decode()
    assert 'class="badge">3' in page
    Notification.objects.filter(user=user).update(read_at="2026-01-01T00:00:00Z")
    page = client.get("/notifikasi/pengaturan/").content.decode()
    assert 'class="badge"' not in page


def test_badge_costs_one_query_per_page(client, user, django_assert_max_num_queries):
    client.force_login(user)
    url = reverse("pembinaan:notification_settings")
    client.get(url)
    with django_assert_max_num_queries(4) as captured:  # session, user, team link, badge
        client.get(url)
    badge = [q for q in captured.captured_queries if "kinerja_link_notification" in q["sql"]]
    assert len(badge) == 1


def test_anonymous_pages_have_no_badge_query(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(0) as captured:
        client.get(reverse("pembinaan:notifications"))
    assert not captured.captured_queries


def test_opt_out_preference(client, user):
    client.force_login(user)
    url = reverse("pembinaan:notification_settings")
    assert client.post(url, {"reminder_email_opt_out": "on"}).status_code == 302
    user.refresh_from_db()
    assert user.reminder_email_opt_out is True
    client.post(url, {})
    user.refresh_from_db()
    assert user.reminder_email_opt_out is False


@pytest.mark.parametrize("name", ["notifications", "notification_settings", "umpan_balik"])
def test_anonymous_is_sent_to_login(client, name):
    response = client.get(reverse(f"pembinaan:{name}"))
    assert response.status_code == 302
    assert "/masuk" in response["Location"] or "login" in response["Location"]
