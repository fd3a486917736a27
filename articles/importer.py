"""Imports stories from an RSS 2.0 or Atom feed file into ArticlePages (see import_articles).

The work happens in passes:

1. every item is parsed (no database access): malformed items and duplicate GUIDs are known
   before anything is written;
2. items are imported, each in its own transaction so one bad item never rolls back the
   others, READ MORE targets in the same file first (see dependency_order); an item whose
   target comes later anyway (a cycle) gets its page now and its first revision afterwards;
3. READ MORE links on earlier imported pages that point at a story imported now are turned
   into links to its page (a new revision; published pages stay published).

Existing stories are matched on the item's GUID, else on its link, so running the same feed
again changes nothing. Remote images are never fetched; they are listed in the report. Local
images are read only from inside the feed's folder (symlinks resolved).
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import json
import os
import re
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape, unescape
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import bleach
import feedparser
from bs4 import BeautifulSoup, CData, Comment, NavigableString, Tag
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.db.models.signals import post_save
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.text import slugify
from PIL import Image as PILImage
from taggit.models import Tag as TopicTag
from wagtail.blocks import StructBlock
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler as search_post_save
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published
from wagtail.utils.file import hash_filelike

from pagecache import purge

from .models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage

ProgressCallback = Callable[[int, int], None]

LEAD_WORDS = 40
TITLE_WORDS = 12
SLUG_LENGTH = 100
IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
MEDIA_RSS = re.compile(
    rb"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']http://search\.yahoo\.com/mrss/?["']"""
)
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
# What a paragraph block may contain (the body editor's features: bold, italic, link, lists,
# superscript, subscript). Everything else is stripped, keeping its text.
PARAGRAPH_CLEANER = bleach.sanitizer.Cleaner(
    tags={"a", "b", "strong", "i", "em", "br", "ul", "ol", "li", "sup", "sub"},
    attributes={"a": ["href"]},
    protocols={"http", "https", "mailto"},
    strip=True,
    strip_comments=True,
)
LINK_SCHEMES = {"http", "https", "mailto"}
READ_MORE = re.compile(r"^\s*read\s*more\b\s*[:\uff1a.\-\u2013\u2014\u00bb\u203a>]*\s*", re.I)
ATTRIBUTION = re.compile(r"^\s*(?:[\u2014\u2013\u2015~]|--?)\s*(?P<who>\S.*)$")
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e "
ESCAPED_MARKUP = re.compile(
    r"&lt;/?(?:p|div|br|a|b|i|em|strong|h[1-6]|blockquote|ul|ol|li|span)\b", re.I
)
REAL_MARKUP = re.compile(r"<[A-Za-z/!]")
ANY_TAG = re.compile(r"<[^>]*>")
BREAKING_TAG = re.compile(r"<(?:br|/?p|/?li|/?ul|/?ol)\b[^>]*>")
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
WHITESPACE = re.compile(r"\s+")
_url_validator = URLValidator(schemes=["http", "https"])


class FeedError(Exception):
    """The source cannot be read, or is not an RSS/Atom feed."""


class ItemError(ValueError):
    """An item that cannot be imported; the message is the reason shown in the report."""


class SectionNotFound(LookupError):
    """No section to import into."""


# ---------------------------------------------------------------------------------------------
# Report


@dataclass
class ImportReport:
    source: str = ""
    dry_run: bool = False
    total: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    remote_images: list[tuple[int, str]] = field(default_factory=list)
    relinked: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page_ids: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def counts(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, "
            f"skipped {self.skipped}, failed {self.failed}"
        )

    def lines(self) -> list[str]:
        """The summary printed by the command: counts first, then one line per problem."""
        lines = [self.counts]
        if self.dry_run:
            lines.append("dry run: nothing was written")
        lines += [f"warning: {text}" for text in self.warnings]
        lines += [f"failed #{pos}: {reason}" for pos, reason in self.failures]
        lines += [f"skipped #{pos}: {reason}" for pos, reason in self.duplicates]
        lines += [f"note #{pos}: {text}" for pos, text in self.notes]
        if self.relinked:
            lines.append(f"READ MORE relinked on {len(self.relinked)} earlier page(s):")
            lines += [f"  {title}" for title in self.relinked]
        if self.remote_images:
            lines.append(f"remote images not fetched ({len(self.remote_images)}):")
            lines += [f"  #{pos}: {url}" for pos, url in self.remote_images]
        return lines


# ---------------------------------------------------------------------------------------------
# Reading the feed


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
        detail = f" ({_one_line(str(reason))})" if reason else ""
        raise FeedError(f"{path} is not an RSS or Atom feed{detail}")
    return parsed


def default_section(slug: str | None = None) -> SectionPage:
    """The section to import into: by slug (default locale), else the home's first section."""
    locale = Locale.get_default()
    sections = SectionPage.objects.filter(locale=locale).order_by("path")
    if slug:
        section = sections.filter(slug=slug).first()
        if section is None:
            raise SectionNotFound(f"no section with slug {slug!r}")
        return section
    home = HomePage.objects.filter(locale=locale).first()
    section = sections.child_of(home).first() if home else None
    if section is None:
        raise SectionNotFound("the site has no section to import into")
    return section


# ---------------------------------------------------------------------------------------------
# Parsing one item (no database access)


@dataclass
class LocalImage:
    path: Path
    alt: str
    credit: str


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


