"""Every writer and reader of ``Evaluasi.perilaku_catatan`` agrees on its format."""

import pytest

from kinerja_link import perilaku_catatan
from kinerja_link.exporting import pembinaan_summary
from kinerja_link.importing.columns import BERAKHLAK
from kinerja_link.models import Evaluasi
from kinerja_link.views import PerilakuNotesForm

from .factories import EvaluasiFactory

# "Truthy but not JSON true": a hand-edited or foreign row must not count as flagged.
# (Not the string "true": SQLite's JSON_EXTRACT reads it as true; no writer produces it.)
NOT_TRUE = ["ya", 1, {"x": 1}]


def test_the_form_and_the_import_write_the_same_notes():
    by_form = perilaku_catatan.with_edits(
        BERAKHLAK, {"AK": True, "KL": False}, {"AK": "Terlambat.", "KL": ""}
    )
    by_import = perilaku_catatan.with_flags({"AK": {"catatan": "Terlambat."}}, ["AK"])
    assert by_form == by_import == {"AK": {"perlu_pembinaan": True, "catatan": "Terlambat."}}
    assert perilaku_catatan.without_text(by_form) == {"AK": {"perlu_pembinaan": True}}


@pytest.mark.django_db
@pytest.mark.parametrize("value", NOT_TRUE)
def test_only_json_true_flags_a_value_for_every_reader(value):
    notes = {"AK": {"perlu_pembinaan": value}, "KL": {"perlu_pembinaan": True}}
    evaluasi = EvaluasiFactory(perilaku_catatan=notes)
    in_sql = {
        code
        for code in BERAKHLAK
        if Evaluasi.objects.filter(perilaku_catatan.flagged_q(code), pk=evaluasi.pk).exists()
    }
    form = PerilakuNotesForm(evaluasi=evaluasi)
    on_the_form = {code for code in BERAKHLAK if form.fields[f"flag_{code}"].initial}
    assert in_sql == on_the_form == set(perilaku_catatan.flagged_codes(notes)) == {"KL"}
    assert "KL" in pembinaan_summary(evaluasi)
    assert "AK" not in pembinaan_summary(evaluasi)
