"""gunicorn.conf.py sets its worker timeouts explicitly (issue 19, item 4)."""

import runpy

from tests.conftest import ROOT


def test_gunicorn_sets_explicit_timeouts():
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    # Chosen, not gunicorn's 30 s default: far above any page's time (under a second), and
    # a restart lets running requests finish within less than it.
    assert config["timeout"] == 60
    assert 0 < config["graceful_timeout"] < config["timeout"]
