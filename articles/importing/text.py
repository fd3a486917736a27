"""Plain-text helpers shared by the importer: HTML to text, opening words, truncation, URL keys."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

# The HTML vocabulary of html_to_text and of the block builder (blocks.py).
# Dropped with everything inside them.
DROPPED_ELEMENTS = set(
    "script style noscript template iframe object embed applet form button input select "
    "textarea svg math head title meta link video audio picture canvas map img".split()
)
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LISTS = {"ul", "ol"}
# Walked into: their paragraphs, headings and quotes become blocks.
CONTAINERS = set(
    "html body div section article main header footer aside nav figure figcaption table "
    "thead tbody tfoot tr td th caption dl dt dd pre address details summary center hgroup "
    "li".split()
)
BLOCK_LEVEL = HEADINGS | LISTS | CONTAINERS | {"p", "blockquote", "hr"}
ESCAPED_MARKUP = re.compile(
    r"&lt;/?(?:p|div|br|a|b|i|em|strong|h[1-6]|blockquote|ul|ol|li|span)\b", re.I
)
REAL_MARKUP = re.compile(r"<[A-Za-z/!]")
ANY_TAG = re.compile(r"<[^>]*>")
BREAKING_TAG = re.compile(r"<(?:br|/?p|/?li|/?ul|/?ol)\b[^>]*>")
WHITESPACE = re.compile(r"\s+")
_url_validator = URLValidator(schemes=["http", "https"])


def one_line(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def _named(names: set[str]):
    """A bs4 filter matching elements by name (much faster than passing bs4 a set)."""
    return lambda tag: tag.name in names


dropped = _named(DROPPED_ELEMENTS)
block_level = _named(BLOCK_LEVEL)
block_level_or_br = _named(BLOCK_LEVEL | {"br"})


def cleaned_text(html: str) -> str:
    """Plain text of HTML already sanitized by PARAGRAPH_CLEANER (no scripts, no comments)."""
    return one_line(unescape(ANY_TAG.sub("", BREAKING_TAG.sub(" ", html))))


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, whitespace collapsed."""
    if not html:
        return ""
    if not REAL_MARKUP.search(html) and "&" not in html:
        return one_line(html)
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(dropped):
        element.decompose()
    for element in soup.find_all(block_level_or_br):
        element.insert_before(" ")
        element.insert_after(" ")
    return one_line(soup.get_text())


def first_words(text: str, count: int) -> str:
    words = text.split()
    if len(words) <= count:
        return " ".join(words)
    return " ".join(words[:count]).rstrip(",;:.") + "\u2026"


def truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "\u2026"


def url_key(url: str) -> str:
    """A key under which two spellings of the same address match (scheme, case of the host,
    trailing slash and fragment ignored)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        query = f"?{parts.query}" if parts.query else ""
        return f"{parts.netloc.lower()}{parts.path.rstrip('/')}{query}"
    return url


def is_web_url(url: str) -> bool:
    if not url or len(url) > 1000:
        return False
    try:
        _url_validator(url)
    except ValidationError:
        return False
    return True


def unescape_markup(html: str) -> str:
    """Bodies escaped twice (``&lt;p&gt;`` left after feedparser) are unescaped once."""
    if html and not REAL_MARKUP.search(html) and ESCAPED_MARKUP.search(html):
        return unescape(html)
    return html
