"""The one function that turns a reader's comment into safe HTML (bleach allowlist)."""

import re
from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter

ALLOWED_TAGS = frozenset(
    {"p", "br", "a", "b", "strong", "i", "em", "blockquote", "code", "pre", "ul", "ol", "li"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"
BLOCK_TAG = re.compile(r"<(/?)(p|ul|ol|blockquote|pre)\b[^>]*>", re.IGNORECASE)
BLOCK_SPLIT = re.compile(r"(</?(?:p|ul|ol|blockquote|pre)\b[^>]*>)", re.IGNORECASE)
INNER_NEWLINE = re.compile(r"(?<=[^>\s])[ \t]*\n[ \t]*(?=[^<\s])")


def _link_attributes(attrs, new=False):
    # Every link, typed or linkified, gets the same rel and nothing else but href and title.
    kept = {key: value for key, value in attrs.items() if key in {(None, "href"), (None, "title")}}
    href = kept.get((None, "href"))
    if href is not None and not re.match(r"(?i)^(https?:|mailto:)", href.strip()):
        del kept[(None, "href")]
    kept[(None, "rel")] = LINK_REL
    kept["_text"] = attrs.get("_text", "")
    return kept


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=False,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_link_attributes], skip_tags={"pre", "code"})],
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
    cleaned = _cleaner.clean(text)
    return _paragraphs(cleaned)
