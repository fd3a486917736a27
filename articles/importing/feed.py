"""Reading the feed file, and mapping each of its items to a ParsedItem (no database access)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

import feedparser
from django.utils import timezone

from .blocks import html_to_blocks
from .errors import FeedError, ItemError, error_text
from .images import LocalImage, item_images
from .text import (
    cleaned_text,
    first_words,
    html_to_text,
    is_web_url,
    one_line,
    truncate,
    unescape_markup,
    url_key,
)

LEAD_WORDS = 40
TITLE_WORDS = 12
MEDIA_RSS = re.compile(
    rb"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']http://search\.yahoo\.com/mrss/?["']"""
)


def read_feed(path: str | Path) -> feedparser.FeedParserDict:
    """Parse the feed file, or raise FeedError with a one-line reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FeedError(f"cannot read {path}: {exc.strerror or exc}") from exc
    # feedparser files media:title and media:description under the item's own title and
    # summary; renaming them keeps the headline intact and exposes them as media_x*.
    for prefix in set(MEDIA_RSS.findall(data)):
        p = re.escape(prefix)
        data = re.sub(rb"<(/?)" + p + rb":(title|description)\b", rb"<\1" + prefix + rb":x\2", data)
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({one_line(str(reason))})" if reason else ""
        raise FeedError(f"{path} is not an RSS or Atom feed{detail}")
    return parsed


@dataclass
class ParsedItem:
    position: int
    guid: str
    link: str
    source_url: str
    title: str
    lead: str
    publication_date: datetime
    date_from_feed: bool
    updated_date: datetime | None
    blocks: list[dict[str, Any]]
    authors: list[str]
    topics: list[str]
    images: list[LocalImage]
    remote_images: list[str]
    notes: list[str]


def parse_entries(
    entries: list, *, feed_dir: Path
) -> tuple[list[ParsedItem], list[tuple[int, str]], list[tuple[int, str]]]:
    """(items, failures, duplicates) of the feed's entries, numbered from 1: an entry that
    cannot be parsed is a failure; one with the GUID or link of an earlier item a duplicate."""
    parsed: list[ParsedItem] = []
    failures: list[tuple[int, str]] = []
    duplicates: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        try:
            item = parse_item(entry, position, feed_dir=feed_dir)
        except Exception as exc:  # one bad item must not stop the import
            failures.append((position, error_text(exc)))
            continue
        keys = [("GUID", item.guid), ("link", url_key(item.source_url))]
        first = next(((label, seen[k]) for label, k in keys if k and k in seen), None)
        if first:
            duplicates.append((position, f"duplicate {first[0]} (first seen at #{first[1]})"))
            continue
        for _, key in keys:
            if key:
                seen[key] = position
        parsed.append(item)
    return parsed, failures, duplicates


def _parsed_date(entry, key: str) -> datetime | None:
    # dict.get: FeedParserDict would answer a missing updated date with the published one.
    value = dict.get(entry, f"{key}_parsed")
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _content(entry) -> tuple[str, str]:
    """(body HTML, MIME type) of the item's full content, or ("", "")."""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return value, content.get("type") or "text/html"
    return "", ""


def parse_item(entry, position: int, *, feed_dir: Path) -> ParsedItem:
    """Map one feedparser entry to the fields of an ArticlePage (raises ItemError if unusable)."""
    notes: list[str] = []
    guid = one_line(entry.get("id") or "")
    link = one_line(entry.get("link") or "")
    source_url = link if is_web_url(link) else ""
    if link and not source_url and link != guid:
        notes.append(f"link {link!r} is not a web address; no redirect made")
    title_detail = entry.get("title_detail") or {}
    raw_title = entry.get("title") or ""
    if "html" in (title_detail.get("type") or ""):
        title = html_to_text(raw_title)
    else:
        title = one_line(raw_title)
    if not title and not link and not guid:
        raise ItemError("no title and no link")
    if len(guid) > 500:
        raise ItemError("GUID longer than 500 characters")

    authors: list[str] = []
    for author in entry.get("authors") or []:
        name = one_line(html_to_text(author.get("name") or ""))
        if name and name.lower() not in {a.lower() for a in authors}:
            authors.append(name[:200])
    if not authors and entry.get("author"):
        authors.append(one_line(html_to_text(entry["author"]))[:200])

    body_html, body_type = _content(entry)
    summary = entry.get("summary") or ""
    summary_is_body = not body_html or one_line(summary) == one_line(body_html)
    if not body_html:
        body_html = summary
        body_type = (entry.get("summary_detail") or {}).get("type") or "text/html"
    if body_type == "text/plain":
        body_html = escape(body_html)
    body_html = unescape_markup(body_html)
    base_url = source_url or None
    blocks = html_to_blocks(
        body_html, base_url=base_url, fallback_speaker=authors[0] if authors else "Unattributed"
    )
    body_text = " ".join(cleaned_text(b["value"]) for b in blocks if b["type"] == "paragraph")
    lead = "" if summary_is_body else html_to_text(unescape_markup(summary))
    if not lead:
        lead = first_words(body_text, LEAD_WORDS)
    if not title:
        title = first_words(lead or body_text, TITLE_WORDS)
        if not title:
            raise ItemError("no title and no text")
        notes.append("no title; used the opening words")
    title = truncate(title, 255)

    published = _parsed_date(entry, "published")
    updated = _parsed_date(entry, "updated")
    date_from_feed = True
    if published is None and updated is not None:
        published = updated
        notes.append("no publication date; used the updated date")
    elif published is None:
        published = timezone.now().replace(microsecond=0)
        date_from_feed = False
        notes.append("no date; used the import time")
    updated_date = updated if updated and updated > published else None

    topics: list[str] = []
    for tag in entry.get("tags") or []:
        name = one_line(tag.get("term") or tag.get("label") or "")[:100]
        if name and name.lower() not in {t.lower() for t in topics}:
            topics.append(name)

    images, remote = item_images(entry, feed_dir=feed_dir, title=title, notes=notes)
    return ParsedItem(
        position=position,
        guid=guid,
        link=link,
        source_url=source_url,
        title=title,
        lead=lead,
        publication_date=published,
        date_from_feed=date_from_feed,
        updated_date=updated_date,
        blocks=blocks,
        authors=authors,
        topics=topics,
        images=images,
        remote_images=remote,
        notes=notes,
    )
