"""News metadata for templates: absolute URLs, social image renditions, JSON-LD."""

import json
from datetime import timedelta

from django import template
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.templatetags.static import static
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.http import absolute_url as _public_url
from pagecache import versioned

register = template.Library()

SOCIAL_IMAGE = "fill-1200x675"


def _absolute(request, url: str) -> str:
    # From the Site (or PUBLIC_BASE_URL), never the Host header: cached pages outlive requests.
    return _public_url(url, request)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return _absolute(context.get("request"), url)


@register.simple_tag(takes_context=True)
def social_image_url(context, image):
    if not image:
        return _absolute(context.get("request"), static("img/logo.png"))
    return _absolute(context.get("request"), image.get_rendition(SOCIAL_IMAGE).url)


def _json_ld(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=None)
    # Nothing in the data can close the script element or start markup.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # Safe inside <script>: with <, > and & escaped the JSON cannot end the element.
    data = mark_safe(text)  # noqa: S308  # nosec B308, B703
    return format_html('<script type="application/ld+json">{}</script>', data)


def _publisher(request) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": _absolute(request, "/"),
        "logo": {
            "@type": "ImageObject",
            "url": _absolute(request, static("img/logo.png")),
            "width": 600,
            "height": 60,
        },
    }


# schema.org's NewsArticle subtypes for pieces that argue or interpret rather than report.
STORY_TYPES = {"opinion": "OpinionNewsArticle", "analysis": "AnalysisNewsArticle"}


@register.simple_tag(takes_context=True)
def article_json_ld(context, page):
    request = context.get("request")
    url = _absolute(request, page.get_url(request))
    modified = page.updated_date or page.last_published_at or page.display_date
    data = {
        "@context": "https://schema.org",
        "@type": STORY_TYPES.get(page.kind, "NewsArticle"),
        "headline": page.title[:110],
        "description": page.lead,
        "datePublished": page.display_date.isoformat() if page.display_date else None,
        "dateModified": modified.isoformat() if modified else None,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "author": [
            {"@type": "Person", "name": a.name, "url": _absolute(request, a.get_absolute_url())}
            for a in page.byline
        ]
        or [{"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}],
        "publisher": _publisher(request),
        "articleSection": page.section.title,
        "keywords": [topic.name for topic in page.reader_topics],
        "inLanguage": page.reader_language_code,
    }
    if page.main_image:
        data["image"] = [social_image_url(context, page.main_image)]
    return _json_ld(data)


@register.simple_tag
def page_translations(page):
    """A page's translations in one query per request: {"any": bool, "live": [pages]}, where
    "live" holds the published ones no view restriction covers (what readers may follow)."""
    memo = getattr(page, "_reader_translations", None)
    if memo is None:
        if not hasattr(page, "get_translations"):
            return {"any": False, "live": []}

        def compute():
            translations = page.get_translations()
            public = set(translations.live().public().values_list("pk", flat=True))
            return [(p, p.pk in public) for p in translations.select_related("locale")]

        if page.pk is None:
            pages = compute()
        else:  # cached until the next page change (pagecache.versioned)
            pages = versioned.cached(f"translations:{page.pk}", compute)
        memo = {"any": bool(pages), "live": [p for p, readable in pages if readable]}
        page._reader_translations = memo
    return memo


@register.simple_tag(takes_context=True)
def collection_json_ld(context, name, description=""):
    request = context.get("request")
    url = _absolute(request, request.path if request else "/")
    data = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": name,
        "description": description,
        "url": url,
        "isPartOf": {
            "@type": "WebSite",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": _absolute(request, "/"),
        },
        "publisher": _publisher(request),
    }
    return _json_ld(data)


@register.simple_tag(takes_context=True)
def website_json_ld(context):
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": _absolute(request, "/"),
        "publisher": _publisher(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": _absolute(request, reverse("search")) + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }
    return _json_ld(data)


RECENT = timedelta(hours=24)


@register.simple_tag
def story_time(moment):
    """A story's time for cards: "3 hours ago" within a day of publication, else the date; the
    full date and time in the datetime attribute and the tooltip.

    Pages are cached for minutes, not hours (PAGE_CACHE_SECONDS), so "3 hours ago" stays true
    to the hour."""
    if not moment:
        return ""
    local = timezone.localtime(moment)
    age = timezone.now() - moment
    if timedelta(0) <= age < RECENT:
        shown = naturaltime(moment)
    else:
        shown = date_format(local, "j F Y")
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        dateformat.format(local, "c"),
        date_format(local, "j F Y, H:i"),
        shown,
    )
