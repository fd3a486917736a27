"""Settings shared by every environment; values that differ come from the environment."""

import os
import shutil
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE

from newsroom.contentpolicy import inline_style_hashes, origin_of

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The site's own 403 page for a stale or foreign form; it never reads the request body.
CSRF_FAILURE_VIEW = "newsroom.views.csrf_failure"

INSTALLED_APPS = [
    "core",
    "articles",
    "comments",
    "pagecache",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "captcha",
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.contentpolicy.NewsroomCSPMiddleware",
    # Before anything reads request.POST: a form body that is not UTF-8 gets the 400 page
    # (after the CSP middleware, which reads no body, so that page carries the policy too).
    "newsroom.requestguard.FormEncodingMiddleware",
    # A session cookie that cannot be a session key is dropped before anything looks it up.
    "newsroom.requestguard.SessionCookieGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and the database: a cached page is answered with no SQL at all.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a lockout into the 429 page (newsroom/loginlock.py).
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
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site",
                "articles.context_processors.navigation",
                "pagecache.context_processors.personal",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

# DATABASE_URL selects the database (postgres://user@host:port/name in production and CI);
# without it the site runs on an embedded SQLite file so `make run` works on a bare machine.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# Interface and content languages: English (default, no URL prefix), Spanish, Arabic (RTL).
LANGUAGES = [("en", "English"), ("es", "Español"), ("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
# Let Django serve uploaded media itself (development, tests, a single small server).
# In production put media behind the web server or object storage instead.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several app servers need one media store: naming a bucket puts uploads and renditions in S3
# (or any S3-compatible store) through django-storages; boto3 finds the credentials itself
# (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, an instance role, ~/.aws).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None  # the bucket's policy decides; media is public-read
    AWS_QUERYSTRING_AUTH = False  # plain, cacheable URLs (a CDN may sit in front)
    AWS_S3_FILE_OVERWRITE = False
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    if "MEDIA_URL" not in os.environ:
        _host = AWS_S3_CUSTOM_DOMAIN or f"{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
        MEDIA_URL = f"https://{_host}/"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Newsroom"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Absolute URLs in pages, feeds and sitemaps (canonical, OpenGraph, JSON-LD): this base when
# set (e.g. https://news.example.org), else the Wagtail Site's hostname and port. Never the
# request's Host header (core.http.public_base_url).
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Limits for every image, uploaded in the admin or brought in by import_articles (which
# applies the same two settings). Set explicitly rather than trusting Wagtail's defaults
# (10 MB, 128 megapixels): a picture is decoded whole to make each rendition, 3-4 bytes a
# pixel, so 128 MP is up to half a gigabyte per resize in a web worker, and a PNG of a few KB
# can declare that many. 40 MP (at most 160 MB decoded) takes the 20-36 MP photos agencies
# and news cameras deliver; 45-60 MP originals must be scaled down before upload (no page
# shows more than a few megapixels). 10 MB is Wagtail's default, set so it is visible.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024  # bytes
TAGGIT_CASE_INSENSITIVE = True

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# SMTP, with EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# django-simple-captcha: challenges are drawn with `secrets` (see comments.captcha).
CAPTCHA_CHALLENGE_FUNCT = "comments.captcha.random_challenge"
CAPTCHA_LENGTH = 5
CAPTCHA_TIMEOUT = 10  # minutes a challenge stays valid
CAPTCHA_IMAGE_SIZE = (150, 50)
CAPTCHA_FONT_SIZE = 34
CAPTCHA_TEST_MODE = False
# The audio challenge (for readers who cannot see the image) needs Debian's flite; sox adds noise.
CAPTCHA_FLITE_PATH = os.environ.get("CAPTCHA_FLITE_PATH", shutil.which("flite"))
CAPTCHA_SOX_PATH = os.environ.get("CAPTCHA_SOX_PATH", shutil.which("sox"))

# Comments: spam and flood rules (see comments/services.py).
COMMENTS_FLOOD_SECONDS = int(os.environ.get("COMMENTS_FLOOD_SECONDS", "15"))
COMMENTS_MIN_FILL_SECONDS = float(os.environ.get("COMMENTS_MIN_FILL_SECONDS", "3"))
COMMENTS_MAX_LENGTH = 5000
COMMENTS_MAX_REQUEST_BYTES = 64 * 1024  # larger comment POSTs get 413 before being read
COMMENTS_PER_PAGE = 50
# Trust X-Forwarded-For only from these proxy addresses (comma separated); empty = REMOTE_ADDR.
# One setting for every per-address rule (core.http.client_ip); COMMENTS_TRUSTED_PROXIES is
# its older name, still read when TRUSTED_PROXIES is not set.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES") or env_list("COMMENTS_TRUSTED_PROXIES")
COMMENTS_TRUSTED_PROXIES = TRUSTED_PROXIES
COMMENTS_MODERATOR_EMAILS = env_list("COMMENTS_MODERATOR_EMAILS")
# scripts/bench.py only: serve the fixed 40 KB "floor" page at /bench/floor/ (benchfloor.py).
BENCH_FLOOR_VIEW = env_bool("BENCH_FLOOR_VIEW", False)

# Security headers on every response (production.py adds HTTPS-only ones).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No site may frame ours; Wagtail's preview panel answers SAMEORIGIN for itself.
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp; newsroom/contentpolicy.py explains the two policies).
# Reader pages have no inline script, so there is no nonce and cached pages stay valid.
# Origins allowed to be framed by embed blocks (oEmbed video players), comma separated.
EMBED_FRAME_ORIGINS = env_list(
    "EMBED_FRAME_ORIGINS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
_MEDIA_ORIGIN = [o for o in [origin_of(MEDIA_URL)] if o]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # Hashes: the self-contained 500/503 pages keep their CSS inline.
        "style-src": [
            SELF,
            *inline_style_hashes(BASE_DIR / "templates" / n for n in ("500.html", "503.html")),
        ],
        "img-src": [SELF, "data:", *_MEDIA_ORIGIN],
        "media-src": [SELF, *_MEDIA_ORIGIN],  # the audio CAPTCHA
        "font-src": [SELF],
        "connect-src": [SELF],  # comments.js fetches a fresh CAPTCHA challenge
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin's own templates need inline scripts and styles and eval, so /admin/ gets
# this looser policy instead; it still forbids plugins, foreign forms and foreign framing.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *_MEDIA_ORIGIN],
        "media-src": [SELF, "blob:", *_MEDIA_ORIGIN],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF, "https://releases.wagtail.org"],  # the dashboard's upgrade notice
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],  # the preview panel frames admin preview URLs
    },
}

