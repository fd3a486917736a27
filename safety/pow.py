"""The proof-of-work gate: ALTCHA challenges through django-altcha, spent once in the database.

django-altcha issues the challenge (HMAC-signed with ALTCHA_HMAC_KEY, derived from SECRET_KEY,
and expiring) and the altcha library checks a solution. Its own replay guard is a cache
get-then-set, which two concurrent posts can both pass; here a solution is spent by inserting
its challenge into a table with a unique key, so of any number of concurrent replays exactly
one succeeds, on every app server.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from datetime import UTC, datetime, timedelta

import altcha
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_altcha import get_altcha_challenge, get_hmac_key

from .models import SpentPowChallenge

logger = logging.getLogger(__name__)

FIELD = "altcha"  # the form field the solver fills in (ALTCHA's own name)
# What the comment form says when verify_pow refuses, as for a wrong CAPTCHA (text kept).
REFUSED_MESSAGE = gettext_lazy(
    "Your browser could not finish its quick check. Please type the characters from the new "
    "image and send again; your comment has been kept below. (Posting needs JavaScript.)"
)
MAX_PAYLOAD = 2048  # a real payload is about 400 characters


def enabled() -> bool:
    return settings.SAFETY_POW_ENABLED


def new_challenge() -> dict:
    """A fresh signed challenge for the reader's browser (JSON-ready)."""
    challenge = get_altcha_challenge(
        max_number=settings.SAFETY_POW_MAX_NUMBER, expires=settings.ALTCHA_CHALLENGE_EXPIRE
    )
    return challenge.to_dict() if hasattr(challenge, "to_dict") else dict(challenge.__dict__)


def _decode(payload: str) -> dict | None:
    if not isinstance(payload, str) or not payload or len(payload) > MAX_PAYLOAD:
        return None
    try:
        data = json.loads(base64.b64decode(payload, validate=True).decode())
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _expiry(data: dict) -> datetime:
    params = altcha.extract_params(data)
    try:
        return datetime.fromtimestamp(int(params["expires"][0]), tz=UTC)
    except (KeyError, IndexError, ValueError, OverflowError, OSError):
        return timezone.now() + timedelta(milliseconds=settings.ALTCHA_CHALLENGE_EXPIRE)


def verify_pow(payload: str) -> bool:
    """True once for a valid, unexpired solution of a challenge we issued; False otherwise.

    Never raises on bad input. The challenge is spent on success, even if the caller then
    refuses the form for another reason (the reader's browser fetches a new one).
    """
    data = _decode(payload)
    if data is None or not isinstance(data.get("salt"), str):
        return False
    try:
        ok, error = altcha.verify_solution(data, get_hmac_key(), check_expires=True)
    except (TypeError, ValueError, AttributeError):
        return False
    if not ok:
        logger.info("Proof of work refused: %s", error or "wrong solution")
        return False
    spent = SpentPowChallenge(challenge=str(data["challenge"])[:128], expires_at=_expiry(data))
    try:
        with transaction.atomic():
            spent.save(force_insert=True)
    except IntegrityError:
        logger.info("Proof of work refused: challenge already used")
        return False
    return True


def forget_expired() -> int:
    """Delete spent challenges past their expiry (they would be refused as expired anyway)."""
    deleted, _ = SpentPowChallenge.objects.filter(expires_at__lt=timezone.now()).delete()
    return deleted
