import json
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from django.urls import reverse
from django.utils import timezone

from learning import services as learning_services
from learning.quiz import services
from learning.quiz.models import QuizAttempt, ReviewWhen
from learning.quiz.safe_text import render_text, sanitize_html
from learning.quiz.types import Choice, MatchPair, TextFormat
from tests.learning.factories import action_url, make_course

from .conftest import answers
from .factories import make_question, make_quiz, matching, numerical, short_answer, single_choice

pytestmark = pytest.mark.django_db

SECRETS = (
    "UMPAN-UMUM-RAHASIA",
    "UMPAN-BENAR-RAHASIA",
    "UMPAN-SALAH-RAHASIA",
    "JAWABAN-ISIAN-RAHASIA",
    "fraction",
)
XSS = (
    '<script>alert("x")</script><img src=x onerror="alert(1)">'
    '<a href="javascript:alert(2)">klik</a><b onclick="alert(3)">tebal</b>'
)


@pytest.fixture
def full_quiz(course):
    questions = [
        make_question(single_choice()),
        make_question(short_answer()),
        make_question(numerical()),
        make_question(matching()),
    ]
    return make_quiz(course, questions, max_attempts=0)


def test_nothing_revealing_answers_reaches_the_browser_before_review(client, full_quiz, enrolled):
    client.force_login(enrolled)
    response = client.post(action_url(full_quiz, "start"))
    attempt = QuizAttempt.objects.get(user=enrolled)
    assert response.url == reverse("quiz:attempt", args=[attempt.pk])
    html = client.get(response.url).content.decode()
    assert "Nilai dasar ASN adalah?" in html and 'value="0"' in html
    # Choices go out as positions: bank ids follow file order and would hint the answer.
    assert 'value="a1"' not in html and 'value="p1"' not in html
    saved = client.post(reverse("quiz:autosave", args=[attempt.pk]), answers(attempt, q1="a1"))
    landing = client.get(full_quiz.url).content.decode()
    for text in (html, json.dumps(saved.json()), landing):
        for secret in SECRETS:
            assert secret not in text
    assert saved.json() == {"saved": True}
    refreshed = client.get(reverse("quiz:attempt", args=[attempt.pk])).content.decode()
    position = attempt.layout[0]["order"].index("a1")
    assert f'value="{position}" checked' in refreshed  # a refresh keeps the autosaved answer