# No Gravatar avatars in the admin: they would tell a third party which (hashed) staff email
# addresses open which admin pages. Wagtail shows its default avatar or an uploaded one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Admin login brute force (django-axes; newsroom/loginlock.py). A username is locked on one
# address after AXES_FAILURE_LIMIT failures; an address is locked for every username after
# AXES_IP_FAILURE_LIMIT. Both last AXES_COOLOFF_TIME hours, or until `manage.py axes_reset`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_IP_FAILURE_LIMIT = int(os.environ.get("AXES_IP_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_HANDLER = "newsroom.loginlock.LoginLockoutHandler"
# The same client address as comments use: X-Forwarded-For only from COMMENTS_TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "newsroom.loginlock.client_ip"
AXES_LOCKOUT_CALLABLE = "newsroom.loginlock.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# Signing in clears that user's failures on that address (not the address's other failures).
AXES_RESET_ON_SUCCESS = True
# Passwords never reach the attempt log.
AXES_SENSITIVE_PARAMETERS = ["password"]
LOGIN_LOCKOUT_CONTACT = os.environ.get("LOGIN_LOCKOUT_CONTACT", "")

# Caches. With REDIS_URL (redis://host:6379/0) every app server shares one Redis for the page
# cache, sessions and the comment flood limit; without it each process has its own memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "newsroom")
if REDIS_URL:
    _redis_options = {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        # A dead or unreachable Redis must cost milliseconds, not a hung worker.
        "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
        "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
    }
    CACHES = {
        # Pages and sessions: errors are logged and ignored, so the site renders without Redis.
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {**_redis_options, "IGNORE_EXCEPTIONS": True},
        },
        # The comment flood limit must know when Redis is down (it then asks the database).
        "comments": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": _redis_options,
        },
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Sessions read from Redis and are written through to the database, so a Redis restart or
    # outage signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "comments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "comments",
        },
    }
