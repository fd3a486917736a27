"""Background tasks (django-tasks) that are retried, carry their request's id, and are never
lost silently.

``@background_task()`` makes a django-tasks ``Task`` on the ``background`` backend: the
database backend in production (``manage.py db_worker`` runs it), the immediate backend in
development and tests (the task runs where it is enqueued). Around the task's own function:

- the id of the request that enqueued it travels with it (an extra keyword argument), and every
  line the task logs carries it;
- a failed attempt is tried again, ``TASK_MAX_ATTEMPTS`` times in all, after
  ``TASK_RETRY_SECONDS`` × 4^(attempt-1) seconds (30 s, 2 min, 8 min by default) on the
  database backend, at once on the immediate one. Each failed attempt stays in the queue's
  table as FAILED with its traceback; the log says WARNING while another attempt is coming,
  and ERROR with the traceback (which error reporting picks up) when none is.

``enqueue_on_commit()`` is what services call: on the database backend the task's row is
written in the caller's transaction (committed with the data it refers to, or not at all); on
the immediate backend the task runs once the transaction has committed.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import structlog
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.version import PY311
from django_tasks import TaskContext
from django_tasks.base import Task

from .requestid import current_request_id

logger = logging.getLogger(__name__)

BACKEND = "background"
REQUEST_ID = "_request_id"
ATTEMPT = "_attempt"


class RetryScheduled(Exception):
    """This attempt failed and another is scheduled: logged as a warning, not an error."""

    log_as_warning = True


@dataclasses.dataclass(frozen=True, slots=PY311, kw_only=True)
class BackgroundTask(Task):
    max_attempts: int | None = None  # None: settings.TASK_MAX_ATTEMPTS
    # Errors no second attempt can mend (a malformed file): recorded and logged at once.
    no_retry_on: tuple[type[Exception], ...] = ()

    @property
    def attempts_allowed(self) -> int:
        return max(1, self.max_attempts or settings.TASK_MAX_ATTEMPTS)

    def enqueue(self, *args, **kwargs):
        kwargs.setdefault(REQUEST_ID, current_request_id())
        return Task.enqueue(self, *args, **kwargs)  # not super(): a slots dataclass

    def enqueue_on_commit(self, *args, **kwargs) -> None:
        """Enqueue as part of the current transaction: see the module's docstring."""
        kwargs.setdefault(REQUEST_ID, current_request_id())
        if self.get_backend().supports_get_result:  # it keeps tasks: the database backend
            self.enqueue(*args, **kwargs)
        else:
            transaction.on_commit(lambda: self.enqueue(*args, **kwargs))


def retry_delay(attempt: int) -> timedelta:
    return timedelta(seconds=settings.TASK_RETRY_SECONDS * 4 ** (attempt - 1))


def background_task(
    *,
    queue_name: str = "default",
    max_attempts: int | None = None,
    no_retry_on: tuple[type[Exception], ...] = (),
) -> Callable[[Callable[..., Any]], BackgroundTask]:
    """Decorator: the function becomes a retried background task (see the module's docstring)."""

    def decorate(func: Callable[..., Any]) -> BackgroundTask:
        task: BackgroundTask

        def run(context: TaskContext, *args, **kwargs):
            attempt = int(kwargs.pop(ATTEMPT, 1))
            request_id = kwargs.pop(REQUEST_ID, None)
            return _attempt(task, func, args, kwargs, attempt=attempt, request_id=request_id)

        # The worker finds the task by its function's dotted path: the module-level name the
        # decorated function had. Not functools.wraps: django-tasks reads the signature (the
        # context argument) and wraps would show it the wrapped function's.
        run.__module__, run.__name__ = func.__module__, func.__name__
        run.__qualname__, run.__doc__ = func.__qualname__, func.__doc__
        task = BackgroundTask(
            func=run,
            backend=BACKEND,
            queue_name=queue_name,
            takes_context=True,
            max_attempts=max_attempts,
            no_retry_on=no_retry_on,
        )
        return task

    return decorate


def _attempt(task: BackgroundTask, func, args, kwargs, *, attempt: int, request_id: str | None):
    allowed = task.attempts_allowed
    while True:
        started = time.perf_counter()
        try:
            result = func(*args, **kwargs)
        except Exception as exc:
            if attempt >= allowed or isinstance(exc, task.no_retry_on):
                # The backend records the task as FAILED with this traceback, and django-tasks
                # logs it at ERROR (which error reporting picks up), with the request id.
                raise
            if not task.get_backend().supports_defer:
                # The immediate backend has no queue to wait in: the next attempt is now.
                logger.warning(
                    "Task %s attempt %d of %d failed (%s: %s); trying again",
                    task.name,
                    attempt,
                    allowed,
                    type(exc).__name__,
                    exc,
                    extra={"attempt": attempt},
                )
                attempt += 1
                continue
            delay = retry_delay(attempt)
            retry = task.using(run_after=timezone.now() + delay).enqueue(
                *args, **kwargs, **{ATTEMPT: attempt + 1, REQUEST_ID: request_id}
            )
            raise RetryScheduled(
                f"attempt {attempt} of {allowed} failed with {type(exc).__name__}: {exc}; "
                f"attempt {attempt + 1} is task {retry.id}, in {delay.total_seconds():g} s"
            ) from exc
        logger.info(
            "Task %s done",
            task.name,
            extra={"duration_ms": round((time.perf_counter() - started) * 1000, 1)},
        )
        return result


# -- Log context: every line logged while a task runs names it and its request ---------------

_bound = threading.local()


def bind_task_context(sender, task_result, **kwargs) -> None:
    """task_started receiver: the task's request id (else the enqueuing request's, for a task
    run at once inside it, else its own id), name, id and attempt, until it finishes."""
    arguments = task_result.kwargs or {}
    tokens = structlog.contextvars.bind_contextvars(
        request_id=arguments.get(REQUEST_ID) or current_request_id() or str(task_result.id),
        task=task_result.task.name,
        task_id=str(task_result.id),
        attempt=int(arguments.get(ATTEMPT, 1)),
    )
    _bound.__dict__.setdefault("stack", []).append(tokens)


def unbind_task_context(sender, task_result, **kwargs) -> None:
    """task_finished receiver, connected after django-tasks' own log line."""
    stack = _bound.__dict__.get("stack")
    if stack:
        structlog.contextvars.reset_contextvars(**stack.pop())