def test_review_follows_the_review_options(client, full_quiz, enrolled):
    full_quiz.review_feedback = ReviewWhen.IMMEDIATELY
    full_quiz.review_right_answers = ReviewWhen.AFTER_CLOSE
    full_quiz.review_marks = ReviewWhen.NEVER
    full_quiz.save()
    client.force_login(enrolled)
    attempt = services.attempt_start(user=enrolled, quiz=full_quiz)
    services.attempt_submit(user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a2"))
    html = client.get(reverse("quiz:review", args=[attempt.pk])).content.decode()
    assert "UMPAN-SALAH-RAHASIA" in html and "UMPAN-UMUM-RAHASIA" in html
    assert "JAWABAN-ISIAN-RAHASIA" not in html  # right answers only after close
    assert "Poin" not in html and "Nilai:" not in html

    full_quiz.review_feedback = ReviewWhen.NEVER
    full_quiz.review_right_answers = ReviewWhen.IMMEDIATELY
    full_quiz.save()
    html = client.get(reverse("quiz:review", args=[attempt.pk])).content.decode()
    assert "UMPAN-SALAH-RAHASIA" not in html
    assert "JAWABAN-ISIAN-RAHASIA" in html


def test_a_second_submit_redirects_to_the_review_without_regrading(client, quiz, enrolled):
    client.force_login(enrolled)
    client.post(action_url(quiz, "start"))
    attempt = QuizAttempt.objects.get(user=enrolled)
    submit = reverse("quiz:submit", args=[attempt.pk])
    first = client.post(submit, answers(attempt, q1="a1"))
    second = client.post(submit, answers(attempt, q1="a2", q2="true"))
    review = reverse("quiz:review", args=[attempt.pk])
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == review
    assert QuizAttempt.objects.get(pk=attempt.pk).score == 50
    late_save = client.post(reverse("quiz:autosave", args=[attempt.pk]), answers(attempt, q1="a2"))
    assert late_save.status_code == 409 and late_save.json()["review_url"] == review
    assert client.get(reverse("quiz:attempt", args=[attempt.pk])).url == review


@pytest.mark.parametrize("name", ["attempt", "review", "autosave", "submit"])
def test_someone_elses_attempt_is_a_404(client, quiz, enrolled, other_pegawai, name):
    attempt = services.attempt_start(user=enrolled, quiz=quiz)
    client.force_login(other_pegawai)
    url = reverse(f"quiz:{name}", args=[attempt.pk])
    response = client.post(url) if name in ("autosave", "submit") else client.get(url)
    missing = reverse(f"quiz:{name}", args=[attempt.pk + 1000])
    gone = client.post(missing) if name in ("autosave", "submit") else client.get(missing)
    assert response.status_code == gone.status_code == 404


def test_quiz_page_needs_login_and_enrolment(client, quiz, pegawai):
    assert client.get(quiz.url).status_code == 302
    client.force_login(pegawai)
    response = client.get(quiz.url)
    assert response.status_code == 302 and response.url == quiz.get_parent().url


def test_quiz_page_shows_attempts_with_flat_queries(
    client, quiz, enrolled, django_assert_max_num_queries
):
    client.force_login(enrolled)
    counts = []
    for _round in range(2):
        attempt = services.attempt_start(user=enrolled, quiz=quiz)
        services.attempt_submit(
            user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a1")
        )
        with django_assert_max_num_queries(40) as captured:
            assert client.get(quiz.url).status_code == 200
        counts.append(len(captured))
    assert counts[1] <= counts[0]  # the first request also writes the session


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("fmt", list(TextFormat))
def test_rendered_text_has_no_active_elements_or_attributes(fmt):
    found = elements(str(render_text(XSS, fmt)))
    assert {tag for tag, _attrs in found} <= {"p", "b", "br"}
    assert all(attrs == {} for _tag, attrs in found)


def test_sanitiser_keeps_formatting_and_drops_the_rest():
    assert sanitize_html(XSS) == "klik<b>tebal</b>"
    assert sanitize_html("<p>a<em>b</p>c") == "<p>a<em>b</em></p>c"


def test_xss_in_question_text_and_choices_is_neutralised_in_the_page(client, course, enrolled):
    question = single_choice(text=XSS, text_format=TextFormat.HTML)
    question = replace(question, choices=(Choice("a1", XSS, 1), *question.choices[1:]))
    quiz = make_quiz(course, [make_question(question)])
    client.force_login(enrolled)
    client.post(action_url(quiz, "start"))
    attempt = QuizAttempt.objects.get(user=enrolled, quiz=quiz)
    html = client.get(reverse("quiz:attempt", args=[attempt.pk])).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert html.count("<b>tebal</b>") == 2
    assert not [tag for tag, _attrs in elements(main) if tag in ("script", "img", "a")]
    assert not [attrs for _tag, attrs in elements(main) if any(k.startswith("on") for k in attrs)]


def test_opening_an_overdue_attempt_closes_it_and_shows_the_review(client, course, enrolled):
    import datetime

    import time_machine

    quiz = make_quiz(course, [make_question()], time_limit_minutes=1, grace_seconds=0)
    client.force_login(enrolled)
    start = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        attempt = services.attempt_start(user=enrolled, quiz=quiz)
        page = client.get(reverse("quiz:attempt", args=[attempt.pk]))
        deadline = timezone.localtime(start + datetime.timedelta(minutes=1)).isoformat()
        assert page.status_code == 200 and f'datetime="{deadline}"' in page.content.decode()
        traveller.shift(datetime.timedelta(minutes=2))
        response = client.get(reverse("quiz:attempt", args=[attempt.pk]))
    assert response.url == reverse("quiz:review", args=[attempt.pk])
    assert QuizAttempt.objects.get(pk=attempt.pk).auto_closed


def test_course_page_links_its_quiz_for_the_enrolled(client, quiz, enrolled, other_pegawai):
    client.force_login(enrolled)
    html = client.get(quiz.get_parent().url).content.decode()
    assert f'href="{quiz.url}"' in html and "wajib lulus" in html
    client.force_login(other_pegawai)
    html = client.get(quiz.get_parent().url).content.decode()
    assert quiz.title in html and f'href="{quiz.url}"' not in html


@pytest.mark.parametrize("name", ["attempt", "review"])
def test_attempt_and_review_queries_do_not_grow_with_questions(
    client, course, enrolled, django_assert_max_num_queries, name
):
    client.force_login(enrolled)
    counts = []
    for size in (2, 10):
        # One quiz per course; attempts protect their quiz, so each size gets its own course.
        own_course = make_course()
        learning_services.enrolment_create(user=enrolled, course=own_course)
        quiz = make_quiz(own_course, [make_question() for _ in range(size)], max_attempts=0)
        attempt = services.attempt_start(user=enrolled, quiz=quiz)
        if name == "review":
            services.attempt_submit(user=enrolled, attempt_id=attempt.pk, data=answers(attempt))
        url = reverse(f"quiz:{name}", args=[attempt.pk])
        client.get(url)  # warm the session and the cached site links (reset by page deletes)
        with django_assert_max_num_queries(20) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[1] <= counts[0], counts


def test_matching_items_written_in_html_render_as_html_on_attempt_and_review(
    client, course, enrolled
):
    html_matching = replace(
        matching(),
        text="<p>Pasangkan <strong>kode</strong> nilai.</p>",
        text_format=TextFormat.HTML,
        pairs=(
            MatchPair("p1", "<p>BP</p>", "Berorientasi Pelayanan"),
            MatchPair("p2", "<p><em>AK</em><script>alert(1)</script></p>", "Akuntabel"),
        ),
    )
    quiz = make_quiz(
        course, [make_question(html_matching)], review_right_answers=ReviewWhen.IMMEDIATELY
    )
    client.force_login(enrolled)
    attempt = services.attempt_start(user=enrolled, quiz=quiz)
    page = client.get(reverse("quiz:attempt", args=[attempt.pk])).content.decode()
    services.attempt_submit(user=enrolled, attempt_id=attempt.pk, data=answers(attempt))
    review = client.get(reverse("quiz:review", args=[attempt.pk])).content.decode()
    for html in (page, review):
        assert "&lt;p&gt;" not in html and "&lt;em&gt;" not in html
        assert "<script>alert(1)" not in html
        assert ">BP</label>" in html and "<em>AK</em>" in html
    assert "BP → Berorientasi Pelayanan" in review  # the right answers, in line
