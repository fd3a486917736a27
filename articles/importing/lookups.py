"""What the site already has (section, stories, slugs, authors, topics, images, redirects)."""

from __future__ import annotations

from django.utils.text import slugify
from taggit.models import Tag as TopicTag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from ..models import ArticlePage, Author, HomePage, SectionPage
from .errors import SectionNotFound
from .feed import ParsedItem
from .text import url_key
from .undo import ItemUndo

SLUG_LENGTH = 100


def default_section(slug: str | None = None) -> SectionPage:
    """The section to import into: by slug (default locale), else the home's first section."""
    locale = Locale.get_default()
    sections = SectionPage.objects.filter(locale=locale).order_by("path")
    if slug:
        section = sections.filter(slug=slug).first()
        if section is None:
            raise SectionNotFound(f"no section with slug {slug!r}")
        return section
    home = HomePage.objects.filter(locale=locale).first()
    section = sections.child_of(home).first() if home else None
    if section is None:
        raise SectionNotFound("the site has no section to import into")
    return section


class SiteLookups:
    """The rows an import matches against or reuses, read once instead of once per item.

    What an item adds goes through undo, so an item that rolls back leaves no entry behind.
    """

    def __init__(self, section: SectionPage, *, undo: ItemUndo):
        self.undo = undo
        self.by_guid: dict[str, int] = {}
        self.by_url: dict[str, int] = {}
        self.link_index: dict[str, int] = {}  # url_key(source_url or guid) -> page id
        for page_id, guid, url in (
            ArticlePage.objects.filter(locale_id=section.locale_id)
            .exclude(source_guid="", source_url="")
            .values_list("id", "source_guid", "source_url")
        ):
            if guid:
                self.by_guid.setdefault(guid, page_id)
                self.link_index.setdefault(url_key(guid), page_id)
            if url:
                self.by_url.setdefault(url_key(url), page_id)
                self.link_index.setdefault(url_key(url), page_id)
        self.slugs = set(Page.objects.child_of(section).values_list("slug", flat=True))
        self.authors: dict[str, Author] = {}
        self.tags: dict[str, TopicTag] = {}  # lower-case name -> tag
        self.images: dict[str, int] = {}  # file hash -> image id
        self.redirects: dict[str, Redirect] = {}

    def prefetch_redirects(self, items: list[ParsedItem]) -> None:
        paths = sorted({Redirect.normalise_path(i.source_url) for i in items if i.source_url})
        for start in range(0, len(paths), 500):
            for redirect in Redirect.objects.filter(old_path__in=paths[start : start + 500]):
                current = self.redirects.get(redirect.old_path)
                if current is None or (redirect.site_id is None and current.site_id is not None):
                    self.redirects[redirect.old_path] = redirect

    def slug(self, title: str) -> str:
        base = slugify(title, allow_unicode=True)[:SLUG_LENGTH].strip("-_") or "article"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.undo.remember(self.slugs, slug, None)
        return slug

    def tag(self, name: str) -> TopicTag:
        tag = self.tags.get(name.lower())
        if tag is None:
            tag = TopicTag.objects.filter(name__iexact=name).first()
            if tag is None:
                tag = TopicTag.objects.create(name=name)
            self.undo.remember(self.tags, name.lower(), tag)
        return tag

    def author(self, name: str) -> Author:
        slug = slugify(name)[:200] or slugify(name, allow_unicode=True)[:200] or "author"
        author = self.authors.get(slug)
        if author is None:
            author, _ = Author.objects.get_or_create(slug=slug, defaults={"name": name})
            self.undo.remember(self.authors, slug, author)
        return author
