"""What readers type, made safe to show: a comment as allowlisted HTML (bleach), a name as one
line of plain text with no bidi or control characters."""

import html
import re
import unicodedata
from functools import partial
from urllib.parse import urlsplit, urlunsplit

import bleach
from bleach.linkifier import TLDS, LinkifyFilter, build_url_re

ALLOWED_TAGS = frozenset(
    {"p", "br", "a", "b", "strong", "i", "em", "blockquote", "code", "pre", "ul", "ol", "li"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel", "dir"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"
BLOCK_TAG = re.compile(r"<(/?)(p|ul|ol|blockquote|pre)\b[^>]*>", re.IGNORECASE)
BLOCK_SPLIT = re.compile(r"(</?(?:p|ul|ol|blockquote|pre)\b[^>]*>)", re.IGNORECASE)
INNER_NEWLINE = re.compile(r"(?<=[^>\s])[ \t]*\n[ \t]*(?=[^<\s])")
# Joiners shape Arabic, Persian and Indic script and emoji sequences; they reorder nothing.
JOINERS = frozenset("\u200c\u200d")
# A character reference (with its ";", as bleach keeps only those as references).
CHAR_REF = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")


def is_invisible_control(char: str) -> bool:
    """Control (Cc) and format (Cf) characters: bidi controls (U+202A–U+202E, U+2066–U+2069,
    U+200E/U+200F, U+061C), zero-width spaces and joiners, and the like."""
    return unicodedata.category(char) in ("Cc", "Cf")


def _without_controls(text: str) -> str:
    return "".join(c for c in text if c in JOINERS or not is_invisible_control(c))


def one_line(text: str) -> str:
    """A reader's name (or any one-line text they typed) with every run of whitespace, line
    breaks included, made one space and every bidi, control and format character but the
    joiners removed."""
    spaced = "".join(" " if char.isspace() else char for char in text or "")
    line = " ".join(_without_controls(spaced).split())
    return line if line.strip("".join(JOINERS) + " ") else ""


def quoted_lines(text: str, prefix: str = "    | ") -> list[str]:
    """A reader's text for a plain-text email: one prefixed line for each line break Unicode
    knows (U+2028 and form feeds included), tabs as spaces, bidi, control and format characters
    but the joiners removed, so no line of it can pass for a line of the message."""
    lines = (text or "").replace("\r\n", "\n").splitlines() or [""]
    return [(prefix + _without_controls(line.replace("\t", "    "))).rstrip() for line in lines]


def _has_invisible_control(text: str) -> bool:
    """Any, joiners included: in a URL each one is a place to split it."""
    return any(is_invisible_control(char) for char in text if char not in "\t\n")


def _spell_out_invisible_references(text: str) -> str:
    """&#x202e; and &rlm; are the characters themselves to a browser: make them so here, where
    the rules below can see them."""

    def replace(match):
        char = html.unescape(match.group())
        return char if len(char) == 1 and is_invisible_control(char) else match.group()

    return CHAR_REF.sub(replace, text)


def _ascii_host(href: str) -> tuple[str, str, str] | None:
    """The URL with an internationalised host in punycode, with the host before and after;
    None when the host cannot be encoded."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    userinfo, at, hostport = parts.netloc.rpartition("@")
    host, colon, port = hostport.partition(":")
    if host.isascii():
        return href, host, host
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    netloc = f"{userinfo}{at}{ascii_host}{colon}{port}"
    return urlunsplit(parts._replace(netloc=netloc)), host, ascii_host


# Internationalised top-level domains in punycode (.xn--p1ai) are whole TLDs, not ".xn".
URL_RE = build_url_re(
    tlds=["xn--[a-z0-9-]+", *(tld for tld in TLDS if tld != "xn")], protocols=ALLOWED_PROTOCOLS
)


def _link_attributes(attrs, new=False):
    # Every link, typed or linkified, gets the same rel and nothing else but href and title;
    # a linkified address reads left to right inside right-to-left text (dir="ltr" isolates it).
    kept = {key: value for key, value in attrs.items() if key in {(None, "href"), (None, "title")}}
    if new or attrs.get((None, "dir")) == "ltr":
        kept[(None, "dir")] = "ltr"
    text = attrs.get("_text", "")
    href = kept.get((None, "href"))
    if _has_invisible_control(text) or (href is not None and _has_invisible_control(href)):
        return None  # what it shows and where it goes may differ: keep the text, not the link
    if href is not None and not re.match(r"(?i)^(https?:|mailto:)", href.strip()):
        del kept[(None, "href")]
    elif href is not None:
        ascii_url = _ascii_host(href.strip())
        if ascii_url is None:
            return None
        kept[(None, "href")], host, ascii_host = ascii_url
        if host != ascii_host:  # show the host as the browser will reach it
            text = text.replace(host, ascii_host)
    kept[(None, "rel")] = LINK_REL
    kept["_text"] = text
    return kept


class _LinkifyFilter(LinkifyFilter):
    def handle_links(self, src_iter):
        # Bidi controls reorder what follows; a zero-width character splits a URL so that only
        # its tail would be linked. Text holding one is never made a link.
        for token in src_iter:
            if token["type"] == "Characters" and _has_invisible_control(token["data"]):
                yield token
            else:
                yield from super().handle_links(iter([token]))


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=False,
    strip_comments=True,
    filters=[
        partial(
            _LinkifyFilter,
            callbacks=[_link_attributes],
            skip_tags={"pre", "code"},
            url_re=URL_RE,
        )
    ],
)


def _inline_breaks(text: str) -> str:
    """Inside a block, a newline between words is a <br>; newlines next to tags are dropped."""
    text = INNER_NEWLINE.sub("<br>", text)
    return text.replace("\n", "")


def _wrap(text: str) -> str:
    """Top-level typed text: blank lines split paragraphs, single newlines become <br>."""
    chunks = [c.strip() for c in re.split(r"\n\s*\n", text) if c.strip()]
    return "".join(f"<p>{chunk.replace(chr(10), '<br>')}</p>" for chunk in chunks)


def _paragraphs(html: str) -> str:
    out, depth, in_pre = [], 0, False
    for token in BLOCK_SPLIT.split(html):
        match = BLOCK_TAG.fullmatch(token)
        if match:
            closing, name = bool(match.group(1)), match.group(2).lower()
            depth = max(0, depth + (-1 if closing else 1))
            if name == "pre":
                in_pre = not closing
            out.append(token)
        elif in_pre:
            out.append(token)
        elif depth == 0:
            out.append(_wrap(token))
        else:
            out.append(_inline_breaks(token))
    return "".join(out)


def sanitize_comment(text: str) -> str:
    """Return allowlisted HTML for a comment body; applying it twice changes nothing."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    cleaned = _cleaner.clean(_spell_out_invisible_references(text))
    return _paragraphs(cleaned)
