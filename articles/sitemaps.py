"""Sitemaps: every published page in every language with its hreflang alternates, topics, and
a Google News sitemap."""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Max, Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_page
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from core.http import absolute_url, public_base_url

from .models import ArticlePage


class PageSitemap(Sitemap):
    """Every published, public page of the site in every language (Wagtail's own lists only
    the default language's tree). Each language version has its own entry, naming all versions,
    itself included, as hreflang alternates (xhtml:link), with the default language as
    x-default: what search engines ask of a multilingual site. Three queries whatever the size
    (pages, locales, and the Site)."""

    def items(self):
        site = self.get_wagtail_site()
        in_a_tree = Q(pk__in=[])
        for root in site.root_page.get_translations(inclusive=True).only("path", "depth"):
            in_a_tree |= Q(path__startswith=root.path, depth__gte=root.depth)
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .only(
                "pk",
                "path",
                "depth",
                "url_path",
                "locale_id",
                "translation_key",
                "last_published_at",
                "latest_revision_created_at",
            )
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        location = {
            item.pk: absolute_url(item.get_url(self.request), self.request) for item in items
        }
        versions = defaultdict(list)
        for item in items:
            versions[item.translation_key].append(item)
        urls, latest = [], None
        for item in items:
            lastmod = item.last_published_at or item.latest_revision_created_at
            latest = max(latest, lastmod) if latest and lastmod else (lastmod or latest)
            alternates = []
            if len(versions[item.translation_key]) > 1:
                for version in versions[item.translation_key]:
                    code = codes.get(version.locale_id, "")
                    alternates.append({"lang_code": code, "location": location[version.pk]})
                    if code == settings.LANGUAGE_CODE:
                        alternates.append(
                            {"lang_code": "x-default", "location": location[version.pk]}
                        )
            urls.append(
                {
                    "item": item,
                    "location": location[item.pk],
                    "lastmod": lastmod,
                    "alternates": alternates,
                }
            )
        self.latest_lastmod = latest
        return urls


class TopicSitemap(Sitemap):
    """Topics of published, public stories. Wagtail's Sitemap (so it is given the request),
    with Django's URL building, whose domain comes from the public base URL (core.http), not
    from the request's Host header."""

    changefreq = "daily"
    _urls = DjangoSitemap._urls

    def get_protocol(self, protocol=None):
        return public_base_url(self.request).split("://", 1)[0]

    def get_domain(self, site=None):
        return public_base_url(self.request).split("://", 1)[1]

    def items(self):
        public = ArticlePage.objects.live().public()
        return (
            Tag.objects.filter(articles_articlepagetag_items__content_object__in=public)
            .annotate(
                lastmod=Max("articles_articlepagetag_items__content_object__last_published_at")
            )
            .order_by("slug")
        )

    def location(self, item):
        return reverse("topic", args=[item.slug])

    def lastmod(self, item):
        return item.lastmod


def news_sitemap(request):
    """Stories published in the last 48 hours, in Google News sitemap format."""
    since = timezone.now() - timedelta(hours=48)
    articles = (
        ArticlePage.objects.live()
        .public()
        .filter(publication_date__gte=since)
        .order_by("-publication_date")[:1000]
    )
    items = [{"loc": absolute_url(a.get_url(request), request), "article": a} for a in articles]
    xml = render_to_string("articles/sitemap_news.xml", {"items": items}, request=request)
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")


@cache_page(3600)
def robots_txt(request):
    base = public_base_url(request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /comments/",
        "Disallow: /captcha/",
        "Disallow: /search/",
        "",
        f"Sitemap: {base}/sitemap.xml",
        f"Sitemap: {base}/sitemap-news.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
