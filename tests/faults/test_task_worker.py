"""Mail off the request path, for real: gunicorn on production settings queues the moderators'
email in the database; with no worker running the reader's POST is answered at once and nothing
is sent; the moment `manage.py db_worker` starts, the email goes, and every line the worker logs
for it carries the request id of the POST.

PostgreSQL pass only (production's database; a scratch database on the suite's server).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection

from tests.scratch import query, scratch_databases
from tests.servers import (
    PYTHON,
    collect_static,
    gunicorn,
    http_request,
    manage,
    pow_solution,
    production_env,
    spawn,
    stop,
)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL pass: production's database"
)

CONTENT = """
from articles.services import ensure_home_page
from tests.factories import ArticlePageFactory, SectionPageFactory
section = SectionPageFactory(parent=ensure_home_page(), title="Diplomacy", slug="diplomacy")
ArticlePageFactory(parent=section, title="Ceasefire talks resume", slug="ceasefire-talks")
"""
REQUEST_ID = "reader-post-7f3a"


def json_lines(log: Path) -> list[dict]:
    lines = []
    for raw in log.read_text(errors="replace").splitlines():
        if raw.startswith("{"):
            lines.append(json.loads(raw))
    return lines


def wait_for(condition, timeout: float = 30, step: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(step)
    return None


def test_a_comment_is_answered_without_a_worker_and_its_email_sent_once_one_starts(tmp_path):
    mail = tmp_path / "mail"
    with scratch_databases(tmp_path, "site") as (url,):
        env = production_env(
            url,
            MEDIA_ROOT=str(tmp_path / "media"),
            COMMENTS_MIN_FILL_SECONDS="0",
            COMMENTS_MODERATOR_EMAILS="desk@example.org",
            EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            EMAIL_FILE_PATH=str(mail),
        )
        manage("migrate", "--noinput", "-v0", env=env, timeout=300)
        manage("shell", "-c", CONTENT, env=env)
        env = collect_static(env, tmp_path / "static")
        web_log, worker_log = tmp_path / "gunicorn.log", tmp_path / "worker.log"
        with gunicorn(env, log=web_log, workers=1, threads=2) as site:
            page = http_request(site, "GET", "/diplomacy/ceasefire-talks/")
            assert page.status == 200
            post_url = re.search(r'action="(/comments/\d+/)#comment-form"', page.text).group(1)
            challenge = http_request(site, "GET", "/comments/challenge/")
            data = json.loads(challenge.body)
            ((answer,),) = query(
                url, "SELECT response FROM captcha_captchastore WHERE hashkey = %s", data["key"]
            )
            fields = {
                "csrfmiddlewaretoken": data["csrf_token"],
                "captcha_0": data["key"],
                "captcha_1": answer,
                "altcha": pow_solution(http_request(site, "GET", "/safety/pow/challenge/").body),
                "started": data["started"],
                "token": data["token"],
                "author_name": "Amal",
                "author_email": "amal@example.org",
                "body": "Waiting for a moderator, and no worker is running.",
                "website": "",
            }
            cookies = "; ".join(f"{k}={v}" for k, v in challenge.cookies().items())
            began = time.monotonic()
            reply = http_request(
                site,
                "POST",
                post_url,
                body=urlencode(fields).encode(),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": cookies,
                    "X-Request-ID": REQUEST_ID,
                },
            )
            took = time.monotonic() - began
            assert reply.status == 302, reply.text[:500]
            assert reply.headers["X-Request-ID"] == REQUEST_ID
            print(f"\nComment POST answered in {took * 1000:.0f} ms with no task worker running")

            # Nothing sent: the email waits in the queue.
            assert not mail.exists() or not list(mail.iterdir())
            queued = query(
                url,
                "SELECT status, queue_name FROM django_tasks_database_dbtaskresult "
                "WHERE task_path = %s",
                "comments.tasks.send_moderator_email",
            )
            assert queued == [("READY", "default")]

            worker = spawn(
                [PYTHON, "manage.py", "db_worker", "--backend=background",
                 "--queue-name=default", "--interval=0.2", "--no-startup-delay"],
                env=env, log=worker_log,
            )  # fmt: skip
            try:
                sent = wait_for(lambda: mail.exists() and list(mail.iterdir()))
            finally:
                stop(worker)
            assert sent, worker_log.read_text()[-3000:]

        (message,) = sent
        text = message.read_text()
        assert "desk@example.org" in text
        assert "is waiting for moderation." in text  # the subject is MIME-encoded
        assert query(
            url,
            "SELECT status FROM django_tasks_database_dbtaskresult WHERE task_path = %s",
            "comments.tasks.send_moderator_email",
        ) == [("SUCCESSFUL",)]

    # Production's log is JSON throughout, gunicorn's own lines included (and no access line
    # of gunicorn's, which would name the reader's address).
    raw_lines = [raw for raw in web_log.read_text().splitlines() if raw.strip()]
    assert raw_lines and all(raw.startswith("{") for raw in raw_lines), raw_lines[:5]
    assert not [line for line in json_lines(web_log) if line["logger"] == "gunicorn.access"]

    # One request id from the reader's POST to the worker's last line about its email.
    (post_line,) = [
        line
        for line in json_lines(web_log)
        if line.get("logger") == "core.requests" and line.get("method") == "POST"
    ]
    assert post_line["request_id"] == REQUEST_ID
    assert post_line["status"] == 302
    task_lines = [
        line for line in json_lines(worker_log) if line.get("task") == "send_moderator_email"
    ]
    assert len(task_lines) >= 3, worker_log.read_text()[-3000:]  # started, done, finished
    assert {line["request_id"] for line in task_lines} == {REQUEST_ID}
    for line in json_lines(web_log) + json_lines(worker_log):
        assert "amal@example.org" not in json.dumps(line)
