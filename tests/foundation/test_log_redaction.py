"""No NIP in the logs: the LOGGING filter masks every 18-digit run in every record."""

import logging

import pytest

from django.conf import settings

from foundation.log_redaction import MaskNipFilter, mask_nips
from tests.factories import make_nip

NIP = make_nip(serial=321)


def test_mask_nips_masks_18_digit_runs_only():
    assert mask_nips(f"cari {NIP}.") == f"cari {NIP[:4]}{'•' * 10}{NIP[-4:]}."
    assert mask_nips("id 12345678901234567890 dan 1234567") == (
        "id 12345678901234567890 dan 1234567"
    )


def test_logging_config_puts_the_filter_on_every_handler():
    handlers = settings.LOGGING["handlers"]
    assert all("mask_nip" in handler.get("filters", []) for handler in handlers.values())
    root_handlers = logging.getLogger().handlers
    assert any(isinstance(f, MaskNipFilter) for h in root_handlers for f in h.filters)


@pytest.mark.django_db
def test_a_404_on_a_path_with_a_nip_is_logged_masked(client, caplog):
    caplog.set_level(logging.WARNING, logger="django.request")
    response = client.get(f"/tidak-ada/{NIP}/")
    assert response.status_code == 404
    messages = [record.getMessage() for record in caplog.records]
    assert any("Not Found" in message for message in messages)
    assert not any(NIP in message for message in messages)


def test_arguments_and_tracebacks_are_masked(caplog):
    logger = logging.getLogger("bina.uji")
    caplog.set_level(logging.INFO, logger="bina.uji")
    logger.info("Impor baris %s untuk NIP %s", 3, NIP)
    try:
        raise ValueError(f"NIP {NIP} tidak terdaftar")
    except ValueError:
        logger.exception("Gagal")
    assert [NIP in r.getMessage() for r in caplog.records] == [False, False]
    assert NIP not in (caplog.records[1].exc_text or "")
    assert "Impor baris 3 untuk NIP" in caplog.records[0].getMessage()


def test_decimals_are_not_taken_for_nips():
    """Celery logs a task's run time with 18+ fraction digits; that is no NIP."""
    line = "Task learning.x[abc] succeeded in 0.004012345678908901s: None"
    assert mask_nips(line) == line
    assert mask_nips("nilai 123456789012345678.5 dan 3,123456789012345678") == (
        "nilai 123456789012345678.5 dan 3,123456789012345678"
    )
    assert mask_nips(f"NIP {NIP}.") == f"NIP {NIP[:4]}{'•' * 10}{NIP[-4:]}."
    assert mask_nips(f"nip={NIP}&x=1") == f"nip={NIP[:4]}{'•' * 10}{NIP[-4:]}&x=1"
