"""Bench sections, topics, images and stories, written with bulk inserts, and their index entries.

Pages are written with ``bulk_create`` rather than ``add_child``: treebeard materialised
paths (parent path + a 4-character base-36 step), depth, url_path and the parent's numchild
are computed here. Pages get no revisions (serving does not need one); their search index
entries are written with the backend's own ``add_bulk`` (what ``update_index`` does).
"""

from __future__ import annotations

import io
import json
import uuid
from datetime import timedelta
from html import escape

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from articles.demo import make_demo_image
from articles.models import (
    ArticleAuthor,
    ArticlePage,
    ArticlePageTag,
    Author,
    HomePage,
    Person,
    Quotation,
    SectionPage,
)

from .common import (
    BATCH,
    COMMENTED_STORY_SLUG,
    PREFIX,
    SEARCH_WORD,
    BenchReport,
    Progress,
    chunks,
)
from .text import WORDS, Text

SECTIONS = [
    ("Africa", "Mediation, peacekeeping and regional diplomacy across the continent."),
    ("Americas", "Negotiations and envoys from Bogotá to Port-au-Prince."),
    ("Asia", "Talks, treaties and border disputes."),
    ("Europe", "Sanctions, security and the diplomacy of the continent."),
    ("Middle East", "Ceasefires, hostages and humanitarian corridors."),
    ("Diplomacy", "The envoys, summits and back channels."),
    ("Analysis", "What the talks mean, and what comes next."),
    ("Humanitarian", "Aid access, refugees and the laws of war."),
]
IMAGE_COLOURS = [
    ["#1d3557", "#457b9d"],
    ["#264653", "#2a9d8f"],
    ["#6d597a", "#b56576"],
    ["#283618", "#606c38"],
    ["#3d405b", "#81b29a"],
    ["#540b0e", "#9e2a2b"],
    ["#22223b", "#4a4e69"],
    ["#003049", "#d62828"],
]


def add_sections(home: HomePage, report: BenchReport) -> list[SectionPage]:
    sections = []
    for title, intro in SECTIONS:
        slug = PREFIX + title.lower().replace(" ", "-")
        section = SectionPage.objects.child_of(home).filter(slug=slug).first()
        if section is None:
            section = home.add_child(
                instance=SectionPage(title=title, slug=slug, intro=intro, show_in_menus=True)
            )
            section.save_revision().publish()
            report.add("sections", 1)
        sections.append(section)
    return sections


def add_topics(report: BenchReport) -> list[Tag]:
    names = sorted(set(WORDS[:60]))
    existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
    new = [Tag(name=name, slug=name) for name in names if name not in existing]
    Tag.objects.bulk_create(new)
    report.add("topics", len(new))
    return list(Tag.objects.filter(name__in=names).order_by("pk"))


def add_images(report: BenchReport) -> list:
    """A few shared images, so cards and stories render pictures (and renditions) as usual."""
    image_model = get_image_model()
    images = []
    for n, colours in enumerate(IMAGE_COLOURS, start=1):
        title = f"{PREFIX}image-{n}"
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(title=title, description="Generated for benchmarks")
            data = make_demo_image(title, colours, size=(1600, 900))
            image.file = ImageFile(io.BytesIO(data), name=f"{title}.jpg")
            image.save()
            report.add("images", 1)
        images.append(image)
    return images


def story_body(text: Text, people: list[Person], articles_so_far: list[int]) -> list[dict]:
    rng = text.rng
    blocks: list[dict] = []
    for n in range(rng.randint(7, 10)):
        if n in (3, 7):
            blocks.append({"type": "heading", "value": {"text": text.title()}})
        if n in (2, 6) and people:
            person = rng.choice(people)
            blocks.append(
                {
                    "type": "quote",
                    "value": {
                        "text": text.sentence(12, 25),
                        "person": person.pk,
                        "speaker": "",
                        "role": "",
                        "organisation": "",
                        "source_url": "",
                    },
                }
            )
        blocks.append({"type": "paragraph", "value": f"<p>{escape(text.paragraph(4))}</p>"})
    if articles_so_far and rng.random() < 0.3:
        target = rng.choice(articles_so_far)
        blocks.append({"type": "read_more", "value": {"page": target, "url": "", "title": ""}})
    return [dict(block, id=str(uuid.UUID(int=rng.getrandbits(128)))) for block in blocks]


