"""Production settings refuse unsafe configurations."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_with_production_settings(code: str, **env):
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment.update(DJANGO_SETTINGS_MODULE="newsroom.settings.production", **env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_with_production_settings("print('started')")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert "started" not in result.stdout


def test_production_has_debug_and_captcha_test_mode_off():
    result = run_with_production_settings(
        "from django.conf import settings;"
        "print(settings.DEBUG, settings.CAPTCHA_TEST_MODE, settings.SESSION_COOKIE_SECURE)",
        SECRET_KEY="x" * 50,
        DEBUG="1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]


def test_production_settings_pass_the_deploy_checklist():
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is not part of a deployment.
    skip = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in skip}
    environment.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings.production",
        SECRET_KEY="k" * 20 + "-Zx9!qP2#mL7$wR4^tY6&uI8*oE1(aS3)dF5",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_naming_a_bucket_puts_media_in_s3():
    result = run_with_production_settings(
        "from django.conf import settings; from django.core.files.storage import storages;"
        "media = storages['default'];"
        "print(type(media).__name__, settings.MEDIA_URL, media.bucket_name,"
        " media.querystring_auth)",
        SECRET_KEY="x" * 50,
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_CUSTOM_DOMAIN="media.news.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "S3Storage",
        "https://media.news.example.org/",
        "newsroom-media",
        "False",
    ]


def test_without_a_bucket_media_stays_on_disk():
    result = run_with_production_settings(
        "from django.core.files.storage import storages;print(type(storages['default']).__name__)",
        SECRET_KEY="x" * 50,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["FileSystemStorage"]


def test_without_redis_production_workers_share_a_file_cache(tmp_path):
    """A per-process memory cache would let one gunicorn worker serve a page another purged."""
    code = (
        "from django.core.cache import caches;"
        "caches['default'].set('probe', 'seen by every worker', 60);"
        "print(type(caches['default']).__name__)"
    )
    first = run_with_production_settings(code, SECRET_KEY="x" * 50, CACHE_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert first.stdout.split() == ["FileBasedCache"]
    other_process = run_with_production_settings(
        "from django.core.cache import caches; print(caches['default'].get('probe'))",
        SECRET_KEY="x" * 50,
        CACHE_DIR=str(tmp_path),
    )
    assert other_process.stdout.strip() == "seen by every worker"


def test_trusted_proxies_keeps_its_older_name_as_an_alias():
    code = "from django.conf import settings; print(','.join(settings.TRUSTED_PROXIES))"
    older = run_with_production_settings(
        code, SECRET_KEY="x" * 50, COMMENTS_TRUSTED_PROXIES="10.0.0.9"
    )
    assert older.returncode == 0, older.stderr
    assert older.stdout.strip() == "10.0.0.9"
    both = run_with_production_settings(
        code, SECRET_KEY="x" * 50, COMMENTS_TRUSTED_PROXIES="10.0.0.9", TRUSTED_PROXIES="10.0.0.1"
    )
    assert both.stdout.strip() == "10.0.0.1"


def test_probes_over_plain_http_are_not_sent_to_https_in_production():
    """A load balancer asks the app server directly over HTTP: a 301 would read as "down"."""
    code = (
        "from django.test import Client; c = Client();"
        "print(c.get('/health/live').status_code, c.get('/').status_code)"
    )
    result = run_with_production_settings(
        code, SECRET_KEY="x" * 50, ALLOWED_HOSTS="testserver", SECURE_SSL_REDIRECT="1"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "301"]


def test_production_logs_json_and_queues_tasks_in_the_database_by_default():
    code = (
        "from django.conf import settings;"
        "print(settings.LOG_FORMAT, settings.TASKS['background']['BACKEND'],"
        " settings.TASKS['default']['BACKEND'])"
    )
    result = run_with_production_settings(code, SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "json",
        "django_tasks_db.DatabaseBackend",
        "django_tasks.backends.immediate.ImmediateBackend",
    ]
    dev = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings.dev"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert dev.stdout.split()[:2] == ["console", "django_tasks.backends.immediate.ImmediateBackend"]
