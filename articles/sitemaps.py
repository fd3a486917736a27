"""Sitemaps: every published page (Wagtail's), topics, and a Google News sitemap."""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import cache_page
from taggit.models import Tag

from .models import ArticlePage


class TopicSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return (
            Tag.objects.filter(articles_articlepagetag_items__content_object__live=True)
            .annotate(
                lastmod=Max("articles_articlepagetag_items__content_object__last_published_at")
            )
            .order_by("slug")
        )

    def location(self, item):
        return f"/topics/{item.slug}/"

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
    items = [
        {"loc": request.build_absolute_uri(a.get_url(request)), "article": a} for a in articles
    ]
    xml = render_to_string("articles/sitemap_news.xml", {"items": items}, request=request)
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")


@cache_page(3600)
def robots_txt(request):
    base = request.build_absolute_uri("/").rstrip("/")
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
