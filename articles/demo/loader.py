"""Builds the demo site (sections, authors, articles, generated images) idempotently.

The content is data, read from data/*.json: sections, authors, people (quoted in bodies by
slug), stories, and translations (per language code: section titles and intros, people's
roles and organisations, topic names, translated stories keyed by the English slug).
A story's dates are ages ("published_ago": {"days": 2, "hours": 5}, "updated_after": ...)
counted from the moment the demo is loaded, so a fresh demo is always recent news whose
comments are open (they close some days after publication: Settings › Comment rules); a
story may set "comments_open": false and "kind": "opinion". A story body is a
list of {"type", "value"} blocks: paragraph (HTML), heading (text), quote (text with a person
slug, or a speaker, role and organisation) and read_more (a story slug). They are turned into
StreamField JSON once every story exists, and everything is created through the models and
Wagtail's page APIs, as an editor would.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale

from ..models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    Person,
    SectionPage,
    TopicTranslation,
)
from ..services import ensure_home_page
from .images import make_demo_image

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_data(name: str):
    """One of the demo's data files, e.g. read_data("stories")."""
    return json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))


@dataclass
class DemoReport:
    created: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1


def _image_for(article: dict, report: DemoReport):
    image_model = get_image_model()
    title = f"Demo: {article['title']}"
    image = image_model.objects.filter(title=title).first()
    if image is None:
        data = make_demo_image(article["slug"], article["image"]["colors"])
        image = image_model(title=title, description=article["image"]["alt"])
        image.file = ImageFile(io.BytesIO(data), name=f"{article['slug']}.jpg")
        image.save()
        report.add("images")
    return image


def _dates(article: dict, now) -> tuple:
    """(published, updated) from the story's ages, to the minute."""
    published = (now - timedelta(**article["published_ago"])).replace(second=0, microsecond=0)
    updated = None
    if article.get("updated_after"):
        updated = min(published + timedelta(**article["updated_after"]), now)
    return published, updated


def _body(article: dict, pages_by_slug: dict[str, ArticlePage], people: dict[str, dict]) -> str:
    blocks = []
    for block in article["body"]:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            blocks.append({"type": "paragraph", "value": value})
        elif kind == "heading":
            blocks.append({"type": "heading", "value": {"text": value}})
        elif kind == "quote":
            person = people.get(value.get("person", ""))
            blocks.append(
                {
                    "type": "quote",
                    "value": {
                        "text": value["text"],
                        "person": person["pk"] if person else None,
                        "speaker": "" if person else value.get("speaker", ""),
                        # Empty role/organisation fall back to the person's own.
                        "role": (person or value).get("role_override", value.get("role", "")),
                        "organisation": (person or value).get(
                            "organisation_override", value.get("organisation", "")
                        ),
                        "source_url": value.get("source_url", ""),
                    },
                }
            )
        elif kind == "read_more":
            target = pages_by_slug[value]
            blocks.append(
                {"type": "read_more", "value": {"page": target.pk, "url": "", "title": ""}}
            )
        else:
            raise ValueError(f"Unknown demo block kind {kind!r}")
    return json.dumps(blocks)


