"""The serving tier for real: gunicorn app servers sharing PostgreSQL and Redis, Varnish in front.

- Two app servers: a change published through one is served by the other on the next request.
- Varnish: a second GET is a hit, a publish through the app purges it (a background task: the
  task worker sends the PURGE within moments), an editor passes through.
- Redis down: pages still render and the comment flood limit still holds (database fallback).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from captcha.models import CaptchaStore
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from comments.models import Comment
from tests.faults.test_concurrent_posters import database_url
from tests.servers import (
    PYTHON,
    REPO,
    Reply,
    collect_static,
    free_port,
    gunicorn,
    http_request,
    pow_solution,
    production_env,
    spawn,
    stop,
    wait_for_port,
)

REQUIRED = bool(os.environ.get("NEWSROOM_REQUIRE_BROWSER"))
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
REDIS_DB = 13  # tests keep to their own Redis database and key prefix

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL): the app servers are other processes, and "
        "pytest's SQLite test database lives in this process's memory",
    ),
]


def redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis(port=6379, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def redis_url():
    if not redis_available():
        if REQUIRED:
            pytest.fail("Redis is not running on 127.0.0.1:6379")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    return f"redis://127.0.0.1:6379/{REDIS_DB}"


@pytest.fixture
def static_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("static")


def server_env(static_root: Path, **extra: str) -> dict[str, str]:
    env = production_env(
        database_url(),
        PAGE_CACHE="1",
        COMMENTS_MIN_FILL_SECONDS="0",
        MEDIA_ROOT=str(settings.MEDIA_ROOT),  # where the test's images were saved
        CACHE_KEY_PREFIX=f"newsroom-test-{uuid.uuid4().hex[:8]}",
        **extra,
    )
    return collect_static(env, static_root)


@contextlib.contextmanager
def varnish(port: int, backend_port: int, log_dir: Path) -> Iterator[str]:
    """varnishd in the foreground with deploy/varnish/default.vcl aimed at backend_port."""
    if not Path(VARNISHD).exists():
        if REQUIRED:
            pytest.fail("varnishd is not installed (apt-get install varnish)")
        pytest.skip("varnishd is not installed")
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-varnish-"))
    workdir.chmod(0o755)  # varnishd drops root for its own user, which must read the VCL
    vcl = (REPO / "deploy/varnish/default.vcl").read_text()
    (workdir / "default.vcl").write_text(
        vcl.replace('.port = "8000";', f'.port = "{backend_port}";')
    )
    log = log_dir / "varnish.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [VARNISHD, "-F", "-a", f"127.0.0.1:{port}", "-f", str(workdir / "default.vcl"),
             "-n", str(workdir), "-s", "malloc,32m"],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_for_port(port, process=process, log=log)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(workdir, ignore_errors=True)


def get(base: str, path: str, cookies: dict[str, str] | None = None) -> Reply:
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())}
    return http_request(base, "GET", path, headers=headers if cookies else {})


def post(base: str, path: str, fields: dict, cookies: dict[str, str]) -> Reply:
    return http_request(
        base,
        "POST",
        path,
        body=urlencode(fields).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        },
    )


def csrf_field(reply: Reply) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', reply.text).group(1)


def sign_in(base: str) -> dict[str, str]:
    """An editor signs in to the Wagtail admin over HTTP; returns the browser's cookies."""
    form = get(base, "/admin/login/")
    cookies = form.cookies()
    reply = post(
        base,
        "/admin/login/",
        {
            "username": "editor",
            "password": "a long test password",
            "csrfmiddlewaretoken": csrf_field(form),
        },
        cookies,
    )
    assert reply.status == 302, reply.text[:500]
    cookies.update(reply.cookies())
    assert "sessionid" in cookies
    return cookies


def publish_latest_revision(base: str, cookies: dict[str, str], page_id: int) -> None:
    """Publish through the admin's bulk "Publish" action, as an editor would."""
    path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    form = get(base, path, cookies)
    assert form.status == 200, form.text[:500]
    reply = post(base, path, {"csrfmiddlewaretoken": csrf_field(form)}, cookies)
    assert reply.status == 302, reply.text[:500]


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com")
    # Hashed the way production settings can check (the test settings use MD5).
    user.password = PBKDF2PasswordHasher().encode("a long test password", "testsalt", 1000)
    user.save(update_fields=["password"])
    return user


