"""A reader's comment comes back as allowlisted HTML that keeps what they typed and runs nothing."""

import html
import re
from html.parser import HTMLParser

import pytest

from comments.sanitizer import sanitize_comment
from tests.comments.xss_vectors import XSS_VECTORS

ALLOWED_TAGS = {
    *("p", "br", "a", "b", "strong", "i", "em"),
    *("blockquote", "code", "pre", "ul", "ol", "li"),
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "rel", "dir"}}
SAFE_SCHEMES = ("http:", "https:", "mailto:")
LINK_REL = "nofollow ugc noopener"
# C0 controls, space and DEL: browsers drop or ignore these when reading a URL's scheme.
URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
QUOTED_VALUE = re.compile(r"\"[^\"]*\"|'[^']*'")
EVENT_HANDLER = re.compile(r"\son\w+\s*=", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")
# Any "<name" or "</name" in the raw output, even one the tag parser would not complete.
RAW_TAG_NAME = re.compile(r"</?([a-z][^\s/>]*)", re.IGNORECASE)


class TagCollector(HTMLParser):
    """Every start tag a browser would build from the output, with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]], str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs, self.get_starttag_text() or ""))


def parse(markup: str) -> list[tuple[str, list[tuple[str, str | None]], str]]:
    collector = TagCollector()
    collector.feed(markup)
    collector.close()
    return collector.tags


def normalised_url(value: str | None) -> str:
    # HTMLParser has already decoded character references once, as a browser does.
    return URL_NOISE.sub("", html.unescape(value or "")).lower()


BREAKING_TAG = re.compile(r"<(?:br|/?(?:p|ul|ol|li|blockquote|pre))\b[^>]*>", re.IGNORECASE)


def visible_text(markup: str) -> str:
    """Text as a reader sees it; line breaks and block boundaries become newlines."""
    return html.unescape(TAG.sub("", BREAKING_TAG.sub("\n", markup))).strip("\n")


def links(markup: str) -> list[dict[str, str | None]]:
    return [dict(attrs) for tag, attrs, _ in parse(markup) if tag == "a"]


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_xss_vector_is_neutralised(vector):
    output = sanitize_comment(vector)

    for tag, attrs, source in parse(output):
        assert tag in ALLOWED_TAGS, f"disallowed <{tag}> in {output!r}"
        allowed = ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            assert name in allowed, f"<{tag} {name}=...> in {output!r}"
            if name == "href":
                url = normalised_url(value)
                assert url.startswith(SAFE_SCHEMES), f"unsafe href {value!r} in {output!r}"
                assert "javascript:" not in url, output
            if name == "rel":
                assert value == LINK_REL, output
            if name == "dir":
                assert value == "ltr", output
        assert not EVENT_HANDLER.search(QUOTED_VALUE.sub('""', source)), output

    assert "<script" not in output.lower(), output
    assert "<!" not in output, f"comment or CDATA markup left in {output!r}"
    for name in RAW_TAG_NAME.findall(output):
        assert name.lower() in ALLOWED_TAGS, f"raw <{name} in {output!r}"
    assert sanitize_comment(output) == output, "sanitizing twice changed the output"


def test_there_are_enough_distinct_vectors():
    assert len(XSS_VECTORS) >= 30
    assert len(set(XSS_VECTORS)) == len(XSS_VECTORS)


@pytest.mark.parametrize("text", ["x<y and 3 < 4", "I <3 this", "email me <bob@example.com>"])
def test_plain_text_with_angle_brackets_displays_as_typed(text):
    output = sanitize_comment(text)

    assert visible_text(output) == text
    assert sanitize_comment(output) == output


def test_allowed_formatting_survives():
    typed = "<b>bold</b> <i>it</i> <ul><li>one</li></ul> <blockquote>q</blockquote> <code>c</code>"
    output = sanitize_comment(typed)

    for fragment in [
        "<b>bold</b>",
        "<i>it</i>",
        "<ul><li>one</li></ul>",
        "<blockquote>q</blockquote>",
        "<code>c</code>",
    ]:
        assert fragment in output


def test_typed_link_keeps_href_and_title_only_and_gets_forced_rel():
    output = sanitize_comment(
        '<a href="https://example.org/x" title="T" target="_blank" style="color:red" '
        'onclick="x()">t</a>'
    )

    assert links(output) == [{"href": "https://example.org/x", "title": "T", "rel": LINK_REL}]
    assert visible_text(output) == "t"
    for dropped in ("target", "style", "onclick", "_blank", "color:red"):
        assert dropped not in output


def test_typed_rel_is_replaced_not_merged():
    output = sanitize_comment('<a href="https://example.org/" rel="opener noreferrer">t</a>')

    assert links(output) == [{"href": "https://example.org/", "rel": LINK_REL}]


def test_bare_url_is_linkified_with_the_same_rel():
    text = "see https://example.org/report?id=3&x=1 now"
    output = sanitize_comment(text)

    assert links(output) == [
        {"href": "https://example.org/report?id=3&x=1", "dir": "ltr", "rel": LINK_REL}
    ]
    assert visible_text(output) == text


def test_mailto_links_are_allowed():
    output = sanitize_comment('<a href="mailto:desk@example.org">write to us</a>')

    assert links(output) == [{"href": "mailto:desk@example.org", "rel": LINK_REL}]


@pytest.mark.parametrize(
    "href", ["ftp://files.example.org/a.zip", "javascript:alert(1)", "data:text/html,hi"]
)
def test_links_with_other_schemes_lose_their_href(href):
    output = sanitize_comment(f'<a href="{href}">file</a>')

    assert all("href" not in link for link in links(output)), output
    assert visible_text(output) == "file"


def test_blank_lines_split_paragraphs_and_newlines_become_breaks():
    assert sanitize_comment("one\ntwo\n\nthree") == "<p>one<br>two</p><p>three</p>"


def test_windows_line_endings_behave_like_unix_ones():
    assert sanitize_comment("one\r\ntwo\r\n\r\nthree") == "<p>one<br>two</p><p>three</p>"


def test_line_breaks_next_to_a_list_do_not_glue_words_together():
    output = sanitize_comment("first line\nsecond line\n<ul><li>item</li></ul>\nlast words")

    text = visible_text(output)
    assert "linesecond" not in text, output
    assert "itemlast" not in text, output


def test_preformatted_text_keeps_its_line_breaks():
    output = sanitize_comment("<pre>line one\nline two</pre>")

    assert "line oneline two" not in visible_text(output), output


ORDINARY_INPUTS = [
    "",
    "Just a sentence.",
    "one\ntwo\n\nthree",
    "Tom & Jerry said \"hi\" and 'bye'",
    "x<y and 3 < 4",
    "I <3 this",
    "email me <bob@example.com>",
    "Already escaped: &lt;b&gt; and &amp;amp;",
    "see https://example.org/report?id=3&x=1 now",
    "www.example.org and example.com/path",
    '<a href="https://example.org/x" title="T">t</a>',
    "<b>bold</b> <i>it</i> <ul><li>one</li></ul> <blockquote>q</blockquote> <code>c</code>",
    "<ol><li>a</li><li>b</li></ol>",
    "<p>typed paragraph</p><p>another</p>",
    "<pre><code>if a < b:\n    pass</code></pre>",
    "Ünïcödé — “quotes” … 😀",
]


@pytest.mark.parametrize("text", ORDINARY_INPUTS)
def test_sanitizing_twice_changes_nothing(text):
    once = sanitize_comment(text)

    assert sanitize_comment(once) == once


# Bidi controls reorder what follows them; invisible format characters split a URL so that the
# autolinker links only its tail. Text holding either is never made a link.
SPLIT_HOSTS = [
    "see https://exa\u202emple.com/login now",
    "see https://exa\u2066mple.com/login now",
    "see https://exa\u200fmple.com/login now",
    "see https://exa\u200bmple.com/login now",
    "see https://exa\u200cmple.com/login now",
    "see https://exa&#x202e;mple.com/login now",
    "see https://exa&#8238;mple.com/login now",
    "see https://exa&rlm;mple.com/login now",
    "\u202e see https://example.com/login",
]


@pytest.mark.parametrize("text", SPLIT_HOSTS)
def test_text_with_bidi_or_invisible_controls_is_never_linked(text):
    output = sanitize_comment(text)

    assert links(output) == [], output
    assert "mple.com/login" in visible_text(output)
    assert sanitize_comment(output) == output


@pytest.mark.parametrize(
    "typed",
    [
        '<a href="https://exa\u202emple.com/">example.com</a>',
        '<a href="https://exa&#x202e;mple.com/">example.com</a>',
        '<a href="https://example.com/">exa\u202emple.com</a>',
        '<a href="https://example.com/">exa&#x2067;mple.com</a>',
    ],
)
def test_typed_link_with_bidi_controls_keeps_its_text_but_not_the_link(typed):
    output = sanitize_comment(typed)

    assert links(output) == [], output
    assert "mple.com" in visible_text(output)


def test_internationalised_hosts_are_linked_and_shown_as_punycode():
    # Cyrillic "а" in "аpple.com" looks like the Latin one; punycode shows the difference.
    output = sanitize_comment("see https://\u0430pple.com/id and https://bücher.de/x")

    assert links(output) == [
        {"href": "https://xn--pple-43d.com/id", "dir": "ltr", "rel": LINK_REL},
        {"href": "https://xn--bcher-kva.de/x", "dir": "ltr", "rel": LINK_REL},
    ]
    assert visible_text(output) == "see https://xn--pple-43d.com/id and https://xn--bcher-kva.de/x"
    typed = sanitize_comment('<a href="https://bücher.de/">Bücher</a>')
    assert links(typed) == [{"href": "https://xn--bcher-kva.de/", "rel": LINK_REL}]
    assert visible_text(typed) == "Bücher"
    assert sanitize_comment(output) == output


def test_a_linked_address_reads_left_to_right_inside_arabic_text():
    text = "انظر https://example.org/a/b هنا"
    output = sanitize_comment(text)
    assert links(output) == [{"href": "https://example.org/a/b", "dir": "ltr", "rel": LINK_REL}]
    assert sanitize_comment(output) == output
    # Typed link text in Arabic keeps its own direction: dir is only for linked addresses.
    typed = sanitize_comment('<a href="https://example.org" dir="rtl">كلمتان عربيتان</a>')
    assert links(typed) == [{"href": "https://example.org", "rel": LINK_REL}]


def test_a_punycode_top_level_domain_is_linked_whole():
    output = sanitize_comment("see https://xn--mgbh0fb.xn--kgbechtv/ now")
    assert links(output)[0]["href"] == "https://xn--mgbh0fb.xn--kgbechtv/"
