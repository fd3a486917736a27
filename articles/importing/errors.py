"""The importer's errors, and the one-line reason the report gives for any failure."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from .text import one_line


class FeedError(Exception):
    """The source cannot be read, or is not an RSS/Atom feed."""


class ItemError(ValueError):
    """An item that cannot be imported; the message is the reason shown in the report."""


class SectionNotFound(LookupError):
    """No section to import into."""


def error_text(exc: Exception) -> str:
    if isinstance(exc, ItemError):
        return str(exc)
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            parts = [
                f"{name}: {' '.join(str(m) for e in errors for m in e.messages)}"
                for name, errors in exc.error_dict.items()
            ]
            return one_line("; ".join(parts))
        return one_line("; ".join(exc.messages))
    return one_line(f"{type(exc).__name__}: {exc}") or type(exc).__name__
