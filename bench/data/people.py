"""Bench bylines and the people quoted in stories (Author and Person snippets)."""

from __future__ import annotations

from wagtail.search.backends import get_search_backend

from articles.models import Author, Person

from .common import PREFIX, BenchReport
from .text import Text

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


def add_authors(text: Text, count: int, report: BenchReport) -> list[Author]:
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


def add_people(text: Text, count: int, report: BenchReport) -> list[Person]:
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
