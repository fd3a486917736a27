"""Public listing views that are not pages in the tree: topics, authors, archive, search."""

import calendar
import re
from datetime import UTC, datetime

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from .models import ArticlePage, Author, Person, Quotation, SectionPage
from .models.snippets import Topic, topic_names
from .search import (
    MAX_QUERY,
    MAX_WORDS,
    CappedPaginator,
    highlight,
    parse_day,
    search_stories,
    shorten_query,
)

PAGE_SIZE = 12
SLUG = re.compile(r"[-\w]{1,255}")


def _page(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def _localized():
    """Stories in the language the reader is browsing (/, /es/ or /ar/)."""
    return ArticlePage.objects.filter(locale=Locale.get_active())


def topic(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    locale = Locale.get_active()
    articles = ArticlePage.objects.filter(locale=locale, tagged_items__tag=tag).cards()
    # Its name in the reader's language (a topic nobody named there keeps its own).
    name = topic_names(locale.pk).get(tag.pk, tag.name)
    return render(
        request,
        "articles/topic.html",
        {"topic": Topic(tag.slug, name), "articles": _page(request, articles)},
    )


def author(request, slug):
    person = get_object_or_404(Author, slug=slug)
    articles = _localized().filter(authors__author=person).cards()
    return render(
        request, "articles/author.html", {"author": person, "articles": _page(request, articles)}
    )


def _public_stories():
    """Published stories in the reader's language that no view restriction covers."""
    return _localized().live().public()


def people(request):
    everyone = (
        Person.objects.annotate(
            quote_count=Count("quotations", filter=Q(quotations__page__in=_public_stories()))
        )
        .filter(quote_count__gt=0)
        .order_by("name")
    )
    return render(request, "articles/people.html", {"people": _page(request, everyone, 50)})


def person(request, slug):
    """Everything a person was quoted saying in published stories, newest first."""
    who = get_object_or_404(Person, slug=slug)
    quotes = (
        Quotation.objects.filter(person=who, page__in=_public_stories())
        .select_related("page")
        .order_by("-page__publication_date", "page_id", "position")
    )
    return render(
        request, "articles/person.html", {"person": who, "quotes": _page(request, quotes, 20)}
    )


def archive(request, year, month=None):
    if not 1900 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
        raise Http404("No such archive period")
    tz = timezone.get_current_timezone()
    if month:
        start = datetime(year, month, 1, tzinfo=tz)
        last_day = calendar.monthrange(year, month)[1]
        end = datetime(year, month, last_day, 23, 59, 59, tzinfo=tz)
    else:
        start, end = datetime(year, 1, 1, tzinfo=tz), datetime(year, 12, 31, 23, 59, 59, tzinfo=tz)
    try:  # the database compares in UTC, where the end of 9999 may not exist
        start.astimezone(UTC), end.astimezone(UTC)
    except OverflowError:
        raise Http404("No such archive period") from None
    articles = _localized().filter(publication_date__gte=start, publication_date__lte=end).cards()
    return render(
        request,
        "articles/archive.html",
        {"year": year, "month": month, "period": start, "articles": _page(request, articles)},
    )


def search(request):
    raw_query = request.GET.get("q") or ""
    query, shortened = shorten_query(raw_query)
    sections = SectionPage.objects.live().public().filter(locale=Locale.get_active())
    sections = sections.order_by("title")
    # Only a slug can name a section (and PostgreSQL refuses a NUL in any query parameter).
    slug = request.GET.get("section") or ""
    section = sections.filter(slug=slug).first() if SLUG.fullmatch(slug) else None
    date_from = parse_day(request.GET.get("from"))
    date_to = parse_day(request.GET.get("to"), end=True)
    results, people_found = None, []
    if query:
        queryset = _localized().live().public()
        if section:
            queryset = queryset.descendant_of(section)
        if date_from:
            queryset = queryset.filter(publication_date__gte=date_from)
        if date_to:
            queryset = queryset.filter(publication_date__lte=date_to)
        people_found = list(get_search_backend().search(query, Person)[:6])
        paginator = CappedPaginator(search_stories(queryset, query), 10)
        results = paginator.get_page(request.GET.get("page"))
        results.object_list = list(results.object_list)
        for article in results.object_list:
            article.snippet = highlight(f"{article.lead} {article.body_text}", query)
            article.headline = highlight(article.title, query, width=500)
    return render(
        request,
        "articles/search.html",
        {
            "query": query,
            # What the reader typed, unless it was shortened: then what was searched for.
            "raw_query": query if shortened else raw_query[:MAX_QUERY],
            "shortened": shortened,
            "max_words": MAX_WORDS,
            "max_chars": MAX_QUERY,
            "results": results,
            "people_found": people_found,
            "sections": sections,
            "section": section,
            "date_from": request.GET.get("from", "")[:10] if date_from else "",
            "date_to": request.GET.get("to", "")[:10] if date_to else "",
        },
    )
