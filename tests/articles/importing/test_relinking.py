"""READ MORE links: to later items in the file, across runs, and in cycles."""

import pytest

from articles.importing import import_feed
from tests.articles.importing.helpers import (
    CHECKPOINTS,
    FEEDS,
    HARBOUR,
    RSS,
    latest,
    page,
    rss,
    snapshot,
)

pytestmark = pytest.mark.django_db


def test_read_more_links_to_a_later_item_and_to_an_external_story(section):
    report = import_feed(RSS, section=section)
    internal, external = [b.value for b in latest(HARBOUR).body if b.block_type == "read_more"]
    # The target is listed after the story in the file.
    assert internal["page"].pk == page(CHECKPOINTS).pk
    assert external["page"] is None
    assert external["url"] == "https://wire.example.com/stories/ceasefire-explainer"
    assert external["title"] == "What the ceasefire covers"
    assert report.page_ids[1] == page(HARBOUR).pk


def test_read_more_is_relinked_when_a_later_run_imports_the_target(section):
    import_feed(FEEDS / "crossrun-first.xml", section=section, publish=True)
    first = page("courier-2024-0501-arrive")
    (link,) = [b.value for b in first.body if b.block_type == "read_more"]
    assert link["page"] is None and link["title"] == "Conference opens with a minute of silence"
    revisions = first.revisions.count()

    report = import_feed(FEEDS / "crossrun-second.xml", section=section)
    target = page("courier-2024-0503-opens")
    assert not target.live  # imported as a draft this time
    first = page("courier-2024-0501-arrive")
    assert report.relinked == ["Delegates arrive for the Lindholm conference"]
    assert first.revisions.count() == revisions + 1
    assert first.live and not first.has_unpublished_changes  # still published
    (link,) = [b.value for b in first.body if b.block_type == "read_more"]
    assert link["page"].pk == target.pk

    # Importing either file again changes nothing.
    counts = snapshot()
    assert import_feed(FEEDS / "crossrun-first.xml", section=section).skipped == 1
    assert import_feed(FEEDS / "crossrun-second.xml", section=section).skipped == 1
    assert snapshot() == counts


def test_read_more_cycle_within_one_file(section, tmp_path):
    feed = tmp_path / "cycle.xml"
    feed.write_text(
        rss(
            "<item><title>Envoy lands in Castellan</title>"
            "<link>https://courier.example.org/a/</link><guid>cycle-a</guid>"
            "<pubDate>Mon, 06 May 2024 08:00:00 GMT</pubDate><content:encoded><![CDATA["
            "<p>She was met at the airport.</p>"
            '<p>READ MORE: <a href="https://courier.example.org/b/">Talks begin</a></p>'
            "]]></content:encoded></item>"
            "<item><title>Talks begin</title>"
            "<link>https://courier.example.org/b/</link><guid>cycle-b</guid>"
            "<pubDate>Tue, 07 May 2024 08:00:00 GMT</pubDate><content:encoded><![CDATA["
            "<p>The first session lasted four hours.</p>"
            '<p>Read more: <a href="https://courier.example.org/a">Envoy lands in Castellan</a></p>'
            "]]></content:encoded></item>"
        )
    )
    report = import_feed(feed, section=section, publish=True)
    assert (report.created, report.failed) == (2, 0)
    a, b = page("cycle-a"), page("cycle-b")
    for story, target in ((a, b), (b, a)):
        assert story.live and not story.has_unpublished_changes
        assert story.revisions.count() == 1
        assert story.body[1].block_type == "read_more"
        assert story.body[1].value["page"].pk == target.pk
