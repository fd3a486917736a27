"""import_feed and the _Importer it drives: parsed items become new or updated ArticlePages."""

from __future__ import annotations

import contextlib
import copy
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signals import page_published

from pagecache import purge

from ..models import ArticleAuthor, ArticlePage, SectionPage
from . import relinking
from .blocks import same_body
from .errors import error_text
from .feed import ParsedItem, parse_entries, read_feed
from .images import set_main_image
from .indexing import batched_indexing
from .lookups import SiteLookups
from .relinking import dependency_order, item_keys, link_read_more
from .report import ImportReport
from .text import one_line, url_key
from .undo import ItemUndo

ProgressCallback = Callable[[int, int], None]

COMMIT_BATCH = 100  # items per transaction; a re-run picks up where a crash left off


@dataclass
class _Deferred:
    """An item whose READ MORE targets come later in the file: finished after them."""

    item: ParsedItem
    page_id: int | None  # the page made for it in the first pass (None: an update)


class _Importer:
    """Passes 2 and 3 of an import (see the package docstring) for one section: creates and
    updates pages, their redirects and READ MORE links, and reports each item's outcome."""

    def __init__(self, *, section: SectionPage, publish: bool, dry_run: bool):
        self.section = section
        self.locale_id = section.locale_id
        self.publish = publish
        self.dry_run = dry_run
        self.report = ImportReport(dry_run=dry_run)
        self.undo = ItemUndo()
        self.known = SiteLookups(section, undo=self.undo)
        self.pending_keys: set[str] = set()  # keys of this file's items not imported yet
        self.deferred: dict[int, _Deferred] = {}  # by position, in the order met
        self.unresolved: dict[int, tuple[int, set[str]]] = {}  # page id -> (position, keys)
        self.created_keys: set[str] = set()
        self.touched: set[int] = set()

    def run(self, items: list[ParsedItem], progress: Callable[[], None] | None = None) -> None:
        self.known.prefetch_redirects(items)
        self.pending_keys = {key for item in items for key in item_keys(item)}
        ordered = dependency_order(items)
        # Items are committed in batches: each item still has its own savepoint (a bad item
        # rolls back alone), but PostgreSQL flushes its log once per batch, not once per item.
        for start in range(0, len(ordered), COMMIT_BATCH):
            with transaction.atomic():
                for item in ordered[start : start + COMMIT_BATCH]:
                    self.pending_keys -= item_keys(item)
                    self.run_item(item)
                    if progress:
                        progress()
        for deferred in list(self.deferred.values()):
            self.finish(deferred)
        self.relink()

    def _rollback_item(self) -> None:
        self.undo.rollback()
        self.section.refresh_from_db()

    def _fail(self, item: ParsedItem, exc: Exception) -> None:
        self.report.failed += 1
        self.report.failures.append((item.position, error_text(exc)))

    def _count(self, outcome: str, item: ParsedItem, page_id: int) -> None:
        setattr(self.report, outcome, getattr(self.report, outcome) + 1)
        self.report.page_ids[item.position] = page_id
        self.report.notes += [(item.position, note) for note in item.notes]
        self.report.remote_images += [(item.position, url) for url in item.remote_images]

    # -- items

    def run_item(self, item: ParsedItem) -> None:
        self.undo.begin()
        try:
            with transaction.atomic():
                outcome, page_id = self.import_item(item)
        except Exception as exc:  # reported per item; the others carry on
            self._rollback_item()
            self._fail(item, exc)
            return
        if outcome != "deferred":
            self._count(outcome, item, page_id)

    def import_item(self, item: ParsedItem) -> tuple[str, int]:
        blocks = copy.deepcopy(item.blocks)
        unresolved = link_read_more(blocks, self.known.link_index)
        waiting = bool(unresolved & self.pending_keys)
        page_id = self.known.by_guid.get(item.guid) if item.guid else None
        if page_id is None and item.source_url:
            page_id = self.known.by_url.get(url_key(item.source_url))
        if page_id is None:
            page = self.create(item, blocks, finish=not waiting)
            outcome = "created"
        elif waiting:
            self.undo.remember(self.deferred, item.position, _Deferred(item=item, page_id=None))
            return "deferred", page_id
        else:
            page, changed = self.update(page_id, item, blocks)
            outcome = "updated" if changed else "skipped"
        self.undo.remember(self.touched, page.pk, None)
        if unresolved:
            self.undo.remember(self.unresolved, page.pk, (item.position, unresolved))
        self.ensure_redirect(item, page)
        if waiting:
            self.undo.remember(self.deferred, item.position, _Deferred(item=item, page_id=page.pk))
            return "deferred", page.pk
        return outcome, page.pk

    def finish(self, deferred: _Deferred) -> None:
        """Second pass for an item that waited for its READ MORE targets."""
        item = deferred.item
        if deferred.page_id is None:
            self.run_item(item)  # an update: nothing was written in the first pass
            return
        self.undo.begin()
        try:
            with transaction.atomic():
                page = ArticlePage.objects.get(pk=deferred.page_id)
                blocks = copy.deepcopy(item.blocks)
                unresolved = link_read_more(blocks, self.known.link_index)
                page.body = json.dumps(blocks)
                self._save_new(page, item)
                self.unresolved.pop(page.pk, None)
                if unresolved:
                    self.unresolved[page.pk] = (item.position, unresolved)
        except Exception as exc:
            self._rollback_item()
            self._discard(deferred.page_id)
            self._fail(item, exc)
            return
        self._count("created", item, deferred.page_id)

    def _discard(self, page_id: int) -> None:
        """Remove the unfinished page of an item that failed in the second pass."""
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            with transaction.atomic():
                page.delete()
        self.section.refresh_from_db()
        self.touched.discard(page_id)
        self.unresolved.pop(page_id, None)
        for mapping in (self.known.by_guid, self.known.by_url, self.known.link_index):
            for key in [k for k, v in mapping.items() if v == page_id]:
                del mapping[key]

    def create(self, item: ParsedItem, blocks: list[dict[str, Any]], *, finish: bool):
        """Add the page; with finish=False its first revision waits for finish()."""
        page = ArticlePage(
            title=item.title,
            slug=self.known.slug(item.title),
            lead=item.lead,
            publication_date=item.publication_date,
            updated_date=item.updated_date,
            body=json.dumps(blocks),
            source_guid=item.guid,
            source_url=item.source_url,
            live=False,
        )
        if self.publish:
            # The story keeps its original date (ArticlePage.save only fills an empty one) and
            # goes live on it: now if it is in the past, else Wagtail schedules it.
            page.go_live_at = item.publication_date
            if self._goes_live_now(item):
                page.first_published_at = item.publication_date
                if finish:
                    self._mark_live(page)
        self._set_image(page, item)
        page.authors = [
            ArticleAuthor(author=self.known.author(name), sort_order=order)
            for order, name in enumerate(item.authors)
        ]
        if item.topics:
            page.topics.set([self.known.tag(name) for name in item.topics])
        self.section.add_child(instance=page)
        if finish:
            self._save_new(page, item)
        for key in item_keys(item):
            self.undo.remember(self.known.link_index, key, page.pk)
            self.undo.remember(self.created_keys, key, None)
        if item.guid:
            self.undo.remember(self.known.by_guid, item.guid, page.pk)
        if item.source_url:
            self.undo.remember(self.known.by_url, url_key(item.source_url), page.pk)
        return page

    def _goes_live_now(self, item: ParsedItem) -> bool:
        return self.publish and item.publication_date <= timezone.now()

    @staticmethod
    def _mark_live(page: ArticlePage) -> None:
        page.live = True
        page.has_unpublished_changes = False
        page.last_published_at = timezone.now()

    def _save_new(self, page: ArticlePage, item: ParsedItem) -> None:
        """Give a new page its first revision, published with --publish."""
        if not self._goes_live_now(item):
            revision = page.save_revision()
            if self.publish:  # dated in the future: Wagtail schedules it
                revision.publish()
                item.notes.append(f"scheduled to go live at {item.publication_date:%Y-%m-%d %H:%M}")
            return
        # What revision.publish() does for a page that has never been live, without saving
        # the page twice more: the page was saved live (and validated); record that revision.
        if not page.live:
            self._mark_live(page)
            page.save()
        revision = page.save_revision(clean=False, changed=False)
        Page.objects.filter(pk=page.pk).update(live_revision=revision)
        page.live_revision = revision
        log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
        page_published.send(sender=ArticlePage, instance=page, revision=revision)

    def update(
        self, page_id: int, item: ParsedItem, blocks: list[dict[str, Any]]
    ) -> tuple[ArticlePage, bool]:
        stored = ArticlePage.objects.select_related("latest_revision").get(pk=page_id)
        page = stored.get_latest_revision_as_object()
        author_ids = [self.known.author(name).pk for name in item.authors]
        tag_ids = sorted({self.known.tag(name).pk for name in item.topics})
        changes = {
            "title": page.title != item.title,
            "lead": page.lead != item.lead,
            "date": item.date_from_feed and page.publication_date != item.publication_date,
            "updated": item.updated_date is not None and page.updated_date != item.updated_date,
            "authors": [a.author_id for a in page.authors.all()] != author_ids,
            "topics": sorted({t.tag_id for t in page.tagged_items.all()}) != tag_ids,
            "image": not page.main_image_id and bool(item.images) and not self.dry_run,
        }
        if not any(changes.values()) and same_body(page, blocks):
            return stored, False
        page.title = item.title
        page.draft_title = item.title
        page.lead = item.lead
        page.body = json.dumps(blocks)
        if item.date_from_feed:
            page.publication_date = item.publication_date
        if item.updated_date is not None:
            page.updated_date = item.updated_date
        if changes["authors"]:
            page.authors = [
                ArticleAuthor(author_id=author_id, sort_order=order)
                for order, author_id in enumerate(author_ids)
            ]
        if changes["topics"]:
            page.topics.set([self.known.tag(name) for name in item.topics])
        if changes["image"]:
            self._set_image(page, item)
        if not page.source_guid and item.guid:
            page.source_guid = item.guid
        publish = stored.live or self.publish
        if publish and not stored.live and page.first_published_at is None:
            page.first_published_at = item.publication_date
            page.go_live_at = item.publication_date
        revision = page.save_revision()
        if publish:
            revision.publish()
        return page, True

    def ensure_redirect(self, item: ParsedItem, page: ArticlePage) -> None:
        if not item.source_url:
            return
        path = Redirect.normalise_path(item.source_url)
        redirect = self.known.redirects.get(path)
        if path == "/" or (redirect is not None and redirect.redirect_page_id == page.pk):
            return
        own_url = page.get_url()
        if own_url and Redirect.normalise_path(own_url) == path:
            return  # the story already lives at its old address
        if redirect is None:
            redirect = Redirect.objects.create(
                old_path=path, site=None, is_permanent=True, redirect_page=page
            )
        else:
            Redirect.objects.filter(pk=redirect.pk).update(
                redirect_page=page, redirect_link="", redirect_page_route_path=""
            )
            # A new object: the cached one must stay as it was if this item rolls back.
            redirect = Redirect(
                pk=redirect.pk, old_path=path, site_id=redirect.site_id, redirect_page=page
            )
        self.undo.remember(self.known.redirects, path, redirect)

    def _set_image(self, page: ArticlePage, item: ParsedItem) -> None:
        set_main_image(
            page,
            item.images,
            title=item.title,
            notes=item.notes,
            dry_run=self.dry_run,
            known=self.known.images,
            undo=self.undo,
        )

    # -- READ MORE links to stories imported in later runs

    def relink(self) -> None:
        for page_id, (position, keys) in list(self.unresolved.items()):
            if keys & self.known.link_index.keys():
                self._relink_page(page_id, position=position)
        if not self.created_keys:
            return
        pages = relinking.pages_linking_to(
            self.created_keys, locale_id=self.locale_id, skip=self.touched
        )
        for page_id in pages:
            if page_id not in self.touched:
                title = self._relink_page(page_id, position=None)
                if title:
                    self.touched.add(page_id)
                    self.report.relinked.append(title)

    def _relink_page(self, page_id: int, *, position: int | None) -> str | None:
        """relinking.relink_page, a failure reported as a warning: the page stays as it was."""
        try:
            return relinking.relink_page(page_id, self.known.link_index)
        except Exception as exc:
            where = f"#{position}" if position is not None else f"page {page_id}"
            self.report.warnings.append(f"{where}: READ MORE links not updated: {error_text(exc)}")
            return None


