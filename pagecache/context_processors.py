"""Lets templates skip per-user parts (userbar, messages) on pages that may be cached."""

from .middleware import has_personal_cookie


def personal(request) -> dict:
    # Reading request.user or messages would touch the session and add Vary: Cookie,
    # which makes a page uncacheable; readers without a personal cookie have neither.
    return {"personal_request": has_personal_cookie(request)}
