"""Structured logs: one JSON object per line, the request id on every line of a request (and of
the tasks it queued), X-Request-ID in and out, and no commenter's email or address."""

from __future__ import annotations

import logging
import re

import pytest
from django.contrib.auth import get_user_model

from core.logs import make_formatter
from tests.conftest import solve_challenge
from tests.structlogs import structured_logs

pytestmark = pytest.mark.django_db

HEX_ID = re.compile(r"[0-9a-f]{32}")


def request_lines(lines, path: str) -> list[dict]:
    return [line for line in lines if line["logger"] == "core.requests" and line["path"] == path]


def test_each_request_logs_one_json_line_with_its_id_method_path_status_and_duration(client, home):
    with structured_logs() as lines:
        response = client.get("/", HTTP_X_REQUEST_ID="edge-4711.a")
    assert response["X-Request-ID"] == "edge-4711.a"
    (line,) = request_lines(lines, "/")
    assert list(line)[:5] == ["time", "level", "logger", "message", "request_id"]
    assert line["request_id"] == "edge-4711.a"
    assert line["level"] == "info"
    assert line["message"] == "GET / 200"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/", 200)
    assert isinstance(line["duration_ms"], float)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z", line["time"])
    assert "client_ip" not in line
    assert "user_id" not in line


@pytest.mark.parametrize(
    "incoming",
    ["", "two words", "x" * 129, "<script>", "id\tTAB", "-starts-with-a-dash", "caf\u00e9"],
)
def test_an_unfit_incoming_request_id_is_replaced_by_a_new_one(client, incoming):
    with structured_logs() as lines:
        response = client.get("/health/live", HTTP_X_REQUEST_ID=incoming)
    request_id = response["X-Request-ID"]
    assert HEX_ID.fullmatch(request_id), request_id
    (line,) = request_lines(lines, "/health/live")
    assert line["request_id"] == request_id


def test_every_request_gets_its_own_id(client):
    ids = {client.get("/health/live")["X-Request-ID"] for _ in range(3)}
    assert len(ids) == 3


def test_the_client_address_is_logged_only_where_the_setting_allows(client, settings):
    with structured_logs() as lines:
        client.get("/health/live", REMOTE_ADDR="203.0.113.5")
    assert "203.0.113.5" not in lines.text
    settings.LOG_CLIENT_IP = True
    with structured_logs() as lines:
        client.get("/health/live", REMOTE_ADDR="203.0.113.5")
    assert request_lines(lines, "/health/live")[0]["client_ip"] == "203.0.113.5"


def test_signed_in_staff_are_named_by_id_readers_never(client, home):
    editor = get_user_model().objects.create_superuser("eddie", "eddie@example.org", "pw")
    with structured_logs() as lines:
        client.get("/")  # a reader
        client.force_login(editor)
        client.get("/admin/")
    assert "user_id" not in request_lines(lines, "/")[0]
    assert request_lines(lines, "/admin/")[0]["user_id"] == editor.pk
    assert "eddie@example.org" not in lines.text


def test_a_comment_post_and_its_moderator_email_task_share_one_request_id_and_no_personal_data(
    client, article, settings, django_capture_on_commit_callbacks, mailoutbox
):
    settings.COMMENTS_MODERATOR_EMAILS = ["desk@example.org"]
    form = {
        "author_name": "Amal",
        "author_email": "reader@example.org",
        "body": "My private view on the ceasefire.",
        "website": "",
        **solve_challenge(client),
    }
    with structured_logs() as lines, django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/comments/{article.pk}/",
            form,
            REMOTE_ADDR="203.0.113.5",
            HTTP_X_REQUEST_ID="post-1",
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1  # the task ran (immediate backend) and sent the email
    (post,) = request_lines(lines, f"/comments/{article.pk}/")
    assert post["request_id"] == "post-1"
    task_lines = [line for line in lines if line.get("task") == "send_moderator_email"]
    # django-tasks' own started and finished lines too (the worker logs them), and ours.
    assert [line["message"].split()[-1] for line in task_lines] == [
        "state=RUNNING",
        "done",
        "state=SUCCESSFUL",
    ]
    assert {line["request_id"] for line in task_lines} == {"post-1"}
    for secret in ("reader@example.org", "203.0.113.5", "My private view"):
        assert secret not in lines.text, secret


def test_development_lines_are_readable_text():
    record = logging.LogRecord("comments", logging.INFO, __file__, 1, "Comment %s held", (7,), None)
    text = make_formatter("console").format(record)
    assert "Comment 7 held" in text
    assert "[comments]" in text
    assert not text.startswith("{")


def test_django_s_own_not_found_line_carries_the_request_id(client, home):
    """Django logs a 4xx after the middleware has answered; the id is still bound then."""
    with structured_logs() as lines:
        response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="lost-1")
    assert response.status_code == 404
    (warning,) = [line for line in lines if line["logger"] == "django.request"]
    assert warning["message"] == "Not Found: /no-such-page/"
    assert warning["request_id"] == "lost-1"
    with structured_logs() as after:
        logging.getLogger("comments").info("between requests")
    assert "request_id" not in after[0]  # forgotten once the response was closed
