"""The site itself: hosts, apps, middleware, templates, database, languages, files, Wagtail."""

import os
from pathlib import Path

import dj_database_url

from .env import BASE_DIR, env_bool, env_list

DEBUG = env_bool("DEBUG", False)
# With DEBUG on, a missing page still shows the site's own 404 page; 1 shows Django's technical
# page (every URL pattern) instead, for developers chasing a route.
DEBUG_TECHNICAL_404 = env_bool("DEBUG_TECHNICAL_404", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The site's own 403 page for a stale or foreign form; it never reads the request body.
CSRF_FAILURE_VIEW = "newsroom.views.csrf_failure"

INSTALLED_APPS = [
    "core",
    "articles",
    "comments",
    "safety",
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
    "django_tasks",
    "django_tasks_db",
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
    # First: every answer carries X-Request-ID and every line logged for it the id (core/logs).
    "core.requestid.RequestIdMiddleware",
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
    # With DEBUG on, the site's own 404 page instead of Django's technical one (notfound.py).
    "newsroom.notfound.SiteNotFoundMiddleware",
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
