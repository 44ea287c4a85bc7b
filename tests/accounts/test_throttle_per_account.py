"""The sign-in throttle counts per account, whichever identifier is typed (issue 19, item 3).

An account is named by its NIP (with or without spaces), its e-mail (in any case, with
surrounding spaces) and its username: every one of them must draw on the same five
guesses. An identifier that names no account is counted by itself and must look exactly
like a known one from outside: same status, same messages, locked after as many failures.
"""

import re
from html import unescape

import pytest

from django.core.cache import cache

from accounts.models import AuthEvent
from tests.factories import PegawaiUserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "sandi-rahasia-123"
LOGIN = "/akun/masuk/"
LOCKED = "Terlalu banyak percobaan masuk"
WRONG = "NIP/e-mail atau kata sandi salah"

# Every way the sign-in form accepts to name one account.
SPELLINGS = {
    "nip": lambda user: user.nip,
    "nip_spaced": lambda user: f"{user.nip[:8]} {user.nip[8:14]} {user.nip[14]} {user.nip[15:]}",
    "email": lambda user: user.email,
    "email_upper": lambda user: user.email.upper(),
    "email_padded": lambda user: f"  {user.email}  ",
    "username": lambda user: user.username,
    "username_padded": lambda user: f" {user.username} ",
}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def account():
    """A pengelola who has a NIP, an e-mail and a username of their own."""
    return PegawaiUserFactory(username="pengelola.sdm", email="Pengelola.SDM@Instansi.example")


def attempt(client, identifier, password):
    return client.post(LOGIN, {"username": identifier, "password": password})


def signed_in(response) -> bool:
    return "_auth_user_id" in response.wsgi_request.session


def form_errors(response) -> list[str]:
    """The messages shown to the person: what tells a known account from an unknown one."""
    found = re.findall(r'<ul class="errorlist[^"]*">(.*?)</ul>', response.content.decode(), re.S)
    return [unescape(re.sub(r"<[^>]+>", " ", block)).split() for block in found]


@pytest.mark.parametrize("failed_as", sorted(SPELLINGS))
def test_failures_by_one_identifier_lock_every_other(client, settings, account, failed_as):
    for _ in range(settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT):
        assert not signed_in(attempt(client, SPELLINGS[failed_as](account), "tebakan"))
    for name, spell in SPELLINGS.items():
        response = attempt(client, spell(account), PASSWORD)
        assert not signed_in(response), f"{name} signed in after failures as {failed_as}"
        assert LOCKED in response.content.decode(), name


def test_one_account_gets_five_guesses_in_all_not_five_per_identifier(client, settings, account):
    for spell in (SPELLINGS["nip"], SPELLINGS["email"], SPELLINGS["username"]):
        for _ in range(settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT):
            attempt(client, spell(account), "tebakan")
    checked = AuthEvent.objects.filter(kind=AuthEvent.Kind.LOGIN_FAILED).count()
    assert checked == settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT
    refused = AuthEvent.objects.filter(kind=AuthEvent.Kind.LOCKED).count()
    assert refused == 2 * settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT


def test_a_success_clears_the_count_for_every_identifier(client, settings, account):
    for _ in range(settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT - 1):
        attempt(client, account.nip, "tebakan")
    assert signed_in(attempt(client, account.email, PASSWORD))
    client.logout()
    for _ in range(settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT - 1):
        attempt(client, account.username, "tebakan")
    assert signed_in(attempt(client, account.nip, PASSWORD))


def test_another_account_is_not_locked_by_someone_elses_failures(client, settings, account):
    other = PegawaiUserFactory()
    for _ in range(settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT):
        attempt(client, account.nip, "tebakan")
    assert signed_in(attempt(client, other.email, PASSWORD))


@pytest.mark.parametrize(
    ("known", "unknown"),
    [
        (SPELLINGS["nip"], lambda user: "198001012006041999"),
        (SPELLINGS["email"], lambda user: "tidak.ada@instansi.example"),
        (SPELLINGS["username"], lambda user: "bukan.siapa.siapa"),
    ],
    ids=["nip", "email", "username"],
)
def test_unknown_identifiers_answer_like_known_ones(settings, account, known, unknown):
    from django.test import Client

    answers = {}
    for label, identifier in (("known", known(account)), ("unknown", unknown(account))):
        client = Client()
        seen = [attempt(client, identifier, "tebakan") for _ in range(6)]
        answers[label] = [(r.status_code, form_errors(r)) for r in seen]
        cache.clear()  # the address counter too: each side starts alike
    assert answers["known"] == answers["unknown"]
    assert WRONG.split()[0] in answers["known"][0][1][0]
    assert LOCKED.split()[0] in answers["known"][-1][1][0]


def test_unknown_identifier_is_counted_however_it_is_typed(client, settings):
    spellings = [
        "Tidak.Ada@Instansi.example",
        " tidak.ada@instansi.example",
        "TIDAK.ADA@INSTANSI.EXAMPLE",
    ]
    for index in range(settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT):
        attempt(client, spellings[index % len(spellings)], "tebakan")
    response = attempt(client, "tidak.ada@instansi.example", "tebakan")
    assert LOCKED in response.content.decode()
