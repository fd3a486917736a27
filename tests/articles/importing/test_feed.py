"""Reading feeds: RSS and Atom items mapped to articles, dates, encodings, bad items."""

from datetime import UTC, datetime, timedelta

import pytest
from taggit.models import Tag

from articles.importing import import_feed
from articles.models import ArticlePage, Author
from tests.articles.importing.helpers import (
    ATOM,
    CHECKPOINTS,
    FEEDS,
    HARBOUR,
    RSS,
    kinds,
    latest,
    rss,
    run,
)

pytestmark = pytest.mark.django_db


def test_rss_items_are_mapped_to_articles(section):
    report = import_feed(RSS, section=section)
    assert (report.created, report.updated, report.skipped, report.failed) == (4, 0, 1, 1)
    assert ArticlePage.objects.child_of(section).count() == 4

    harbour = latest(HARBOUR)
    assert harbour.title == "Envoys agree to reopen the Harbour Road crossing"
    assert harbour.lead == (
        "Negotiators in Port Amsel agreed on Wednesday night to reopen the crossing for aid "
        "convoys."
    )
    assert harbour.publication_date == datetime(2024, 3, 14, 8, 30, tzinfo=UTC)
    assert harbour.source_url == "https://courier.example.org/2024/03/14/harbour-road-crossing/"
    assert [a.author.name for a in harbour.authors.all()] == ["Ilse Marwick"]
    assert Author.objects.get(name="Ilse Marwick").slug == "ilse-marwick"
    # Categories become topics (a repeat in another case is the same topic).
    assert sorted(t.name for t in harbour.topics.all()) == ["Ceasefires", "Humanitarian access"]
    assert kinds(harbour) == [
        "paragraph",
        "paragraph",
        "heading",
        "paragraph",
        "quote",
        "quote",
        "quote",
        "read_more",
        "read_more",
    ]
    assert harbour.body[2].value["text"] == "What was agreed"

    # A shared author and topic are reused, not duplicated.
    checkpoints = latest(CHECKPOINTS)
    assert [a.author.name for a in checkpoints.authors.all()] == ["Tarik Odum"]
    assert Author.objects.filter(name="Ilse Marwick").count() == 1
    assert Tag.objects.filter(name__iexact="ceasefires").count() == 1
    assert kinds(checkpoints) == ["paragraph", "heading", "paragraph"]


def test_escaped_body_missing_date_and_remote_image(section):
    before = datetime.now(UTC) - timedelta(minutes=1)
    output = run(RSS)
    calm = latest("https://courier.example.org/2024/03/13/calm-night-river-line/")
    assert [str(b.value.source) for b in calm.body] == [
        "<p>Monitors counted <i>no violations</i> overnight, the first quiet night in a week.</p>",
        "<p>A spokesman for the mission said patrols would continue "
        '<a href="https://courier.example.org/2024/03/10/patrols/">as planned</a>.</p>',
    ]
    # No separate content: the lead is the opening words of the body.
    assert calm.lead.startswith("Monitors counted no violations overnight")
    assert calm.publication_date >= before
    assert "note #2: no date; used the import time" in output

    lindholm = latest("courier-2024-0315-lindholm")
    assert lindholm.publication_date == datetime(2024, 3, 15, 7, 0, tzinfo=UTC)
    assert lindholm.main_image is None
    assert [str(b.value.source) for b in lindholm.body] == [
        "<p>The meeting will be the first at ministerial level since the truce.</p>",
        "<p>Officials said the agenda was <b>still being drafted</b>.</p>",
    ]
    assert "remote images not fetched (1):" in output
    assert "#6: https://images.courier.example.org/2024/lindholm-hall.jpg" in output


def test_atom_feed(section):
    report = import_feed(ATOM, section=section)
    assert report.created == 2 and report.failed == 0
    plan = latest("tag:courier.example.org,2024:plan")
    assert plan.title == "Mediators table a three-stage plan"
    assert plan.lead == "A plan in three stages: prisoners, then roads, then elections."
    assert plan.updated_date == datetime(2024, 4, 2, 9, 15, tzinfo=UTC)
    assert [a.author.name for a in plan.authors.all()] == ["Ilse Marwick", "Pau Ferrándiz"]
    assert sorted(t.name for t in plan.topics.all()) == ["Mediation", "Prisoner exchanges"]
    assert kinds(plan) == ["heading", "paragraph", "heading", "paragraph"]
    assert 'href="https://courier.example.org/2024/04/01/annex-a"' in plan.body[1].value.source

    debate = latest("tag:courier.example.org,2024:debate")
    assert debate.publication_date == datetime(2024, 4, 2, 10, 0, tzinfo=UTC)
    quote = debate.body[1].value
    assert (quote["speaker"], quote["role"]) == ("Vera Lunde", "Speaker")


def test_iso_8859_1_feed_keeps_accents(section):
    assert b'encoding="ISO-8859-1"' in (FEEDS / "latin1.xml").read_bytes()
    import_feed(FEEDS / "latin1.xml", section=section)
    article = ArticlePage.objects.get()
    assert article.title == "Négociations à Genève : les délégués s'accordent sur un calendrier"
    assert "« sans préalable »" in article.get_latest_revision_as_object().body[1].value.source
    assert [a.author.name for a in latest(article.source_guid).authors.all()] == ["Hélène Dupré"]


def test_double_escaped_description_is_markup(section, tmp_path):
    feed = tmp_path / "double.xml"
    feed.write_text(
        rss(
            "<item><title>Escaped twice</title><link>https://courier.example.org/d</link>"
            "<description>&amp;lt;p&amp;gt;Envoys &amp;lt;b&amp;gt;met&amp;lt;/b&amp;gt;."
            "&amp;lt;/p&amp;gt;</description></item>"
        )
    )
    import_feed(feed, section=section)
    article = ArticlePage.objects.get().get_latest_revision_as_object()
    assert article.body[0].value.source == "<p>Envoys <b>met</b>.</p>"
    assert article.lead == "Envoys met."


def test_malformed_item_is_reported_and_the_rest_imported(section):
    output = run(RSS)
    lines = output.splitlines()
    assert lines[0] == "created 4, updated 0, skipped 1, failed 1"
    assert "failed #5: no title and no link" in lines
    assert "skipped #3: duplicate GUID (first seen at #1)" in lines
    assert ArticlePage.objects.filter(title__contains="(corrected)").count() == 0
