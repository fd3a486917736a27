"""Large imports: progress, a thousand items, and one page-cache purge for the lot."""

import time

import pytest
from wagtail.contrib.redirects.models import Redirect

from articles.importing import import_feed
from articles.models import ArticlePage
from tests.articles.importing.helpers import HARBOUR, RSS, latest, page, write_big_feed

pytestmark = pytest.mark.django_db


def test_progress_is_reported(section):
    calls = []
    import_feed(RSS, section=section, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (6, 6)
    assert calls == sorted(calls)


def test_a_thousand_item_feed(section, tmp_path):
    feed = write_big_feed(tmp_path / "big.xml", 1000)
    started = time.monotonic()
    report = import_feed(feed, section=section, publish=True)
    elapsed = time.monotonic() - started
    print(f"\nimported 1,000 items in {elapsed:.1f}s")
    assert (report.created, report.failed) == (1000, 0), report.failures[:3]
    assert ArticlePage.objects.child_of(section).live().count() == 1000
    assert Redirect.objects.count() == 1000
    story = latest("big-3")
    (link,) = [b.value for b in story.body if b.block_type == "read_more"]
    assert link["page"].pk == page("big-10").pk  # a target later in the file


def test_a_published_import_purges_the_page_cache_once(
    section, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """Per-story purges (each also purging home, section, topics, feeds) are replaced by
    one whole-site purge at the end, and readers of cached pages then see the new stories."""
    from django.test import Client
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    settings.PAGE_CACHE_ENABLED = True
    home = section.get_parent()
    assert Client().get(home.url)["X-Page-Cache"] == "miss"
    assert Client().get(home.url)["X-Page-Cache"] == "hit"
    purged = []
    real_purge = PurgeBatch.purge
    monkeypatch.setattr(
        PurgeBatch,
        "purge",
        lambda batch, **kw: (purged.append(list(batch.urls)), real_purge(batch)),
    )
    with django_capture_on_commit_callbacks(execute=True):  # the purge waits for the commit
        report = import_feed(RSS, section=section, publish=True)
    assert report.created > 1
    assert purged == [[home.get_site().root_url + "/*"]]
    fresh = Client().get(home.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert page(HARBOUR).title in fresh.content.decode()


def test_a_dry_run_purges_nothing(section, monkeypatch):
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    purged = []
    monkeypatch.setattr(PurgeBatch, "purge", lambda batch, **kw: purged.append(batch.urls))
    import_feed(RSS, section=section, publish=True, dry_run=True)
    assert purged == []