def import_feed(
    path: str | Path,
    *,
    section: SectionPage,
    dry_run: bool = False,
    publish: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import every item of the feed at path into section; see the package docstring."""
    started = time.monotonic()
    path = Path(path)
    feed = read_feed(path)
    feed_dir = path.resolve().parent
    entries = list(feed.entries)
    total = len(entries)

    # Parse everything first: malformed items and duplicates are known before any write.
    parsed, failures, duplicates = parse_entries(entries, feed_dir=feed_dir)

    done = len(failures) + len(duplicates)

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    if progress:
        progress(done, total)
    with transaction.atomic() if dry_run else contextlib.nullcontext():
        importer = _Importer(section=section, publish=publish, dry_run=dry_run)
        # Publishing a story purges it and every page listing it: for a thousand stories the
        # same home, section, topic and feed pages a thousand times over. Once, at the end.
        with (
            purge.deferred(),
            batched_indexing(importer.touched, enabled=not dry_run),
        ):
            importer.run(parsed, progress=step)
        if dry_run:
            transaction.set_rollback(True)

    report = importer.report
    report.source = str(path)
    report.total = total
    if feed.get("bozo") and feed.get("bozo_exception"):
        report.warnings.append(f"feed is not well formed: {one_line(str(feed.bozo_exception))}")
    report.failed += len(failures)
    report.failures += failures
    report.skipped += len(duplicates)
    report.duplicates += duplicates
    report.failures.sort()
    report.notes.sort()
    report.seconds = time.monotonic() - started
    return report
