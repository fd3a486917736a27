"""Snippets the stories name: the staff who write them (bylines) and the people quoted in them."""

from typing import NamedTuple

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from pagecache import versioned


class Author(index.Indexed, models.Model):
    """A member of staff who writes stories (shown in bylines)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    role = models.CharField(max_length=200, blank=True, help_text="e.g. Diplomatic correspondent")
    bio = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("role"), FieldPanel("bio")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("author", args=[self.slug])


class Person(index.Indexed, models.Model):
    """Someone quoted in stories: an envoy, a minister, a spokesperson."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    role = models.CharField(max_length=200, blank=True, help_text="e.g. Special Envoy")
    organisation = models.CharField(
        max_length=200, blank=True, help_text="Organisation or country."
    )
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("organisation"),
        index.SearchField("bio"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("person", args=[self.slug])

    @property
    def description(self) -> str:
        return ", ".join(part for part in (self.role, self.organisation) if part)


class TopicTranslation(models.Model):
    """A topic's name in another language. Topics are tags that every language's stories share;
    pages in a language show a topic by its name in that language, and leave out topics that
    have none there (rather than mix languages)."""

    topic = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, related_name="translations")
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name="language"
    )
    name = models.CharField(max_length=100, help_text="The topic's name in this language.")

    panels = [FieldPanel("topic"), FieldPanel("locale"), FieldPanel("name")]

    class Meta:
        ordering = ["topic__name", "locale__language_code"]
        verbose_name = "topic name"
        constraints = [
            models.UniqueConstraint(fields=["topic", "locale"], name="one_topic_name_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.topic}: {self.name} ({self.locale.language_code})"


class Topic(NamedTuple):
    """A topic as a reader sees it: its slug (the URL) and its name in the page's language."""

    slug: str
    name: str


def topic_names(locale_id: int) -> dict[int, str]:
    """The names topics have in a language, by tag id (cached until the next change)."""

    def compute():
        rows = TopicTranslation.objects.filter(locale_id=locale_id)
        return dict(rows.values_list("topic_id", "name"))

    return versioned.cached(f"topic-names:{locale_id}", compute)


def localized_topics(tags, *, locale_id: int, default_language: bool) -> list[Topic]:
    """tags as shown in a language: by their name there; in the site's default language a tag
    without one keeps its own name, in another language it is left out."""
    names = topic_names(locale_id)
    return [
        Topic(tag.slug, names.get(tag.pk) or tag.name)
        for tag in tags
        if tag.pk in names or default_language
    ]
