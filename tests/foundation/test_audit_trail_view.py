"""The "Jejak audit" admin page: superusers only, read-only, filters, masked NIPs, flat
query counts; and the PostgreSQL guard that keeps audit rows from being edited."""

from __future__ import annotations

import datetime

import pytest

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from accounts.models import AuthEvent
from accounts.nip import mask_nip
from accounts.roles import Role
from foundation.audit.bulk import log_entries_bulk
from foundation.audit.changes import changes
from foundation.audit.guard import audit_erasure
from foundation.request_id import bound
from kinerja_link.models import Evaluasi
from tests.factories import PegawaiFactory, UserFactory
from tests.kinerja_link.factories import EvaluasiFactory
from tests.learning.factories import make_course

pytestmark = pytest.mark.django_db
URL = "/admin/jejak-audit/"


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def trail(client):
    """Two requests' worth of changes, a task's, and a failed sign-in."""
    pegawai = PegawaiFactory()
    evaluasi = EvaluasiFactory(pegawai=pegawai)
    actor = UserFactory(display_name="Penilai Uji Audit")
    with bound("req-a"):
        log(
            instance=evaluasi,
            action="wagtail.edit",
            user=actor,
            data=changes({"rating_hasil": 1}, {"rating_hasil": 2}, nip=pegawai.nip),
        )
    with bound("req-b"):
        log(
            instance=evaluasi,
            action="wagtail.create",
            user=actor,
            data=changes(None, {"predikat": 3}),
        )
    with bound("task:t-1"):
        log_entries_bulk(
            Evaluasi,
            "wagtail.edit",
            [(evaluasi.pk, f"{pegawai.nip} · Triwulan", {"before": {}, "after": {}})],
        )
    client.post(
        reverse("accounts:login"),
        {"username": pegawai.nip, "password": "salah"},
        headers={"X-Request-ID": "req-login"},
    )
    return {"pegawai": pegawai, "evaluasi": evaluasi, "actor": actor}


def items(response):
    return response.context["items"]


def ids(response) -> list[str]:
    """Request ids of the listed rows, without the test's own sign-in (force_login runs
    outside any request, so its AuthEvent has no id)."""
    return [i.request_id for i in items(response) if i.request_id]


def test_superuser_sees_the_merged_trail_newest_first_with_readable_diffs(client, superuser, trail):
    client.force_login(superuser)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert ids(response) == ["req-login", "task:t-1", "req-b", "req-a"]
    edit = next(i for i in items(response) if i.request_id == "req-a")
    assert edit.actor == trail["actor"].get_full_name()
    assert [(line.before, line.after, line.changed) for line in edit.lines] == [("1", "2", True)]
    assert edit.lines[0].label == str(Evaluasi._meta.get_field("rating_hasil").verbose_name)
    assert next(i for i in items(response) if i.request_id == "task:t-1").actor == "Sistem"
    assert 'href="?request_id=req-a"' in html
    assert "Gagal masuk" in html


def test_nips_are_masked_everywhere_on_the_page(client, superuser, trail):
    client.force_login(superuser)
    html = client.get(URL).content.decode()
    nip = trail["pegawai"].nip
    assert nip not in html
    assert mask_nip(nip) in html


def test_a_request_id_filters_to_everything_that_request_did(client, superuser, trail):
    client.force_login(superuser)
    response = client.get(URL, {"request_id": "req-a"})
    assert [i.request_id for i in items(response)] == ["req-a"]
    login = client.get(URL, {"request_id": "req-login"})
    assert [i.action for i in items(login)] == ["Gagal masuk"]


def test_filters_by_actor_action_target_and_date(client, superuser, trail):
    client.force_login(superuser)
    assert ids(client.get(URL, {"actor": "sistem"})) == ["req-login", "task:t-1"]
    assert ids(client.get(URL, {"actor": trail["actor"].display_name})) == ["req-b", "req-a"]
    assert ids(client.get(URL, {"actor": "tidak-ada-orang-ini"})) == []
    assert ids(client.get(URL, {"action": "wagtail.create"})) == ["req-b"]
    assert ids(client.get(URL, {"action": "accounts.auth.login_failed"})) == ["req-login"]
    assert ids(client.get(URL, {"target": "masuk"})) == ["req-login"]
    assert ids(client.get(URL, {"target": "halaman"})) == []
    evaluasi_type = ContentType.objects.get_for_model(Evaluasi).pk
    on_evaluasi = ids(client.get(URL, {"target": evaluasi_type}))
    assert on_evaluasi == ["task:t-1", "req-b", "req-a"]
    today = timezone.localdate()
    assert len(ids(client.get(URL, {"date_from": today, "date_to": today}))) == 4
    tomorrow = today + datetime.timedelta(days=1)
    assert items(client.get(URL, {"date_from": tomorrow})) == []
    yesterday = today - datetime.timedelta(days=1)
    assert items(client.get(URL, {"date_to": yesterday})) == []


def test_a_malformed_filter_shows_an_error_and_nothing_else(client, superuser, trail):
    client.force_login(superuser)
    response = client.get(URL, {"request_id": "<script>", "date_from": "kemarin"})
    assert response.status_code == 200
    assert items(response) == []
    assert response.context["form"].errors.keys() == {"request_id", "date_from"}


