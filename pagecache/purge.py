"""What to purge when content changes: a page, and every page that lists or links to it.

Everything goes through Wagtail's ``PurgeBatch``, so the same URLs reach every configured
frontend-cache backend: our Django page cache and, when configured, Varnish or a CDN.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterable

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from .store import ALL

logger = logging.getLogger(__name__)

RELATED_LIMIT = 30  # stories sharing a topic whose "related" box may now show this one


def _site_root_url(page: Page | None = None) -> str:
    site = page.get_site() if page is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _paths_in_every_language(name: str, *args) -> set[str]:
    """A listing view's path under each language prefix (/, /es/, /ar/)."""
    paths = set()
    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            try:
                paths.add(reverse(name, args=args))
            except NoReverseMatch:
                logger.warning("Cannot reverse %s%r for purging", name, args)
    return paths


def _path(name: str, *args) -> set[str]:
    try:
        return {reverse(name, args=args)}
    except NoReverseMatch:
        return set()


def article_listing_paths(article) -> set[str]:
    """Paths of the non-page views that list this story: topics, authors, people, feeds,
    archive, search."""
    paths = _path("feed") | _path("feed-atom") | _path("sitemap") | _path("sitemap-news")
    section = article.get_parent()
    if section is not None and section.depth > 2:
        paths |= _path("feed-section", section.slug) | _path("feed-section-atom", section.slug)
    for tag in article.topics.all():
        paths |= _paths_in_every_language("topic", tag.slug)
        paths |= _path("feed-topic", tag.slug) | _path("feed-topic-atom", tag.slug)
    for item in article.authors.select_related("author"):
        paths |= _paths_in_every_language("author", item.author.slug)
    people = {q.person.slug for q in article.quotations.select_related("person")}
    if people:
        paths |= _paths_in_every_language("people")
    for slug in people:
        paths |= _paths_in_every_language("person", slug)
    # Any story may be among the results of any search: purge them all, in every language.
    paths |= _paths_in_every_language("search")
    date = article.publication_date or article.first_published_at
    if date:
        paths |= _paths_in_every_language("archive-year", date.year)
        paths |= _paths_in_every_language("archive-month", date.year, date.month)
    return paths


def related_pages(page: Page) -> list[Page]:
    """Tree pages that show this one: translations, ancestors, neighbours, related stories."""
    from articles.models import ArticlePage, ArticlePageTag

    pages: list[Page] = list(page.get_translations())
    pages += list(page.get_ancestors().filter(depth__gt=1))
    specific = page.specific
    if isinstance(specific, ArticlePage):
        # The neighbours' ids only: their story cards (images, counts) are not needed here.
        links = specific.story_link_ids
        neighbour_ids = [pk for pk in (links["previous"], links["next"]) if pk]
        if neighbour_ids:
            pages += list(Page.objects.filter(pk__in=neighbour_ids))
        topic_ids = list(specific.tagged_items.values_list("tag_id", flat=True))
        if topic_ids:
            pages += list(
                ArticlePage.objects.live()
                .filter(
                    locale_id=specific.locale_id,
                    pk__in=ArticlePageTag.objects.filter(tag_id__in=topic_ids)
                    .exclude(content_object_id=specific.pk)
                    .values("content_object_id"),
                )
                .order_by("-publication_date")[:RELATED_LIMIT]
            )
    return pages


def changes_every_page(page: Page) -> bool:
    """Sections are in the navigation of every page."""
    from articles.models import SectionPage

    return issubclass(page.specific_class or Page, SectionPage)


def batch_for_page(page: Page, *, old_urls: Iterable[str] = ()) -> PurgeBatch:
    batch = PurgeBatch()
    batch.add_urls(old_urls)
    root = _site_root_url(page)
    if changes_every_page(page):
        batch.add_url(root + ALL)
        return batch
    batch.add_page(page)
    batch.add_pages(related_pages(page))
    from articles.models import ArticlePage

    specific = page.specific
    if isinstance(specific, ArticlePage):
        batch.add_urls(root + path for path in article_listing_paths(specific))
    return batch


def purge_everything() -> None:
    """Every page of every site, in our cache and through the frontend caches (Varnish, CDN),
    after the commit: for changes shown on pages no list can name (an author renamed, a view
    restriction over a whole section)."""
    batch = PurgeBatch()
    roots = {site.root_url for site in Site.objects.all()} or {_site_root_url()}
    batch.add_urls(root + ALL for root in sorted(roots))
    logger.debug("Purging every page of %s", sorted(roots))
    batch.purge()


def purge_page(page: Page, *, old_urls: Iterable[str] = ()) -> None:
    """Purge a page and the pages listing it, after the current transaction commits."""
    from articles import reader_cache

    batch = batch_for_page(page, old_urls=old_urls)
    logger.debug("Purging %d URLs for page %s", len(batch.urls), page.pk)
    batch.purge()
    # The cached fragments and lists rendered into pages (related cards with comment counts,
    # an article's comment list) go too: some of these changes are not page saves.
    reader_cache.invalidate()


def url_at(page: Page, url_path: str) -> str | None:
    """The full URL the page had at an earlier url_path (before a move or slug change)."""
    before = copy.copy(page)
    before.url_path = url_path
    return before.get_full_url()
