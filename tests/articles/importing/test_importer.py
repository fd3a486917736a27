"""Writing pages: drafts and publishing, redirects, re-runs, updates, per-item rollback."""

from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

from articles.importing import import_feed, importer
from articles.models import ArticlePage, Author
from tests.articles.importing.helpers import (
    CHECKPOINTS,
    HARBOUR,
    RSS,
    latest,
    page,
    rss,
    run,
    snapshot,
)

pytestmark = pytest.mark.django_db


def test_new_articles_are_drafts_by_default(section):
    import_feed(RSS, section=section)
    harbour = page(HARBOUR)
    assert not harbour.live and harbour.first_published_at is None
    assert harbour.revisions.count() == 1
    assert harbour.publication_date == datetime(2024, 3, 14, 8, 30, tzinfo=UTC)


def test_publish_keeps_the_original_date(section, client):
    run(RSS, "--publish")
    harbour = page(HARBOUR)
    assert harbour.live and not harbour.has_unpublished_changes
    assert harbour.publication_date == datetime(2024, 3, 14, 8, 30, tzinfo=UTC)
    assert harbour.first_published_at == harbour.publication_date
    response = client.get(harbour.url)
    assert response.status_code == 200
    assert b"Envoys agree to reopen the Harbour Road crossing" in response.content
    assert b"<script>document.write" not in response.content


def test_publish_with_a_future_date_schedules_the_story(section, tmp_path):
    when = datetime.now(UTC) + timedelta(days=3)
    feed = tmp_path / "future.xml"
    feed.write_text(
        rss(
            "<item><title>Summit opens on Friday</title>"
            "<link>https://courier.example.org/summit</link><guid>future-1</guid>"
            f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
            "<description>Embargoed preview.</description></item>"
        )
    )
    report = import_feed(feed, section=section, publish=True)
    summit = page("future-1")
    assert not summit.live
    assert summit.publication_date == when.replace(microsecond=0)
    assert summit.latest_revision.approved_go_live_at == when.replace(microsecond=0)
    assert any("scheduled to go live" in text for _, text in report.notes)


def test_dry_run_writes_nothing(section, tmp_path):
    PILImage.new("RGB", (16, 16), "red").save(tmp_path / "dry-run-only.png")
    feed = tmp_path / "feed.xml"
    enclosure = '<enclosure url="dry-run-only.png" type="image/png" length="1"/>'
    feed.write_text(RSS.read_text().replace("<title>Talks stall", enclosure + "<title>Talks stall"))
    before = snapshot()
    output = run(feed, "--dry-run", "--publish")
    assert output.splitlines()[:2] == [
        "created 4, updated 0, skipped 1, failed 1",
        "dry run: nothing was written",
    ]
    assert snapshot() == before
    storage = get_image_model()._meta.get_field("file").storage
    assert not storage.exists("original_images/dry-run-only.png")


def test_old_addresses_redirect_to_the_new_pages(section, client):
    run(RSS, "--publish")
    harbour = page(HARBOUR)
    redirect = Redirect.objects.get(old_path="/2024/03/14/harbour-road-crossing")
    assert redirect.redirect_page_id == harbour.pk and redirect.is_permanent
    response = client.get("/2024/03/14/harbour-road-crossing/")
    assert response.status_code == 301
    assert response["Location"] == harbour.url
    assert client.get(response["Location"]).status_code == 200


def test_redirect_pointing_elsewhere_is_updated(section, make_article):
    other = make_article(title="Unrelated story", slug="unrelated")
    Redirect.objects.create(
        old_path="/2024/03/14/harbour-road-crossing", redirect_page=other, is_permanent=True
    )
    import_feed(RSS, section=section)
    redirect = Redirect.objects.get(old_path="/2024/03/14/harbour-road-crossing")
    assert redirect.redirect_page_id == page(HARBOUR).pk


def test_second_run_changes_nothing(section):
    run(RSS, "--publish")
    first = snapshot()
    output = run(RSS, "--publish")
    assert output.splitlines()[0] == "created 0, updated 0, skipped 5, failed 1"
    assert snapshot() == first


def test_changed_item_is_updated_as_a_new_revision(section, tmp_path):
    import_feed(RSS, section=section)
    draft_revisions = page(HARBOUR).revisions.count()
    changed = tmp_path / "changed.xml"
    changed.write_text(
        RSS.read_text()
        .replace("Envoys agree to reopen the Harbour Road crossing<", "Envoys reopen Harbour Road<")
        .replace("for aid convoys, according to", "for food convoys, according to")
    )
    report = import_feed(changed, section=section)
    assert (report.created, report.updated, report.skipped) == (0, 1, 4)
    harbour = page(HARBOUR)
    assert harbour.revisions.count() == draft_revisions + 1
    assert not harbour.live  # a draft stays a draft
    assert latest(HARBOUR).title == "Envoys reopen Harbour Road"
    assert "food convoys" in latest(HARBOUR).body[0].value.source


def test_changed_live_item_is_republished(section, tmp_path):
    import_feed(RSS, section=section, publish=True)
    changed = tmp_path / "changed.xml"
    original = "<title>Talks stall over checkpoints</title>"
    changed.write_text(RSS.read_text().replace(original, "<title>Talks stall</title>"))
    report = import_feed(changed, section=section)
    assert report.updated == 1
    checkpoints = page(CHECKPOINTS)
    assert checkpoints.live and not checkpoints.has_unpublished_changes
    assert checkpoints.title == "Talks stall"
    assert checkpoints.publication_date == datetime(2024, 3, 12, 18, 5, tzinfo=UTC)


def test_an_exception_while_importing_one_item_rolls_back_only_that_item(section, monkeypatch):
    original = importer._Importer.ensure_redirect

    def flaky(self, item, page):
        if item.position == 4:
            raise RuntimeError("disk on fire")
        return original(self, item, page)

    monkeypatch.setattr(importer._Importer, "ensure_redirect", flaky)
    report = import_feed(RSS, section=section)
    assert (report.created, report.failed) == (3, 2)
    assert (4, "RuntimeError: disk on fire") in report.failures
    assert not ArticlePage.objects.filter(source_guid=CHECKPOINTS).exists()
    assert not Author.objects.filter(name="Tarik Odum").exists()
    # The READ MORE pointing at the failed item stays an external link.
    internal = [b.value for b in latest(HARBOUR).body if b.block_type == "read_more"][0]
    assert internal["page"] is None and internal["url"].endswith("talks-stall-over-checkpoints/")

    # The next run imports it and links the READ MORE to it.
    monkeypatch.setattr(importer._Importer, "ensure_redirect", original)
    report = import_feed(RSS, section=section)
    assert (report.created, report.failed) == (1, 1)
    internal = [b.value for b in latest(HARBOUR).body if b.block_type == "read_more"][0]
    assert internal["page"].pk == page(CHECKPOINTS).pk
