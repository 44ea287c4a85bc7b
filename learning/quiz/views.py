"""Quiz views: thin, each checks that the attempt is the asker's own (404 otherwise)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.access import role_required
from learning.models import Enrolment
from learning.quiz import reports, selectors, services
from learning.quiz.forms import EssayGradeForm
from learning.quiz.models import QuizAnswer, QuizAttempt, QuizPage
from learning.quiz.safe_text import render_text


def quiz_gate(request, quiz: QuizPage):
    """The quiz page is for the enrolled; editors preview freely."""
    if getattr(request, "is_preview", False):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = quiz.get_parent()
    if not Enrolment.objects.filter(user=request.user, course_id=course.pk).exists():
        messages.info(request, _("Daftar ke kursus ini untuk mengerjakan kuisnya."))
        return HttpResponseRedirect(course.url)
    return None


def _own_attempt(request, attempt_id: int) -> QuizAttempt:
    attempts = QuizAttempt.objects.select_related("quiz").filter(user=request.user)
    return get_object_or_404(attempts, pk=attempt_id)


@login_required
@require_POST
def quiz_start(request, quiz: QuizPage):
    try:
        attempt = services.attempt_start(user=request.user, quiz=quiz)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(quiz.url)
    return redirect("quiz:attempt", attempt_id=attempt.pk)


@login_required
@require_GET
def attempt_page(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_in_progress and services.attempt_autoclose(attempt_id=attempt.pk):
        messages.warning(request, _("Waktu habis: jawaban yang tersimpan tepat waktu dinilai."))
        attempt.refresh_from_db()
    if not attempt.is_in_progress:
        return redirect("quiz:review", attempt_id=attempt.pk)
    context = selectors.attempt_form(attempt)
    context["quiz"] = attempt.quiz
    return render(request, "quiz/attempt.html", context)


@login_required
@require_POST
def attempt_autosave(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    try:
        services.attempt_save(user=request.user, attempt_id=attempt.pk, data=request.POST)
    except services.AttemptClosed:
        review = reverse("quiz:review", kwargs={"attempt_id": attempt.pk})
        return JsonResponse({"saved": False, "closed": True, "review_url": review}, status=409)
    return JsonResponse({"saved": True})


@login_required
@require_POST
def attempt_submit(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    try:
        attempt = services.attempt_submit(
            user=request.user, attempt_id=attempt.pk, data=request.POST
        )
    except services.AttemptClosed:
        # A second click or a stale tab: the attempt was graded once already.
        messages.info(request, _("Percobaan ini sudah dikirim sebelumnya."))
        return redirect("quiz:review", attempt_id=attempt.pk)
    if attempt.auto_closed:
        messages.warning(request, _("Waktu habis: jawaban yang tersimpan tepat waktu dinilai."))
    else:
        messages.success(request, _("Jawaban Anda sudah dikirim."))
    return redirect("quiz:review", attempt_id=attempt.pk)


@login_required
@require_GET
def attempt_review(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_in_progress:
        return redirect("quiz:attempt", attempt_id=attempt.pk)
    context = selectors.attempt_review(attempt)
    context["quiz"] = attempt.quiz
    return render(request, "quiz/review.html", context)


# --- pengelola: essay marking and reports -------------------------------------------------


@role_required(*services.GRADER_ROLES)
@require_GET
def marking_queue(request):
    items = reports.marking_queue(request.user)
    for item in items:
        item.html = render_text(item.question.text, item.question.text_format)
    quizzes = QuizPage.objects.live().order_by("title").only("pk", "title")
    return render(request, "quiz/marking_queue.html", {"items": items, "quizzes": quizzes})


@role_required(*services.GRADER_ROLES)
@require_POST
def essay_grade(request, answer_id: int):
    form = EssayGradeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nilai harus angka 0 sampai 100."))
        return redirect("quiz:marking_queue")
    try:
        services.answer_grade_manual(
            by=request.user,
            answer_id=answer_id,
            fraction=form.cleaned_data["percent"] / 100,
            comment=form.cleaned_data["comment"],
        )
    except QuizAnswer.DoesNotExist as error:
        raise Http404 from error
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [_("Tidak diizinkan.")])))
        return redirect("quiz:marking_queue")
    messages.success(request, _("Nilai uraian tersimpan."))
    return redirect("quiz:marking_queue")


@role_required(*services.GRADER_ROLES)
@require_GET
def quiz_report(request, quiz_id: int):
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    context = reports.quiz_report(quiz)
    context["quiz"] = quiz
    return render(request, "quiz/report.html", context)
