"""Local development and the demo: SQLite and eager Celery unless the environment says otherwise."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = os.environ.get("DEBUG", "1") != "0"
# Only for a developer's machine; production refuses to start without a real key.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
VAR_DIR.mkdir(parents=True, exist_ok=True)
