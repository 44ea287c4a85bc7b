import pytest

from .fake_siasn import FakeSiasn, start


@pytest.fixture
def fake_siasn(settings):
    """A fake SIASN on a free local port, with the connector's settings pointed at it."""
    from kinerja_link.siasn import client

    fake = FakeSiasn()
    server = start(fake)
    for name, value in fake.settings().items():
        setattr(settings, name, value)
    client._tokens.clear()  # tokens of another test's fake mean nothing here
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
