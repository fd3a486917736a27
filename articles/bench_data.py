"""Generates a large, realistic data set for `make bench` with bulk inserts (generate_bench_data).

Everything generated is recognisable by its ``bench-`` slug (sections, authors, people,
articles), so the generator can top a data set up to larger totals (1,000 articles, then
10,000: the benchmark measures query counts at both sizes) and `--reset` can remove it.

Pages are written with ``bulk_create`` rather than ``add_child``: treebeard materialised
paths (parent path + a 4-character base-36 step), depth, url_path and the parent's numchild
are computed here. Pages get no revisions (serving does not need one); their search index
entries are written with the backend's own ``add_bulk`` (what ``update_index`` does).
"""

from __future__ import annotations

import io
import json
import random
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.db.models import Count, Max
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from comments.models import Comment
from comments.sanitizer import sanitize_comment

from .demo import make_demo_image
from .models import (
    ArticleAuthor,
    ArticlePage,
    ArticlePageTag,
    Author,
    HomePage,
    Person,
    Quotation,
    SectionPage,
)
from .services import ensure_home_page

Progress = Callable[[str, int, int], None]

PREFIX = "bench-"
# The story with exactly COMMENTED_STORY_COMMENTS approved comments, the newest of all.
COMMENTED_STORY_SLUG = "bench-commented-story"
COMMENTED_STORY_COMMENTS = 500
SEARCH_WORD = "ceasefire"  # in every generated lead: "search for a common word"
BATCH = 2000
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
# A small vocabulary: text is assembled from it, so no text is copied from anywhere.
WORDS = (
    "agreement aid allies ambassador armistice border capital ceasefire charter civilians "
    "coalition commission committee conference corridor council crisis delegation dialogue "
    "displaced draft election embassy envoy evacuation framework frontier government "
    "guarantee humanitarian negotiators observers ministry mission monitoring parliament "
    "partners peace peacekeepers pledge president prisoners proposal protocol reconstruction "
    "refugees region resolution round sanctions security settlement statement summit talks "
    "territory treaty truce withdrawal week month officials sources capital province city "
    "villages roads ports convoy supplies water food medicine hospitals schools families "
    "leaders rebels army militia forces troops police courts judges lawyers journalists "
    "diplomats mediators donors lenders banks markets prices fuel grain harvest winter "
    "spring summer autumn morning evening night"
).split()
VERBS = (
    "said agreed rejected proposed signed announced warned urged welcomed denied confirmed "
    "postponed resumed demanded offered accepted promised questioned reported"
).split()
CONNECTORS = "and but while after before as since although because".split()
FIRST_NAMES = (
    "Amina Bruno Carla Dmitri Elif Farid Grace Hiro Ines Jonas Kemal Lena Mateo Nadia Omar "
    "Priya Quentin Rosa Samir Tomas Ulla Viktor Wanjiru Xavier Yusuf Zara"
).split()
LAST_NAMES = (
    "Abebe Bianchi Castillo Dimitrov Eriksen Farouk Gallagher Haddad Ibrahim Jansen Kovac "
    "Larsen Mendes Nakamura Okafor Petrov Quispe Rahman Santos Tanaka Umarov Varga Weber "
    "Yilmaz Zhou"
).split()
ROLES = (
    "Special Envoy",
    "Foreign Minister",
    "Spokesperson",
    "Chief Negotiator",
    "Ambassador",
    "Humanitarian Coordinator",
    "Defence Minister",
    "Mediator",
)
ORGANISATIONS = (
    "United Nations",
    "African Union",
    "European Union",
    "Arab League",
    "ASEAN",
    "Organization of American States",
    "International Committee of the Red Cross",
    "World Food Programme",
)
AUTHOR_ROLES = ("Correspondent", "Diplomatic editor", "Reporter", "Analyst", "Editor")
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


@dataclass
class BenchReport:
    created: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, kind: str, count: int) -> None:
        if count:
            self.created[kind] = self.created.get(kind, 0) + count


