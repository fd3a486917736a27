"""Body HTML to blocks: sanitizing, absolute links, quotes, READ MORE, awkward shapes."""

import json

import pytest

from articles.importing import html_to_blocks, import_feed
from tests.articles.importing.helpers import HARBOUR, RSS, latest

pytestmark = pytest.mark.django_db


def test_body_is_sanitized_and_links_made_absolute(section):
    import_feed(RSS, section=section)
    harbour = latest(HARBOUR)
    raw = json.dumps(list(harbour.body.raw_data))
    for unwanted in ("<script", "onclick", "javascript:", "tracking pixel", "<span", "style="):
        assert unwanted not in raw
    first, second, fourth = (harbour.body[i].value.source for i in (0, 1, 3))
    assert '<a href="https://forum.example.net/statements/114">joint statement</a>' in first
    # Relative links are resolved against the item's own address.
    assert '<a href="https://courier.example.org/tags/harbour-road/">' in first
    assert '<a href="https://courier.example.org/2024/03/14/observers/">monitors</a>' in fourth
    # Bold and italic in the editor's own form; the dangerous link keeps only its text.
    assert "<b>relief agencies</b>" in second and "<i>eastern districts</i>" in second
    assert "Details are in this note." in second
    assert first.startswith("<p>Negotiators") and first.endswith("talks.</p>")


def test_blockquotes_become_attributed_quotes(section):
    import_feed(RSS, section=section)
    quotes = [b.value for b in latest(HARBOUR).body if b.block_type == "quote"]
    assert [(q["text"], q["speaker"], q["role"]) for q in quotes] == [
        ("The road is a lifeline, not a bargaining chip.", "Noor Halvorsen", "Special Envoy"),
        ("We will be watching every lorry that crosses.", "Tarik Odum", ""),
        # No <cite> and no "— Name" line: the story's author.
        ("Nobody wanted to leave the room without a deal.", "Ilse Marwick", ""),
    ]


def test_html_to_blocks_awkward_shapes():
    base = "https://courier.example.org/2024/01/01/story/"
    # Plain text with blank lines, and <br><br> separated text.
    assert [b["value"] for b in html_to_blocks("First.\n\nSecond.", base_url=base)] == [
        "<p>First.</p>",
        "<p>Second.</p>",
    ]
    assert [b["value"] for b in html_to_blocks("A<br>b<br><br>C", base_url=base)] == [
        "<p>A<br>b</p>",
        "<p>C</p>",
    ]
    # READ MORE variants: any case, with or without a colon.
    blocks = html_to_blocks(
        '<p>Read more <a href="/x">X</a></p><p>READ MORE:<a href="https://a.example/y">Y</a></p>'
        '<p>Read more about <a href="https://a.example/z">the talks</a> here.</p>',
        base_url=base,
    )
    assert [b["type"] for b in blocks] == ["read_more", "read_more", "paragraph"]
    assert blocks[0]["value"]["url"] == "https://courier.example.org/x"
    # Lists are kept; unknown tags stripped; empty paragraphs dropped.
    assert html_to_blocks(
        "<ul><li>a <u>b</u></li></ul><p> </p><div><p>c</p></div>", base_url=None
    ) == [
        {"type": "paragraph", "value": "<ul><li>a b</li></ul>"},
        {"type": "paragraph", "value": "<p>c</p>"},
    ]
