"""Body HTML to StreamField blocks (paragraphs, headings, quotes, READ MORE), and comparing them.

same_body tells whether a stored body already holds the blocks, so a re-run changes nothing.
"""

from __future__ import annotations

import copy
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

import bleach
from bs4 import BeautifulSoup, CData, Comment, NavigableString, Tag
from wagtail.blocks import StructBlock

from ..models import ArticlePage
from .text import (
    CONTAINERS,
    HEADINGS,
    LISTS,
    WHITESPACE,
    block_level,
    block_level_or_br,
    cleaned_text,
    dropped,
    is_web_url,
    one_line,
    truncate,
)

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
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_BODY_FIELD = ArticlePage._meta.get_field("body")


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
    for element in soup.find_all(dropped):
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
    split_blank_lines = soup.find(block_level_or_br) is None
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
                if child.find(block_level):
                    self.walk(child)
                    self.flush()
                else:
                    self.add_paragraph(list(child.children))
            elif name in CONTAINERS or child.find(block_level):
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
        if not cleaned_text(html):
            return
        value = html if is_list else f"<p>{html}</p>"
        self.blocks.append({"type": "paragraph", "value": value})

    def _read_more(self, nodes: list[Any]) -> dict[str, Any] | None:
        text = one_line("".join(n.get_text() if isinstance(n, Tag) else str(n) for n in nodes))
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
        headline = one_line(READ_MORE.sub("", one_line(links[0].get_text()), count=1))
        rest = text[match.end() :]
        strip = QUOTE_MARKS + ".:\u2192\u203a\u00bb"
        if not headline or rest.strip(strip) != headline.strip(strip):
            return None
        if not is_web_url(href):
            return None
        return {
            "type": "read_more",
            "value": {"page": None, "url": href, "title": truncate(headline, 255)},
        }

    def heading(self, element: Tag) -> None:
        text = truncate(one_line(element.get_text()), 200)
        if text:
            self.blocks.append({"type": "heading", "value": {"text": text}})

    def quote(self, element: Tag) -> None:
        source_url = (element.get("cite") or "").strip()
        if source_url and self.base_url:
            source_url = urljoin(self.base_url, source_url)
        if not is_web_url(source_url):
            source_url = ""
        who = ""
        cite = element.find("cite")
        if cite is not None:
            who = one_line(cite.get_text())
            cite.decompose()
        for footer in element.find_all("footer"):
            if not who:
                who = one_line(footer.get_text())
            footer.decompose()
        paragraphs = element.find_all(["p", "li"]) or [element]
        lines: list[str] = []
        for paragraph in paragraphs:
            for br in paragraph.find_all("br"):
                br.replace_with("\n")
            lines += [one_line(line) for line in paragraph.get_text().split("\n")]
        lines = [line for line in lines if line]
        if lines and not who:
            match = ATTRIBUTION.match(lines[-1])
            if match:
                who = match.group("who")
                lines.pop()
        who = one_line(who).lstrip("\u2014\u2013\u2015-~ ").strip()
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
                    "speaker": truncate(speaker or self.fallback_speaker, 200),
                    "role": truncate(role, 200),
                    "organisation": "",
                    "source_url": source_url,
                },
            }
        )


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


def same_body(page: ArticlePage, blocks: list[dict[str, Any]]) -> bool:
    """Whether the page's body already holds these blocks (the cheap comparison first)."""
    stored = [(b["type"], b["value"]) for b in page.body.raw_data]
    return stored == _with_defaults(blocks) or _stored_body(page) == _body_data(blocks)
