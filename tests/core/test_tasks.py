"""Background tasks (core.tasks): a failing task is tried again, then recorded and logged, never
lost; every line it logs carries the request id it was queued with.

Run at once (the immediate backend: tests, `make run`) and through the database backend with
django-tasks-db's own worker (`manage.py db_worker`), here in this process."""

from __future__ import annotations

import io
import logging
import re

import pytest
import structlog
from django.core.management import CommandError, call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.tasks import background_task
from tests.structlogs import structured_logs

ATTEMPTS: dict[str, int] = {}


@background_task(max_attempts=3)
def always_fails(name: str) -> None:
    ATTEMPTS[name] = ATTEMPTS.get(name, 0) + 1
    logging.getLogger("core.tests").info("Trying %s", name)
    raise RuntimeError(f"mail server down for {name}")


@background_task(max_attempts=3)
def fails_twice(name: str) -> str:
    ATTEMPTS[name] = ATTEMPTS.get(name, 0) + 1
    if ATTEMPTS[name] < 3:
        raise ConnectionError("try later")
    return f"sent on attempt {ATTEMPTS[name]}"


@background_task(max_attempts=3, no_retry_on=(ValueError,))
def bad_input(name: str) -> None:
    ATTEMPTS[name] = ATTEMPTS.get(name, 0) + 1
    raise ValueError("this file is not a feed")


@pytest.fixture(autouse=True)
def _attempts():
    ATTEMPTS.clear()
    yield
    ATTEMPTS.clear()


@pytest.fixture
def in_request():
    """Enqueue as a request does: its id is in the log context."""
    with structlog.contextvars.bound_contextvars(request_id="req-42"):
        yield "req-42"


def task_lines(lines, name):
    return [line for line in lines if line.get("task") == name]


def test_immediately_a_task_that_recovers_is_tried_until_it_does(in_request):
    with structured_logs() as lines:
        result = fails_twice.enqueue("recovers")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == "sent on attempt 3"
    warnings = [line for line in task_lines(lines, "fails_twice") if line["level"] == "warning"]
    assert len(warnings) == 2
    assert "attempt 1 of 3 failed (ConnectionError: try later); trying again" in lines.text


def test_immediately_a_task_that_never_works_is_tried_then_logged_once_as_an_error(in_request):
    with structured_logs() as lines:
        result = always_fails.enqueue("never")
    assert ATTEMPTS["never"] == 3
    assert result.status == TaskResultStatus.FAILED
    assert "mail server down for never" in result.errors[-1].traceback
    mine = task_lines(lines, "always_fails")
    assert [line["level"] for line in mine if line["level"] != "info"] == [
        "warning",
        "warning",
        "error",
    ]
    (error,) = [line for line in mine if line["level"] == "error"]
    assert "RuntimeError: mail server down for never" in error["exception"]
    assert {line["request_id"] for line in mine} == {"req-42"}


def test_an_error_no_retry_can_mend_fails_at_once(in_request):
    result = bad_input.enqueue("feed")
    assert result.status == TaskResultStatus.FAILED
    assert ATTEMPTS["feed"] == 1


@pytest.fixture
def database_backend(settings):
    settings.TASKS = {
        **settings.TASKS,
        "background": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        },
    }
    settings.TASK_RETRY_SECONDS = 0  # retries are due at once, so one worker run sees them all


def run_worker() -> None:
    """django-tasks-db's worker until the queue is empty (`db_worker --batch`)."""
    call_command(
        "db_worker",
        "--backend=background",
        "--queue-name=default",
        "--batch",
        "--no-startup-delay",
        "--interval=0",
        "--no-reload",
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_queued_a_failing_task_is_retried_by_the_worker_then_recorded_and_logged(
    database_backend, in_request
):
    result = always_fails.enqueue("queued")
    assert result.status == TaskResultStatus.READY
    assert ATTEMPTS == {}  # nothing runs before a worker does

    with structured_logs() as lines:
        run_worker()

    assert ATTEMPTS["queued"] == 3
    rows = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [row.status for row in rows] == [TaskResultStatus.FAILED] * 3
    # Each attempt is kept with its traceback: two that scheduled the next, the last one's error.
    assert [row.exception_class_path for row in rows] == [
        "core.tasks.RetryScheduled",
        "core.tasks.RetryScheduled",
        "builtins.RuntimeError",
    ]
    assert "mail server down for queued" in rows[0].traceback
    assert {row.args_kwargs["kwargs"]["_request_id"] for row in rows} == {"req-42"}

    mine = task_lines(lines, "always_fails")
    assert {line["request_id"] for line in mine} == {"req-42"}
    failures = [line for line in mine if line["level"] in ("warning", "error")]
    assert [line["level"] for line in failures] == ["warning", "warning", "error"]
    assert "attempt 1 of 3 failed with RuntimeError" in failures[0]["message"]
    assert "exception" not in failures[0]  # a retry is a warning, without a traceback
    assert "RuntimeError: mail server down for queued" in failures[-1]["exception"]
    assert [line["attempt"] for line in mine if line["message"].endswith("state=RUNNING")] == [
        1,
        2,
        3,
    ]

    # What an operator watching the queue sees: one failure for good, the retries not counted.
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("task_queue", "--check", stdout=out)
    assert re.search(r"default\s+0\s+0\s+-\s+0\s+0\s+1", out.getvalue()), out.getvalue()
    assert "tests.core.test_tasks.always_fails) failed" in out.getvalue()
    assert "RuntimeError: mail server down for queued" in out.getvalue()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_queue_check_notices_tasks_waiting_for_a_worker(database_backend):
    fails_twice.enqueue("waits")
    quiet = io.StringIO()
    call_command("task_queue", "--quiet", stdout=quiet)
    assert quiet.getvalue() == ""  # nothing to report yet: cron mails nothing
    out = io.StringIO()
    call_command("task_queue", stdout=out)  # without --check: a report, never an error
    assert re.search(r"default\s+1\s+1\s+\d+ s", out.getvalue()), out.getvalue()
    with pytest.raises(CommandError):
        call_command("task_queue", "--check", "--max-wait=0", stdout=io.StringIO())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_queued_a_task_that_recovers_ends_successful(database_backend, in_request):
    fails_twice.enqueue("recovers later")
    run_worker()
    rows = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [row.status for row in rows] == [
        TaskResultStatus.FAILED,
        TaskResultStatus.FAILED,
        TaskResultStatus.SUCCESSFUL,
    ]
    assert rows[-1].return_value == "sent on attempt 3"
