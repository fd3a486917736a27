"""Shared by the importer tests: the fixture feeds, feed builders and page look-ups."""

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.core.management import call_command
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from articles.models import ArticlePage, Author

FEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "feeds"
RSS = FEEDS / "legacy-rss.xml"
ATOM = FEEDS / "legacy-atom.xml"
HARBOUR = "courier-2024-0314-harbour"
CHECKPOINTS = "courier-2024-0312-checkpoints"


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_articles", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def page(guid: str) -> ArticlePage:
    return ArticlePage.objects.get(source_guid=guid)


def latest(guid: str) -> ArticlePage:
    return page(guid).get_latest_revision_as_object()


def kinds(article: ArticlePage) -> list[str]:
    return [block.block_type for block in article.body]


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.count(),
        "revisions": Revision.objects.count(),
        "redirects": Redirect.objects.count(),
        "authors": Author.objects.count(),
        "tags": Tag.objects.count(),
        "images": get_image_model().objects.count(),
    }


def rss(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel>'
        "<title>Test feed</title><link>https://courier.example.org/</link>"
        f"<description>Fixtures</description>{items}</channel></rss>"
    )


def write_big_feed(path: Path, count: int = 1000) -> Path:
    """A feed shaped like the legacy export: full bodies, quotes, links and READ MORE lines."""
    places = ["Port Amsel", "Lindholm", "Castellan", "Varenna", "the Marren Strait"]
    topics = ["Ceasefires", "Sanctions", "Mediation", "Humanitarian access", "Elections"]
    authors = ["Ilse Marwick", "Tarik Odum", "Noor Halvorsen", "Pau Ferrandiz", "Vera Lunde"]
    start = datetime(2019, 1, 1, 8, 0, tzinfo=UTC)
    items = []
    for n in range(count):
        place = places[n % len(places)]
        target = (n + 7) % count  # some READ MORE targets come later in the file
        body = (
            f"<p>Envoys met in {place} on day {n} of the talks, according to "
            f'<a href="https://forum.example.net/statements/{n}">a statement</a>.</p>'
            f"<p>Delegates discussed prisoner exchanges and the reopening of roads near {place}."
            " Observers said the mood was <em>cautious</em> but <strong>businesslike</strong>.</p>"
            "<h2>What comes next</h2>"
            f"<p>A further round is expected within {n % 9 + 2} weeks.</p>"
            "<blockquote><p>We are closer than we were.</p>"
            f"<cite>Envoy {n % 13}</cite></blockquote>"
            f'<p>READ MORE: <a href="https://courier.example.org/{2019 + target // 365}/'
            f'story-{target}/">Envoys meet for round {target}</a></p>'
        )
        date = start + timedelta(hours=6 * n)
        items.append(
            "<item>"
            f"<title>Envoys meet for round {n} in {place}</title>"
            f"<link>https://courier.example.org/{2019 + n // 365}/story-{n}/</link>"
            f'<guid isPermaLink="false">big-{n}</guid>'
            f"<pubDate>{date.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
            f"<author>desk@courier.example.org ({authors[n % len(authors)]})</author>"
            f"<category>{topics[n % len(topics)]}</category>"
            f"<category>{topics[(n + 2) % len(topics)]}</category>"
            f"<description>Round {n} of the talks in {place}.</description>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded>"
            "</item>"
        )
    path.write_text(rss("".join(items)), encoding="utf-8")
    return path