COMMENTS_FLOOD_CACHE = "comments"
# Per-address limits on anonymous requests (newsroom/ratelimit.py). Their counters live in the
# same alias as the comment flood limit; while it is down they are counted in each process.
RATE_LIMIT_CACHE = COMMENTS_FLOOD_CACHE
# Private-page passwords (newsroom/pagepassword.py): an address gets this many wrong guesses
# per restriction; then it waits until PAGE_PASSWORD_LOCKOUT_SECONDS after its first guess.
PAGE_PASSWORD_FAILURE_LIMIT = int(os.environ.get("PAGE_PASSWORD_FAILURE_LIMIT", "5"))
PAGE_PASSWORD_LOCKOUT_SECONDS = int(os.environ.get("PAGE_PASSWORD_LOCKOUT_SECONDS", "900"))
# Wagtail's form for password-protected pages, in the site's look.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "security/password_required.html"  # noqa: S105  # nosec B105
# Searches the page cache could not answer (newsroom/searchlimit.py), per address and window.
SEARCH_RATE_LIMIT = int(os.environ.get("SEARCH_RATE_LIMIT", "30"))
SEARCH_RATE_SECONDS = int(os.environ.get("SEARCH_RATE_SECONDS", "60"))
# Rendered fragments of reader pages, in each process's memory: their keys carry the shared
# reader-cache version (pagecache/versioned.py), so a change anywhere retires them everywhere.
FRAGMENT_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("FRAGMENT_CACHE_ENTRIES", "1000"))},
}
CACHES["fragments"] = FRAGMENT_CACHE

# Whole-page cache for anonymous readers (pagecache/). PAGE_CACHE=0 turns it off.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))  # in our cache
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))  # max-age
PAGE_CACHE_SHARED_SECONDS = int(os.environ.get("PAGE_CACHE_SHARED_SECONDS", "600"))  # s-maxage
# Requests with one of these cookies are answered fresh and never stored.
PAGE_CACHE_PERSONAL_COOKIES = ["sessionid", "messages"]
PAGE_CACHE_EXCLUDE_PATHS = [
    r"/admin/",
    r"/comments/",
    r"/captcha/",
    r"/documents/",
    r"/media/",
    r"/static/",
]
# Query parameters our pages read; other parameters (except tracking ones) bypass the cache.
# Each with the values a cached variant may have (a regular expression, matched whole): a
# value outside it (?page=junk, ?comments=99999999) is answered fresh, never stored, so a
# crawler cannot fill the cache with variants.
PAGE_CACHE_QUERY_PARAMS = {
    "page": r"[1-9][0-9]{0,3}",
    "comments": r"[1-9][0-9]{0,3}",
    "comment": r"pending|published",
}
PAGE_CACHE_IGNORED_QUERY_PREFIXES = ("utm_", "fbclid", "gclid", "mc_", "_ga")
# Search results (/search/, /es/search/, /ar/search/) are cached briefly and only for short,
# already normalised queries (pagecache/store.py search_cache_query), so a crawler sending
# random queries cannot fill the cache; publishing a story purges them like any listing.
PAGE_CACHE_SEARCH_PATH = r"/(?:[a-z]{2}/)?search/"
PAGE_CACHE_SEARCH_SECONDS = int(os.environ.get("PAGE_CACHE_SEARCH_SECONDS", "120"))
# Template fragments of the article page (its own parts, its comments), for every reader and
# for page-cache misses; they also vary on the reader-cache version, so changes show at once.
READER_FRAGMENT_SECONDS = int(os.environ.get("READER_FRAGMENT_SECONDS", "600"))

# Purging (wagtail.contrib.frontend_cache): our page cache always; Varnish, Cloudflare or
# CloudFront as well when configured. pagecache/purge.py decides which URLs a change purges.
WAGTAILFRONTENDCACHE = {"pagecache": {"BACKEND": "pagecache.backends.PageCacheBackend"}}
if os.environ.get("FRONTEND_CACHE_VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "pagecache.backends.OnCommitHTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_VARNISH_URL"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", ""),
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }
# Our purge lists name each language's URL itself; Wagtail's rewriting would invent /en/ URLs.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        name: {
            "handlers": ["console"],
            "level": os.environ.get("LOG_LEVEL", "INFO"),
            "propagate": False,
        }
        for name in ("articles", "comments", "pagecache", "django_redis")
    },
}
# A request naming a host outside ALLOWED_HOSTS gets its 400 (before the page cache too);
# Django would also log each one at ERROR with a traceback, and anyone can send them.
LOGGING["loggers"]["django.security.DisallowedHost"] = {"handlers": [], "propagate": False}
