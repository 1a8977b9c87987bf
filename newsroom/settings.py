"""Settings for the newsroom CMS, driven by environment variables.

Local development gets safe defaults only when DJANGO_DEBUG=1; production
(DJANGO_DEBUG unset or 0) refuses to start without a secret key and hosts.
Every variable is listed in .env.example.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

# Values that are not secrets: .env.example's placeholder and Django's own markers.
PLACEHOLDER_SECRET_KEYS = ("change-me", "django-insecure")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-only"
elif not DEBUG and SECRET_KEY.strip().lower().startswith(PLACEHOLDER_SECRET_KEYS):
    # Copying .env.example as it is would sign sessions and preview links with a published key.
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is the placeholder from .env.example; set a long random value, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# A refused form on the desk says why in the desk's layout; elsewhere Django's page stands.
CSRF_FAILURE_VIEW = "articles.desk.refusals.csrf_failure"

INSTALLED_APPS = [
    # django.contrib.admin, with the desk home as its front page.
    "newsroom.apps.DeskAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles so `runserver` serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Its view and sitemap.xml template; the domain comes from the request (no contrib.sites).
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "django_prose_editor",
    # The content API's docs page then loads its bundled Swagger UI from our static files, not a CDN.
    "ninja",
    # Login throttling: locks a username from an address after repeated failures.
    "axes",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Refuses an oversized request before its body is read (newsroom/uploads.py).
    "newsroom.uploads.UploadLimitMiddleware",
    "newsroom.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Brotli or gzip for pages, JSON and feeds (newsroom/compression.py); outside the ETag
    # middleware, so one ETag stands for every encoding. WhiteNoise compresses static files.
    "newsroom.compression.CompressionMiddleware",
    # ETag from the content and 304 Not Modified for every page (feeds set their own ETag).
    "django.middleware.http.ConditionalGetMiddleware",
    # A lost database connection answers 503 + Retry-After, not 500; outside the session
    # middleware, which loads and saves sessions in the database.
    "newsroom.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The edition from the URL's prefix (/ru/…), the default one without (newsroom/editions.py).
    "newsroom.editions.EditionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The desk speaks each editor's own time zone (articles/desk/time_zones.py).
    "articles.desk.time_zones.DeskTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

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
                "articles.public.context_processors.site",
                "articles.public.editions.context",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A PostgreSQL read replica for anonymous readers' queries (newsroom/routers.py);
# writes, the admin and staff stay on the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    # Tests see one database through both aliases.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["newsroom.routers.ReplicaRouter"]

# PostgreSQL's JIT compiles any query whose estimated cost passes jit_above_cost: on the front
# page's query, whose per-row subqueries the planner overestimates, that was 690 ms of compiling
# for 6 ms of work (docs/benchmarks.md). A site's queries are short and many; no JIT unless
# NEWSROOM_PG_JIT=1 (a server setting, "-c jit=off", passed as each connection starts).
if not env_bool("NEWSROOM_PG_JIT", False):
    for database in DATABASES.values():
        if database["ENGINE"] == "django.db.backends.postgresql":
            options = database.setdefault("OPTIONS", {})
            options["options"] = f"{options.get('options', '')} -c jit=off".strip()


def cache_from_url(url):
    """CACHES["default"] for a CACHE_URL: redis://, rediss:// or unix:// use Django's RedisCache
    (shared by every process and machine); empty means this process's memory."""
    if not url:
        # Enough for the site's pages in one process; production shares Redis.
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}
    if url.split(":", 1)[0] not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(f"CACHE_URL must be a redis://, rediss:// or unix:// URL, not {url!r}.")
    return {
        "BACKEND": "newsroom.redis_cache.RedisCache",
        "LOCATION": url,
        # Several sites (or a benchmark) may share one Redis.
        "KEY_PREFIX": os.environ.get("NEWSROOM_CACHE_KEY_PREFIX", ""),
    }


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", ""))}
# Rendered public pages kept in that cache (articles/caching.py); 0 only to measure without it.
PAGE_CACHE = env_bool("NEWSROOM_PAGE_CACHE", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# HTTPS and cookies. Production sits behind a TLS-terminating proxy that sets
# X-Forwarded-Proto (and must strip it from clients); DJANGO_HTTPS=0 only for
# plain-HTTP local runs and tests.
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
# Load balancers probe /healthz over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Staff sessions end after this long without a request (default four hours).
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_SECONDS", str(4 * 3600)))
SESSION_SAVE_EVERY_REQUEST = True

# Brute-force protection: five failures for one username from one address lock
# that pair out for fifteen minutes (django-axes).
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSROOM_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("NEWSROOM_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Our own audit trail records logins (articles/audit.py); axes keeps only the attempts.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Number of proxies in front of the app, so the client address is read correctly.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("NEWSROOM_PROXY_COUNT", "0")) or None

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The editions (articles/models/language.py): "code:Name in its own language", comma-separated.
# The default edition (LANGUAGE_CODE) is served unprefixed, every other one under /<code>/.
LANGUAGES = [
    tuple(item.split(":", 1))
    for item in os.environ.get("NEWSROOM_LANGUAGES", "en:English,ru:Русский").split(",")
    if ":" in item
]
LANGUAGE_CODE = os.environ.get("DJANGO_LANGUAGE_CODE", "en")
_EDITIONS = {code for code, _ in LANGUAGES}
if LANGUAGE_CODE not in _EDITIONS and LANGUAGE_CODE.split("-")[0] in _EDITIONS:
    LANGUAGE_CODE = LANGUAGE_CODE.split("-")[0]  # "en-us", as older settings said, is the "en" edition
if LANGUAGE_CODE not in _EDITIONS:
    raise ImproperlyConfigured(f"DJANGO_LANGUAGE_CODE={LANGUAGE_CODE} is not one of NEWSROOM_LANGUAGES.")
# The body editor's extra extension: typographic quotes as the reporter types. It adds no
# markup, so it widens nothing the sanitiser allows (articles/models/sanitize.py).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("articles/prose_typography.js")],
        "extensions": {"Typography": lambda config, shared_config: None},
    }
]

TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True
# The public site's own interface text (locale/<lang>/LC_MESSAGES/django.po, compiled .mo beside it).
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA", DEBUG)
# Photo files (originals and renditions) are private: outside MEDIA_ROOT, reached only through
# the reader and desk views (articles/models/files.py says which answers whom).
PHOTO_ROOT = Path(os.environ.get("NEWSROOM_PHOTO_ROOT", BASE_DIR / "photo-store"))
# How long a signed object-storage URL the photo views hand out stays valid.
PHOTO_SIGNED_URL_SECONDS = int(os.environ.get("NEWSROOM_PHOTO_SIGNED_URL_SECONDS", "3600"))

# Hash-named, compressed static files need `collectstatic`; local runs and tests skip it.
STATIC_MANIFEST = env_bool("DJANGO_STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "photos": {"BACKEND": "articles.models.files.PhotoFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Uploads on S3-compatible object storage (django-storages) when a bucket is named; credentials
# come from boto3's usual chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or an instance role).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "")
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # A CDN in front of the bucket, e.g. media.news.example.org.
            "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
            # Published photos are public: plain, cacheable URLs rather than signed ones.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            # A new upload never replaces another's file, so files can be cached forever.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    # Photos under a private prefix of the same bucket: never public-read, always signed, and
    # handed out by the photo views only after they have checked who may see the photo.
    STORAGES["photos"] = {
        "BACKEND": "articles.models.files.PhotoS3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "location": os.environ.get("NEWSROOM_PHOTO_PREFIX", "private"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": PHOTO_SIGNED_URL_SECONDS,
            "custom_domain": None,  # a CDN domain would not carry the signature
            "object_parameters": {"CacheControl": "private, max-age=3600"},
        },
    }
    # Where signed photo URLs point, which the Content-Security-Policy also allows.
    PHOTO_ORIGIN = AWS_S3_ENDPOINT_URL or f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    # The media origin, which the Content-Security-Policy allows images from.
    MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL") or (
        f"https://{AWS_S3_CUSTOM_DOMAIN}/"
        if AWS_S3_CUSTOM_DOMAIN
        else f"{AWS_S3_ENDPOINT_URL or 'https://s3.amazonaws.com'}/{AWS_STORAGE_BUCKET_NAME}/"
    )

