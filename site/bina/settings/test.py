"""Test settings: the same resolution as elsewhere, made fast and isolated."""

import os
import uuid

from .base import *  # noqa: F403
from .base import REDIS_URL, VAR_DIR, cache_settings
from .queues import queue_names, task_routes

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The celery_worker fixture hands the test's own media directory to the worker process.
MEDIA_ROOT = os.environ.get("BINA_TEST_MEDIA_ROOT") or VAR_DIR / "test-media"
# A shared Redis may serve several runs at once: keep each run's cache keys apart.
CACHES = cache_settings(REDIS_URL, key_prefix=f"bina-test-{uuid.uuid4().hex[:8]}")
# Tasks run eagerly unless a test asks for the real worker (the `celery_worker` fixture),
# which switches this off and talks to the broker configured above.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TEST_QUEUE", f"bina-test-{os.getpid()}")
# Each run's kinds of work get queues of their own too ("bina-test-123.imports"); the
# celery_worker fixture consumes them all.
CELERY_TASK_ROUTES = task_routes(default_queue=CELERY_TASK_DEFAULT_QUEUE)
BINA_CELERY_QUEUES = queue_names(default_queue=CELERY_TASK_DEFAULT_QUEUE)
WAGTAILADMIN_BASE_URL = "http://testserver"
# Whole-page caching would leak pages between tests; the cache tests switch it on.
PORTAL_PAGE_CACHE_SECONDS = 0
