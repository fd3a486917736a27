"""Confirmation links for commenter addresses: signed, expiring, single-use; and their email.

The link carries a signed (django.core.signing, timestamped) pair of the waiting record's id and
a random nonce. It expires after SAFETY_CONFIRM_HOURS; it is spent by deleting the waiting
record with that nonce, a conditional DELETE, so of two concurrent clicks exactly one confirms.
The link opens a page with a button (GET never confirms: mail scanners fetch links).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from comments.sanitizer import one_line
from core.http import public_base_url

from .models import EmailConfirmation

logger = logging.getLogger(__name__)

SALT = "newsroom.safety.confirm-email"


class LinkInvalid(Exception):
    """A link that was tampered with, is unknown, or was already used."""


class LinkExpired(LinkInvalid):
    pass


def max_age_seconds() -> int:
    return settings.SAFETY_CONFIRM_HOURS * 3600


def make_token(confirmation: EmailConfirmation) -> str:
    return signing.dumps({"c": confirmation.pk, "n": confirmation.nonce}, salt=SALT)


def read_token(token: str) -> dict:
    """The signed content of a link, or LinkExpired / LinkInvalid."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age_seconds())
    except signing.SignatureExpired as exc:
        raise LinkExpired() from exc
    except signing.BadSignature as exc:
        raise LinkInvalid() from exc
    if not isinstance(data, dict) or not isinstance(data.get("c"), int) or "n" not in data:
        raise LinkInvalid()
    return data


def check_token(token: str) -> EmailConfirmation:
    """The waiting confirmation a link names (with its comment and story), if the link is
    valid and not used yet; else LinkExpired / LinkInvalid."""
    data = read_token(token)
    waiting = (
        EmailConfirmation.objects.select_related("comment__article")
        .filter(pk=data["c"], nonce=data["n"])
        .first()
    )
    if waiting is None:
        raise LinkInvalid()
    return waiting


def confirmation_url(confirmation: EmailConfirmation, language: str) -> str:
    with translation.override(language):
        path = reverse("safety:confirm", args=[make_token(confirmation)])
    return public_base_url() + path


def send_confirmation(confirmation_id: int, language: str = "en") -> bool:
    """Email the confirmation link for one waiting comment (an id, so it can become a task)."""
    confirmation = (
        EmailConfirmation.objects.select_related("comment__article")
        .filter(pk=confirmation_id)
        .first()
    )
    if confirmation is None or not confirmation.comment.author_email:
        return False
    comment = confirmation.comment
    with translation.override(language):
        title = one_line(comment.article.title)
        hours = settings.SAFETY_CONFIRM_HOURS
        message = "\n".join(
            [
                gettext(
                    "Please confirm your email address so that your comment on “%(title)s” "
                    "can go to the moderators."
                )
                % {"title": title},
                "",
                confirmation_url(confirmation, language),
                "",
                gettext(
                    "The link works once, for %(hours)d hours. If you did not comment, ignore "
                    "this email: the comment will be discarded."
                )
                % {"hours": hours},
                "",
            ]
        )
        subject = gettext("Confirm your email address")
    sent = send_mail(
        subject=subject,
        message=message,
        from_email=None,
        recipient_list=[comment.author_email],
        fail_silently=True,
    )
    if sent:
        EmailConfirmation.objects.filter(pk=confirmation.pk).update(sent_at=timezone.now())
    else:
        logger.warning("Confirmation email for comment %s was not sent", comment.pk)
    return bool(sent)
