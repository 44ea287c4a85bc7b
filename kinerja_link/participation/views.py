"""Public pages of participation: services with their IKM, the SKM survey (opened by QR),
the printable poster with the QR code, feedback forms, and a unit's IKM.

Anonymous GETs of the read-only pages are cached whole by ``portal.page_cache`` (the views
are marked ``anonymous_page_cache``); every change that moves a figure refreshes the
transparency snapshot, whose store drops the cached pages. Forms are never cached.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.models import Page

from accounts.two_factor import qr_svg
from kinerja_link.models import UnitKerja

from . import abuse
from .chart import ikm_trend_chart
from .forms import FeedbackForm, SurveyForm
from .ikm import MUTU_TABLE
from .models import ELEMENTS, Layanan
from .selectors import (
    active_layanan,
    ikm_by_layanan,
    ikm_of,
    ikm_trend,
    periode_label,
    published_feedback,
    responses_of_unit,
)
from .services import feedback_submit, ikm_min_respondents, survey_submit


def cacheable(view):
    """Mark a read-only public view for the anonymous whole-page cache."""
    view.anonymous_page_cache = True
    return view


def _public(response):
    patch_cache_control(response, public=True, max_age=300)
    return response


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def _layanan(public_id) -> Layanan:
    return get_object_or_404(Layanan.objects.select_related("unit"), public_id=public_id)


@cacheable
@require_GET
def index(request):
    services = list(active_layanan())
    year = timezone.localdate().year
    ikm = ikm_by_layanan([s.pk for s in services], periode_prefix=f"{year}-")
    rows = [(service, ikm.get(service.pk)) for service in services]
    return _public(
        render(
            request,
            "participation/index.html",
            {"rows": rows, "year": year, "min_respondents": ikm_min_respondents()},
        )
    )


def _trend_context(responses, title: str) -> dict:
    trend = ikm_trend(responses)
    points = [(periode_label(periode), ikm) for periode, ikm in trend]
    return {
        "trend": points,
        "chart": ikm_trend_chart(
            [
                (label, ikm.value)
                for label, ikm in points
                if ikm.respondents >= ikm_min_respondents()
            ],
            title=title,
        )
        if points
        else "",
    }


@cacheable
@require_GET
def layanan_detail(request, public_id):
    layanan = _layanan(public_id)
    responses = layanan.responses.all()
    ikm = ikm_of(responses)
    context = {
        "layanan": layanan,
        "ikm": ikm,
        "elements": [(code, label, ikm.nrr[code] if ikm else None) for code, label in ELEMENTS],
        "feedback": published_feedback(layanan=layanan)[:20],
        "min_respondents": ikm_min_respondents(),
        "mutu_table": MUTU_TABLE,
        **_trend_context(responses, _("Tren IKM %(layanan)s") % {"layanan": layanan.nama}),
    }
    return _public(render(request, "participation/layanan.html", context))


@cacheable
@require_GET
def unit_detail(request, unit_id):
    unit = get_object_or_404(UnitKerja, pk=unit_id)
    services = list(Layanan.objects.filter(unit=unit, is_active=True).order_by("nama"))
    if not services:
        raise Http404
    responses = responses_of_unit(unit)
    context = {
        "unit": unit,
        "ikm": ikm_of(responses),
        "rows": [(s, ikm_by_layanan([s.pk]).get(s.pk)) for s in services][:50],
        "min_respondents": ikm_min_respondents(),
        **_trend_context(responses, _("Tren IKM %(unit)s") % {"unit": unit.nama}),
    }
    return _public(render(request, "participation/unit.html", context))


def _refused(request, template: str, context: dict, message: str, status: int = 429):
    context["refusal"] = message
    return _private(render(request, template, context, status=status))


@require_http_methods(["GET", "POST"])
def survey(request, public_id):
    layanan = _layanan(public_id)
    template = "participation/survey.html"
    if not layanan.is_active:
        raise Http404
    if request.method == "GET":
        return _private(render(request, template, {"layanan": layanan, "form": SurveyForm()}))
    form = SurveyForm(request.POST)
    context = {"layanan": layanan, "form": form}
    target = str(layanan.public_id)
    if form.is_bot():  # a bot: thank it and keep nothing
        return redirect("partisipasi:terima_kasih", public_id=layanan.public_id)
    if abuse.limit_reached(request, scope="skm", target=target):
        return _refused(
            request,
            template,
            context,
            _("Terlalu banyak jawaban dalam waktu singkat. Silakan coba lagi nanti."),
        )
    if not form.is_valid():
        form.refresh_challenge()
        return _private(render(request, template, context, status=400))
    answers = {key: form.cleaned_data.get(key) for key in form.fields}
    fingerprint = "|".join(f"{code}={answers[code]}" for code, _label in ELEMENTS)
    if abuse.is_duplicate(request, target=target, content=fingerprint + str(answers["saran"])):
        messages.info(request, _("Jawaban Anda sudah kami terima sebelumnya. Terima kasih!"))
        return redirect("partisipasi:terima_kasih", public_id=layanan.public_id)
    try:
        survey_submit(layanan=layanan, answers=answers)
    except ValidationError as exc:
        form.add_error(None, exc)
        form.refresh_challenge()
        return _private(render(request, template, context, status=400))
    abuse.count_submission(request, scope="skm", target=target)
    return redirect("partisipasi:terima_kasih", public_id=layanan.public_id)


@require_GET
def thanks(request, public_id):
    layanan = _layanan(public_id)
    return _private(render(request, "participation/thanks.html", {"layanan": layanan}))


def _feedback_target(layanan: Layanan | None, article: Page | None) -> tuple[str, str]:
    """Where to go back to, and the rate-limit key of the target."""
    if layanan is not None:
        return reverse("partisipasi:layanan", args=[layanan.public_id]), f"l{layanan.pk}"
    if article is not None:
        return article.url or "/", f"a{article.pk}"
    raise Http404


def _feedback(request, *, layanan: Layanan | None, article: Page | None):
    template = "participation/feedback.html"
    back, target = _feedback_target(layanan, article)
    data = request.POST if request.method == "POST" else None
    form = FeedbackForm(data, for_service=layanan is not None)
    context = {
        "layanan": layanan,
        "article": article,
        "form": form,
        "back": back,
        "feedback": published_feedback(article_id=article.pk)[:20] if article else [],
    }
    if request.method == "GET":
        return _private(render(request, template, context))
    if form.is_bot():
        messages.success(request, _("Terima kasih. Masukan Anda akan diperiksa moderator."))
        return redirect(back)
    if abuse.limit_reached(request, scope="masukan", target=target):
        message = _("Terlalu banyak masukan dalam waktu singkat. Silakan coba lagi nanti.")
        return _refused(request, template, context, message)
    if form.is_valid():
        data = form.cleaned_data
        if abuse.is_duplicate(request, target=target, content=data["isi"].strip()):
            messages.info(request, _("Masukan yang sama sudah kami terima. Terima kasih!"))
            return redirect(back)
        try:
            _feedback_save(data, layanan=layanan, article=article)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            abuse.count_submission(request, scope="masukan", target=target)
            messages.success(
                request,
                _("Terima kasih. Masukan Anda akan ditampilkan setelah diperiksa moderator."),
            )
            return redirect(back)
    form.refresh_challenge()
    return _private(render(request, template, context, status=400))


def _feedback_save(data: dict, *, layanan: Layanan | None, article: Page | None) -> None:
    feedback_submit(
        kind=data["jenis"],
        text=data["isi"],
        layanan=layanan,
        article_id=None if article is None else article.pk,
        sender_email=data.get("email") or "",
        about_staff_service=bool(data.get("tentang_petugas")),
    )


@require_http_methods(["GET", "POST"])
def feedback_layanan(request, public_id):
    layanan = _layanan(public_id)
    return _feedback(request, layanan=layanan, article=None)


@require_http_methods(["GET", "POST"])
def feedback_article(request, page_id):
    page = get_object_or_404(Page.objects.live().public().specific(), pk=page_id)
    if page.specific_class.__name__ != "ArticlePage":
        raise Http404
    return _feedback(request, layanan=None, article=page)


def _survey_url(request, layanan: Layanan) -> str:
    return request.build_absolute_uri(reverse("partisipasi:survei", args=[layanan.public_id]))


@cacheable
@require_GET
def qr(request, public_id):
    layanan = _layanan(public_id)
    response = HttpResponse(qr_svg(_survey_url(request, layanan)), content_type="image/svg+xml")
    return _public(response)


@cacheable
@require_GET
def poster(request, public_id):
    layanan = _layanan(public_id)
    context = {"layanan": layanan, "survey_url": _survey_url(request, layanan)}
    return _public(render(request, "participation/poster.html", context))