class Text:
    """Sentences and names from the small vocabulary, reproducible from a seed."""

    def __init__(self, seed: int):
        # Reproducible benchmark text, not secrets.
        self.rng = random.Random(seed)  # noqa: S311  # nosec B311

    def words(self, n: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def sentence(self, low: int = 8, high: int = 20) -> str:
        rng = self.rng
        n = rng.randint(low, high)
        half = max(2, n // 2)
        text = (
            f"{self.words(2)} {rng.choice(VERBS)} {self.words(half)} "
            f"{rng.choice(CONNECTORS)} {self.words(n - half)}"
        )
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self) -> str:
        text = f"{self.words(2)} {self.rng.choice(VERBS)} {self.words(self.rng.randint(3, 6))}"
        return text[0].upper() + text[1:]

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def _sections(home: HomePage, report: BenchReport) -> list[SectionPage]:
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


def _authors(text: Text, count: int, report: BenchReport) -> list[Author]:
    existing = Author.objects.filter(slug__startswith=PREFIX).count()
    new = [
        Author(
            name=text.name(),
            slug=f"{PREFIX}author-{n}",
            role=text.rng.choice(AUTHOR_ROLES),
            bio=text.paragraph(2),
        )
        for n in range(existing + 1, count + 1)
    ]
    Author.objects.bulk_create(new)
    report.add("authors", len(new))
    return list(Author.objects.filter(slug__startswith=PREFIX).order_by("pk"))


def _people(text: Text, count: int, report: BenchReport) -> list[Person]:
    existing = Person.objects.filter(slug__startswith=PREFIX).count()
    new = [
        Person(
            name=text.name(),
            slug=f"{PREFIX}person-{n}",
            role=text.rng.choice(ROLES),
            organisation=text.rng.choice(ORGANISATIONS),
            bio=text.paragraph(3),
        )
        for n in range(existing + 1, count + 1)
    ]
    Person.objects.bulk_create(new)
    if new:
        get_search_backend().add_bulk(
            Person, list(Person.objects.filter(slug__in=[p.slug for p in new]))
        )
    report.add("people", len(new))
    return list(Person.objects.filter(slug__startswith=PREFIX).order_by("pk"))


def _topics(report: BenchReport) -> list[Tag]:
    names = sorted(set(WORDS[:60]))
    existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
    new = [Tag(name=name, slug=name) for name in names if name not in existing]
    Tag.objects.bulk_create(new)
    report.add("topics", len(new))
    return list(Tag.objects.filter(name__in=names).order_by("pk"))


def _images(report: BenchReport) -> list:
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


def _body(text: Text, people: list[Person], articles_so_far: list[int]) -> list[dict]:
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


def _articles(
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
            blocks = _body(text, people, known_ids)
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


def _index(ids: list[int], progress: Progress, report: BenchReport) -> None:
    """Search index entries for the new stories, through the configured backend."""
    backend = get_search_backend()
    done = 0
    for chunk in _chunks(ids, 500):
        backend.add_bulk(ArticlePage, list(ArticlePage.objects.filter(pk__in=chunk)))
        done += len(chunk)
        progress("search index", done, len(ids))
    report.add("index entries", done)


class CommentBodies:
    """A pool of generated comments, sanitized once (bleach is the slow part) and reused."""

    def __init__(self, text: Text, size: int = 1000):
        self.rng = text.rng
        self.pool = []
        for _ in range(size):
            body = "\n\n".join(text.paragraph(text.rng.randint(1, 3)) for _ in range(2))
            self.pool.append((body, sanitize_comment(body)))

    def pick(self) -> tuple[str, str]:
        return self.rng.choice(self.pool)


def _comments(
    *,
    text: Text,
    bodies: CommentBodies,
    status: str,
    targets: list[tuple[int, datetime]],
    count: int,
    progress: Progress,
    label: str,
) -> int:
    """bulk_create `count` comments with `status`, spread at random over `targets`."""
    now = timezone.now()
    rng = text.rng
    done = 0
    while done < count:
        batch = []
        for _ in range(min(5000, count - done)):
            article_id, published = rng.choice(targets)
            body, body_html = bodies.pick()
            age = (now - published).total_seconds()
            created = published + timedelta(seconds=rng.random() * max(age, 60) * 0.99)
            name = text.name()
            email = f"{name.lower().replace(' ', '.')}{rng.randint(1, 999)}@example.org"
            address = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
            batch.append(
                Comment(
                    article_id=article_id,
                    author_name=name,
                    author_email=email,
                    body=body,
                    body_html=body_html,
                    status=status,
                    created_at=created,
                    ip_address=address,
                    user_agent="Mozilla/5.0 (bench)",
                    submission_token=uuid.UUID(int=rng.getrandbits(128), version=4),
                )
            )
        Comment.objects.bulk_create(batch, batch_size=5000)
        done += len(batch)
        progress(label, done, count)
    return done


def generate(
    *,
    articles: int,
    comments: int,
    people: int,
    pending: int,
    authors: int = 40,
    seed: int = 1,
    progress: Progress = _quiet,
) -> BenchReport:
    """Top the generated data set up to the given totals (never removes anything)."""
    report = BenchReport()
    # A different seed per run keeps top-ups from repeating the first run's text exactly.
    text = Text(seed * 1_000_003 + ArticlePage.objects.count())
    with transaction.atomic():
        home = ensure_home_page()
        sections = _sections(home, report)
        author_rows = _authors(text, authors, report)
        people_rows = _people(text, people, report)
        topics = _topics(report)
        images = _images(report)
    new_ids = _articles(
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
    _index(new_ids, progress, report)

    stories = list(
        ArticlePage.objects.filter(slug__startswith=PREFIX).values_list(
            "pk", "slug", "publication_date"
        )
    )
    commented = next((pk for pk, slug, _ in stories if slug == COMMENTED_STORY_SLUG), None)
    others = [(pk, published) for pk, slug, published in stories if slug != COMMENTED_STORY_SLUG]
    generated = Comment.objects.filter(article__slug__startswith=PREFIX)
    counts = dict(
        generated.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    approved_on_commented = (
        generated.filter(article_id=commented, status=Comment.Status.APPROVED).count()
        if commented
        else 0
    )
    bodies = CommentBodies(text)
    if commented and approved_on_commented < COMMENTED_STORY_COMMENTS:
        published = next(p for pk, _, p in stories if pk == commented)
        made = _comments(
            text=text,
            bodies=bodies,
            status=Comment.Status.APPROVED,
            targets=[(commented, published)],
            count=COMMENTED_STORY_COMMENTS - approved_on_commented,
            progress=progress,
            label="comments on the commented story",
        )
        counts[Comment.Status.APPROVED] = counts.get(Comment.Status.APPROVED, 0) + made
        report.add("approved comments", made)
    for status, wanted, label in (
        (Comment.Status.APPROVED, comments, "approved comments"),
        (Comment.Status.PENDING, pending, "pending comments"),
    ):
        missing = wanted - counts.get(status, 0)
        if missing > 0 and others:
            made = _comments(
                text=text,
                bodies=bodies,
                status=status,
                targets=others,
                count=missing,
                progress=progress,
                label=label,
            )
            report.add(label, made)
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
