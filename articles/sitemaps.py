"""Sitemaps: every published page (Wagtail's), topics, and a Google News sitemap."""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Max
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_page
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap

from core.http import absolute_url, public_base_url

from .models import ArticlePage


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
