"""Topics, authors, archive, related stories, search, feeds, sitemaps and news metadata."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.utils import timezone

from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(make_article):
    author = AuthorFactory(name="Lena Okafor", slug="lena-okafor")
    a = make_article(
        title="Ceasefire talks open in Ostrava Nova",
        publication_date=datetime(2016, 9, 20, 8, tzinfo=UTC),
        byline=[author],
        lead="Delegations arrived for a first ceasefire session.",
    )
    b = make_article(
        title="Envoy presses both sides on ceasefire",
        publication_date=datetime(2016, 9, 21, 8, tzinfo=UTC),
        lead="The envoy urged restraint after shelling.",
    )
    c = make_article(
        title="Grain corridor vote delayed",
        publication_date=datetime(2016, 10, 2, 8, tzinfo=UTC),
        lead="A sanctions package was held back.",
    )
    a.topics.add("ceasefire", "Varenia")
    b.topics.add("ceasefire")
    c.topics.add("sanctions")
    for page in (a, b, c):
        page.save_revision().publish()
    return a, b, c


def test_topic_page_lists_its_stories(client, stories):
    a, b, c = stories
    html = client.get("/topics/ceasefire/").content.decode()
    assert "<h1>ceasefire</h1>" in html
    assert a.title in html and b.title in html and c.title not in html
    assert html.index(b.title) < html.index(a.title)  # newest first
    assert client.get("/topics/nope/").status_code == 404


def test_author_page_and_byline_link(client, stories):
    a, b, _ = stories
    html = client.get("/authors/lena-okafor/").content.decode()
    assert a.title in html and b.title not in html
    assert 'href="/authors/lena-okafor/"' in client.get(a.url).content.decode()


def test_date_archive(client, stories):
    a, b, c = stories
    html = client.get("/archive/2016/09/").content.decode()
    assert "September 2016" in html and a.title in html and c.title not in html
    assert c.title in client.get("/archive/2016/").content.decode()
    assert client.get("/archive/2016/13/").status_code == 404
    assert "No stories were published" in client.get("/archive/2015/01/").content.decode()


@pytest.mark.parametrize("url", ["/topics/ceasefire/", "/authors/lena-okafor/", "/archive/2016/"])
@pytest.mark.parametrize("value", ["abc", "-1", "0", "99999", "%00"])
def test_listing_pages_survive_bad_page_values(client, stories, url, value):
    assert client.get(url, {"page": value}).status_code in (200, 404)


def test_related_stories_and_section_neighbours(client, stories):
    a, b, c = stories
    html = client.get(a.url).content.decode()
    related = html.split('id="related-heading"')[1]
    assert b.title in related and c.title not in related and a.title not in related
    nav = client.get(b.url).content.decode().split('class="story-nav"')[1].split("</nav>")[0]
    assert f'rel="prev" href="{a.url}"' in nav and f'rel="next" href="{c.url}"' in nav


def test_search_highlights_and_filters(client, stories, section, home):
    from tests.factories import SectionPageFactory

    opinion = SectionPageFactory(parent=home, title="Opinion", slug="opinion")
    from tests.factories import ArticlePageFactory

    ArticlePageFactory(
        parent=opinion,
        title="Why the ceasefire matters",
        publication_date=datetime(2016, 9, 25, tzinfo=UTC),
    )
    html = client.get("/search/", {"q": "ceasefire"}).content.decode()
    assert "3 results" in html
    assert "<mark>ceasefire</mark>" in html or "<mark>Ceasefire</mark>" in html
    html = client.get("/search/", {"q": "ceasefire", "section": "opinion"}).content.decode()
    assert "1 result " in html and "Why the" in html
    html = client.get("/search/", {"q": "ceasefire", "from": "2016-09-21", "to": "2016-09-22"})
    assert "1 result " in html.content.decode()


def test_search_without_results_or_query_helps(client, stories):
    html = client.get("/search/", {"q": "zeppelin"}).content.decode()
    assert "No stories match" in html and "Check the spelling" in html
    assert "Type a word or a name" in client.get("/search/").content.decode()


@pytest.mark.parametrize(
    "q",
    ["a", "x" * 2000, "ceasefire" * 300, "\"'<>!@#$%^&*()[]{};:|\\", "AND OR NOT", "-", "€ ü 中"],
)
def test_odd_queries_never_error(client, stories, q):
    assert client.get("/search/", {"q": q, "from": "garbage", "section": "??"}).status_code == 200


def _parse_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_rss_feed(client, stories):
    a, b, c = stories
    a.body = json.dumps([{"type": "paragraph", "value": '<p>See <a href="/x/">this</a>.</p>'}])
    a.save()
    feed = _parse_feed(client, "/feed/")
    assert feed.version == "rss20"
    titles = [e.title for e in feed.entries]
    assert titles == [c.title, b.title, a.title]
    entry = feed.entries[2]
    assert entry.link == f"http://testserver{a.url}"
    assert entry.id == entry.link
    assert entry.published_parsed[:3] == (2016, 9, 20)
    assert entry.summary == a.lead
    assert entry.author == "Lena Okafor"
    assert {t.term for t in entry.tags} == {"ceasefire", "Varenia"}
    assert 'href="http://testserver/x/"' in entry.content[0].value


def test_atom_section_and_topic_feeds(client, stories, section):
    feed = _parse_feed(client, "/feed/atom/")
    assert feed.version == "atom10" and len(feed.entries) == 3
    assert feed.entries[0].updated_parsed
    assert len(_parse_feed(client, f"/feed/section/{section.slug}/").entries) == 3
    assert len(_parse_feed(client, "/feed/topic/ceasefire/atom/").entries) == 2
    assert client.get("/feed/topic/nothing/").status_code == 404


def test_feed_autodiscovery_on_every_page(client, stories, section):
    for url in ("/", section.url, stories[0].url, "/topics/ceasefire/", "/search/"):
        html = client.get(url).content.decode()
        assert 'rel="alternate" type="application/rss+xml"' in html, url
        assert 'rel="alternate" type="application/atom+xml"' in html, url


NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}


def test_sitemap_lists_articles_sections_topics_with_lastmod(client, stories, section):
    section.save_revision().publish()
    root = ET.fromstring(client.get("/sitemap.xml").content)
    # Page URLs use the Wagtail Site's hostname (Settings › Sites), the canonical host.
    urls = {
        re.sub(r"^https?://[^/]+", "", u.find("s:loc", NS).text): u.find("s:lastmod", NS)
        for u in root.findall("s:url", NS)
    }
    for page in (*stories, section):
        assert urls[page.url] is not None, page.url
    assert urls["/topics/ceasefire/"] is not None


def test_news_sitemap_has_only_the_last_48_hours(client, make_article):
    fresh = make_article(title="Fresh", publication_date=timezone.now() - timedelta(hours=3))
    make_article(title="Stale", publication_date=timezone.now() - timedelta(hours=50))
    root = ET.fromstring(client.get("/sitemap-news.xml").content)
    entries = root.findall("s:url", NS)
    assert [e.find("n:news/n:title", NS).text for e in entries] == ["Fresh"]
    assert entries[0].find("s:loc", NS).text == f"http://testserver{fresh.url}"


def test_robots_points_at_both_sitemaps(client, home):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/sitemap-news.xml" in text


def _json_ld(html):
    return [
        json.loads(m)
        for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_article_news_metadata(client, stories):
    a = stories[0]
    a.updated_date = datetime(2016, 9, 22, tzinfo=UTC)
    a.save()
    html = client.get(a.url).content.decode()
    assert f'<link rel="canonical" href="http://testserver{a.url}">' in html
    assert f'<meta name="description" content="{a.lead}">' in html
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert og_image.startswith("http://testserver/media/images/")
    assert client.get(og_image.replace("http://testserver", "")).status_code == 200
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    (data,) = _json_ld(html)
    assert data["@type"] == "NewsArticle"
    for key in (
        "headline",
        "description",
        "datePublished",
        "dateModified",
        "image",
        "author",
        "publisher",
        "mainEntityOfPage",
        "articleSection",
        "keywords",
    ):
        assert data.get(key), key
    assert data["dateModified"].startswith("2016-09-22")
    assert data["publisher"]["logo"]["url"].startswith("http://testserver/static/")
    assert data["author"][0]["name"] == "Lena Okafor"


def test_json_ld_cannot_break_out_of_its_script(client, make_article):
    page = make_article(title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    assert _json_ld(html)[0]["headline"] == "</script><script>alert(1)</script>"


def test_section_and_front_page_carry_collection_data(client, stories, section):
    types = {d["@type"] for d in _json_ld(client.get("/").content.decode())}
    assert types == {"WebSite", "CollectionPage"}
    assert [d["@type"] for d in _json_ld(client.get(section.url).content.decode())] == [
        "CollectionPage"
    ]


def test_redirects_app_maps_legacy_urls(client, stories):
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.create(old_path="/news/2016/09/old-story.html", redirect_page=stories[0])
    response = client.get("/news/2016/09/old-story.html")
    assert response.status_code == 301 and response["Location"].endswith(stories[0].url)


def test_pages_are_well_formed_html5(client, stories, section):
    import html5lib

    from comments.models import Comment

    Comment.objects.create(
        article=stories[0], author_name="R", body="x", body_html="<p>x</p>", status="approved"
    )
    parser = html5lib.HTMLParser(strict=True)
    for url in (
        "/",
        section.url,
        stories[0].url,
        "/topics/ceasefire/",
        "/search/?q=ceasefire",
        "/archive/2016/09/",
        "/no-such-page/",
    ):
        parser.parse(client.get(url).content.decode())  # raises on any parse error