def test_a_change_published_through_one_app_server_is_served_by_the_other_and_by_varnish(
    article, editor, redis_url, static_root, tmp_path
):
    env = server_env(static_root, REDIS_URL=redis_url)
    edge_port = free_port()
    env["FRONTEND_CACHE_VARNISH_URL"] = f"http://127.0.0.1:{edge_port}"
    with (
        gunicorn(env, log=tmp_path / "a.log", workers=1) as server_a,
        gunicorn(env, log=tmp_path / "b.log", workers=1) as server_b,
        task_worker(env, tmp_path / "worker.log"),
    ):
        port_a = int(server_a.rsplit(":", 1)[1])
        with varnish(edge_port, port_a, tmp_path) as edge:
            url = article.url
            old_title = article.title

            # B renders and stores the page in the shared Redis; A then serves B's copy.
            assert get(server_b, url).headers["X-Page-Cache"] == "miss"
            from_a = get(server_a, url)
            assert from_a.status == 200 and from_a.headers["X-Page-Cache"] == "hit"
            assert from_a.headers["Cache-Control"] == "public, max-age=60, s-maxage=600"
            assert from_a.headers.get("Set-Cookie") is None
            assert "cookie" not in (from_a.headers.get("Vary") or "").lower()

            # Varnish: the second anonymous GET never reaches an app server.
            first = get(edge, url)
            assert first.status == 200 and first.headers["X-Cache"] == "MISS"
            time.sleep(1.1)
            hit = get(edge, url)
            assert hit.headers["X-Cache"] == "HIT", (dict(first.headers), dict(hit.headers))
            assert int(hit.headers["Age"]) >= 1

            # An editor publishes a new headline through A.
            article.title = "Talks resume after a night of shelling"
            article.save_revision()
            cookies = sign_in(server_a)
            publish_latest_revision(server_a, cookies, article.pk)

            # Our page cache is purged by the publishing request itself: B is current at once.
            fresh_b = get(server_b, url)
            assert fresh_b.headers["X-Page-Cache"] == "miss"
            assert "Talks resume after a night of shelling" in fresh_b.text
            assert old_title not in fresh_b.text
            # Varnish once the worker has sent the PURGE (it polls the queue every 0.2 s here).
            from_edge = wait_for_edge(edge, url, "Talks resume after a night of shelling")
            assert from_edge.headers["X-Cache"] == "MISS"
            section = get(edge, article.get_parent().url)
            assert "Talks resume after a night of shelling" in section.text

            # A signed-in editor passes through Varnish and the page cache: always fresh.
            type(article).objects.filter(pk=article.pk).update(title="Unpublished wording")
            as_editor = get(edge, url, cookies)
            assert as_editor.headers["X-Cache"] == "MISS"
            assert "private" in as_editor.headers["Cache-Control"]
            assert "Unpublished wording" in as_editor.text
            assert "Unpublished wording" not in get(edge, url).text  # readers: the cached page


@contextlib.contextmanager
def task_worker(env: dict[str, str], log: Path) -> Iterator[None]:
    """`manage.py db_worker` for the app servers' queue, as `make serve` starts it."""
    worker = spawn(
        [PYTHON, "manage.py", "db_worker", "--backend=background", "--queue-name=default",
         "--interval=0.2", "--no-startup-delay"],
        env=env, log=log,
    )  # fmt: skip
    try:
        yield
    finally:
        stop(worker)


def wait_for_edge(edge: str, url: str, text: str, timeout: float = 15) -> Reply:
    deadline = time.monotonic() + timeout
    while True:
        reply = get(edge, url)
        if text in reply.text or time.monotonic() > deadline:
            assert text in reply.text, f"Varnish still serves the old page after {timeout} s"
            return reply
        time.sleep(0.2)