def _one_line(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def _named(names: set[str]):
    """A bs4 filter matching elements by name (much faster than passing bs4 a set)."""
    return lambda tag: tag.name in names


_dropped = _named(DROPPED_ELEMENTS)
_block_level = _named(BLOCK_LEVEL)
_block_level_or_br = _named(BLOCK_LEVEL | {"br"})


def _cleaned_text(html: str) -> str:
    """Plain text of HTML already sanitized by PARAGRAPH_CLEANER (no scripts, no comments)."""
    return _one_line(unescape(ANY_TAG.sub("", BREAKING_TAG.sub(" ", html))))


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, whitespace collapsed."""
    if not html:
        return ""
    if not REAL_MARKUP.search(html) and "&" not in html:
        return _one_line(html)
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(_dropped):
        element.decompose()
    for element in soup.find_all(_block_level_or_br):
        element.insert_before(" ")
        element.insert_after(" ")
    return _one_line(soup.get_text())


def first_words(text: str, count: int) -> str:
    words = text.split()
    if len(words) <= count:
        return " ".join(words)
    return " ".join(words[:count]).rstrip(",;:.") + "\u2026"


def _truncate(text: str, length: int) -> str:
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


def _is_web_url(url: str) -> bool:
    if not url or len(url) > 1000:
        return False
    try:
        _url_validator(url)
    except ValidationError:
        return False
    return True


def _unescape_markup(html: str) -> str:
    """Bodies escaped twice (``&lt;p&gt;`` left after feedparser) are unescaped once."""
    if html and not REAL_MARKUP.search(html) and ESCAPED_MARKUP.search(html):
        return unescape(html)
    return html


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
    guid = _one_line(entry.get("id") or "")
    link = _one_line(entry.get("link") or "")
    source_url = link if _is_web_url(link) else ""
    if link and not source_url and link != guid:
        notes.append(f"link {link!r} is not a web address; no redirect made")
    title_detail = entry.get("title_detail") or {}
    raw_title = entry.get("title") or ""
    if "html" in (title_detail.get("type") or ""):
        title = html_to_text(raw_title)
    else:
        title = _one_line(raw_title)
    if not title and not link and not guid:
        raise ItemError("no title and no link")
    if len(guid) > 500:
        raise ItemError("GUID longer than 500 characters")

    authors: list[str] = []
    for author in entry.get("authors") or []:
        name = _one_line(html_to_text(author.get("name") or ""))
        if name and name.lower() not in {a.lower() for a in authors}:
            authors.append(name[:200])
    if not authors and entry.get("author"):
        authors.append(_one_line(html_to_text(entry["author"]))[:200])

    body_html, body_type = _content(entry)
    summary = entry.get("summary") or ""
    summary_is_body = not body_html or _one_line(summary) == _one_line(body_html)
    if not body_html:
        body_html = summary
        body_type = (entry.get("summary_detail") or {}).get("type") or "text/html"
    if body_type == "text/plain":
        body_html = escape(body_html)
    body_html = _unescape_markup(body_html)
    base_url = source_url or None
    blocks = html_to_blocks(
        body_html, base_url=base_url, fallback_speaker=authors[0] if authors else "Unattributed"
    )
    body_text = " ".join(_cleaned_text(b["value"]) for b in blocks if b["type"] == "paragraph")
    lead = "" if summary_is_body else html_to_text(_unescape_markup(summary))
    if not lead:
        lead = first_words(body_text, LEAD_WORDS)
    if not title:
        title = first_words(lead or body_text, TITLE_WORDS)
        if not title:
            raise ItemError("no title and no text")
        notes.append("no title; used the opening words")
    title = _truncate(title, 255)

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
        name = _one_line(tag.get("term") or tag.get("label") or "")[:100]
        if name and name.lower() not in {t.lower() for t in topics}:
            topics.append(name)

    images, remote = _images(entry, feed_dir=feed_dir, title=title, notes=notes)
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


def _images(entry, *, feed_dir: Path, title: str, notes: list[str]):
    """Local image files (existing, readable images) and remote image URLs of the item."""
    candidates: list[tuple[str, str]] = []  # (url, MIME type or medium)
    for enclosure in entry.get("enclosures") or []:
        candidates.append((enclosure.get("href") or "", enclosure.get("type") or ""))
    for media in entry.get("media_content") or []:
        candidates.append((media.get("url") or "", media.get("type") or media.get("medium") or ""))
    for media in entry.get("media_thumbnail") or []:
        candidates.append((media.get("url") or "", "image"))
    alt = html_to_text(entry.get("media_xdescription") or "") or html_to_text(
        entry.get("media_xtitle") or ""
    )
    credits = [c.get("content") for c in entry.get("media_credit") or [] if c.get("content")]
    credit = _truncate(_one_line(credits[0]), 255) if credits else ""
    local: list[LocalImage] = []
    remote: list[str] = []
    seen: set[str] = set()
    for url, kind in candidates:
        url = url.strip()
        if not url or url in seen:
            continue
        seen.add(url)
        if kind and not kind.startswith("image") and not _looks_like_image(url):
            continue
        scheme = urlsplit(url).scheme.lower()
        if scheme in ("http", "https"):
            remote.append(url)
            continue
        if scheme == "file":
            path = Path(url2pathname(unquote(urlsplit(url).path)))
        elif scheme and len(scheme) > 1:  # a Windows drive letter is not a scheme
            notes.append(f"image {url!r}: unsupported address")
            continue
        else:
            path = Path(unquote(url))
        path = _inside(feed_dir / path, feed_dir)  # an absolute path replaces feed_dir
        if path is None:
            notes.append(f"image {url!r}: outside the feed's folder, skipped")
            continue
        if not path.is_file():
            notes.append(f"image {url!r}: file not found")
            continue
        with path.open("rb") as handle:
            problem = _image_problem(handle)
        if problem:
            notes.append(f"image {url!r}: {problem}")
            continue
        local.append(LocalImage(path=path, alt=_truncate(alt or title, 255), credit=credit))
    return local, remote


def _inside(path: Path, folder: Path) -> Path | None:
    """The real path of path (symlinks and ``..`` resolved) if it lies inside folder's real
    path, else None: a feed may only use files from its own folder, never any file the
    importing account can read (images end up in public media)."""
    try:
        real, root = path.resolve(), folder.resolve()
    except (OSError, ValueError, RuntimeError):  # a NUL byte, a symlink loop
        return None
    return real if real.is_relative_to(root) else None


def _looks_like_image(url: str) -> bool:
    return Path(urlsplit(url).path).suffix.lower().lstrip(".") in settings.WAGTAILIMAGES_EXTENSIONS


def _image_problem(handle: BinaryIO) -> str | None:
    """Why this open file cannot be a story's image, or None if it can.

    The limits are those of a Wagtail admin upload (wagtail.images.fields.WagtailImageField):
    WAGTAILIMAGES_MAX_UPLOAD_SIZE bytes and WAGTAILIMAGES_MAX_IMAGE_PIXELS pixels, counted as
    width x height x frames, None meaning no limit. Unlike that form, which loads the image
    through Willow to count its pixels, nothing is decoded here: the size comes from the
    file's header, so a small file that would decode to gigabytes costs nothing to refuse.
    """
    size = os.fstat(handle.fileno()).st_size
    max_size = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
    if max_size is not None and size > max_size:
        return (
            f"{_file_size(size)}, over the {_file_size(max_size)} limit "
            "(WAGTAILIMAGES_MAX_UPLOAD_SIZE), skipped"
        )
    max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128 * 1000000)
    try:
        with warnings.catch_warnings():
            # Pillow warns from ~89 megapixels; the setting decides, and the error Pillow
            # raises from twice that is reported below.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(handle) as img:
                if img.format not in IMAGE_FORMATS:
                    return "not an image"
                pixels = img.width * img.height * getattr(img, "n_frames", 1)
                if max_pixels is not None and pixels > max_pixels:
                    return (
                        f"{pixels:,} pixels, over the limit of {max_pixels:,} "
                        "(WAGTAILIMAGES_MAX_IMAGE_PIXELS), skipped"
                    )
                img.verify()  # checks the file's structure and checksums, decodes nothing
    except PILImage.DecompressionBombError as exc:
        return f"{exc}, skipped"
    except Exception:  # any other failure means "not a usable image"
        return "not an image"
    return None


def _file_size(size: int) -> str:
    # The report is English whatever language a caller left active ("2.0 KB", not "2,0 KB").
    with translation.override("en"):
        return filesizeformat(size).replace("\xa0", " ")


# ---------------------------------------------------------------------------------------------
# Body HTML -> StreamField blocks


def html_to_blocks(
    html: str, *, base_url: str | None, fallback_speaker: str = "Unattributed"
) -> list[dict[str, Any]]:
    """Sanitize body HTML and split it into the body's blocks, in document order.

    Paragraphs keep only bold, italic, lists and http(s)/mailto links (made absolute against
    base_url); h1-h6 become headings, blockquotes quotes and "READ MORE: <a>" paragraphs
    read_more blocks whose ``page`` is filled in later if the link is a known story.
    """
    if not html or not html.strip():
        return []
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(_dropped):
        element.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for anchor in soup.find_all("a"):
        href = (anchor.get("href") or "").strip()
        if href and base_url:
            href = urljoin(base_url, href)
        if not href or urlsplit(href).scheme.lower() not in LINK_SCHEMES:
            anchor.unwrap()
            continue
        anchor.attrs = {"href": href}
    split_blank_lines = soup.find(_block_level_or_br) is None
    builder = _BlockBuilder(
        base_url=base_url, fallback_speaker=fallback_speaker, split_blank_lines=split_blank_lines
    )
    builder.walk(soup)
    builder.flush()
    return builder.blocks


class _BlockBuilder:
    def __init__(self, *, base_url: str | None, fallback_speaker: str, split_blank_lines: bool):
        self.base_url = base_url
        self.fallback_speaker = fallback_speaker
        self.split_blank_lines = split_blank_lines
        self.blocks: list[dict[str, Any]] = []
        self.run: list[Any] = []

    def walk(self, node: Tag) -> None:
        for child in list(node.children):
            if isinstance(child, NavigableString):
                if type(child) not in (NavigableString, CData):  # doctypes, declarations
                    continue
                text = str(child)
                if self.split_blank_lines and BLANK_LINE.search(text):
                    parts = BLANK_LINE.split(text)
                    for i, part in enumerate(parts):
                        if i:
                            self.flush()
                        self.run.append(NavigableString(part))
                else:
                    self.run.append(child)
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name == "br":
                if self._run_ends_with_br():
                    self._drop_trailing_br()
                    self.flush()
                else:
                    self.run.append(child)
            elif name == "hr":
                self.flush()
            elif name in HEADINGS:
                self.flush()
                self.heading(child)
            elif name == "blockquote":
                self.flush()
                self.quote(child)
            elif name in LISTS:
                self.flush()
                self.add_paragraph([child], is_list=True)
            elif name == "p":
                self.flush()
                if child.find(_block_level):
                    self.walk(child)
                    self.flush()
                else:
                    self.add_paragraph(list(child.children))
            elif name in CONTAINERS or child.find(_block_level):
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.run.append(child)

    def _run_ends_with_br(self) -> bool:
        for node in reversed(self.run):
            if isinstance(node, NavigableString) and not node.strip():
                continue
            return isinstance(node, Tag) and node.name == "br"
        return False

    def _drop_trailing_br(self) -> None:
        while self.run and (
            (isinstance(self.run[-1], NavigableString) and not self.run[-1].strip())
            or (isinstance(self.run[-1], Tag) and self.run[-1].name == "br")
        ):
            self.run.pop()

    def flush(self) -> None:
        run, self.run = self.run, []
        if run:
            self.add_paragraph(run)

    def add_paragraph(self, nodes: list[Any], *, is_list: bool = False) -> None:
        if not is_list:
            read_more = self._read_more(nodes)
            if read_more is not None:
                self.blocks.append(read_more)
                return
        html = PARAGRAPH_CLEANER.clean("".join(str(n) for n in nodes))
        html = (
            html.replace("<strong>", "<b>")
            .replace("</strong>", "</b>")
            .replace("<em>", "<i>")
            .replace("</em>", "</i>")
        )
        html = WHITESPACE.sub(" ", html)
        html = re.sub(r"^(?:\s|<br>|&nbsp;)+|(?:\s|<br>|&nbsp;)+$", "", html)
        if not _cleaned_text(html):
            return
        value = html if is_list else f"<p>{html}</p>"
        self.blocks.append({"type": "paragraph", "value": value})

    def _read_more(self, nodes: list[Any]) -> dict[str, Any] | None:
        text = _one_line("".join(n.get_text() if isinstance(n, Tag) else str(n) for n in nodes))
        match = READ_MORE.match(text)
        if not match:
            return None
        links = [n for n in nodes if isinstance(n, Tag) and n.name == "a"]
        for node in nodes:
            if isinstance(node, Tag) and node.name != "a":
                links += node.find_all("a")
        if len(links) != 1:
            return None
        href = links[0].get("href") or ""
        headline = _one_line(READ_MORE.sub("", _one_line(links[0].get_text()), count=1))
        rest = text[match.end() :]
        strip = QUOTE_MARKS + ".:\u2192\u203a\u00bb"
        if not headline or rest.strip(strip) != headline.strip(strip):
            return None
        if not _is_web_url(href):
            return None
        return {
            "type": "read_more",
            "value": {"page": None, "url": href, "title": _truncate(headline, 255)},
        }

    def heading(self, element: Tag) -> None:
        text = _truncate(_one_line(element.get_text()), 200)
        if text:
            self.blocks.append({"type": "heading", "value": {"text": text}})

    def quote(self, element: Tag) -> None:
        source_url = (element.get("cite") or "").strip()
        if source_url and self.base_url:
            source_url = urljoin(self.base_url, source_url)
        if not _is_web_url(source_url):
            source_url = ""
        who = ""
        cite = element.find("cite")
        if cite is not None:
            who = _one_line(cite.get_text())
            cite.decompose()
        for footer in element.find_all("footer"):
            if not who:
                who = _one_line(footer.get_text())
            footer.decompose()
        paragraphs = element.find_all(["p", "li"]) or [element]
        lines: list[str] = []
        for paragraph in paragraphs:
            for br in paragraph.find_all("br"):
                br.replace_with("\n")
            lines += [_one_line(line) for line in paragraph.get_text().split("\n")]
        lines = [line for line in lines if line]
        if lines and not who:
            match = ATTRIBUTION.match(lines[-1])
            if match:
                who = match.group("who")
                lines.pop()
        who = _one_line(who).lstrip("\u2014\u2013\u2015-~ ").strip()
        text = "\n\n".join(lines).strip(QUOTE_MARKS + "\n")
        if not text:
            return
        speaker, role = who, ""
        if "," in who:
            speaker, role = (part.strip() for part in who.split(",", 1))
        self.blocks.append(
            {
                "type": "quote",
                "value": {
                    "text": text,
                    "speaker": _truncate(speaker or self.fallback_speaker, 200),
                    "role": _truncate(role, 200),
                    "organisation": "",
                    "source_url": source_url,
                },
            }
        )


def link_read_more(blocks: Iterable[dict[str, Any]], index: dict[str, int]) -> set[str]:
    """Point READ MORE blocks at known pages (in place); returns the keys still unknown."""
    unresolved: set[str] = set()
    for block in blocks:
        if block["type"] != "read_more":
            continue
        value = block["value"]
        if value.get("page") or not value.get("url"):
            continue
        key = url_key(value["url"])
        if key in index:
            value["page"] = index[key]
        else:
            unresolved.add(key)
    return unresolved


# ---------------------------------------------------------------------------------------------
# Importing


_MISSING = object()
_BODY_FIELD = ArticlePage._meta.get_field("body")
REINDEX_CHUNK = 200
COMMIT_BATCH = 100  # items per transaction; a re-run picks up where a crash left off


def _normalised(stream) -> list[tuple[str, Any]]:
    """(type, value) pairs of a body in its stored form with every field present and ids
    dropped, so two bodies compare equal whatever optional fields the blocks have gained."""
    return [(child.block_type, child.block.get_prep_value(child.value)) for child in stream]


def _body_data(blocks: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    return _normalised(_BODY_FIELD.stream_block.to_python(copy.deepcopy(blocks)))


def _stored_body(page: ArticlePage) -> list[tuple[str, Any]]:
    return _normalised(page.body)


def _with_defaults(blocks: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    """(type, value) pairs with the fields the importer does not set filled with their
    defaults: usually equal to the stored form, without converting (and querying) anything."""
    result = []
    for block in blocks:
        value = block["value"]
        definition = _BODY_FIELD.stream_block.child_blocks.get(block["type"])
        if isinstance(definition, StructBlock) and isinstance(value, dict):
            value = {
                name: value[name] if name in value else child.get_prep_value(child.get_default())
                for name, child in definition.child_blocks.items()
            }
        result.append((block["type"], value))
    return result


def _same_body(page: ArticlePage, blocks: list[dict[str, Any]]) -> bool:
    stored = [(b["type"], b["value"]) for b in page.body.raw_data]
    return stored == _with_defaults(blocks) or _stored_body(page) == _body_data(blocks)


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ItemError):
        return str(exc)
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            parts = [
                f"{name}: {' '.join(str(m) for e in errors for m in e.messages)}"
                for name, errors in exc.error_dict.items()
            ]
            return _one_line("; ".join(parts))
        return _one_line("; ".join(exc.messages))
    return _one_line(f"{type(exc).__name__}: {exc}") or type(exc).__name__


@contextlib.contextmanager
def batched_indexing(page_ids: set[int], *, enabled: bool = True):
    """Update the search and reference indexes once per page at the end, not on every save.

    Each save of a page re-indexes it, and publishing a new page saves it more than once; for
    a large import that is a large part of the work. Pages whose ids are added to page_ids
    while the block runs are indexed when it ends (also after an error). The search signal is
    disconnected for ArticlePage meanwhile: meant for a management command, not a web process.
    """
    if not enabled:
        yield
        return
    disconnected = post_save.disconnect(search_post_save, sender=ArticlePage)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if disconnected:
            post_save.connect(search_post_save, sender=ArticlePage)
        reindex(page_ids)


def reindex(page_ids: Iterable[int]) -> None:
    """Refresh the search index entries of these articles, and the reference index entries
    of the articles, their main images and the redirects to them."""
    ids = sorted(page_ids)
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(ids), REINDEX_CHUNK):
        chunk = ids[start : start + REINDEX_CHUNK]
        with transaction.atomic():
            pages = list(ArticlePage.objects.filter(pk__in=chunk))
            images = get_image_model().objects.filter(pk__in={p.main_image_id for p in pages})
            redirects = Redirect.objects.filter(redirect_page_id__in=chunk)
            for obj in itertools.chain(pages, images, redirects):
                ReferenceIndex.create_or_update_for_object(obj)
            indexed = list(ArticlePage.get_indexed_objects().filter(pk__in=chunk))
            for backend in backends:
                backend.add_bulk(ArticlePage, indexed)


@dataclass
class _Deferred:
    """An item whose READ MORE targets come later in the file: finished after them."""

    item: ParsedItem
    page_id: int | None  # the page made for it in the first pass (None: an update)


class _Importer:
    def __init__(self, *, section: SectionPage, publish: bool, dry_run: bool):
        self.section = section
        self.locale_id = section.locale_id
        self.publish = publish
        self.dry_run = dry_run
        self.report = ImportReport(dry_run=dry_run)
        self.by_guid: dict[str, int] = {}
        self.by_url: dict[str, int] = {}
        self.link_index: dict[str, int] = {}  # url_key(source_url or guid) -> page id
        for page_id, guid, url in (
            ArticlePage.objects.filter(locale_id=self.locale_id)
            .exclude(source_guid="", source_url="")
            .values_list("id", "source_guid", "source_url")
        ):
            if guid:
                self.by_guid.setdefault(guid, page_id)
                self.link_index.setdefault(url_key(guid), page_id)
            if url:
                self.by_url.setdefault(url_key(url), page_id)
                self.link_index.setdefault(url_key(url), page_id)
        self.slugs = set(Page.objects.child_of(section).values_list("slug", flat=True))
        self.authors: dict[str, Author] = {}
        self.tags: dict[str, TopicTag] = {}  # lower-case name -> tag
        self.images: dict[str, int] = {}  # file hash -> image id
        self.redirects: dict[str, Redirect] = {}
        self.pending_keys: set[str] = set()  # keys of this file's items not imported yet
        self.deferred: dict[int, _Deferred] = {}  # by position, in the order met
        self.unresolved: dict[int, tuple[int, set[str]]] = {}  # page id -> (position, keys)
        self.created_keys: set[str] = set()
        self.touched: set[int] = set()
        self._undo: list[tuple[Any, Any, Any]] = []
        self._new_files: list[Any] = []

    def run(self, items: list[ParsedItem], progress: Callable[[], None] | None = None) -> None:
        self.prefetch_redirects(items)
        self.pending_keys = {key for item in items for key in _keys(item)}
        ordered = dependency_order(items)
        # Items are committed in batches: each item still has its own savepoint (a bad item
        # rolls back alone), but PostgreSQL flushes its log once per batch, not once per item.
        for start in range(0, len(ordered), COMMIT_BATCH):
            with transaction.atomic():
                for item in ordered[start : start + COMMIT_BATCH]:
                    self.pending_keys -= _keys(item)
                    self.run_item(item)
                    if progress:
                        progress()
        for deferred in list(self.deferred.values()):
            self.finish(deferred)
        self.relink()

    # -- per-item bookkeeping that must be undone when the item's transaction rolls back

    def _remember(self, mapping, key, value) -> None:
        if isinstance(mapping, set):
            if key not in mapping:
                self._undo.append((mapping, key, _MISSING))
                mapping.add(key)
            return
        self._undo.append((mapping, key, mapping.get(key, _MISSING)))
        mapping[key] = value

    def _begin_item(self) -> None:
        self._undo, self._new_files = [], []

    def _rollback_item(self) -> None:
        for mapping, key, previous in reversed(self._undo):
            if isinstance(mapping, set):
                mapping.discard(key)
            elif previous is _MISSING:
                mapping.pop(key, None)
            else:
                mapping[key] = previous
        for file in self._new_files:
            try:
                file.storage.delete(file.name)
            except OSError:
                pass
        self.section.refresh_from_db()

    def _fail(self, item: ParsedItem, exc: Exception) -> None:
        self.report.failed += 1
        self.report.failures.append((item.position, _error_text(exc)))

    def _count(self, outcome: str, item: ParsedItem, page_id: int) -> None:
        setattr(self.report, outcome, getattr(self.report, outcome) + 1)
        self.report.page_ids[item.position] = page_id
        self.report.notes += [(item.position, note) for note in item.notes]
        self.report.remote_images += [(item.position, url) for url in item.remote_images]

    def prefetch_redirects(self, items: list[ParsedItem]) -> None:
        paths = sorted({Redirect.normalise_path(i.source_url) for i in items if i.source_url})
        for start in range(0, len(paths), 500):
            for redirect in Redirect.objects.filter(old_path__in=paths[start : start + 500]):
                current = self.redirects.get(redirect.old_path)
                if current is None or (redirect.site_id is None and current.site_id is not None):
                    self.redirects[redirect.old_path] = redirect

    # -- items

    def run_item(self, item: ParsedItem) -> None:
        self._begin_item()
        try:
            with transaction.atomic():
                outcome, page_id = self.import_item(item)
        except Exception as exc:  # reported per item; the others carry on
            self._rollback_item()
            self._fail(item, exc)
            return
        if outcome != "deferred":
            self._count(outcome, item, page_id)

    def import_item(self, item: ParsedItem) -> tuple[str, int]:
        blocks = copy.deepcopy(item.blocks)
        unresolved = link_read_more(blocks, self.link_index)
        waiting = bool(unresolved & self.pending_keys)
        page_id = self.by_guid.get(item.guid) if item.guid else None
        if page_id is None and item.source_url:
            page_id = self.by_url.get(url_key(item.source_url))
        if page_id is None:
            page = self.create(item, blocks, finish=not waiting)
            outcome = "created"
        elif waiting:
            self._remember(self.deferred, item.position, _Deferred(item=item, page_id=None))
            return "deferred", page_id
        else:
            page, changed = self.update(page_id, item, blocks)
            outcome = "updated" if changed else "skipped"
        self._remember(self.touched, page.pk, None)
        if unresolved:
            self._remember(self.unresolved, page.pk, (item.position, unresolved))
        self.ensure_redirect(item, page)
        if waiting:
            self._remember(self.deferred, item.position, _Deferred(item=item, page_id=page.pk))
            return "deferred", page.pk
        return outcome, page.pk

    def finish(self, deferred: _Deferred) -> None:
        """Second pass for an item that waited for its READ MORE targets."""
        item = deferred.item
        if deferred.page_id is None:
            self.run_item(item)  # an update: nothing was written in the first pass
            return
        self._begin_item()
        try:
            with transaction.atomic():
                page = ArticlePage.objects.get(pk=deferred.page_id)
                blocks = copy.deepcopy(item.blocks)
                unresolved = link_read_more(blocks, self.link_index)
                page.body = json.dumps(blocks)
                self._save_new(page, item)
                self.unresolved.pop(page.pk, None)
                if unresolved:
                    self.unresolved[page.pk] = (item.position, unresolved)
        except Exception as exc:
            self._rollback_item()
            self._discard(deferred.page_id)
            self._fail(item, exc)
            return
        self._count("created", item, deferred.page_id)

    def _discard(self, page_id: int) -> None:
        """Remove the unfinished page of an item that failed in the second pass."""
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            with transaction.atomic():
                page.delete()
        self.section.refresh_from_db()
        self.touched.discard(page_id)
        self.unresolved.pop(page_id, None)
        for mapping in (self.by_guid, self.by_url, self.link_index):
            for key in [k for k, v in mapping.items() if v == page_id]:
                del mapping[key]

    def create(self, item: ParsedItem, blocks: list[dict[str, Any]], *, finish: bool):
        """Add the page; with finish=False its first revision waits for finish()."""
        page = ArticlePage(
            title=item.title,
            slug=self._slug(item.title),
            lead=item.lead,
            publication_date=item.publication_date,
            updated_date=item.updated_date,
            body=json.dumps(blocks),
            source_guid=item.guid,
            source_url=item.source_url,
            live=False,
        )
        if self.publish:
            # The story keeps its original date (ArticlePage.save only fills an empty one) and
            # goes live on it: now if it is in the past, else Wagtail schedules it.
            page.go_live_at = item.publication_date
            if self._goes_live_now(item):
                page.first_published_at = item.publication_date
                if finish:
                    self._mark_live(page)
        self._set_image(page, item)
        page.authors = [
            ArticleAuthor(author=self._author(name), sort_order=order)
            for order, name in enumerate(item.authors)
        ]
        if item.topics:
            page.topics.set([self._tag(name) for name in item.topics])
        self.section.add_child(instance=page)
        if finish:
            self._save_new(page, item)
        for key in _keys(item):
            self._remember(self.link_index, key, page.pk)
            self._remember(self.created_keys, key, None)
        if item.guid:
            self._remember(self.by_guid, item.guid, page.pk)
        if item.source_url:
            self._remember(self.by_url, url_key(item.source_url), page.pk)
        return page

    def _goes_live_now(self, item: ParsedItem) -> bool:
        return self.publish and item.publication_date <= timezone.now()

    @staticmethod
    def _mark_live(page: ArticlePage) -> None:
        page.live = True
        page.has_unpublished_changes = False
        page.last_published_at = timezone.now()

    def _save_new(self, page: ArticlePage, item: ParsedItem) -> None:
        """Give a new page its first revision, published with --publish."""
        if not self._goes_live_now(item):
            revision = page.save_revision()
            if self.publish:  # dated in the future: Wagtail schedules it
                revision.publish()
                item.notes.append(f"scheduled to go live at {item.publication_date:%Y-%m-%d %H:%M}")
            return
        # What revision.publish() does for a page that has never been live, without saving
        # the page twice more: the page was saved live (and validated); record that revision.
        if not page.live:
            self._mark_live(page)
            page.save()
        revision = page.save_revision(clean=False, changed=False)
        Page.objects.filter(pk=page.pk).update(live_revision=revision)
        page.live_revision = revision
        log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
        page_published.send(sender=ArticlePage, instance=page, revision=revision)

    def update(
        self, page_id: int, item: ParsedItem, blocks: list[dict[str, Any]]
    ) -> tuple[ArticlePage, bool]:
        stored = ArticlePage.objects.select_related("latest_revision").get(pk=page_id)
        page = stored.get_latest_revision_as_object()
        author_ids = [self._author(name).pk for name in item.authors]
        tag_ids = sorted({self._tag(name).pk for name in item.topics})
        changes = {
            "title": page.title != item.title,
            "lead": page.lead != item.lead,
            "date": item.date_from_feed and page.publication_date != item.publication_date,
            "updated": item.updated_date is not None and page.updated_date != item.updated_date,
            "authors": [a.author_id for a in page.authors.all()] != author_ids,
            "topics": sorted({t.tag_id for t in page.tagged_items.all()}) != tag_ids,
            "image": not page.main_image_id and bool(item.images) and not self.dry_run,
        }
        if not any(changes.values()) and _same_body(page, blocks):
            return stored, False
        page.title = item.title
        page.draft_title = item.title
        page.lead = item.lead
        page.body = json.dumps(blocks)
        if item.date_from_feed:
            page.publication_date = item.publication_date
        if item.updated_date is not None:
            page.updated_date = item.updated_date
        if changes["authors"]:
            page.authors = [
                ArticleAuthor(author_id=author_id, sort_order=order)
                for order, author_id in enumerate(author_ids)
            ]
        if changes["topics"]:
            page.topics.set([self._tag(name) for name in item.topics])
        if changes["image"]:
            self._set_image(page, item)
        if not page.source_guid and item.guid:
            page.source_guid = item.guid
        publish = stored.live or self.publish
        if publish and not stored.live and page.first_published_at is None:
            page.first_published_at = item.publication_date
            page.go_live_at = item.publication_date
        revision = page.save_revision()
        if publish:
            revision.publish()
        return page, True

    def ensure_redirect(self, item: ParsedItem, page: ArticlePage) -> None:
        if not item.source_url:
            return
        path = Redirect.normalise_path(item.source_url)
        redirect = self.redirects.get(path)
        if path == "/" or (redirect is not None and redirect.redirect_page_id == page.pk):
            return
        own_url = page.get_url()
        if own_url and Redirect.normalise_path(own_url) == path:
            return  # the story already lives at its old address
        if redirect is None:
            redirect = Redirect.objects.create(
                old_path=path, site=None, is_permanent=True, redirect_page=page
            )
        else:
            Redirect.objects.filter(pk=redirect.pk).update(
                redirect_page=page, redirect_link="", redirect_page_route_path=""
            )
            # A new object: the cached one must stay as it was if this item rolls back.
            redirect = Redirect(
                pk=redirect.pk, old_path=path, site_id=redirect.site_id, redirect_page=page
            )
        self._remember(self.redirects, path, redirect)

    def _slug(self, title: str) -> str:
        base = slugify(title, allow_unicode=True)[:SLUG_LENGTH].strip("-_") or "article"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self._remember(self.slugs, slug, None)
        return slug

    def _tag(self, name: str) -> TopicTag:
        tag = self.tags.get(name.lower())
        if tag is None:
            tag = TopicTag.objects.filter(name__iexact=name).first()
            if tag is None:
                tag = TopicTag.objects.create(name=name)
            self._remember(self.tags, name.lower(), tag)
        return tag

    def _author(self, name: str) -> Author:
        slug = slugify(name)[:200] or slugify(name, allow_unicode=True)[:200] or "author"
        author = self.authors.get(slug)
        if author is None:
            author, _ = Author.objects.get_or_create(slug=slug, defaults={"name": name})
            self._remember(self.authors, slug, author)
        return author

    def _set_image(self, page: ArticlePage, item: ParsedItem) -> None:
        if not item.images:
            return
        local = item.images[0]
        if self.dry_run:
            item.notes.append(f"would use local image {local.path.name}")
            return
        image_model = get_image_model()
        with local.path.open("rb") as handle:
            # Checked again on the bytes about to be stored: the file may have changed since
            # the feed was parsed, and nothing over the limits may reach the media store.
            problem = _image_problem(handle)
            if problem:
                item.notes.append(f"image {local.path.name!r}: {problem}")
                return
            handle.seek(0)
            file_hash = hash_filelike(handle)
            image_id = self.images.get(file_hash)
            if image_id is None:
                image_id = (
                    image_model.objects.filter(file_hash=file_hash)
                    .values_list("id", flat=True)
                    .first()
                )
            if image_id is None:
                handle.seek(0)
                image = image_model(
                    title=item.title,
                    description=local.alt,
                    file_hash=file_hash,
                    file_size=os.fstat(handle.fileno()).st_size,
                )
                image.file = ImageFile(handle, name=local.path.name)
                image.save()
                self._new_files.append(image.file)
                image_id = image.pk
            self._remember(self.images, file_hash, image_id)
        page.main_image_id = image_id
        page.main_image_alt = local.alt
        page.main_image_credit = local.credit

    # -- READ MORE links to stories imported in later runs

    def relink(self) -> None:
        for page_id, (position, keys) in list(self.unresolved.items()):
            if keys & self.link_index.keys():
                self._relink_page(page_id, position=position)
        if not self.created_keys:
            return
        for page_id in self._pages_linking_to(self.created_keys):
            if page_id not in self.touched:
                title = self._relink_page(page_id, position=None)
                if title:
                    self.touched.add(page_id)
                    self.report.relinked.append(title)

    def _pages_linking_to(self, keys: set[str]) -> list[int]:
        """Imported pages with a READ MORE block (live or in the latest revision) whose external
        link is one of these addresses: one pass over the imported pages that have any."""
        found: list[int] = []
        candidates = (
            ArticlePage.objects.filter(locale_id=self.locale_id)
            .exclude(source_guid="", source_url="")
            .annotate(
                body_text=Cast("body", TextField()),
                revision_text=Cast("latest_revision__content", TextField()),
            )
            .filter(Q(body_text__contains="read_more") | Q(revision_text__contains="read_more"))
            .values_list("id", "body_text", "revision_text")
        )
        for page_id, body_text, revision_text in candidates.iterator(chunk_size=500):
            if page_id in self.touched:
                continue
            bodies = [body_text]
            if revision_text:
                try:
                    bodies.append(json.loads(revision_text).get("body"))
                except (ValueError, AttributeError):
                    pass
            if any(_external_read_more(body) & keys for body in bodies):
                found.append(page_id)
        return found

    def _relink_page(self, page_id: int, *, position: int | None) -> str | None:
        """Link the page's READ MORE blocks to known pages (new revision, same published state).
        Returns the page's title if it changed."""
        try:
            with transaction.atomic():
                stored = ArticlePage.objects.select_related("latest_revision").get(pk=page_id)
                was_published = stored.live and not stored.has_unpublished_changes
                page = stored.get_latest_revision_as_object()
                before = copy.deepcopy(list(page.body.raw_data))
                raw = copy.deepcopy(before)
                link_read_more(raw, self.link_index)
                if raw == before:
                    return None
                page.body = json.dumps(raw)
                revision = page.save_revision()
                if was_published:
                    revision.publish()
                return page.title
        except Exception as exc:
            where = f"#{position}" if position is not None else f"page {page_id}"
            self.report.warnings.append(f"{where}: READ MORE links not updated: {_error_text(exc)}")
            return None


def _external_read_more(body: Any) -> set[str]:
    """Keys of the external links of a stored body's READ MORE blocks (JSON text or list)."""
    try:
        blocks = json.loads(body) if isinstance(body, str) else body
    except ValueError:
        return set()
    keys = set()
    for block in blocks if isinstance(blocks, list) else []:
        value = block.get("value") if isinstance(block, dict) else None
        if block.get("type") == "read_more" and isinstance(value, dict):
            if value.get("url") and not value.get("page"):
                keys.add(url_key(value["url"]))
    return keys


def dependency_order(items: list[ParsedItem]) -> list[ParsedItem]:
    """The items with READ MORE targets in the same file before the stories linking to them
    (file order otherwise), so most links can be made when a story is first saved. Items in a
    cycle keep a forward link, which finish() resolves."""
    by_key = {key: item for item in items for key in _keys(item)}

    def targets(item: ParsedItem):
        for block in item.blocks:
            if block["type"] == "read_more":
                target = by_key.get(url_key(block["value"]["url"]))
                if target is not None and target is not item:
                    yield target

    order: list[ParsedItem] = []
    done: set[int] = set()
    visiting: set[int] = set()
    for root in items:
        if root.position in done:
            continue
        visiting.add(root.position)
        stack = [(root, targets(root))]
        while stack:
            node, pending = stack[-1]
            nxt = next(
                (t for t in pending if t.position not in done and t.position not in visiting), None
            )
            if nxt is None:
                stack.pop()
                visiting.discard(node.position)
                done.add(node.position)
                order.append(node)
            else:
                visiting.add(nxt.position)
                stack.append((nxt, targets(nxt)))
    return order


def _keys(item: ParsedItem) -> set[str]:
    """The addresses under which READ MORE links find this item's page."""
    return {url_key(item.guid), url_key(item.source_url)} - {""}


def import_feed(
    path: str | Path,
    *,
    section: SectionPage,
    dry_run: bool = False,
    publish: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import every item of the feed at path into section; see the module docstring."""
    started = time.monotonic()
    path = Path(path)
    feed = read_feed(path)
    feed_dir = path.resolve().parent
    entries = list(feed.entries)
    total = len(entries)

    # Parse everything first: malformed items and duplicates are known before any write.
    parsed: list[ParsedItem] = []
    failures: list[tuple[int, str]] = []
    duplicates: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        try:
            item = parse_item(entry, position, feed_dir=feed_dir)
        except Exception as exc:  # one bad item must not stop the import
            failures.append((position, _error_text(exc)))
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

    done = len(failures) + len(duplicates)

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    if progress:
        progress(done, total)
    with transaction.atomic() if dry_run else contextlib.nullcontext():
        importer = _Importer(section=section, publish=publish, dry_run=dry_run)
        # Publishing a story purges it and every page listing it: for a thousand stories the
        # same home, section, topic and feed pages a thousand times over. Once, at the end.
        with (
            purge.deferred(),
            batched_indexing(importer.touched, enabled=not dry_run),
        ):
            importer.run(parsed, progress=step)
        if dry_run:
            transaction.set_rollback(True)

    report = importer.report
    report.source = str(path)
    report.total = total
    if feed.get("bozo") and feed.get("bozo_exception"):
        report.warnings.append(f"feed is not well formed: {_one_line(str(feed.bozo_exception))}")
    report.failed += len(failures)
    report.failures += failures
    report.skipped += len(duplicates)
    report.duplicates += duplicates
    report.failures.sort()
    report.notes.sort()
    report.seconds = time.monotonic() - started
    return report