def _bulk_insert_articles(rows: list[tuple[ArticlePage, list[dict]]]) -> None:
    """Insert Page rows, then the ArticlePage rows that extend them (multi-table inheritance).

    Django refuses bulk_create on a multi-table child, so the child table is written with the
    same insert query bulk_create uses, for the local (ArticlePage) columns only.
    """
    pages = [article for article, _ in rows]
    page_fields = {f.attname for f in Page._meta.concrete_fields}
    parents = [
        Page(**{name: getattr(article, name) for name in page_fields if name != "id"})
        for article in pages
    ]
    Page.objects.bulk_create(parents)
    for parent, article in zip(parents, pages, strict=True):
        article.page_ptr_id = article.id = parent.pk
    ArticlePage._base_manager._insert(  # noqa: SLF001 - bulk_create's own insert, child table
        pages, fields=ArticlePage._meta.local_concrete_fields, using=connection.alias
    )


def add_articles(
    *,
    text: Text,
    total: int,
    sections: list[SectionPage],
    authors: list[Author],
    people: list[Person],
    topics: list[Tag],
    images: list,
    progress: Progress,
    report: BenchReport,
) -> list[int]:
    """Top the generated stories up to `total`; returns the ids of the new ones."""
    locale = sections[0].locale
    existing = ArticlePage.objects.filter(slug__startswith=PREFIX).count()
    missing = total - existing
    if missing <= 0:
        return []
    content_type = ContentType.objects.get_for_model(ArticlePage)
    # Each section's next free child step (its children may have been added before).
    next_step = {}
    for section in sections:
        last = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
            .aggregate(last=Max("path"))
            .get("last")
        )
        next_step[section.pk] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    known_ids = list(
        ArticlePage.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True)[:500]
    )
    now = timezone.now()
    # Older stories first; the commented story, created on the first run, is the newest.
    span = timedelta(days=730)
    new_ids: list[int] = []
    done = 0
    # The first story goes in alone, so every later batch (also the first run's) has stories
    # to point READ MORE blocks at: the share of such blocks must not depend on the run size.
    starts = sorted({existing, *range(max(existing, 1), total, BATCH)})
    for batch_start, batch_end in zip(starts, [*starts[1:], total], strict=True):
        rows: list[tuple[ArticlePage, list[dict]]] = []
        for n in range(batch_start, batch_end):
            section = sections[n % len(sections)]
            step = next_step[section.pk]
            next_step[section.pk] = step + 1
            if n == 0:
                slug, published = COMMENTED_STORY_SLUG, now - timedelta(hours=1)
            else:
                slug = f"{PREFIX}story-{n}"
                published = now - timedelta(hours=2) - span * text.rng.random()
            title = text.title()
            blocks = story_body(text, people, known_ids)
            image = text.rng.choice(images) if images else None
            article = ArticlePage(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(section.path, section.depth + 1, step),
                depth=section.depth + 1,
                numchild=0,
                url_path=f"{section.url_path}{slug}/",
                content_type=content_type,
                locale=locale,
                translation_key=uuid.UUID(int=text.rng.getrandbits(128)),
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
                lead=f"{text.sentence(10, 18)[:-1]} as {SEARCH_WORD} talks {text.words(6)}.",
                publication_date=published,
                main_image=image,
                main_image_alt=f"Illustration: {text.words(5)}" if image else "",
                main_image_caption=text.sentence(6, 10) if image else "",
                main_image_credit="Newsroom" if image else "",
                body=json.dumps(blocks),
                comments_open=True,
            )
            rows.append((article, blocks))
        with transaction.atomic():
            _bulk_insert_articles(rows)
            ids = [article.pk for article, _ in rows]
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(page_id=article.pk, author=author, sort_order=order)
                for article, _ in rows
                for order, author in enumerate(
                    text.rng.sample(authors, k=1 if text.rng.random() < 0.8 else 2)
                )
            )
            ArticlePageTag.objects.bulk_create(
                ArticlePageTag(content_object_id=article.pk, tag=tag)
                for article, _ in rows
                for tag in text.rng.sample(topics, k=text.rng.randint(2, 4))
            )
            Quotation.objects.bulk_create(
                Quotation(
                    page_id=article.pk,
                    person_id=block["value"]["person"],
                    text=block["value"]["text"],
                    position=position,
                )
                for article, blocks in rows
                for position, block in enumerate(blocks)
                if block["type"] == "quote"
            )
        new_ids.extend(ids)
        known_ids = (known_ids + ids)[-500:]
        done += len(rows)
        progress("articles", done, missing)
    for section in sections:
        Page.objects.filter(pk=section.pk).update(
            numchild=Page.objects.filter(
                path__startswith=section.path, depth=section.depth + 1
            ).count()
        )
    report.add("articles", len(new_ids))
    return new_ids


def index_articles(ids: list[int], progress: Progress, report: BenchReport) -> None:
    """Search index entries for the new stories, through the configured backend."""
    backend = get_search_backend()
    done = 0
    for chunk in chunks(ids, 500):
        backend.add_bulk(ArticlePage, list(ArticlePage.objects.filter(pk__in=chunk)))
        done += len(chunk)
        progress("search index", done, len(ids))
    report.add("index entries", done)
