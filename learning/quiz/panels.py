"""Admin panels of the quiz page."""

from __future__ import annotations

import contextlib

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import HelpPanel

REVIEW_ADVICE = _(
    "Aturan aman: tampilkan jawaban benar “Setelah kuis ditutup”. Jika jawaban benar tampil "
    "segera setelah dikirim, peserta yang gagal dapat menyalin kunci jawaban pada percobaan "
    "berikutnya."
)
REVIEW_WARNING = _(
    "Peringatan: jawaban benar ditampilkan segera setelah dikirim, padahal kuis ini "
    "mengizinkan lebih dari satu percobaan. Peserta yang gagal akan melihat semua kunci "
    "jawaban sebelum mencoba lagi. Pilih “Setelah kuis ditutup” atau “Tidak pernah”, atau "
    "batasi percobaan menjadi 1."
)


def review_leaks_answers(*, review_right_answers: str, max_attempts: int | None) -> bool:
    """Immediate right answers with a second attempt allowed (0 = unlimited) give the key away."""
    from learning.quiz.models import ReviewWhen

    return review_right_answers == ReviewWhen.IMMEDIATELY and max_attempts != 1


class ReviewTimingPanel(HelpPanel):
    """Advice on review timing that turns into a warning when the quiz's own settings (as
    saved, or as just posted) show the right answers immediately and allow another attempt."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.leaks = self._leaks()
            if self.leaks:
                self.content = format_html("<p><strong>{}</strong></p>", REVIEW_WARNING)
            else:
                self.content = format_html("<p>{}</p>", REVIEW_ADVICE)

        @property
        def classname(self) -> str:
            if self.leaks:
                return "help-block help-warning quiz-review-warning"
            return "help-block help-info"

        def _leaks(self) -> bool:
            form, instance = self.form, self.instance
            when = getattr(instance, "review_right_answers", "")
            attempts = getattr(instance, "max_attempts", None)
            if form is not None and form.is_bound:
                when = form.data.get("review_right_answers", when)
                with contextlib.suppress(TypeError, ValueError):
                    attempts = int(form.data.get("max_attempts", attempts))
            return review_leaks_answers(review_right_answers=when, max_attempts=attempts)
