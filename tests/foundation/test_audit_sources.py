"""Other apps' audit tables join the trail through the register_audit_source hook, so
foundation needs no import of them (the layers: tests/architecture)."""

from foundation.audit.sources import registered_sources


def test_sign_in_events_reach_the_trail_through_the_registered_source():
    source = registered_sources()["auth"]
    assert source.action_prefix == "accounts.auth."
    assert source.load().model._meta.label == "accounts.AuthEvent"
