"""Storyline settings: one module, driven by environment variables.

Every variable has a safe local default so a fresh clone runs with no
configuration at all (SQLite, an embedded filesystem broker, DEBUG on).
When DEBUG is off the secure defaults switch on and SECRET_KEY is required.
The README has a table of every variable.
"""

from __future__ import annotations

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=True)

_DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-7f3a9c1e5b"
SECRET_KEY = env.str("SECRET_KEY", default="" if not DEBUG else _DEV_SECRET_KEY)
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "articles",
]

MIDDLEWARE = [
    # First: probes reach /healthz and /readyz by IP over plain HTTP (see storyline/health.py).
    "storyline.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "articles.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "storyline.urls"
WSGI_APPLICATION = "storyline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=60))
# Persistent connections are checked before reuse, so a restarted database costs one retry, not errors.
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DB_CONNECT_TIMEOUT", default=5)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery ----------------------------------------------------------------
# Without REDIS_URL the worker and beat use kombu's filesystem transport in
# var/celery, so the whole app runs on a machine with no Redis server.
CELERY_BROKER_DIR = Path(env.str("CELERY_BROKER_DIR", default=str(VAR_DIR / "celery")))
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # Unacknowledged tasks of a worker killed outright are redelivered after this many seconds;
    # keep it above CELERY_TASK_TIME_LIMIT.
    # The sweep that restores them runs every interval x throttle seconds (kombu's defaults: 10 x 10).
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
        "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
        "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
    }
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        "store_processed": False,
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Processes per worker container; unset means one per CPU. Scale out with more containers.
CELERY_WORKER_CONCURRENCY = env.int("CELERY_WORKER_CONCURRENCY", default=0) or None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
# One queue name per deployment (tests and the bench use their own, so stale messages never mix in).
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = env.str("CELERY_BEAT_SCHEDULE_FILENAME", default=str(VAR_DIR / "celerybeat-schedule"))
CELERY_BEAT_SCHEDULE = {
    "poll-due-feeds": {"task": "articles.tasks.poll_due_feeds", "schedule": 60.0},
    "recheck-due-articles": {"task": "articles.tasks.recheck_due_articles", "schedule": 60.0},
}

# --- Storyline ---------------------------------------------------------------
STORYLINE_PUBLIC = env.bool("STORYLINE_PUBLIC", default=False)
STORYLINE_ALLOW_PRIVATE_FETCH = env.bool("STORYLINE_ALLOW_PRIVATE_FETCH", default=False)
STORYLINE_CONTACT_URL = env.str("STORYLINE_CONTACT_URL", default="https://example.org/storyline-bot")
STORYLINE_USER_AGENT = env.str(
    "STORYLINE_USER_AGENT", default=f"Storyline/1.0 (+{STORYLINE_CONTACT_URL}; newsroom story tracker)"
)
STORYLINE_FETCH_MAX_BYTES = env.int("STORYLINE_FETCH_MAX_BYTES", default=10 * 1024 * 1024)
STORYLINE_FETCH_CONNECT_TIMEOUT = env.float("STORYLINE_FETCH_CONNECT_TIMEOUT", default=5.0)
STORYLINE_FETCH_READ_TIMEOUT = env.float("STORYLINE_FETCH_READ_TIMEOUT", default=15.0)
STORYLINE_FETCH_MAX_REDIRECTS = env.int("STORYLINE_FETCH_MAX_REDIRECTS", default=5)
# Wall-clock limit for one fetch (all redirect hops and the body), against servers that trickle.
STORYLINE_FETCH_TOTAL_TIMEOUT = env.float("STORYLINE_FETCH_TOTAL_TIMEOUT", default=30.0)
STORYLINE_FEED_DEFAULT_INTERVAL = env.int("STORYLINE_FEED_DEFAULT_INTERVAL", default=600)
STORYLINE_FEED_MAX_INTERVAL = env.int("STORYLINE_FEED_MAX_INTERVAL", default=6 * 3600)
STORYLINE_HOST_MIN_GAP = env.float("STORYLINE_HOST_MIN_GAP", default=1.0)
STORYLINE_HOST_MAX_CONCURRENCY = env.int("STORYLINE_HOST_MAX_CONCURRENCY", default=2)
# How long a fetch waits for a free per-host slot before giving up (retried later as "busy").
STORYLINE_HOST_WAIT_MAX = env.float("STORYLINE_HOST_WAIT_MAX", default=60.0)
# Re-check schedule for live articles: (changed within seconds, re-check every seconds), shortest first.
# From the environment as "3600:120,21600:900,86400:3600,604800:21600".
STORYLINE_RECHECK_STEPS = [
    (int(within), int(every))
    for within, every in (
        step.split(":", 1)
        for step in env.list("STORYLINE_RECHECK_STEPS", default=["3600:120", "21600:900", "86400:3600", "604800:21600"])
    )
]
STORYLINE_RECHECK_STOP_AFTER = env.int("STORYLINE_RECHECK_STOP_AFTER", default=7 * 24 * 3600)
# How often an open timeline asks for new updates (seconds).
STORYLINE_POLL_SECONDS = env.int("STORYLINE_POLL_SECONDS", default=45)
# How long a web process trusts its memory of a story's change stamp before asking the database again.
STORYLINE_TIMELINE_STAMP_SECONDS = env.float("STORYLINE_TIMELINE_STAMP_SECONDS", default=5.0)
STORYLINE_DEFAULT_TIME_ZONE = env.str("STORYLINE_DEFAULT_TIME_ZONE", default="Europe/Berlin")

# --- Auth ------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "/"

# --- Internationalisation -----------------------------------------------------
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en")
LANGUAGES = [("en", "English"), ("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Berlin")
USE_I18N = True
USE_TZ = True

# --- Static files -------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Security: secure whenever DEBUG is off -------------------------------------
# TLS ends at a proxy in front of gunicorn, which must set X-Forwarded-Proto (and strip
# a client's own): only then may Django trust it. USE_X_FORWARDED_PROTO=0 without such a proxy.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("USE_X_FORWARDED_PROTO", default=True) else None
)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Probes speak plain HTTP inside the network (storyline.health also answers them before host checks).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
X_FRAME_OPTIONS = "DENY"

# --- Health and worker heartbeats ---------------------------------------------------
# Each Celery worker records "still alive" at most this often (seconds); see articles.services.heartbeats.
STORYLINE_HEARTBEAT_INTERVAL = env.int("STORYLINE_HEARTBEAT_INTERVAL", default=30)
# Heartbeats of workers gone this long (seconds) are forgotten, e.g. after scaling down.
STORYLINE_HEARTBEAT_FORGET_AFTER = env.int("STORYLINE_HEARTBEAT_FORGET_AFTER", default=7 * 24 * 3600)
# Seconds /readyz waits for the broker before calling it unreachable (the database: DB_CONNECT_TIMEOUT).
STORYLINE_READY_TIMEOUT = env.float("STORYLINE_READY_TIMEOUT", default=2.0)

# --- Logging: one line per event on stderr -----------------------------------------
# stderr, so that a command's stdout carries only its output: `analyze` and `ingeststatus --json`
# print JSON there, and a library warning must not land in the middle of it.
# JSON (storyline.logging.JsonFormatter) whenever DEBUG is off, readable text while developing.
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO").upper()
LOG_FORMAT = env.str("LOG_FORMAT", default="plain" if DEBUG else "json")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'json' or 'plain', not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "storyline.logging.JsonFormatter"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "stream": "ext://sys.stderr"},
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
# Celery keeps the handlers above instead of installing its own text format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
