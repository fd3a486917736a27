"""Commenter addresses as safety keeps them: normalised, and as a keyed hash (never a copy)."""

from django.utils.crypto import salted_hmac

SALT = "newsroom.safety.email"


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def email_domain(email: str) -> str:
    _, _, domain = normalize_email(email).rpartition("@")
    return domain.rstrip(".")


def email_hash(email: str) -> str:
    """HMAC-SHA256 of the normalised address under a key derived from SECRET_KEY.

    Without the key the hash cannot be matched against a list of guessed addresses; changing
    SECRET_KEY forgets every confirmation (readers confirm again, nothing else breaks).
    """
    return salted_hmac(SALT, normalize_email(email), algorithm="sha256").hexdigest()
