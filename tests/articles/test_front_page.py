"""The front page as a news page: a lead, smaller secondary stories, then a rail per section, no
story twice, opinion pieces labelled, recent stories timed, in a constant number of queries."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ArticlePage
from articles.models.home import RAIL_STORIES, SECONDARY_STORIES
from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def linked_stories(html: str) -> list[str]:
    """The story URLs of the page's cards, in order (one headline link per card)."""
    return re.findall(r'class="card__title[^"]*"><a href="([^"]+)"', html)


def block(html: str, start: str, end: str = "</section>") -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


@pytest.fixture
def newsroom(home):
    """Three sections of seven stories each, an hour apart (newest: Opinion 0, just now)."""
    now = timezone.now()
    stories = {}
    for number, (slug, title) in enumerate(
        [("diplomacy", "Diplomacy"), ("middle-east", "Middle East"), ("opinion", "Opinion")]
    ):
        section = SectionPageFactory(parent=home, title=title, slug=slug)
        for n in range(7):
            stories[f"{title} {n}"] = ArticlePage(
                title=f"{title} {n}",
                slug=f"{slug}-{n}",
                lead=f"Lead of {title} {n}.",
                publication_date=now - timedelta(hours=n * 3 + (2 - number)),
                kind=ArticlePage.Kind.OPINION if slug == "opinion" else ArticlePage.Kind.NEWS,
            )
            section.add_child(instance=stories[f"{title} {n}"])
            stories[f"{title} {n}"].save_revision().publish()
    return stories


def test_lead_then_smaller_secondary_stories_then_rails_with_no_story_twice(client, newsroom):
    html = client.get("/").content.decode()
    urls = linked_stories(html)
    assert len(urls) == len(set(urls)), "a story is shown twice"
    lead = block(html, 'aria-label="Lead story"')
    assert linked_stories(lead) == [newsroom["Opinion 0"].url]
    assert 'class="card__title card__title--lead"' in lead
    secondary = block(html, 'aria-labelledby="top-stories-heading"')
    assert linked_stories(secondary) == [
        newsroom[t].url for t in ("Middle East 0", "Diplomacy 0", "Opinion 1", "Middle East 1")
    ]
    assert secondary.count('class="card card--secondary card--compact"') == SECONDARY_STORIES
    for title in ("Diplomacy", "Middle East", "Opinion"):
        section = newsroom[f"{title} 0"].get_parent()
        rail = block(html, f'id="section-{section.pk}"')
        assert len(linked_stories(rail)) == RAIL_STORIES
        assert rail.count("card--rail") == RAIL_STORIES
    # Every story but the oldest few is on the page once: 1 + 4 + 3 x 4 of 21.
    assert len(urls) == 1 + SECONDARY_STORIES + 3 * RAIL_STORIES


def test_an_editors_lead_is_not_repeated_below(client, home, newsroom):
    chosen = newsroom["Diplomacy 3"]
    home.lead_story = chosen
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert linked_stories(block(html, 'aria-label="Lead story"')) == [chosen.url]
    assert linked_stories(html).count(chosen.url) == 1
    assert newsroom["Opinion 0"].url in block(html, 'aria-labelledby="top-stories-heading"')


def test_opinion_pieces_are_labelled_and_news_is_not(client, newsroom):
    html = client.get("/").content.decode()
    for card in re.findall(r'<article class="card.*?</article>', html, re.S):
        url = linked_stories(card)[0]
        is_opinion = "/opinion/" in url
        assert ('<p class="card__kind">Opinion</p>' in card) == is_opinion, url
    story = client.get(newsroom["Opinion 2"].url).content.decode()
    assert '"@type": "OpinionNewsArticle"' in story


def test_stories_of_the_last_day_say_how_long_ago_with_the_full_date_in_datetime(client, newsroom):
    html = client.get("/").content.decode()
    recent = newsroom["Diplomacy 0"]  # two hours ago
    stamp = timezone.localtime(recent.publication_date).isoformat()
    assert re.search(
        rf'<time datetime="{re.escape(stamp)}" title="[^"]+">2\s+hours ago</time>', html
    )
    old = newsroom["Diplomacy 3"]
    old.publication_date = timezone.now() - timedelta(days=3)
    old.save_revision().publish()
    html = client.get(old.get_parent().url).content.decode()
    day = timezone.localtime(old.publication_date)
    assert f">{day.day} {day:%B %Y}</time>" in html


def test_front_page_title_names_the_site_once(client, newsroom):
    title = re.search(r"<title>(.*?)</title>", client.get("/").content.decode(), re.S).group(1)
    assert title.count("Newsroom") == 1, title


def test_front_page_queries_stay_constant_as_sections_and_stories_grow(
    client, home, newsroom, settings
):
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    section = SectionPageFactory(parent=home, title="Sanctions", slug="sanctions")
    for n in range(9):
        story = ArticlePage(title=f"Sanctions {n}", slug=f"s-{n}", lead="Lead.")
        section.add_child(instance=story)
        story.save_revision().publish()
    client.get("/")
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    assert len(many) == len(few), [q["sql"][:80] for q in many]
