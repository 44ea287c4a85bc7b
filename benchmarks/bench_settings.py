"""Production settings for load tests on 127.0.0.1 over plain HTTP (benchmarks only).

Everything is production (DEBUG off, whitenoise manifest storage, Redis cache and the
anonymous page cache, PostgreSQL) except what needs HTTPS: secure-only cookies, the HTTPS
redirect and HSTS, which would stop a benchmark client on http://127.0.0.1.
"""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from bina.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
BINA_REQUIRE_2FA = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
