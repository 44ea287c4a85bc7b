"""Settings shared by every environment; values that differ come from the environment."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .environment import (
    cache_settings,
    celery_settings,
    database_settings,
    env_bool,
    env_list,
    replica_database_settings,
)
from .queues import queue_names, task_routes

# site/bina/settings/base.py -> project root
BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(os.environ.get("BINA_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Ours first so our templates override Wagtail's and Django's where named alike.
    "bina",
    "foundation",
    "accounts",
    "competencies",
    "portal",
    "learning",
    "learning.quiz",
    "kinerja_link",
    "kinerja_link.participation",
    "kinerja_link.pembinaan",
    "kinerja_link.pengembangan",
    "kinerja_link.siasn",
    "kinerja_link.personal_data",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.BinaUsersConfig",  # Wagtail's users app with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: an anonymous page-cache hit is answered before any other work; it replays the
    # headers the middlewares below gave the page and stamps its own X-Request-ID.
    "portal.page_cache.AnonymousPageCacheMiddleware",
    # Every other response (redirects, errors) carries X-Request-ID from here.
    "foundation.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "foundation.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Chooses primary or replica per view; needs request.user (after authentication).
    "foundation.replica.ReplicaMiddleware",
    "accounts.two_factor.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "bina.urls"
WSGI_APPLICATION = "bina.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    }
]

DATABASES = {"default": database_settings(os.environ.get("DATABASE_URL"), VAR_DIR / "bina.sqlite3")}
# A PostgreSQL streaming replica for the read-only pages (foundation.replica, docs/scaling.md).
_replica = replica_database_settings(os.environ.get("DATABASE_REPLICA_URL"))
if _replica:
    DATABASES["replica"] = _replica
    DATABASE_ROUTERS = ["foundation.replica.ReplicaRouter"]
# Views whose GET reads go to the replica (dashboards, reports, exports, public pages), and
# those that do only for visitors who are not logged in (Wagtail pages: a logged-in
# learner's lesson and quiz pages record progress).
BINA_REPLICA_VIEWS = [
    "learning:belajar_saya",
    "learning:certificate_verify",
    "kinerja:saya",
    "kinerja:ekspor",
    "tim_saya:index",
    "pengembangan:akpk",
    "pengembangan:team",
    "pengembangan:unit",
    "quiz:report",
    "portal:search",
    "portal:sitemap",
    "partisipasi:index",
    "partisipasi:unit",
]
BINA_REPLICA_ANONYMOUS_VIEWS = ["wagtail_serve"]
# A client that wrote reads from the primary this long (covers the replica's lag).
BINA_READ_YOUR_WRITES_SECONDS = int(os.environ.get("BINA_READ_YOUR_WRITES_SECONDS", "10"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL") or None
CACHES = cache_settings(REDIS_URL, key_prefix=os.environ.get("CACHE_KEY_PREFIX", "bina"))
# While Redis is unreachable the cache answers misses (foundation.cache): it tries Redis again
# after this many seconds, and logs one warning per interval per process, not per request.
BINA_CACHE_RETRY_SECONDS = float(os.environ.get("BINA_CACHE_RETRY_SECONDS", "5"))
BINA_CACHE_WARNING_SECONDS = float(os.environ.get("BINA_CACHE_WARNING_SECONDS", "60"))

# --- Accounts -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.NipOrEmailBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("nip", "email", "display_name")},
    },
    {"NAME": "accounts.validators.NipNotInPasswordValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time ----------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date form in the UI, "17 Desember 2026" (Django's "id" says "17 Des 2026"); see
# bina/formats/id/formats.py. Exports write ISO dates or what the receiving system asks.
FORMAT_MODULE_PATH = ["bina.formats"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Bina ASN <noreply@bina-asn.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery (namespace CELERY_, read by bina/celery.py) --------------------
globals().update(celery_settings(REDIS_URL))
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 5 * 60
CELERY_TASK_TIME_LIMIT = 6 * 60
CELERY_RESULT_EXPIRES = 60 * 60 * 24
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# One queue per kind of work (bina/settings/queues.py), so a big import never delays a
# reminder. Production names: "celery" (default), imports, notifications, siasn, pdfs.
CELERY_TASK_ROUTES = task_routes(default_queue="celery")
BINA_CELERY_QUEUES = queue_names(default_queue="celery")
# The worker's own log lines show the request id too (foundation.request_id adds the filter).
CELERY_WORKER_LOG_FORMAT = (
    "[%(asctime)s: %(levelname)s/%(processName)s] [%(request_id)s] %(message)s"
)
CELERY_WORKER_TASK_LOG_FORMAT = (
    "[%(asctime)s: %(levelname)s/%(processName)s] [%(request_id)s] "
    "%(task_name)s[%(task_id)s]: %(message)s"
)
# With acks_late a task is redelivered if unacked this long; keep it above the hard time limit.
# Unacked messages of a worker that died are put back by the next sweep of a live worker
# (every interval × throttle seconds) or when a worker starts. The fault tests shorten
# both through the environment so a killed worker's task comes back within seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", str(60 * 60))),
    "unacked_restore_interval": int(os.environ.get("CELERY_UNACKED_RESTORE_INTERVAL", "10")),
    "unacked_restore_throttle": int(os.environ.get("CELERY_UNACKED_RESTORE_THROTTLE", "10")),
    # A broker that does not answer must not hang a web request that publishes.
    "socket_connect_timeout": 5,
}
# How the web publishes a task after commit (foundation.outbox): a couple of quick retries, then
# the outbox row records the failure and the relay tries again later.
BINA_OUTBOX_PUBLISH_RETRY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# First retry of a failed publish after this many seconds, doubling up to the cap.
BINA_OUTBOX_BACKOFF_SECONDS = int(os.environ.get("BINA_OUTBOX_BACKOFF_SECONDS", "10"))
BINA_OUTBOX_BACKOFF_MAX_SECONDS = int(os.environ.get("BINA_OUTBOX_BACKOFF_MAX_SECONDS", "600"))
# A published task that has not finished after this long is published again (the broker
# may have lost it: a Redis restart without persistence). Above visibility timeout + the
# longest task's time limit, so a task that is merely queued or running is rarely doubled.
BINA_OUTBOX_REDELIVER_AFTER_SECONDS = int(
    os.environ.get("BINA_OUTBOX_REDELIVER_AFTER_SECONDS", str(3 * 60 * 60))
)
# A running evaluation import touches its heartbeat with every chunk (about a second of
# work). One silent this long whose lock no session holds had its worker die; the sweep
# (beat, every BINA_IMPORT_SWEEP_SECONDS) queues it to resume. Recovery after a crash:
# at most stale + sweep, two minutes with these defaults, instead of the hour-long
# visibility timeout.
BINA_IMPORT_STALE_SECONDS = int(os.environ.get("BINA_IMPORT_STALE_SECONDS", "60"))
BINA_IMPORT_SWEEP_SECONDS = int(os.environ.get("BINA_IMPORT_SWEEP_SECONDS", "60"))
# A task that started and has not finished this long after its hard time limit lost its
# worker: the relay publishes it again (render_certificate: 90 s + 60 s, then the relay's
# next pass, every 30 s).
BINA_OUTBOX_RUNNING_GRACE_SECONDS = int(os.environ.get("BINA_OUTBOX_RUNNING_GRACE_SECONDS", "60"))
# Finished outbox rows are deleted by the relay after this many days.
BINA_OUTBOX_KEEP_DAYS = int(os.environ.get("BINA_OUTBOX_KEEP_DAYS", "7"))

# Wagtail's own background work (reference index, search index, image focal points, file
# deletion, frontend-cache purges) goes through django-tasks, not Celery. Each task is small
# and per-object, so it runs in-process once the surrounding transaction commits
# (foundation.task_backend: the pinned django-tasks has no ENQUEUE_ON_COMMIT option).
TASKS = {
    "default": {
        "BACKEND": "foundation.task_backend.ImmediateOnCommitBackend",
    }
}

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = "Bina ASN"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL  # restricted pages send visitors to our NIP login
# No Gravatar: it would send a hash of every staff e-mail to a third party (UU PDP) and
# breaks the CSP; Wagtail then shows its own default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Anonymous page views are cached whole this long (0 turns the cache off).
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "600"))
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"]

# --- Audit trail (foundation.audit) ----------------------------------------
# The apps whose models the "Jejak audit" target-type filter offers.
BINA_AUDIT_TARGET_APP_LABELS = [
    "accounts",
    "competencies",
    "foundation",
    "kinerja_link",
    "learning",
    "participation",
    "pembinaan",
    "pengembangan",
    "portal",
    "quiz",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "auth",
]

# --- Bina ASN domain ------------------------------------------------------
JP_MINUTES = int(os.environ.get("JP_MINUTES", "45"))
JP_TARGET_PER_YEAR = int(os.environ.get("JP_TARGET_PER_YEAR", "20"))
# A pimpinan's team: "direct" = those whose pejabat penilai they are; "unit" adds the unit subtree.
BINA_TEAM_SCOPE = os.environ.get("BINA_TEAM_SCOPE", "direct")
# Post-training evaluation level 3: the pimpinan is asked this many days after a course is
# completed (1–3 months; docs/evaluasi-pelatihan.md), and not for completions older than
# the window's end.
EVALUASI_L3_DELAY_DAYS = int(os.environ.get("EVALUASI_L3_DELAY_DAYS", "60"))
EVALUASI_L3_WINDOW_END_DAYS = int(os.environ.get("EVALUASI_L3_WINDOW_END_DAYS", "90"))

# --- Public participation (kinerja_link.participation) ---------------------------------
# A unit whose IKM of a quarter falls below this is flagged to its pimpinan (76.61 = mutu B).
PARTICIPATION_IKM_THRESHOLD = os.environ.get("PARTICIPATION_IKM_THRESHOLD", "76.61")
# The IKM is published (and flagged) only from this many respondents.
PARTICIPATION_IKM_MIN_RESPONDENTS = int(os.environ.get("PARTICIPATION_IKM_MIN_RESPONDENTS", "10"))
# Anonymous forms: submissions per hashed address and per service in a window, and the
# window in which the same answer from the same address is a duplicate.
PARTICIPATION_MAX_PER_ADDRESS = int(os.environ.get("PARTICIPATION_MAX_PER_ADDRESS", "10"))
PARTICIPATION_MAX_PER_TARGET = int(os.environ.get("PARTICIPATION_MAX_PER_TARGET", "300"))
PARTICIPATION_WINDOW_SECONDS = 3600
PARTICIPATION_DUPLICATE_SECONDS = 600
# Live transparency: changes within this many seconds make one recomputation.
TRANSPARENCY_REFRESH_DELAY_SECONDS = int(os.environ.get("TRANSPARENCY_REFRESH_DELAY_SECONDS", "30"))

# --- SIASN (BKN) ------------------------------------------------------------
# The agency's ids in SIASN's references: every Riwayat Kursus row and push carries them.
SIASN_INSTANSI_ID = os.environ.get("SIASN_INSTANSI_ID", "")
SIASN_LOKASI_ID = os.environ.get("SIASN_LOKASI_ID", "")
# The connector (kinerja_link.siasn) is off until an operator turns it on with credentials.
SIASN_ENABLED = env_bool("SIASN_ENABLED", False)
SIASN_API_URL = os.environ.get("SIASN_API_URL", "https://apimws.bkn.go.id:8243/apisiasn/1.0")
SIASN_TOKEN_URL = os.environ.get("SIASN_TOKEN_URL", "https://apimws.bkn.go.id/oauth2/token")
SIASN_SSO_TOKEN_URL = os.environ.get(
    "SIASN_SSO_TOKEN_URL",
    "https://sso-siasn.bkn.go.id/auth/realms/public-siasn/protocol/openid-connect/token",
)
SIASN_CONSUMER_KEY = os.environ.get("SIASN_CONSUMER_KEY", "")
SIASN_CONSUMER_SECRET = os.environ.get("SIASN_CONSUMER_SECRET", "")
SIASN_SSO_CLIENT_ID = os.environ.get("SIASN_SSO_CLIENT_ID", "")
SIASN_SSO_USERNAME = os.environ.get("SIASN_SSO_USERNAME", "")
SIASN_SSO_PASSWORD = os.environ.get("SIASN_SSO_PASSWORD", "")
# Seconds to connect and to wait for an answer; a slower SIASN is a failed, retried call.
SIASN_CONNECT_TIMEOUT = float(os.environ.get("SIASN_CONNECT_TIMEOUT", "5"))
SIASN_READ_TIMEOUT = float(os.environ.get("SIASN_READ_TIMEOUT", "30"))
SIASN_MAX_RETRIES = int(os.environ.get("SIASN_MAX_RETRIES", "6"))

LOG_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # request_id: the X-Request-ID of the request (or the task's id), "-" outside both.
    # mask_nip: every record passes a handler, so masking NIPs there covers paths, queries
    # and tracebacks.
    "filters": {
        "request_id": {"()": "foundation.request_id.RequestIdLogFilter"},
        "mask_nip": {"()": "foundation.log_redaction.MaskNipFilter"},
    },
    "formatters": {"plain": {"format": LOG_FORMAT}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id", "mask_nip"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Login throttling (accounts.throttling) -------------------------------
BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT = int(
    os.environ.get("BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT", "5")
)
BINA_LOGIN_MAX_FAILURES_PER_ADDRESS = int(
    os.environ.get("BINA_LOGIN_MAX_FAILURES_PER_ADDRESS", "30")
)
BINA_LOGIN_WINDOW_SECONDS = int(os.environ.get("BINA_LOGIN_WINDOW_SECONDS", str(15 * 60)))
# How many reverse proxies in front of the app append to X-Forwarded-For (0: ignore it).
BINA_TRUSTED_PROXIES = int(os.environ.get("BINA_TRUSTED_PROXIES", "0"))
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"

# --- Second factor (accounts.two_factor) -----------------------------------
# When on, superusers and staff roles (Editor, Moderator, Pengelola Kepegawaian) must
# confirm a TOTP code before entering the admin. Off in dev so the demo logins work as
# printed; on by default in production.
BINA_REQUIRE_2FA = env_bool("BINA_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "Bina ASN"