def comment_fields(base: str, body: str) -> tuple[dict, dict]:
    challenge = get(base, "/comments/challenge/")
    assert challenge.status == 200
    data = json.loads(challenge.text)
    answer = CaptchaStore.objects.get(hashkey=data["key"]).response
    fields = {
        "author_name": "Amal",
        "author_email": "",
        "body": body,
        "website": "",
        "captcha_0": data["key"],
        "captcha_1": answer,
        "altcha": pow_solution(get(base, "/safety/pow/challenge/").text),
        "started": data["started"],
        "token": data["token"],
        "csrfmiddlewaretoken": data["csrf_token"],
    }
    return fields, challenge.cookies()


def test_with_redis_down_pages_render_and_the_flood_limit_still_holds(
    article, static_root, tmp_path
):
    dead_redis = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    env = server_env(static_root, REDIS_URL=dead_redis)
    with gunicorn(env, log=tmp_path / "app.log", workers=1) as server:
        for _ in range(2):
            page = get(server, article.url)
            assert page.status == 200
            assert article.title in page.text

        fields, cookies = comment_fields(server, "First thoughts on the talks.")
        first = post(server, f"/comments/{article.pk}/", fields, cookies)
        assert first.status == 302, first.text[:500]

        fields, cookies = comment_fields(server, "And a second comment at once.")
        second = post(server, f"/comments/{article.pk}/", fields, cookies)
        assert second.status == 429, second.text[:500]
        assert "too quickly" in second.text
        assert Comment.objects.count() == 1
        assert get(server, article.url).status == 200


def test_varnish_keys_objects_on_the_normalised_host_and_never_shares_them(
    article, editor, static_root, tmp_path
):
    """The VCL hashes as the app's page cache does: host name without case, port or trailing
    dot. A poisoned Host header neither changes what readers get nor reaches their object."""
    env = server_env(static_root)
    with gunicorn(env, log=tmp_path / "app.log", workers=1) as server:
        backend_port = int(server.rsplit(":", 1)[1])
        with varnish(free_port(), backend_port, tmp_path) as edge:
            url = article.url

            def fetch(host: str) -> Reply:
                return http_request(edge, "GET", url, headers={"Host": host})

            poisoned = fetch("127.0.0.1:6666")
            assert poisoned.status == 200 and poisoned.headers["X-Cache"] == "MISS"
            assert "6666" not in poisoned.text
            assert f'rel="canonical" href="{article.full_url}"' in poisoned.text
            time.sleep(1.1)
            for host in ("127.0.0.1", "127.0.0.1:8080", "127.0.0.1."):
                same = fetch(host)
                assert same.headers["X-Cache"] == "HIT", host
                assert "6666" not in same.text
            other = fetch("localhost")
            assert other.status == 200 and other.headers["X-Cache"] == "MISS"
            for _ in range(2):
                refused = fetch("evil.example")
                assert refused.status == 400 and refused.headers["X-Cache"] == "MISS"
                assert article.title not in refused.text

            # One request id through both tiers: the reader's own (or Varnish's) comes back
            # on a hit too, a miss carries it to the app's log, and probes are never stored.
            hit = http_request(edge, "GET", url, headers={"X-Request-ID": "reader-hit-1"})
            assert hit.headers["X-Cache"] == "HIT"
            assert hit.headers["X-Request-ID"] == "reader-hit-1"
            assert re.fullmatch(r"varnish-\d+", get(edge, url).headers["X-Request-ID"])
            miss = http_request(edge, "GET", f"{url}?page=2", headers={"X-Request-ID": "miss-1"})
            assert miss.headers["X-Cache"] == "MISS" and miss.headers["X-Request-ID"] == "miss-1"
            for _ in range(2):
                probe = http_request(edge, "GET", "/health/ready")
                assert probe.status == 200 and probe.headers["X-Cache"] == "MISS"
    app_lines = [
        json.loads(raw)
        for raw in (tmp_path / "app.log").read_text().splitlines()
        if raw.startswith("{")
    ]
    assert [line["path"] for line in app_lines if line.get("request_id") == "miss-1"] == [url]
