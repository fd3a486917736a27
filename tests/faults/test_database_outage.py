"""PostgreSQL goes away under a real gunicorn: every page answers 503, and recovery is immediate.

The test brings its own PostgreSQL cluster (initdb in a temp dir, pg_ctl on a free port), so it
can stop the database without disturbing anything else. It runs once per CI run, in the SQLite
pass: it does not use the suite's database at all, and the PostgreSQL pass already carries the
200-poster load test.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import psycopg2
import pytest
from django.db import connection

from tests.servers import (
    PrivatePostgres,
    Reply,
    collect_static,
    gunicorn,
    http_request,
    manage,
    postgres_bindir,
    pow_solution,
    production_env,
)

pytestmark = pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="runs once, in the SQLite pass: it brings its own PostgreSQL cluster",
)

OUTAGE_TEXT = "Back in a moment"
# A home page, a section and an article with an image and open comments (load_demo is slower).
CONTENT = """
from articles.services import ensure_home_page
from tests.factories import ArticlePageFactory, SectionPageFactory
section = SectionPageFactory(parent=ensure_home_page(), title="Diplomacy", slug="diplomacy")
ArticlePageFactory(parent=section, title="Ceasefire talks resume", slug="ceasefire-talks")
"""


@dataclass
class Site:
    url: str
    pg: PrivatePostgres
    log: Path

    def get(self, path: str, **headers: str) -> Reply:
        return http_request(self.url, "GET", path, headers=headers)

    def post(self, path: str, fields: dict[str, str], cookies: dict[str, str]) -> Reply:
        return http_request(
            self.url,
            "POST",
            path,
            body=urlencode(fields).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
            },
        )

    def query(self, sql: str, *params: object) -> list[tuple]:
        """Read the private database directly, as a test may (the server is what is tested)."""
        with psycopg2.connect(self.pg.url) as db, db.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        db.close()
        return rows


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[Site]:
    bindir = postgres_bindir()
    if bindir is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) are not installed"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    pg = PrivatePostgres(bindir)
    tmp = tmp_path_factory.mktemp("outage")
    try:
        pg.init()
        # The test's reader answers at once; production's minimum fill time would drop it.
        env = production_env(
            pg.url,
            MEDIA_ROOT=str(tmp / "media"),
            LOG_LEVEL="WARNING",
            COMMENTS_MIN_FILL_SECONDS="0",
        )
        began = time.monotonic()
        with ThreadPoolExecutor(max_workers=1) as pool:  # static files while the schema builds
            static = pool.submit(collect_static, env, tmp / "static")
            manage("migrate", "--noinput", "-v0", env=env)
            manage("shell", "-c", CONTENT, env=env)
            env = static.result()
        print(f"\nPrivate cluster migrated and filled in {time.monotonic() - began:.1f} s")
        log = tmp / "gunicorn.log"
        with gunicorn(env, log=log, workers=2, threads=4) as url:
            yield Site(url=url, pg=pg, log=log)
    finally:
        pg.destroy()


def assert_outage_page(reply: Reply, what: str) -> None:
    assert reply.status == 503, f"{what}: {reply.status}\n{reply.text[:500]}"
    assert reply.headers["Retry-After"] == "30", what
    assert "no-store" in reply.headers["Cache-Control"], what
    assert OUTAGE_TEXT in reply.text, what
    assert "<style>" in reply.text, f"{what}: the outage page should be styled"
    for leak in ("Traceback", "OperationalError", "psycopg2", "Internal Server Error"):
        assert leak not in reply.text, f"{what}: {leak!r} shown to the reader"


def test_pages_and_comment_post_answer_503_while_postgres_is_down_and_recover_at_once(site):
    section = "/diplomacy/"
    section_page = site.get(section)
    assert section_page.status == 200, section_page.text[:500]
    article = re.search(rf'href="({section}[a-z0-9-]+/)"', section_page.text).group(1)
    article_page = site.get(article)
    assert article_page.status == 200
    post_url = re.search(r'action="(/comments/\d+/)(?:#comment-form)?"', article_page.text).group(1)
    pages = {
        "front page": "/",
        "article": article,
        "section": section,
        "search": "/search/?q=ceasefire",
        "feed": "/feed/",
    }
    # Several requests first, so worker threads hold persistent connections that will go stale.
    for _ in range(3):
        for name, path in pages.items():
            assert site.get(path).status == 200, name

    # A reader loads the form (CSRF cookie, CAPTCHA) before the outage, and answers it.
    challenge = site.get("/comments/challenge/")
    assert challenge.status == 200
    data = json.loads(challenge.body)
    (answer,) = site.query(
        "SELECT response FROM captcha_captchastore WHERE hashkey = %s", data["key"]
    )[0]
    comment = {
        "csrfmiddlewaretoken": data["csrf_token"],
        "captcha_0": data["key"],
        "captcha_1": answer,
        "started": data["started"],
        "token": data["token"],
        "author_name": "Outage reader",
        "author_email": "",
        "body": "Posted while the database was away.",
        "website": "",
        # The proof of work the reader's browser solved while they typed.
        "altcha": pow_solution(site.get("/safety/pow/challenge/").body),
    }
    cookies = challenge.cookies()
    assert "csrftoken" in cookies

    site.pg.stop()
    try:
        for name, path in pages.items():
            assert_outage_page(site.get(path), name)
        outage = site.get(article, **{"X-Request-ID": "outage-probe-1"})
        assert_outage_page(outage, "article with a request id")
        assert outage.headers["X-Request-ID"] == "outage-probe-1"
        assert_outage_page(site.post(post_url, comment, cookies), "comment POST")
        assert_outage_page(site.get("/comments/challenge/"), "CAPTCHA challenge")
    finally:
        site.pg.start()

    started = time.monotonic()
    first = site.get(article)
    took = time.monotonic() - started
    assert first.status == 200, f"first request after restart: {first.status}\n{first.text[:500]}"
    print(f"\nFirst request after PostgreSQL restarted: {first.status} in {took * 1000:.0f} ms")
    for name, path in pages.items():
        assert site.get(path).status == 200, f"{name} after restart"

    # The reader sends the same form again: the CAPTCHA was never used, so it goes through.
    resent = site.post(post_url, comment, cookies)
    assert resent.status == 302, resent.text[:500]
    assert site.query(
        "SELECT count(*) FROM comments_comment WHERE author_name = %s", "Outage reader"
    ) == [(1,)]

    log = site.log.read_text(errors="replace")
    assert "Database unavailable, answered 503" in log
    assert "Traceback" not in log, log[-3000:]
    # Production logs one JSON object per line; the outage line names the request it answered.
    (line,) = [
        entry for entry in json_lines(site.log) if entry.get("request_id") == "outage-probe-1"
    ]
    assert line["level"] == "error"
    assert line["logger"] == "newsroom.outage"
    assert line["message"].startswith(f"Database unavailable, answered 503 to GET {article}")
    assert (line["method"], line["path"]) == ("GET", article)


def json_lines(log: Path) -> list[dict]:
    return [json.loads(raw) for raw in log.read_text().splitlines() if raw.startswith("{")]


def test_liveness_holds_while_readiness_follows_the_database(site):
    """What a load balancer sees: the process stays alive, readiness drops with PostgreSQL and
    comes back on the first probe after it returns."""
    for _ in range(3):  # worker threads hold connections that will go stale
        assert site.get("/health/ready").status == 200
    site.pg.stop()
    try:
        for _ in range(3):
            live = site.get("/health/live")
            assert live.status == 200, live.text
            ready = site.get("/health/ready")
            assert ready.status == 503, ready.text
            assert json.loads(ready.body)["checks"]["database"] == "fail"
            assert "no-store" in ready.headers["Cache-Control"]
            assert "127.0.0.1" not in ready.text and str(site.pg.port) not in ready.text
    finally:
        site.pg.start()
    started = time.monotonic()
    first = site.get("/health/ready")
    took = time.monotonic() - started
    assert first.status == 200, first.text
    print(f"\nFirst readiness probe after PostgreSQL restarted: 200 in {took * 1000:.0f} ms")
    assert json.loads(first.body)["checks"] == {"database": "ok", "migrations": "ok"}
    # A failed probe is a warning with the reason (which the JSON body never gives).
    lines = [e for e in json_lines(site.log) if e.get("path") == "/health/ready"]
    assert any(e["message"].startswith("Not ready: database: Unavailable") for e in lines)
    assert any(e["message"] == "GET /health/ready 503" for e in lines)
