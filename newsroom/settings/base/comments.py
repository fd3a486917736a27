"""Reader comments: the CAPTCHA, the spam and flood rules, trusted proxies, moderators."""

import os
import shutil

from .env import env_bool, env_list

# django-simple-captcha: challenges are drawn with `secrets` (see comments.captcha).
CAPTCHA_CHALLENGE_FUNCT = "comments.captcha.random_challenge"
CAPTCHA_LENGTH = 5
CAPTCHA_TIMEOUT = 10  # minutes a challenge stays valid
CAPTCHA_IMAGE_SIZE = (150, 50)
CAPTCHA_FONT_SIZE = 34
CAPTCHA_TEST_MODE = False
# The audio challenge (for readers who cannot see the image) needs Debian's flite; sox adds noise.
CAPTCHA_FLITE_PATH = os.environ.get("CAPTCHA_FLITE_PATH", shutil.which("flite"))
CAPTCHA_SOX_PATH = os.environ.get("CAPTCHA_SOX_PATH", shutil.which("sox"))

# Comments: spam and flood rules (see comments/services.py).
COMMENTS_FLOOD_SECONDS = int(os.environ.get("COMMENTS_FLOOD_SECONDS", "15"))
COMMENTS_MIN_FILL_SECONDS = float(os.environ.get("COMMENTS_MIN_FILL_SECONDS", "3"))
COMMENTS_MAX_LENGTH = 5000
COMMENTS_MAX_REQUEST_BYTES = 64 * 1024  # larger comment POSTs get 413 before being read
COMMENTS_PER_PAGE = 50
# Trust X-Forwarded-For only from these proxy addresses (comma separated); empty = REMOTE_ADDR.
# One setting for every per-address rule (core.http.client_ip); COMMENTS_TRUSTED_PROXIES is
# its older name, still read when TRUSTED_PROXIES is not set.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES") or env_list("COMMENTS_TRUSTED_PROXIES")
COMMENTS_TRUSTED_PROXIES = TRUSTED_PROXIES
COMMENTS_MODERATOR_EMAILS = env_list("COMMENTS_MODERATOR_EMAILS")
# The cache alias the flood limit counts in: it raises when Redis is down (base/caching.py),
# so the limit can fall back to the database.
COMMENTS_FLOOD_CACHE = "comments"

# Reader reports (issue 13): a comment reported by this many distinct addresses, or once for
# personal data or illegal content, goes back to the moderators ("Reported" in the queue);
# with COMMENTS_REPORT_HIDE_SERIOUS those two reasons also hide it until a moderator decides.
COMMENTS_REPORT_THRESHOLD = int(os.environ.get("COMMENTS_REPORT_THRESHOLD", "3"))
COMMENTS_REPORT_HIDE_SERIOUS = env_bool("COMMENTS_REPORT_HIDE_SERIOUS", True)
# Reports one address may send per window (no CAPTCHA: a flood gets 429 and changes nothing).
COMMENTS_REPORT_RATE_LIMIT = int(os.environ.get("COMMENTS_REPORT_RATE_LIMIT", "10"))
COMMENTS_REPORT_RATE_SECONDS = int(os.environ.get("COMMENTS_REPORT_RATE_SECONDS", "3600"))
# Editors' picks shown in the box above the thread.
COMMENTS_PICKS_SHOWN = 10
