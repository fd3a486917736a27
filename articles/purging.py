"""What shows a page of ours besides its translations and ancestors, for the page cache's purge
(the ``pagecache_urls_for_page`` hook, registered in wagtail_hooks): a section is in every
page's navigation; a story is on its neighbours, the stories sharing its topics, and the
listings outside the page tree (topics, authors, people, feeds, archive, search, sitemaps)."""

from __future__ import annotations

from wagtail.models import Page

from pagecache.purge import path, paths_in_every_language
from pagecache.store import ALL

from .models import ArticlePage, ArticlePageTag, SectionPage

RELATED_LIMIT = 30  # stories sharing a topic whose "related" box may now show this one


def urls_for_page(page: Page) -> list:
    model = page.specific_class or Page
    if issubclass(model, SectionPage):
        return [ALL]
    if not issubclass(model, ArticlePage):
        return []
    story = page.specific
    return [*related_pages(story), *listing_paths(story)]


def related_pages(story: ArticlePage) -> list[Page]:
    """Its section neighbours (ids only: their cards are not needed) and the newest stories
    sharing a topic with it."""
    links = story.story_link_ids
    pages: list[Page] = []
    neighbour_ids = [pk for pk in (links["previous"], links["next"]) if pk]
    if neighbour_ids:
        pages += list(Page.objects.filter(pk__in=neighbour_ids))
    topic_ids = list(story.tagged_items.values_list("tag_id", flat=True))
    if topic_ids:
        pages += list(
            ArticlePage.objects.live()
            .filter(
                locale_id=story.locale_id,
                pk__in=ArticlePageTag.objects.filter(tag_id__in=topic_ids)
                .exclude(content_object_id=story.pk)
                .values("content_object_id"),
            )
            .order_by("-publication_date")[:RELATED_LIMIT]
        )
    return pages


def listing_paths(story: ArticlePage) -> set[str]:
    """Paths of the views outside the page tree that list this story: topics, authors, people,
    feeds, archive, search, sitemaps."""
    paths = path("feed") | path("feed-atom") | path("sitemap") | path("sitemap-news")
    section = story.get_parent()
    if section is not None and section.depth > 2:
        paths |= path("feed-section", section.slug) | path("feed-section-atom", section.slug)
    for tag in story.topics.all():
        paths |= paths_in_every_language("topic", tag.slug)
        paths |= path("feed-topic", tag.slug) | path("feed-topic-atom", tag.slug)
    for item in story.authors.select_related("author"):
        paths |= paths_in_every_language("author", item.author.slug)
    people = {q.person.slug for q in story.quotations.select_related("person")}
    if people:
        paths |= paths_in_every_language("people")
    for slug in people:
        paths |= paths_in_every_language("person", slug)
    # Any story may be among the results of any search: purge them all, in every language.
    paths |= paths_in_every_language("search")
    date = story.publication_date or story.first_published_at
    if date:
        paths |= paths_in_every_language("archive-year", date.year)
        paths |= paths_in_every_language("archive-month", date.year, date.month)
    return paths
