"""Capture log lines as production renders them (core.logs, JSON), for tests to read back.

The test settings keep Django's default logging; this attaches production's formatter and
filter to the loggers a test names, for the length of a block, and gives the parsed lines.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
from collections.abc import Iterator

from core.logs import ExpectedFailureFilter, make_formatter

LOGGERS = ("", "core", "comments", "pagecache", "articles", "newsroom", "django_tasks")


class Lines(list):
    """The parsed JSON lines (dicts), plus the raw text."""

    text: str = ""

    def messages(self) -> list[str]:
        return [line["message"] for line in self]


@contextlib.contextmanager
def structured_logs(
    level: int = logging.DEBUG, loggers: tuple[str, ...] = LOGGERS
) -> Iterator[Lines]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(make_formatter("json"))
    expected = ExpectedFailureFilter()
    saved = []
    for name in loggers:
        logger = logging.getLogger(name)
        saved.append((logger, logger.level, logger.propagate))
        logger.addHandler(handler)
        logger.addFilter(expected)
        logger.setLevel(level)
        logger.propagate = False  # one copy of each line, as in production
    lines = Lines()
    try:
        yield lines
    finally:
        for logger, old_level, propagate in saved:
            logger.removeHandler(handler)
            logger.removeFilter(expected)
            logger.setLevel(old_level)
            logger.propagate = propagate
        lines.text = stream.getvalue()
        lines.extend(json.loads(line) for line in lines.text.splitlines() if line.strip())
