"""Factories shared by every app's tests."""

import datetime
import itertools

import factory

from django.contrib.auth import get_user_model

from kinerja_link.models import JenisJabatan, Pegawai, UnitKerja

_serial = itertools.count(1)


def make_nip(
    *,
    birth: datetime.date = datetime.date(1986, 9, 26),
    tmt: str = "201505",
    sex: str = "1",
    serial: int | None = None,
) -> str:
    """A valid PNS NIP; serials increase so every call gives a new one."""
    number = serial if serial is not None else next(_serial) % 999 + 1
    return f"{birth:%Y%m%d}{tmt}{sex}{number:03d}"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    display_name = factory.Faker("name", locale="id_ID")
    password = factory.PostGenerationMethodCall("set_password", "sandi-rahasia-123")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PegawaiUserFactory(UserFactory):
    nip = factory.Sequence(
        lambda n: make_nip(
            birth=datetime.date(1980, 1, 1) + datetime.timedelta(days=n // 999), serial=n % 999 + 1
        )
    )
    username = factory.LazyAttribute(lambda u: u.nip)


class UnitKerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitKerja

    nama = factory.Sequence(lambda n: f"Unit {n}")
    kode = factory.Sequence(lambda n: f"U{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            return model_class.add_root(**kwargs)
        return parent.add_child(**kwargs)


class PegawaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pegawai

    user = factory.SubFactory(PegawaiUserFactory)
    unit = factory.SubFactory(UnitKerjaFactory)
    jabatan = "Analis Kebijakan Ahli Pertama"
    jenis_jabatan = JenisJabatan.FUNGSIONAL
    golongan = "III/a"
