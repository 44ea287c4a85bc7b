import pytest

from django.urls import reverse

from wagtail import hooks

from learning import services
from learning.dashboard import DASHBOARD_PANEL_HOOK, DashboardPanel

from .factories import make_course
from .test_completion import finish

pytestmark = pytest.mark.django_db
URL = "/belajar-saya/"


def test_url_is_belajar_saya():
    assert reverse("learning:belajar_saya") == URL


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_dashboard_shows_progress_completion_certificate_and_values(client, index, pegawai):
    done = make_course(title="Kursus Selesai", competencies=("KO-1",), jp=4)
    going = make_course(title="Kursus Berjalan", competencies=("HA",))
    finish(pegawai, done)
    services.enrolment_create(user=pegawai, course=going)
    services.lesson_complete(user=pegawai, lesson=going.lessons().first())
    client.force_login(pegawai)
    response = client.get(URL)
    body = response.content.decode()
    assert "Kursus Berjalan" in body and "33% selesai" in body
    assert "Kursus Selesai" in body and "BINA/" in body
    values = {v.code: n for v, n in response.context["values"]}
    assert values["KO"] == 1 and values["HA"] == 0
    assert response.context["ring"].total == 4


def test_dashboard_never_shows_another_pegawai(client, index, pegawai, other_pegawai):
    finish(other_pegawai, make_course(title="Milik Orang Lain"))
    client.force_login(pegawai)
    body = client.get(URL).content.decode()
    assert "Milik Orang Lain" not in body


def test_assignment_slot_renders_registered_panels(
    client, pegawai, tmp_path, settings, monkeypatch
):
    # Start from no panels: kinerja_link registers its own in its wagtail_hooks.
    hooks.search_for_hooks()
    monkeypatch.setitem(hooks._hooks, DASHBOARD_PANEL_HOOK, [])
    template_dir = tmp_path / "tpl"
    (template_dir / "panels").mkdir(parents=True)
    (template_dir / "panels" / "tugas.html").write_text("<p>Tugas untuk {{ who }}</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], template_dir]}
    ]
    panel = DashboardPanel(
        slot="assignments",
        template_name="panels/tugas.html",
        get_context=lambda user: {"who": user.get_full_name()},
    )
    client.force_login(pegawai)
    assert "Belum ada penugasan" in client.get(URL).content.decode()
    with hooks.register_temporarily(DASHBOARD_PANEL_HOOK, lambda: panel):
        body = client.get(URL).content.decode()
    assert f"Tugas untuk {pegawai.get_full_name()}" in body
    assert "Belum ada penugasan" not in body


def test_unknown_slot_is_refused():
    with pytest.raises(ValueError):
        DashboardPanel(slot="nowhere", template_name="x", get_context=dict)


@pytest.mark.parametrize("courses", [1, 8])
def test_dashboard_query_count_is_flat(
    client, index, pegawai, courses, django_assert_max_num_queries
):
    for i in range(courses):
        course = make_course(competencies=("BP-1", "AK"), lessons=2)
        if i % 2:
            finish(pegawai, course)
        else:
            services.enrolment_create(user=pegawai, course=course)
    client.force_login(pegawai)
    client.get(URL)
    # 13: the page, its panels (pimpinan's assignments) and the header's notification badge.
    with django_assert_max_num_queries(13) as captured:
        assert client.get(URL).status_code == 200
    print(f"\ndashboard with {courses} courses: {len(captured)} queries")