# Without collected files (local runs, tests), WhiteNoise serves straight from the app folders.
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
# Files browsers ask for at the site's root, e.g. /favicon.ico, served as they are.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"

TAGGIT_CASE_INSENSITIVE = True

# The public site's identity, used in templates, datelines and feeds.
SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "The Newsroom")
DEFAULT_AGENCY = os.environ.get("NEWSROOM_DEFAULT_AGENCY", "NEWSROOM")
# Agencies' names in each edition's datelines (articles/models/dateline.py), by language and the
# agency as stories store it (any case); an agency not named here keeps its own name.
NEWSROOM_AGENCY_NAMES = {
    "ru": {
        DEFAULT_AGENCY: "Ньюсрум",
        "NWS": "НВС",
        "TASS": "ТАСС",
        "Reuters": "Рейтер",
        "AFP": "АФП",
        "AP": "АП",
        "Interfax": "Интерфакс",
        "Bloomberg": "Блумберг",
    },
}
ARTICLES_PER_PAGE = 20
# Numbered pages stop here; older stories are reached by a cursor (articles/public/pagination.py).
ARTICLES_MAX_PAGES = 50
# Longest time a shared cache (CDN, browser) may keep a public page; shortened
# automatically before a scheduled story goes live.
PUBLIC_CACHE_SECONDS = int(os.environ.get("NEWSROOM_PUBLIC_CACHE_SECONDS", "60"))
# A running live blog: how long shared caches may keep its page, and its update endpoint
# (which readers' pages poll every LIVE_POLL_SECONDS), in seconds.
LIVE_PAGE_CACHE_SECONDS = int(os.environ.get("NEWSROOM_LIVE_PAGE_CACHE_SECONDS", "10"))
LIVE_UPDATES_CACHE_SECONDS = int(os.environ.get("NEWSROOM_LIVE_UPDATES_CACHE_SECONDS", "5"))
LIVE_POLL_SECONDS = int(os.environ.get("NEWSROOM_LIVE_POLL_SECONDS", "10"))
# How long a FLASH or URGENT story stays in the front page's breaking strip, in hours.
BREAKING_HOURS = float(os.environ.get("NEWSROOM_BREAKING_HOURS", "3"))
# Requests one partner API key may make per window (seconds) before it gets 429s.
PARTNER_API_REQUESTS = int(os.environ.get("NEWSROOM_PARTNER_API_REQUESTS", "120"))
PARTNER_API_WINDOW = int(os.environ.get("NEWSROOM_PARTNER_API_WINDOW", "60"))
# How long a shared draft-preview link stays valid, in seconds (default three days).
PREVIEW_LINK_MAX_AGE = int(os.environ.get("NEWSROOM_PREVIEW_LINK_MAX_AGE", str(3 * 24 * 3600)))
# The largest autosave of a story form (JSON, bytes) the desk keeps on the server; a larger
# one is refused with a 413 and stays in the editor's browser (articles/desk/autosave.py).
AUTOSAVE_MAX_BYTES = int(os.environ.get("NEWSROOM_AUTOSAVE_MAX_BYTES", str(1024 * 1024)))
# Photo uploads larger than this (bytes) or with more pixels are refused with a message.
PHOTO_MAX_BYTES = int(os.environ.get("NEWSROOM_PHOTO_MAX_BYTES", str(25 * 1024 * 1024)))
# The largest request body accepted at all: a photo at its limit plus the form around it.
# Past it the request is refused while it arrives (newsroom/uploads.py), not after.
UPLOAD_MAX_BYTES = int(os.environ.get("NEWSROOM_UPLOAD_MAX_BYTES", str(PHOTO_MAX_BYTES + 1024 * 1024)))
# Fields other than files (a story's body is the longest): Django refuses more with a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Files above this are streamed to a temporary file instead of held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_HANDLERS = [
    "newsroom.uploads.SizeLimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
PHOTO_MAX_PIXELS = int(os.environ.get("NEWSROOM_PHOTO_MAX_PIXELS", "50000000"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # django-axes logs every sign-in at INFO; our audit trail already records them.
    "loggers": {"axes": {"level": "WARNING"}},
}