@pytest.mark.parametrize("role", ["pegawai", "pengelola", "editor", "moderator", "staff"])
def test_nobody_but_a_superuser_gets_in(client, trail, role):
    user = PegawaiFactory().user
    group = {"pengelola": Role.PENGELOLA, "editor": Role.EDITOR, "moderator": Role.MODERATOR}
    if role in group:
        user.groups.add(Group.objects.get(name=group[role]))
    if role == "staff":
        user.is_staff = True
        user.save()
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert "req-a" not in response.content.decode()
    assert "Jejak audit" not in client.get("/admin/").content.decode()


def test_anonymous_is_sent_to_the_login(client, trail):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_menu_shows_it_to_superusers(client, superuser):
    client.force_login(superuser)
    assert URL in client.get("/admin/").content.decode()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_it_is_read_only(client, superuser, trail, method):
    client.force_login(superuser)
    counts = (ModelLogEntry.objects.count(), AuthEvent.objects.count())
    response = getattr(client, method)(URL, {"request_id": "req-a"})
    assert response.status_code == 405
    assert (ModelLogEntry.objects.count(), AuthEvent.objects.count()) == counts
    urls = [f"{URL}{suffix}" for suffix in ("1/", "1/edit/", "1/delete/", "hapus/")]
    assert all(client.get(url).status_code == 404 for url in urls)


def _grow(count: int) -> None:
    evaluasi = EvaluasiFactory()
    users = [PegawaiFactory().user for _ in range(3)]
    for n in range(count):
        with bound(f"req-{n}"):
            log(
                instance=evaluasi,
                action="wagtail.edit",
                user=users[n % 3],
                data=changes({"rating_hasil": 1}, {"rating_hasil": 2}),
            )
    AuthEvent.objects.bulk_create(
        [
            AuthEvent(kind=AuthEvent.Kind.LOGIN, user=users[n % 3], request_id=f"l-{n}")
            for n in range(count)
        ]
    )
    page = make_course(lessons=0)
    for _ in range(count // 4):
        PageLogEntry.objects.log_action(page, "wagtail.edit", user=users[0])


@pytest.mark.parametrize("rows", [12, 160])
def test_query_count_is_flat(client, superuser, rows, django_assert_max_num_queries):
    _grow(rows)
    client.force_login(superuser)
    client.get(URL)  # warm Wagtail's per-process caches (menu, content types)
    with django_assert_max_num_queries(12):
        response = client.get(URL, {"p": 2 if rows > 100 else 1})
    assert response.status_code == 200 and items(response)


# --- The PostgreSQL guard ---------------------------------------------------------------

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Penjaga basis data hanya ada di PostgreSQL"
)


@postgresql_only
def test_audit_rows_cannot_be_updated_or_deleted_in_the_database(trail):
    entry = ModelLogEntry.objects.filter(data__request_id="req-a").get()
    event = AuthEvent.objects.get()
    PageLogEntry.objects.log_action(make_course(lessons=0), "wagtail.edit")
    attempts = [
        lambda: ModelLogEntry.objects.filter(pk=entry.pk).update(label="dipalsukan"),
        lambda: ModelLogEntry.objects.filter(pk=entry.pk).delete(),
        lambda: AuthEvent.objects.filter(pk=event.pk).update(kind=AuthEvent.Kind.LOGIN),
        lambda: AuthEvent.objects.filter(pk=event.pk).delete(),
        lambda: PageLogEntry.objects.all().update(label="x"),
    ]
    for attempt in attempts:
        with pytest.raises(DatabaseError, match="Catatan audit"), transaction.atomic():
            attempt()
    entry.refresh_from_db()
    assert entry.label != "dipalsukan"


@postgresql_only
def test_a_reviewed_erasure_may_delete(trail):
    with audit_erasure():
        deleted, _ = ModelLogEntry.objects.filter(data__request_id="req-a").delete()
    assert deleted == 1
    with pytest.raises(DatabaseError), transaction.atomic():  # the flag ended with it
        ModelLogEntry.objects.all().delete()


def test_wagtail_still_deletes_users_and_pages_that_have_audit_rows(client, superuser, trail):
    """What the guard must not break: both keep their audit rows (SET NULL / DO_NOTHING)."""
    doomed = trail["actor"]
    AuthEvent.objects.create(kind=AuthEvent.Kind.LOGIN, user=doomed, request_id="r-x")
    client.force_login(superuser)
    response = client.post(reverse("wagtailusers_users:delete", args=[doomed.pk]))
    assert response.status_code == 302
    assert AuthEvent.objects.filter(request_id="r-x", user__isnull=True).exists()
    assert ModelLogEntry.objects.filter(user_id=doomed.pk).count() == 2

    page = make_course(lessons=0)
    PageLogEntry.objects.log_action(page, "wagtail.edit", user=superuser)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert PageLogEntry.objects.filter(page_id=page.pk).count() >= 2  # edit + delete
    listing = client.get(URL)
    assert listing.status_code == 200
    assert any("terhapus" in i.actor for i in items(listing))
