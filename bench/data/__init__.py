"""Generates a large, realistic data set for `make bench` with bulk inserts (generate_bench_data).

Everything generated is recognisable by its ``bench-`` slug (sections, authors, people,
articles), so the generator can top a data set up to larger totals (1,000 articles, then
10,000: the benchmark measures query counts at both sizes) and `--reset` can remove it.

One module per kind of content: ``stories`` (sections, topics, images, stories and their
search index entries), ``people`` (authors and quoted people), ``comments``; ``text`` makes
the words, reproducibly from a seed.
"""

from __future__ import annotations

from django.db import connection, transaction
from wagtail.images import get_image_model
from wagtail.models import Page

from articles.models import ArticlePage, Author, Person, SectionPage
from articles.services import ensure_home_page
from comments.models import Comment

from .comments import add_comments
from .common import (
    COMMENTED_STORY_COMMENTS,
    COMMENTED_STORY_SLUG,
    PREFIX,
    SEARCH_WORD,
    BenchReport,
    Progress,
    quiet,
)
from .people import add_authors, add_people
from .stories import add_articles, add_images, add_sections, add_topics, index_articles
from .text import Text

__all__ = [
    "COMMENTED_STORY_COMMENTS",
    "COMMENTED_STORY_SLUG",
    "PREFIX",
    "SEARCH_WORD",
    "BenchReport",
    "generate",
    "reset",
]


def generate(
    *,
    articles: int,
    comments: int,
    people: int,
    pending: int,
    authors: int = 40,
    seed: int = 1,
    progress: Progress = quiet,
) -> BenchReport:
    """Top the generated data set up to the given totals (never removes anything)."""
    report = BenchReport()
    # A different seed per run keeps top-ups from repeating the first run's text exactly.
    text = Text(seed * 1_000_003 + ArticlePage.objects.count())
    with transaction.atomic():
        home = ensure_home_page()
        sections = add_sections(home, report)
        author_rows = add_authors(text, authors, report)
        people_rows = add_people(text, people, report)
        topics = add_topics(report)
        images = add_images(report)
    new_ids = add_articles(
        text=text,
        total=articles,
        sections=[SectionPage.objects.get(pk=s.pk) for s in sections],
        authors=author_rows,
        people=people_rows,
        topics=topics,
        images=images,
        progress=progress,
        report=report,
    )
    index_articles(new_ids, progress, report)
    add_comments(text=text, comments=comments, pending=pending, progress=progress, report=report)
    if connection.vendor == "postgresql":
        # Fresh statistics, or the planner guesses; VACUUM also sets the visibility map, as
        # autovacuum would on a live site, so counts can use index-only scans. VACUUM cannot
        # run inside a transaction (tests): then statistics only.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return report


def reset() -> dict[str, int]:
    """Delete what the generator made (by its bench- slugs); demo and real content stay."""
    deleted: dict[str, int] = {}
    with transaction.atomic():
        stories = ArticlePage.objects.filter(slug__startswith=PREFIX)
        deleted["comments"] = Comment.objects.filter(article__in=stories).delete()[0]
        deleted["pages"] = 0
        for section in SectionPage.objects.filter(slug__startswith=PREFIX):
            deleted["pages"] += Page.objects.filter(path__startswith=section.path).count()
            section.delete()
        for kind, queryset in (
            ("people", Person.objects.filter(slug__startswith=PREFIX)),
            ("authors", Author.objects.filter(slug__startswith=PREFIX)),
            ("images", get_image_model().objects.filter(title__startswith=PREFIX + "image-")),
        ):
            deleted[kind] = queryset.delete()[1].get(queryset.model._meta.label, 0)
    return deleted
