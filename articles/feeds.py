"""RSS 2.0 and Atom feeds of the latest stories: site-wide, per section and per topic."""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from taggit.models import Tag
from wagtail.models import Locale

from core.http import absolute_url, public_base_url

from .models import ArticlePage, SectionPage

FEED_SIZE = 30
RELATIVE_LINK = re.compile(r'(\s(?:href|src))="/(?!/)')


class RssWithContent(Rss201rev2Feed):
    """RSS 2.0 with the full story in content:encoded."""

    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        attrs["xmlns:dc"] = "http://purl.org/dc/elements/1.1/"
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_encoded"):
            handler.addQuickElement("content:encoded", item["content_encoded"])
        for name in item.get("creators", []):
            handler.addQuickElement("dc:creator", name)


class LatestStoriesFeed(Feed):
    feed_type = RssWithContent

    def title(self, obj=None):
        return f"{settings.WAGTAIL_SITE_NAME}: latest stories"

    description = "Conflict and diplomacy news: ceasefires, talks, sanctions and envoys."

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    # Every URL in a feed is absolute and built on the public base URL: Django would otherwise
    # prefix the request's Host header, and feeds are cached for every later reader.
    def link(self, obj=None):
        return absolute_url(obj.url if isinstance(obj, SectionPage) else "/", self.request)

    def feed_url(self, obj=None):
        return absolute_url(self.request.path, self.request)

    def queryset(self, obj):
        return ArticlePage.objects.filter(locale=Locale.get_default())

    def items(self, obj=None):
        return self.queryset(obj).listing().prefetch_related("tagged_items__tag")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return absolute_url(item.get_url(self.request), self.request)

    def item_guid(self, item):
        return self.item_link(item)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.publication_date

    def item_updateddate(self, item):
        return item.updated_date or item.publication_date

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.byline) or None

    def item_categories(self, item):
        return [tagged.tag.name for tagged in item.tagged_items.all()]

    def item_extra_kwargs(self, item):
        body = "".join(str(block.render(context={"request": self.request})) for block in item.body)
        absolute = public_base_url(self.request) + "/"
        return {
            "content_encoded": RELATIVE_LINK.sub(rf'\1="{absolute}', body),
            "creators": [author.name for author in item.byline],
        }


class LatestStoriesAtomFeed(LatestStoriesFeed):
    feed_type = Atom1Feed
    subtitle = LatestStoriesFeed.description


class SectionFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        sections = SectionPage.objects.live().public().filter(locale=Locale.get_default())
        return get_object_or_404(sections, slug=slug)

    def title(self, obj):
        return f"{settings.WAGTAIL_SITE_NAME}: {obj.title}"

    def description(self, obj):
        return obj.intro or f"Latest stories in {obj.title}."

    def queryset(self, obj):
        return ArticlePage.objects.child_of(obj)


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class TopicFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj):
        return f"{settings.WAGTAIL_SITE_NAME}: {obj.name}"

    def link(self, obj):
        return absolute_url(reverse("topic", args=[obj.slug]), self.request)

    def description(self, obj):
        return f"Latest stories about {obj.name}."

    def queryset(self, obj):
        return ArticlePage.objects.filter(tagged_items__tag=obj, locale=Locale.get_default())


class TopicAtomFeed(TopicFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
