"""What the fuzz test draws: URL patterns and their hostile values, query strings, headers,
bodies, and whole requests (Hypothesis strategies)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from hypothesis import strategies as st

# --- URL patterns -----------------------------------------------------------------------------

# Path templates, filled from Site.values. Each is fuzzed with and without /es/ and /ar/; for those
# outside i18n_patterns (feeds, sitemaps, comments, CAPTCHA) the prefixed form is a plain 404.
PATTERNS = [
    "/",
    "/{section}/",
    "/{section}/{article}/",
    "/topics/{tag}/",
    "/authors/{author}/",
    "/archive/{year}/",
    "/archive/{year}/{month}/",
    "/people/",
    "/people/{person}/",
    "/search/",
    "/feed/",
    "/feed/atom/",
    "/feed/section/{section}/",
    "/feed/section/{section}/atom/",
    "/feed/topic/{tag}/",
    "/feed/topic/{tag}/atom/",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/robots.txt",
    "/comments/challenge/",
    "/comments/{article_id}/",
    "/captcha/image/{key}/",
    "/captcha/image/{key}@2/",
    "/captcha/audio/{key}.wav",
    "/captcha/refresh/",
    "/_util/authenticate_with_password/{restriction}/{private}/",
]
SLOW = {"/captcha/audio/{key}.wav"}  # flite and sox run for each: drawn less often
PREFIXES = ["", "/es", "/ar"]

# --- Hostile values ---------------------------------------------------------------------------

NUMBERS = [
    "0",
    "-1",
    "1",
    "2",
    "3",
    "-999999999999999999999999",
    "999999999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "1e308",
    "1e9999",
    "NaN",
    "inf",
    "-0",
    "0x10",
    "١٢",  # Arabic-Indic digits
    "² ",
    " 2 ",
    "2.5",
    "9" * 5000,
    "9999",
    "1900",
    "13",
]
WORDS = [
    "",
    "ceasefire",
    "talks envoy",
    "Ceasefire!",
    "pending",
    "published",
    "diplomacy",
    "ceasefire " * 60,
    "\x00",
    "a\x00b",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%",
    "%%",
    "%G1",
    "\u202e",  # right-to-left override
    "وقف إطلاق النار",
    "alto el fuego",
    "💥" * 50,
    "A" * 5000,
    "2016-09-20",
    "9999-12-31",
    "0001-01-01",
    "0000-00-00",
    "../../etc/passwd",
    "\ufeff",
    "\r\nSet-Cookie: x=1",
]
PARAM_NAMES = [
    "q",
    "page",
    "comments",
    "comment",
    "section",
    "from",
    "to",
    "utm_source",
    "fbclid",
    "format",
    "lang",
    "",
    "q[]",
    "\x00",
    "%",
    "password",
    "return_url",
    "p",
]
RAW_BYTES = [b"%FF", b"%C3%28", b"%ED%A0%80", b"%F4%90%80%80", b"\xff", b"\xc3", b"%", b"%2", b"+"]

text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=40
)
value = st.one_of(st.sampled_from(NUMBERS), st.sampled_from(WORDS), text)


def mostly(usual, unusual):
    """usual three times in four."""
    return st.integers(0, 3).flatmap(lambda n: unusual if n == 0 else usual)


@st.composite
def encoded(draw, strategy) -> bytes:
    """A query-string part: percent-encoded UTF-8, raw bytes, or odd percent-encoding."""
    raw = draw(strategy)
    how = draw(st.sampled_from(["quote", "quote", "plain", "bytes", "latin"]))
    if how == "quote":
        return quote(raw, safe="").encode()
    if how == "plain":
        return raw.encode("utf-8", "replace")
    if how == "latin":
        return raw.encode("latin-1", "replace")
    return raw.encode("utf-8", "replace") + draw(st.sampled_from(RAW_BYTES))


@st.composite
def query_strings(draw) -> bytes:
    pairs = draw(
        st.lists(
            st.tuples(encoded(st.sampled_from(PARAM_NAMES) | text), encoded(value)),
            max_size=6,
        )
    )
    if draw(st.booleans()) and pairs:  # repeated parameters
        pairs = pairs * draw(st.integers(2, 40))
    if draw(st.booleans()):  # a real query first, so the hostile parameters reach the filters
        pairs.insert(0, (b"q", draw(st.sampled_from([b"ceasefire", b"talks+envoy", b"day"]))))
    separator = draw(st.sampled_from([b"&", b"&", b";", b"&&"]))
    parts = [name + b"=" + val if draw(st.booleans()) or val else name for name, val in pairs]
    return separator.join(parts)


HOSTS = [
    "testserver",
    "localhost",
    "localhost:8000",
    "127.0.0.1:80",
    "[::1]:8080",
    "[::1]",
    "LOCALHOST",
    "localhost.",
    "testserver:99999",
    "testserver:abc",
    "evil.example",
    "evil.example:80",
    "user@localhost",
    "localhost, evil.example",
    "",
    "a" * 300,
    "localhost\x00",
    "xn--80ak6aa92e.com",
    "[::1",
]
ACCEPT_LANGUAGES = [
    "es",
    "ar",
    "en-GB,en;q=0.9",
    "ar;q=0.9,es;q=0.8",
    "*",
    "es-ES,ar;q=abc",
    ";;;",
    "x" * 500,
    "zz",
    "es;q=-1",
    "de,fr;q=0.5",
]
CHARSETS = ["utf-8", "UTF8", "latin-1", "utf-7", "utf-16", "x-bogus", "zlib", '"utf-8\x00"']
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xyz",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "text/plain",
    "application/json",
    "application/octet-stream",
    "Application/X-WWW-Form-Urlencoded",
    "application/x-www-form-urlencoded; charset*=bogus''utf-8",
    "",
]


@st.composite
def headers(draw) -> dict[str, str]:
    meta: dict[str, str] = {}
    if draw(st.booleans()):  # half the requests keep the client's own Host
        meta["HTTP_HOST"] = draw(st.sampled_from(HOSTS))
    if draw(st.booleans()):
        meta["HTTP_ACCEPT_LANGUAGE"] = draw(st.sampled_from(ACCEPT_LANGUAGES) | text)
    if draw(st.integers(0, 3)) == 0:
        meta["HTTP_X_FORWARDED_FOR"] = draw(
            st.sampled_from(["203.0.113.9", "203.0.113.9, 10.0.0.1", "garbage", ", ,", "::1"])
            | text
        )
    if draw(st.integers(0, 3)) == 0:
        meta["HTTP_X_FORWARDED_HOST"] = draw(st.sampled_from(HOSTS))
    if draw(st.integers(0, 3)) == 0:
        meta["HTTP_X_FORWARDED_PROTO"] = draw(st.sampled_from(["https", "http", "ftp", ""]))
    if draw(st.integers(0, 4)) == 0:
        meta["HTTP_X_FORWARDED_PORT"] = draw(st.sampled_from(["443", "-1", "99999", "x"]))
    if draw(st.integers(0, 3)) == 0:
        meta["REMOTE_ADDR"] = draw(st.sampled_from(["198.51.100.1", "::1", "", "not-an-ip"]))
    if draw(st.integers(0, 3)) == 0:
        names = st.sampled_from(["sessionid", "csrftoken", "messages", "django_language", "x"])
        cookies = draw(st.lists(st.tuples(names, st.sampled_from(WORDS) | text), max_size=3))
        meta["HTTP_COOKIE"] = "; ".join(f"{k}={v}" for k, v in cookies)
    if draw(st.integers(0, 3)) == 0:
        meta["HTTP_RANGE"] = draw(
            st.sampled_from(["bytes=0-", "bytes=-5", "bytes=5-1", "bytes=99999999999-", "x"])
        )
    if draw(st.integers(0, 4)) == 0:
        meta["HTTP_ACCEPT"] = draw(st.sampled_from(["*/*", "application/json", "x/y;q=z", ""]))
    if draw(st.integers(0, 5)) == 0:
        meta["HTTP_REFERER"] = draw(st.sampled_from(["https://evil.example/", "::::", ""]) | text)
    if draw(st.integers(0, 5)) == 0:
        meta["HTTP_IF_MODIFIED_SINCE"] = draw(
            st.sampled_from(["Sat, 29 Oct 1994 19:43:31 GMT", "yesterday", "0"])
        )
    if draw(st.integers(0, 3)) == 0:  # what comments.js and the CAPTCHA refresh send
        meta["HTTP_X_REQUESTED_WITH"] = "XMLHttpRequest"
    if draw(st.integers(0, 5)) == 0:
        meta["HTTP_IF_NONE_MATCH"] = draw(st.sampled_from(['"x"', "*", "W/", ""]))
    return meta


@st.composite
def bodies(draw) -> tuple[bytes, str | None]:
    """A request body and its Content-Type (None: no header)."""
    kind = draw(st.sampled_from(["form", "form", "multipart", "raw", "huge", "none"]))
    content_type = draw(st.sampled_from(CONTENT_TYPES))
    if draw(st.integers(0, 3)) == 0:
        content_type += "; charset=" + draw(st.sampled_from(CHARSETS))
    if kind == "none":
        return b"", None
    if kind == "form":
        names = ["author_name", "author_email", "body", "website", "token", "started"]
        names += ["captcha_0", "captcha_1", "csrfmiddlewaretoken", "password", "return_url", "q"]
        fields = draw(
            st.lists(st.tuples(encoded(st.sampled_from(names)), encoded(value)), max_size=10)
        )
        return b"&".join(k + b"=" + v for k, v in fields), content_type
    if kind == "multipart":
        name = draw(st.sampled_from(["body", "q", "", '"', "file"]))
        payload = draw(st.binary(max_size=200))
        return (
            b'--xyz\r\nContent-Disposition: form-data; name="'
            + name.encode()
            + b'"\r\n\r\n'
            + payload
            + draw(st.sampled_from([b"\r\n--xyz--\r\n", b"", b"\r\n--xyz\r\n"])),
            content_type,
        )
    if kind == "huge":
        return b"body=" + b"A" * draw(st.sampled_from([70_000, 300_000])), content_type
    return draw(st.binary(max_size=500)), content_type


HOSTILE_SEGMENTS = [
    "x" * 300,
    "%00",
    "%FF",
    "..",
    "%2e%2e",
    "ñandú",
    "%C3%28",
    "999999999999999999999999",
    "-1",
    "0",
    "a%2Fb",
    "@",
    "9999",
    "0001",
]
METHODS = ["GET"] * 6 + ["HEAD", "POST", "POST", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE"]


@dataclass
class FuzzRequest:
    method: str
    pattern: str
    prefix: str
    mangle: dict[str, str] = field(default_factory=dict)  # path value -> hostile segment
    slash: bool = True
    query: bytes = b""
    meta: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    content_type: str | None = None
    content_length: str | None = None  # a lying or malformed Content-Length
    csrf: bool = False  # enforce CSRF checks, as a browser's request would meet them
    # A comment with a solved CAPTCHA and valid tokens, so these fields reach comment_submit.
    comment: dict[str, str] | None = None

    def path(self, values: dict[str, str]) -> bytes:
        filled = {k: self.mangle.get(k, v) for k, v in values.items()}
        path = self.prefix + self.pattern.format(**filled)
        if not self.slash and path.endswith("/") and len(path) > 1:
            path = path[:-1]
        return path.encode()


@st.composite
def fuzz_requests(draw) -> FuzzRequest:
    weights = [p for p in PATTERNS for _ in range(2 if p in SLOW else 6)]
    pattern = draw(st.sampled_from(weights))
    method = draw(st.sampled_from(METHODS))
    if pattern.startswith(("/comments/{", "/_util/")) and draw(st.booleans()):
        method = "POST"
    mangle = {}
    for name in ("section", "article", "article_id", "tag", "author", "person", "year", "month"):
        if "{" + name + "}" in pattern and draw(st.integers(0, 5)) == 0:
            mangle[name] = draw(st.sampled_from(HOSTILE_SEGMENTS + NUMBERS[:10]))
    if "{key}" in pattern and draw(st.integers(0, 4)) == 0:
        mangle["key"] = draw(st.sampled_from(["0" * 40, "x", "ñ" * 40, "a" * 300]))
    request = FuzzRequest(
        method=method,
        pattern=pattern,
        prefix=draw(st.sampled_from(PREFIXES)),
        mangle=mangle,
        slash=draw(st.integers(0, 9)) > 0,
        query=draw(query_strings()),
        meta=draw(headers()),
        csrf=draw(st.booleans()),
    )
    if method in ("POST", "PUT", "PATCH") or draw(st.integers(0, 9)) == 0:
        request.body, request.content_type = draw(bodies())
    if draw(st.integers(0, 9)) == 0:
        request.content_length = draw(st.sampled_from(["-1", "abc", "99999999", "0", "1"]))
    if pattern == "/comments/{article_id}/" and method == "POST" and draw(st.booleans()):
        request.prefix, request.mangle, request.slash = "", {}, True
        plain = st.sampled_from(["Amal", "Léa", "وقف", "A fair summary.", "<b>bold</b> words"])
        emails = st.sampled_from(["", "a@example.org", "lea@example.org"])
        request.comment = {
            "author_name": draw(mostly(plain, value)),
            "author_email": draw(mostly(emails, st.sampled_from(["@", "x" * 300]) | text)),
            "body": draw(mostly(plain, value | st.just("<a href='javascript:x'>y</a>"))),
            "website": draw(mostly(st.just(""), st.just("http://spam.example"))),
        }
        if draw(st.booleans()):
            request.meta = {}  # a reader's ordinary browser
    return request
