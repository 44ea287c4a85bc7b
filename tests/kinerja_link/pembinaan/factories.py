"""Factories for pembinaan records."""

import datetime

import factory

from kinerja_link.pembinaan.models import (
    Assignment,
    PembinaanRule,
    PembinaanSession,
    Recommendation,
    SessionKind,
)
from tests.factories import PegawaiFactory
from tests.kinerja_link.factories import EvaluasiFactory


class PembinaanRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PembinaanRule

    code = factory.Sequence(lambda n: f"aturan-{n}")
    name = factory.Sequence(lambda n: f"Aturan {n}")
    valid_from = datetime.date(2020, 1, 1)
    session_kind = SessionKind.COACHING


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    evaluasi = factory.SubFactory(EvaluasiFactory)
    pegawai = factory.SelfAttribute("evaluasi.pegawai")
    rule = factory.SubFactory(PembinaanRuleFactory)
    session_kind = SessionKind.COACHING
    reason = "Predikat Butuh Perbaikan pada Triwulan III 2026"


class AssignmentFactory(factory.django.DjangoModelFactory):
    """``course`` must be given: courses are Wagtail pages (tests.learning.factories)."""

    class Meta:
        model = Assignment

    pegawai = factory.SubFactory(PegawaiFactory)
    due_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))


class PembinaanSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PembinaanSession

    kind = SessionKind.COACHING
    held_by = factory.SubFactory(PegawaiFactory)
    date = factory.LazyFunction(datetime.date.today)
    topics = "Menyusun RHK yang terukur"
