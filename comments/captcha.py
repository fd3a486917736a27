"""CAPTCHA challenges drawn with `secrets`, and a field that consumes a solved one exactly once."""

import re
import secrets

from captcha.fields import CaptchaField
from captcha.models import CaptchaStore
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: readers should not fail on glyphs that look alike.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CAPTCHA_LENGTH = 5
HASHKEY = re.compile(r"^[0-9a-f]{40}$")
INVALID = _("The characters did not match the image. Please try the new one.")


def random_challenge() -> tuple[str, str]:
    challenge = "".join(secrets.choice(ALPHABET) for _ in range(CAPTCHA_LENGTH))
    return challenge, challenge


def new_challenge() -> str:
    """Create a fresh challenge and return its key; expired ones are cleared on the way."""
    remove_expired()
    return CaptchaStore.generate_key()


def consume(hashkey: str, response: str) -> bool:
    """Atomically use up a challenge; True only for the one request that solved it first.

    The conditional DELETE is the lock: of many concurrent requests replaying one answer,
    exactly one deletes the row. A wrong answer deletes the challenge too, so every
    challenge gets a single attempt.
    """
    if not HASHKEY.match(hashkey or ""):
        return False
    response = (response or "").strip().lower()
    now = timezone.now()
    deleted, _ = CaptchaStore.objects.filter(
        hashkey=hashkey, response=response, expiration__gt=now
    ).delete()
    if deleted:
        return True
    CaptchaStore.objects.filter(hashkey=hashkey).delete()
    return False


def remove_expired() -> int:
    deleted, _ = CaptchaStore.objects.filter(expiration__lte=timezone.now()).delete()
    return deleted


class SingleUseCaptchaField(CaptchaField):
    """django-simple-captcha's field, with a race-free, single-use check."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("error_messages", {"invalid": INVALID, "required": INVALID})
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = list(value or ["", ""]) + ["", ""]
        hashkey, response = str(value[0] or ""), str(value[1] or "")
        if not response.strip():
            raise ValidationError(_("Enter the characters shown in the image."), code="required")
        if not consume(hashkey, response):
            raise ValidationError(INVALID, code="invalid")
        return hashkey
