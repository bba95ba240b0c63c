"""Django settings for okrs, read from environment variables (see docs/deployment.md)."""

from __future__ import annotations

import contextlib
import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key
from platformdirs import user_data_path

from okrs.lib.env import (
    SQLITE_OPTIONS,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_path,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent
OKRS_HOME = env_path("OKRS_HOME", user_data_path("okrs", appauthor=False))


def _ensure_home(home: Path) -> Path:
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ImproperlyConfigured(
            f"OKRS_HOME={home} cannot be created ({error.strerror}). Point OKRS_HOME at a writable folder."
        ) from None
    return home


def _private_file(path: Path) -> Path:
    """Create ``path`` empty and readable by its owner only (0600), unless it exists."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    return path


def _secret_key(home: Path) -> str:
    """Use SECRET_KEY, or a key generated once and kept in OKRS_HOME so sessions survive restarts."""
    configured = env_str("SECRET_KEY", "")
    if configured:
        if len(configured) < 32:
            raise ImproperlyConfigured(
                "SECRET_KEY is shorter than 32 characters; use a long random value."
            )
        return configured
    key_file = _ensure_home(home) / "secret_key"
    if not key_file.exists() or not key_file.read_text().strip():
        _private_file(key_file).write_text(get_random_secret_key())
    return key_file.read_text().strip()


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = _secret_key(OKRS_HOME)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "okrs.workspace",
    "okrs.goals",
    "okrs.metrics",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "okrs.workspace.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: answers a locked-out sign-in with the lockout page (docs/deployment.md).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "okrs.urls"
WSGI_APPLICATION = "okrs.wsgi.application"

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
                "okrs.workspace.web.navigation",
            ],
        },
    },
]

_database_url = env_str("DATABASE_URL", "")
if _database_url:
    DATABASES = {"default": database_from_url(_database_url)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            # SQLite gives its -wal and -shm files the mode of the database file: 0600 too.
            "NAME": _private_file(_ensure_home(OKRS_HOME) / "okrs.sqlite3"),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }

# Sign-in protection (django-axes): after OKRS_LOGIN_FAILURE_LIMIT failed sign-ins for one
# username from one address, that pair is locked for OKRS_LOGIN_COOLOFF_MINUTES; a successful
# sign-in clears the count. `okrs unlock` lifts a lock early.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = True
AXES_FAILURE_LIMIT = env_int("OKRS_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("OKRS_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "okrs.workspace.lockout.locked_out"
AXES_VERBOSE = False
# Behind reverse proxies: how many proxies stand in front of okrs, and the header carrying the
# client's address (e.g. HTTP_X_FORWARDED_FOR). Without them the connection's address counts.
AXES_IPWARE_PROXY_COUNT = env_int("OKRS_PROXY_COUNT", 0, minimum=0) or None
_client_ip_header = env_str("OKRS_CLIENT_IP_HEADER", "")
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    (_client_ip_header, "REMOTE_ADDR") if _client_ip_header else ("REMOTE_ADDR",)
)
# Password reset requests: at most OKRS_PASSWORD_RESET_LIMIT per address and email in
# OKRS_PASSWORD_RESET_WINDOW_MINUTES, counted in the default cache.
OKRS_PASSWORD_RESET_LIMIT = env_int("OKRS_PASSWORD_RESET_LIMIT", 5, minimum=1)
OKRS_PASSWORD_RESET_WINDOW_MINUTES = env_int("OKRS_PASSWORD_RESET_WINDOW_MINUTES", 15, minimum=1)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("it", "Italiano"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = OKRS_HOME / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing folder
STATICFILES_DIRS = [BASE_DIR / "static"]
# Serving straight from the app folders means `okrs demo` works without a collectstatic step;
# production deployments still run collectstatic for compressed, cache-busted files.
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
USE_THOUSAND_SEPARATOR = True
LANGUAGE_COOKIE_NAME = "okrs_language"
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "okrs@localhost")

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Live metrics: huey keeps its queue in Redis when REDIS_URL is set (several workers, several
# machines), else in a SQLite file in OKRS_HOME (one machine).
REDIS_URL = env_str("REDIS_URL", "")
HUEY_SQLITE_PATH = OKRS_HOME / "huey.sqlite3"
# The queue's name: workers with the same name and storage share one queue (its Redis keys are
# huey.*.<name>). Give each okrs installation that shares a Redis server a name of its own.
OKRS_HUEY_NAME = env_str("OKRS_HUEY_NAME", "okrs")
# Metric queries one worker process runs at the same time (each data source has its own limit).
OKRS_SYNC_THREADS = env_int("OKRS_SYNC_THREADS", 8, minimum=1)

# Data sources: the folders file sources may read, and the ${NAME} variables beyond OKRS_SOURCE_*.
OKRS_FILE_ROOTS = env_list(
    "OKRS_FILE_ROOTS", [str(OKRS_HOME / "files"), str(OKRS_HOME / "demo-data")]
)
OKRS_SOURCE_VARIABLES = env_list("OKRS_SOURCE_VARIABLES", [])

# Largest page a list endpoint of the API returns.
OKRS_API_MAX_PAGE_SIZE = env_int("OKRS_API_MAX_PAGE_SIZE", 200, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors": {"()": "okrs.lib.logs.ClientErrorsWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    # A 404 or 403 is one line ("Not Found: /path"), never a traceback.
    "loggers": {"django.request": {"filters": ["client_errors"]}},
}
