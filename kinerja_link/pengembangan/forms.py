from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DevelopmentForm, RencanaItem
from .services import ItemData


class ItemForm(forms.Form):
    """One planned activity on the pegawai's phone: form, JP, dates, or remove it."""

    form = forms.ChoiceField(label=_("Bentuk pengembangan"), choices=DevelopmentForm.choices)
    target_jp = forms.DecimalField(
        label=_("Target JP"), min_value=Decimal(0), max_value=Decimal(999), decimal_places=1
    )
    start_date = forms.DateField(
        label=_("Mulai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("Selesai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    remove = forms.BooleanField(label=_("Hapus kegiatan ini"), required=False)

    def __init__(self, *args, item: RencanaItem, **kwargs):
        self.item = item
        kwargs.setdefault(
            "initial",
            {
                "form": item.form,
                "target_jp": item.target_jp,
                "start_date": item.start_date,
                "end_date": item.end_date,
            },
        )
        kwargs["prefix"] = f"item-{item.pk}"
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        start: datetime.date | None = data.get("start_date")
        end: datetime.date | None = data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return data

    def item_data(self) -> ItemData:
        data = self.cleaned_data
        return ItemData(
            form=data["form"],
            target_jp=data["target_jp"],
            start_date=data.get("start_date"),
            end_date=data.get("end_date"),
        )


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Catatan untuk pegawai"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib diisi bila rencana dikembalikan untuk diperbaiki."),
    )


class StandarImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas (XLSX atau CSV)"),
        help_text=_("Kolom: jabatan, kode_unit, kode_kompetensi, level (1–5)."),
    )
