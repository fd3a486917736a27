"""Structured logs: one JSON object per line in production, readable lines in development.

Every logger stays a plain ``logging`` logger; structlog renders the records
(``ProcessorFormatter``) and adds what the request middleware (core.requestid) and the task
runner (core.tasks) bound in context variables: the request id, method and path, the task.
Settings build the configuration with :func:`logging_config`.
"""

from __future__ import annotations

import contextvars
import logging
import sys
from typing import Any

import structlog
from django.utils.functional import empty

# The request being served in this context (set by core.requestid), so a log line can name
# the signed-in staff member without the logging code asking the database.
current_request: contextvars.ContextVar[Any] = contextvars.ContextVar(
    "newsroom_current_request", default=None
)

FIRST_KEYS = (
    "time",
    "level",
    "logger",
    "message",
    "request_id",
    "method",
    "path",
    "status",
    "duration_ms",
)
# Fields a record may carry through ``extra=``. Only these: Django's own loggers pass the
# request object itself, whose text holds the query string (a search for an address).
EXTRA_KEYS = (
    "method",
    "path",
    "status",
    "status_code",
    "duration_ms",
    "client_ip",
    "task",
    "task_id",
    "attempt",
    "checks",
)


def add_staff_user_id(logger, method_name: str, event_dict: dict) -> dict:
    """user_id on lines logged while a signed-in staff member's request is served.

    Only once the request itself has loaded its user: the log line never costs a query, and a
    reader (never staff) is never named."""
    request = current_request.get()
    user = getattr(request, "user", None) if request is not None else None
    if user is None or getattr(user, "_wrapped", None) is empty:
        return event_dict
    if getattr(user, "is_authenticated", False) and getattr(user, "is_staff", False):
        event_dict.setdefault("user_id", user.pk)
    return event_dict


def order_keys(logger, method_name: str, event_dict: dict) -> dict:
    """time, level, logger, message, request id, method, path, status first: lines read alike,
    by eye or by jq."""
    ordered = {key: event_dict.pop(key) for key in FIRST_KEYS if key in event_dict}
    ordered.update(event_dict)
    return ordered


def _shared_processors() -> list:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.ExtraAdder(allow=EXTRA_KEYS),
        structlog.processors.TimeStamper(fmt="iso", utc=True, key="time"),
        add_staff_user_id,
    ]


def make_formatter(fmt: str = "json") -> structlog.stdlib.ProcessorFormatter:
    """The formatter of our one handler: ``json`` (production) or ``console`` (development)."""
    if fmt == "json":
        tail = [
            structlog.processors.format_exc_info,
            structlog.processors.EventRenamer("message"),
            order_keys,
            structlog.processors.JSONRenderer(),
        ]
    else:
        tail = [
            structlog.processors.EventRenamer("message"),
            order_keys,
            structlog.dev.ConsoleRenderer(
                colors=sys.stderr.isatty(), timestamp_key="time", event_key="message"
            ),
        ]
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_shared_processors(),
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *tail],
    )


class ExpectedFailureFilter(logging.Filter):
    """Turns an ERROR about an exception that says it is expected (``log_as_warning``, e.g. a
    task attempt that failed and was scheduled again) into a WARNING without a traceback.

    Attached to the logger, not the handler, so error reporting (Sentry reads the record when
    the logger hands it on) sees the warning too, not an error per attempt."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None and getattr(exc, "log_as_warning", False) and record.levelno > 30:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.msg = f"{record.msg} ({exc})"
            record.exc_info = record.exc_text = None
        return True


# Our own packages, and the libraries whose INFO lines an operator wants.
APP_LOGGERS = (
    "core",
    "pagecache",
    "articles",
    "comments",
    "newsroom",
    "django_redis",
    "django_tasks_db",
    "health_check",
)


def logging_config(*, fmt: str, level: str | None = None) -> dict:
    """dictConfig for settings.LOGGING: one stderr handler, our apps at INFO (or ``level``),
    everything else at WARNING (or ``level``)."""
    handler = {"class": "logging.StreamHandler", "formatter": "structured"}
    app = {
        "handlers": ["console"],
        "level": level or "INFO",
        "propagate": False,
        "filters": ["expected_failures"],
    }
    config: dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"structured": {"()": make_formatter, "fmt": fmt}},
        "filters": {"expected_failures": {"()": ExpectedFailureFilter}},
        "handlers": {"console": handler},
        "root": {"handlers": ["console"], "level": level or "WARNING"},
        "loggers": {name: dict(app) for name in APP_LOGGERS},
    }
    # A request naming a host outside ALLOWED_HOSTS gets its 400 (before the page cache too);
    # Django would also log each one at ERROR with a traceback, and anyone can send them.
    config["loggers"]["django.security.DisallowedHost"] = {"handlers": [], "propagate": False}
    # django-tasks logs every task's start and end at INFO, Wagtail's many small ones in the
    # web process too: warnings and failures only (core.tasks logs each of ours once, and
    # `manage.py db_worker` turns these back on in the worker).
    config["loggers"]["django_tasks"] = {**app, "level": level or "WARNING"}
    # django-dbbackup sets its command logger to DEBUG itself: only its warnings are shown.
    config["handlers"]["console_warnings"] = {**handler, "level": "WARNING"}
    config["loggers"]["dbbackup"] = {"handlers": ["console_warnings"], "propagate": False}
    # Django's own loggers through ours (its default console handler would repeat them in
    # development), runserver's line per request only for errors (ours says it all).
    config["loggers"]["django"] = {
        "handlers": ["console"],
        "level": level or "INFO",
        "propagate": False,
    }
    # runserver's own line per request repeats ours (core.requestid); keep its warnings.
    config["loggers"]["django.server"] = {
        "handlers": ["console"],
        "level": "WARNING",
        "propagate": False,
    }
    return config


def gunicorn_logconfig(level: str, *, access: bool = False) -> dict:
    """gunicorn's own loggers (start-up, worker restarts, access lines when asked for) in the
    same JSON lines as the site's, for gunicorn.conf.py's ``logconfig_dict``.

    gunicorn's access lines (with the client's address) only when asked for: core.requestid
    already logs each request."""
    formatter = {"()": make_formatter, "fmt": "json"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "root": {"level": "INFO", "handlers": []},
        "formatters": {"json": formatter},
        "handlers": {
            "error": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            },
            "access": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            },
        },
        "loggers": {
            "gunicorn.error": {"level": level.upper(), "handlers": ["error"], "propagate": False},
            "gunicorn.access": {
                "level": "INFO",
                "handlers": ["access"] if access else [],
                "propagate": False,
            },
        },
    }