@transaction.atomic
def load_demo() -> DemoReport:
    report = DemoReport()
    home = ensure_home_page()

    authors = {}
    for data in read_data("authors"):
        author, created = Author.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "bio": data.get("bio", ""),
                "role": data.get("role", ""),
            },
        )
        authors[data["slug"]] = author
        if created:
            report.add("authors")

    sections = {}
    for data in read_data("sections"):
        section = SectionPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if section is None:
            section = home.add_child(
                instance=SectionPage(
                    title=data["title"],
                    slug=data["slug"],
                    intro=data.get("intro", ""),
                    show_in_menus=True,
                )
            )
            section.save_revision().publish()
            report.add("sections")
        sections[data["slug"]] = section

    people = {}
    for data in read_data("people"):
        person, created = Person.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "role": data.get("role", ""),
                "organisation": data.get("organisation", ""),
                "bio": data.get("bio", ""),
            },
        )
        if created:
            report.add("people")
        people[data["slug"]] = {"pk": person.pk}
    pages_by_slug: dict[str, ArticlePage] = {}
    new_articles = []
    now = timezone.now()
    for data in read_data("stories"):
        section = sections[data["section"]]
        page = ArticlePage.objects.filter(slug=data["slug"], locale=home.locale).first()
        if page is None:
            published, updated = _dates(data, now)
            image = _image_for(data, report)
            page = section.add_child(
                instance=ArticlePage(
                    title=data["title"],
                    slug=data["slug"],
                    lead=data["lead"],
                    publication_date=published,
                    first_published_at=published,
                    updated_date=updated,
                    kind=data.get("kind", ArticlePage.Kind.NEWS),
                    comments_open=data.get("comments_open", True),
                    main_image=image,
                    main_image_alt=data["image"]["alt"],
                    main_image_caption=data["image"].get("caption", ""),
                    main_image_credit=data["image"].get("credit", ""),
                    live=False,
                )
            )
            page.topics.add(*data["topics"])
            for order, slug in enumerate(data["authors"]):
                page.authors.add(ArticleAuthor(author=authors[slug], sort_order=order))
            new_articles.append((page, data))
            report.add("articles")
        pages_by_slug[data["slug"]] = page

    # Bodies are written once every article exists, so READ MORE blocks can point anywhere.
    for page, data in new_articles:
        page.body = _body(data, pages_by_slug, people)
        page.save_revision().publish()
        # Last published when the story says, not when the demo was loaded (sitemaps, JSON-LD).
        ArticlePage.objects.filter(pk=page.pk).update(
            last_published_at=page.updated_date or page.publication_date
        )
    _load_translations(pages_by_slug, people, report)
    return report


def _publish_translation(source, locale, **fields):
    """The page's translation into locale (made with its parents if needed), published."""
    translated = source.get_translation_or_none(locale)
    if translated is None:
        translated = source.copy_for_translation(locale, copy_parents=True)
    translated = translated.specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def _load_translations(pages_by_slug, people, report: DemoReport) -> None:
    for code, translation in read_data("translations").items():
        locale = Locale.objects.get(language_code=code)
        home = HomePage.objects.filter(locale__language_code="en").first()
        if home.get_translation_or_none(locale) is None or not home.get_translation(locale).live:
            _publish_translation(home, locale)
        for topic, name in translation.get("topics", {}).items():
            tag = Tag.objects.filter(name__iexact=topic).first()
            if tag is not None:
                _, created = TopicTranslation.objects.get_or_create(
                    topic=tag, locale=locale, defaults={"name": name}
                )
                if created:
                    report.add(f"topic names ({code})")
        roles = translation["people"]
        localized_people = {
            slug: {
                **person,
                "role_override": roles.get(slug, {}).get("role", ""),
                "organisation_override": roles.get(slug, {}).get("organisation", ""),
            }
            for slug, person in people.items()
        }
        for data in translation["stories"]:
            source = pages_by_slug[data["slug"]]
            if source.get_translation_or_none(locale) is not None:
                continue
            section = source.get_parent().specific
            translated_section = section.get_translation_or_none(locale)
            if translated_section is None or not translated_section.live:
                _publish_translation(
                    section,
                    locale,
                    title=translation["sections"][section.slug]["title"],
                    intro=translation["sections"][section.slug]["intro"],
                    show_in_menus=True,
                )
            targets = {
                slug: (page.get_translation_or_none(locale) or page)
                for slug, page in pages_by_slug.items()
            }
            _publish_translation(
                source,
                locale,
                title=data["title"],
                lead=data["lead"],
                main_image_alt=data["image_alt"],
                main_image_caption=data["image_caption"],
                body=_body(data, targets, localized_people),
            )
            report.add(f"translations ({code})")
