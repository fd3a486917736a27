"""What a reader sees on an article page, a section page and the front page."""

import json
import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def body(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


@pytest.fixture
def story(make_article):
    target = make_article(title="Sanctions vote delayed by a week", slug="sanctions-vote")
    page = make_article(
        title="Ceasefire still on the table after envoys meet",
        slug="ceasefire-on-table",
        lead="Envoys agreed to keep talking despite a weekend of shelling.",
        publication_date=datetime(2016, 9, 21, 9, 30, tzinfo=UTC),
    )
    page.body = body(
        (
            "paragraph",
            '<p>The envoy said in a <a href="https://press.example.org/s/1">statement</a>,'
            " referring to the talks.</p>",
        ),
        (
            "quote",
            {
                "text": "The ceasefire is bruised, not broken.",
                "speaker": "Mara Lindqvist",
                "role": "Special Envoy",
                "organisation": "Coastal States Forum",
                "source_url": "https://press.example.org/transcript",
            },
        ),
        ("read_more", {"page": target.pk, "url": "", "title": ""}),
        (
            "read_more",
            {"page": None, "url": "https://archive.example.org/x", "title": "An older report"},
        ),
    )
    page.save()
    return page, target


def test_article_shows_headline_lead_date_and_image(client, story):
    page, _ = story
    html = client.get(page.url).content.decode()
    assert (
        '<h1 class="article__headline">Ceasefire still on the table after envoys meet</h1>' in html
    )
    assert "Envoys agreed to keep talking despite a weekend of shelling." in html
    assert (
        '<time class="published" datetime="2016-09-21T09:30:00+00:00">21 September 2016</time>'
        in html
    )
    img = re.search(r"<figure class=\"article__main-image\">\s*<img[^>]*>", html).group(0)
    assert 'alt="Delegates seated around a long table"' in img
    assert "srcset=" in img


def test_updated_date_shown_only_when_set(client, story):
    page, _ = story
    assert "Updated" not in client.get(page.url).content.decode()
    page.updated_date = datetime(2016, 9, 22, 14, 5, tzinfo=UTC)
    page.save()
    html = client.get(page.url).content.decode()
    assert '<time datetime="2016-09-22T14:05:00+00:00">22 September 2016, 14:05</time>' in html


def test_inline_source_links_and_attributed_quotes(client, story):
    page, _ = story
    html = client.get(page.url).content.decode()
    assert 'said in a <a href="https://press.example.org/s/1">statement</a>, referring' in html
    assert (
        '<blockquote cite="https://press.example.org/transcript">'
        "<p>The ceasefire is bruised, not broken.</p></blockquote>"
    ) in html
    assert '<cite class="quote__speaker">Mara Lindqvist</cite>' in html
    assert "Special Envoy, Coastal States Forum" in html


def test_read_more_shows_the_targets_current_headline(client, story):
    page, target = story
    target.title = "Sanctions vote delayed again"
    target.save()
    html = client.get(page.url).content.decode()
    assert f'READ MORE:</span> <a href="{target.url}">Sanctions vote delayed again</a>' in html
    assert '<a href="https://archive.example.org/x" rel="noopener">An older report</a>' in html


def test_read_more_to_unpublished_target_renders_nothing(client, story):
    page, target = story
    target.unpublish()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sanctions vote" not in html
    assert html.count("READ MORE:") == 1  # only the external one


def test_read_more_to_deleted_target_renders_nothing(client, story):
    page, target = story
    target.delete()
    response = client.get(page.url)
    assert response.status_code == 200
    assert response.content.decode().count("READ MORE:") == 1


def test_section_lists_newest_first_and_paginates(client, section, make_article):
    for day in range(1, 16):
        make_article(
            title=f"Story of day {day}",
            publication_date=datetime(2026, 9, day, tzinfo=UTC),
        )
    html = client.get(section.url).content.decode()
    titles = re.findall(r"Story of day (\d+)", html)
    assert titles[:3] == ["15", "14", "13"]
    assert "Page 1 of 2" in html
    second = client.get(section.url, {"page": 2}).content.decode()
    assert "Story of day 1<" in second and "Story of day 15<" not in second


@pytest.mark.parametrize("value", ["abc", "-1", "0", "99999", "1.5", "", "%00"])
def test_bad_page_numbers_never_error(client, section, make_article, value):
    make_article()
    response = client.get(section.url, {"page": value})
    assert response.status_code in (200, 404)


def lead_block(html):
    return html.split('aria-label="Lead story"')[1].split("</section>")[0]


def test_front_page_lists_stories_with_lead_and_sections(client, home, section, make_article):
    old = make_article(title="Older story", publication_date=datetime(2026, 9, 1, tzinfo=UTC))
    new = make_article(title="Newest story", publication_date=datetime(2026, 9, 2, tzinfo=UTC))
    html = client.get("/").content.decode()
    assert new.title in lead_block(html) and old.title not in lead_block(html)
    assert f'href="{section.url}">Diplomacy</a>' in html
    home.lead_story = old
    home.save()
    assert old.title in lead_block(client.get("/").content.decode())


def test_front_page_query_count_does_not_grow_with_stories(client, home, section, make_article):
    for _ in range(3):
        make_article()
    client.get("/")  # warm renditions
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for _ in range(10):
        make_article()
    client.get("/")
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    assert len(many) == len(few)


def test_404_page_is_styled(client, home):
    response = client.get("/no-such-story/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
