"""Uncached reader pages: cached lists stay fresh, query counts stay flat."""

import json
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage

pytestmark = pytest.mark.django_db


def body(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def tagged(make_article):
    a = make_article(title="Talks open", publication_date=datetime(2016, 9, 20, tzinfo=UTC))
    b = make_article(title="Envoy presses on", publication_date=datetime(2016, 9, 21, tzinfo=UTC))
    for page in (a, b):
        page.topics.add("ceasefire")
        page.save_revision().publish()
    return a, b


def related_box(html: str) -> str:
    return html.split('id="related-heading"')[1] if 'id="related-heading"' in html else ""


def story_nav(html: str) -> str:
    return html.split('class="story-nav"')[1].split("</nav>")[0] if "story-nav" in html else ""


def test_newly_published_story_appears_at_once_everywhere(client, home, section, tagged):
    a, b = tagged
    # Fill every cache: navigation, related box, neighbours, front page.
    first = client.get(a.url).content.decode()
    assert b.title in related_box(first) and f'rel="next" href="{b.url}"' in story_nav(first)
    client.get("/")

    new = ArticlePage(
        title="Ceasefire signed at dawn",
        slug="ceasefire-signed",
        lead="The deal was signed.",
        publication_date=datetime(2016, 9, 20, 12, tzinfo=UTC),
        live=False,
    )
    section.add_child(instance=new)
    new.topics.add("ceasefire")
    new.save_revision().publish()

    html = client.get(a.url).content.decode()
    assert new.title in related_box(html)
    assert f'rel="next" href="{new.url}"' in story_nav(html)  # now between a and b
    assert new.title in client.get("/").content.decode()

    new.refresh_from_db()
    new.unpublish()
    html = client.get(a.url).content.decode()
    assert new.title not in related_box(html) and f'rel="next" href="{b.url}"' in story_nav(html)
    assert new.title not in client.get("/").content.decode()


def test_new_section_appears_in_navigation_at_once(client, home, section, article):
    from tests.factories import SectionPageFactory

    assert "Opinion" not in client.get(article.url).content.decode()
    opinion = SectionPageFactory(parent=home, title="Opinion", slug="opinion")
    html = client.get(article.url).content.decode()
    assert f'<a href="{opinion.url}">Opinion</a>' in html
    opinion.unpublish()
    assert f'<a href="{opinion.url}">Opinion</a>' not in client.get(article.url).content.decode()


def test_related_cards_do_not_query_per_read_more_or_quote(client, settings, make_article, tagged):
    settings.READER_FRAGMENT_SECONDS = 0  # every render whole: the query shape is under test
    a, b = tagged
    client.get(a.url)  # the first render also stores image data, which refreshes the caches
    client.get(a.url)
    plain = count_queries(client, a.url)
    b.body = body(
        ("read_more", {"page": a.pk, "url": "", "title": ""}),
        ("quote", {"text": "Words.", "speaker": "An envoy"}),
        ("paragraph", "<p>Text.</p>"),
    )
    b.save_revision().publish()
    for _ in range(3):
        extra = make_article(body=b.body)
        extra.topics.add("ceasefire")
        extra.save_revision().publish()
    client.get(a.url)  # refill the caches after the publishes
    assert count_queries(client, a.url) == plain


def test_body_text_reads_the_stored_json_without_queries(make_article, django_assert_num_queries):
    target = make_article(title="Target")
    page = make_article(
        body=body(
            ("heading", {"text": "Heading"}),
            ("paragraph", "<p>Some <b>bold</b> text.</p>"),
            ("read_more", {"page": target.pk, "url": "", "title": ""}),
            ("quote", {"text": "Quoted words.", "speaker": "An envoy"}),
        )
    )
    page = ArticlePage.objects.get(pk=page.pk)
    with django_assert_num_queries(0):
        assert page.body_text == "Heading Some bold text. Quoted words."


def test_article_query_count_is_flat_and_cached_lists_cost_nothing(
    client, settings, make_article, tagged
):
    settings.READER_FRAGMENT_SECONDS = 0  # every render whole: the query shape is under test
    a, _ = tagged
    client.get(a.url)  # the first render also stores image data, which refreshes the caches
    client.get(a.url)
    few = count_queries(client, a.url)
    for n in range(6):
        extra = make_article(title=f"More talks {n}")
        extra.topics.add("ceasefire")
        extra.save_revision().publish()
    client.get(a.url)
    assert count_queries(client, a.url) == few
    # Routing, view restrictions, the page's image, byline, topics, section, cards (+2
    # prefetches), corrections, translations, comments and their settings.
    assert few <= 19
