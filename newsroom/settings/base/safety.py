"""Trust and safety (safety/): the spam score, confirmed emails, trust, bans, retention, PoW."""

import hashlib
import os

from .env import env_bool

# The spam score (safety/classifier.py): absent until moderators have decided at least this
# many comments of each kind (approved, spam).
SAFETY_SCORE_MIN_PER_CLASS = int(os.environ.get("SAFETY_SCORE_MIN_PER_CLASS", "50"))
# A score at or above this sends a new comment straight to Spam; empty (the default) = never.
# The score never publishes anything.
SAFETY_SPAM_THRESHOLD = (
    float(os.environ["SAFETY_SPAM_THRESHOLD"]) if os.environ.get("SAFETY_SPAM_THRESHOLD") else None
)

# Confirmed commenter emails (safety/confirmation.py): a first-time address gets a signed link;
# its comment waits until confirmed and is discarded after SAFETY_CONFIRM_HOURS.
SAFETY_CONFIRM_EMAILS = env_bool("SAFETY_CONFIRM_EMAILS", False)
SAFETY_CONFIRM_HOURS = int(os.environ.get("SAFETY_CONFIRM_HOURS", "24"))

# Auto-approval (safety/trust.py): a confirmed address with at least this many approved
# comments and no spam in the last SAFETY_TRUST_SPAM_DAYS days.
SAFETY_TRUST_MIN_APPROVED = int(os.environ.get("SAFETY_TRUST_MIN_APPROVED", "3"))
SAFETY_TRUST_SPAM_DAYS = int(os.environ.get("SAFETY_TRUST_SPAM_DAYS", "90"))

# Bans (safety/bans.py): how long a new ban lasts unless the moderator says otherwise
# (0 = until lifted).
SAFETY_BAN_DEFAULT_DAYS = int(os.environ.get("SAFETY_BAN_DEFAULT_DAYS", "30"))

# Retention (manage.py purge_old_comments): rejected and spam comments are deleted this many
# days after the decision.
SAFETY_RETENTION_DAYS = int(os.environ.get("SAFETY_RETENTION_DAYS", "90"))

# Proof of work (ALTCHA through django-altcha; safety/pow.py). The solver tries on average
# SAFETY_POW_MAX_NUMBER / 2 SHA-256 hashes: 100,000 is about one second on a phone (Chromium
# with its CPU slowed 4x solves the average challenge in ~1 s; tests/e2e/test_pow.py).
SAFETY_POW_ENABLED = env_bool("SAFETY_POW_ENABLED", True)
SAFETY_POW_MAX_NUMBER = int(os.environ.get("SAFETY_POW_MAX_NUMBER", "100000"))
ALTCHA_CHALLENGE_EXPIRE = int(os.environ.get("SAFETY_POW_EXPIRE_SECONDS", "1200")) * 1000


def altcha_hmac_key(secret_key: str) -> str:
    """django-altcha's signing key, derived from SECRET_KEY (one secret for operators to keep)."""
    return hashlib.sha256(b"newsroom.safety.altcha:" + secret_key.encode()).hexdigest()
