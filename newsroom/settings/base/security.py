"""Security: headers, Content-Security-Policy, the admin sign-in lockout, per-address limits."""

import os

from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE

from newsroom.contentpolicy import inline_style_hashes, origin_of

from .app import MEDIA_URL
from .comments import COMMENTS_FLOOD_CACHE
from .env import BASE_DIR, env_list

# Security headers on every response (production.py adds HTTPS-only ones).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No site may frame ours; Wagtail's preview panel answers SAMEORIGIN for itself.
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp; newsroom/contentpolicy.py explains the two policies).
# Reader pages have no inline script, so there is no nonce and cached pages stay valid.
# Origins allowed to be framed by embed blocks (oEmbed video players), comma separated.
EMBED_FRAME_ORIGINS = env_list(
    "EMBED_FRAME_ORIGINS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
_MEDIA_ORIGIN = [o for o in [origin_of(MEDIA_URL)] if o]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # Hashes: the self-contained 500/503 pages keep their CSS inline.
        "style-src": [
            SELF,
            *inline_style_hashes(BASE_DIR / "templates" / n for n in ("500.html", "503.html")),
        ],
        "img-src": [SELF, "data:", *_MEDIA_ORIGIN],
        "media-src": [SELF, *_MEDIA_ORIGIN],  # the audio CAPTCHA
        "font-src": [SELF],
        "connect-src": [SELF],  # comments.js fetches a fresh CAPTCHA challenge
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin's own templates need inline scripts and styles and eval, so /admin/ gets
# this looser policy instead; it still forbids plugins, foreign forms and foreign framing.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *_MEDIA_ORIGIN],
        "media-src": [SELF, "blob:", *_MEDIA_ORIGIN],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF, "https://releases.wagtail.org"],  # the dashboard's upgrade notice
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],  # the preview panel frames admin preview URLs
    },
}

# No Gravatar avatars in the admin: they would tell a third party which (hashed) staff email
# addresses open which admin pages. Wagtail shows its default avatar or an uploaded one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Admin login brute force (django-axes; newsroom/loginlock.py). A username is locked on one
# address after AXES_FAILURE_LIMIT failures; an address is locked for every username after
# AXES_IP_FAILURE_LIMIT. Both last AXES_COOLOFF_TIME hours, or until `manage.py axes_reset`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_IP_FAILURE_LIMIT = int(os.environ.get("AXES_IP_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_HANDLER = "newsroom.loginlock.LoginLockoutHandler"
# The same client address as comments use: X-Forwarded-For only from COMMENTS_TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "newsroom.loginlock.client_ip"
AXES_LOCKOUT_CALLABLE = "newsroom.loginlock.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# Signing in clears that user's failures on that address (not the address's other failures).
AXES_RESET_ON_SUCCESS = True
# Passwords never reach the attempt log.
AXES_SENSITIVE_PARAMETERS = ["password"]
LOGIN_LOCKOUT_CONTACT = os.environ.get("LOGIN_LOCKOUT_CONTACT", "")

# Per-address limits on anonymous requests (newsroom/ratelimit.py). Their counters live in the
# same alias as the comment flood limit; while it is down they are counted in each process.
RATE_LIMIT_CACHE = COMMENTS_FLOOD_CACHE
# Private-page passwords (newsroom/pagepassword.py): an address gets this many wrong guesses
# per restriction; then it waits until PAGE_PASSWORD_LOCKOUT_SECONDS after its first guess.
PAGE_PASSWORD_FAILURE_LIMIT = int(os.environ.get("PAGE_PASSWORD_FAILURE_LIMIT", "5"))
PAGE_PASSWORD_LOCKOUT_SECONDS = int(os.environ.get("PAGE_PASSWORD_LOCKOUT_SECONDS", "900"))
# Wagtail's form for password-protected pages, in the site's look.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "security/password_required.html"  # noqa: S105  # nosec B105
# Searches the page cache could not answer (newsroom/searchlimit.py), per address and window.
SEARCH_RATE_LIMIT = int(os.environ.get("SEARCH_RATE_LIMIT", "30"))
SEARCH_RATE_SECONDS = int(os.environ.get("SEARCH_RATE_SECONDS", "60"))
