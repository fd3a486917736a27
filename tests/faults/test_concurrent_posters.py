"""200 readers post at the same instant through a real gunicorn: all 200 stored, none twice.

Each simulated reader binds its sockets to its own loopback address (127.0.0.2 … 127.0.0.201;
Linux routes all of 127/8 to lo), so the server sees 200 distinct REMOTE_ADDRs and the
per-address flood limit treats them as 200 people. The same 200 POSTs are then replayed.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote, urlencode

import pytest
from captcha.models import CaptchaStore
from django.db import connection

from comments.models import Comment
from tests.servers import (
    Reply,
    collect_static,
    gunicorn,
    http_request,
    pow_solution,
    production_env,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL): SQLite cannot take 200 concurrent writers",
    ),
]

POSTERS = 200
# 3 workers x 8 threads: 24 database connections at most, well under max_connections (100).
WORKERS, THREADS = 3, 8


def database_url() -> str:
    """The pytest test database, for the server subprocess (it sees committed rows only)."""
    s = connection.settings_dict
    auth = quote(s["USER"] or "", safe="")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"], safe="")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def address(index: int) -> str:
    return f"127.0.0.{index + 2}"


def all_at_once(count: int, work) -> tuple[list, float]:
    """Run work(i) in `count` threads released together; returns results and wall time."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(index: int) -> None:
        barrier.wait(timeout=60)
        try:
            results[index] = work(index)
        except Exception as exc:  # a refused or reset connection is a result, not a crash
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    for thread in threads:
        thread.join(timeout=180)
    return results, time.monotonic() - started


def summary(results: list) -> Counter:
    return Counter(r.status if isinstance(r, Reply) else type(r).__name__ for r in results)


def test_two_hundred_concurrent_posters_store_exactly_two_hundred_comments(article, tmp_path):
    env = production_env(
        database_url(),
        COMMENTS_MIN_FILL_SECONDS="0",  # the simulated readers answer at once
        MEDIA_ROOT=str(tmp_path / "media"),
        LOG_LEVEL="WARNING",
    )
    env = collect_static(env, tmp_path / "static")
    log = tmp_path / "gunicorn.log"
    with gunicorn(env, log=log, workers=WORKERS, threads=THREADS) as url:
        # Each reader fetches a challenge (CSRF cookie, CAPTCHA key, form token) from its address.
        def fetch(index: int) -> Reply:
            return http_request(
                url, "GET", "/comments/challenge/", source_address=(address(index), 0)
            )

        # And the proof of work its browser solves while the reader types.
        def work(index: int) -> str:
            reply = http_request(
                url, "GET", "/safety/pow/challenge/", source_address=(address(index), 0)
            )
            assert reply.status == 200
            return pow_solution(reply.body)

        with ThreadPoolExecutor(max_workers=16) as pool:
            challenges = list(pool.map(fetch, range(POSTERS)))
            solutions = list(pool.map(work, range(POSTERS)))
        assert {c.status for c in challenges} == {200}
        payloads = [json.loads(c.body) for c in challenges]
        answers = dict(
            CaptchaStore.objects.filter(hashkey__in=[p["key"] for p in payloads]).values_list(
                "hashkey", "response"
            )
        )
        requests = []
        for index, (challenge, data) in enumerate(zip(challenges, payloads, strict=True)):
            cookies = challenge.cookies()
            body = {
                "csrfmiddlewaretoken": data["csrf_token"],
                "captcha_0": data["key"],
                "captcha_1": answers[data["key"]],
                "altcha": solutions[index],
                "started": data["started"],
                "token": data["token"],
                "author_name": f"Reader {index}",
                "author_email": "",
                "body": f"Comment number {index}, sent with everyone else's.",
                "website": "",
            }
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookies['csrftoken']}",
            }
            requests.append((urlencode(body).encode(), headers))

        def post(index: int) -> Reply:
            body, headers = requests[index]
            return http_request(
                url,
                "POST",
                f"/comments/{article.pk}/",
                body=body,
                headers=headers,
                source_address=(address(index), 0),
                timeout=120,
            )

        first, first_took = all_at_once(POSTERS, post)
        stored_after_first = Comment.objects.filter(article=article).count()
        replay, replay_took = all_at_once(POSTERS, post)
        stored_after_replay = Comment.objects.filter(article=article).count()

    report = (
        f"\n{POSTERS} concurrent posters, gunicorn {WORKERS} workers x {THREADS} threads:"
        f"\n  first burst: {dict(summary(first))} in {first_took:.2f} s"
        f" ({POSTERS / first_took:.0f} posts/s), comments stored: {stored_after_first}"
        f"\n  replay:      {dict(summary(replay))} in {replay_took:.2f} s,"
        f" comments stored: {stored_after_replay}"
    )
    print(report)
    server_log = log.read_text(errors="replace")
    assert all(isinstance(r, Reply) and r.status < 500 for r in first + replay), (
        report + "\n" + server_log[-3000:]
    )
    assert all(r.status == 302 for r in first), report
    assert stored_after_first == POSTERS, report
    assert stored_after_replay == POSTERS, report
    # The server saw each reader's own address, so the flood limit judged each separately.
    addresses = set(Comment.objects.values_list("ip_address", flat=True))
    assert addresses == {address(i) for i in range(POSTERS)}
    assert "Traceback" not in server_log, server_log[-3000:]
