"""Page types: sections and stories, with a story's inlines (byline, corrections, topics) and the
quotations copied out of its body. The front page is in home.py."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Subquery, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.html import strip_tags
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from pagecache import versioned

from ..blocks import ArticleBodyBlock
from ..forms import ArticlePageForm
from ..permissions import DeskPermissions
from .queries import ArticlePageManager
from .restrictions import CachedViewRestrictions
from .snippets import Author, Person, Topic, localized_topics

SECTION_PAGE_SIZE = 12


class SectionPage(DeskPermissions, CachedViewRestrictions, Page):
    """A section of the site (e.g. Diplomacy) listing its stories, newest first."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count = None
    template = "pages/section_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(ArticlePage.objects.child_of(self).cards(), SECTION_PAGE_SIZE)
        # get_page() turns a malformed or out-of-range ?page= into a real page, never an error.
        context["articles"] = paginator.get_page(request.GET.get("page"))
        return context


class Quotation(models.Model):
    """A quote block of a story, copied out when the story is saved so people pages are fast."""

    page = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="quotations"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="quotations")
    text = models.TextField()
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["page", "position"]
        indexes = [models.Index(fields=["person", "page"], name="quotation_person_page")]

    def __str__(self) -> str:
        return f"{self.person}: {self.text[:60]}"


class ArticleCorrection(Orderable):
    """A dated correction or update to a published story, shown at its foot."""

    page = ParentalKey("articles.ArticlePage", related_name="corrections", on_delete=models.CASCADE)
    date = models.DateTimeField(default=timezone.now)
    text = models.TextField(help_text="What was wrong and what is right now.")

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        ordering = ["date", "sort_order"]


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticleAuthor(Orderable):
    page = ParentalKey("articles.ArticlePage", related_name="authors", on_delete=models.CASCADE)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "author")]


class ArticlePage(DeskPermissions, CachedViewRestrictions, Page):
    """A news story."""

    class Kind(models.TextChoices):
        """What sort of piece a story is. A field, not a section or a topic: an opinion piece
        may be filed under any section, topics are free words shared by every language, and
        readers must be told which pieces argue a view wherever the story appears."""

        NEWS = "news", "News"
        ANALYSIS = "analysis", "Analysis"
        OPINION = "opinion", "Opinion"

    lead = models.TextField(
        help_text="The standfirst: one or two sentences under the headline. Plain text."
    )
    publication_date = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Leave empty to use the time the story is first published.",
    )
    updated_date = models.DateTimeField(
        null=True, blank=True, help_text="Set when a published story is corrected or updated."
    )
    main_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    main_image_alt = models.CharField(
        "alt text",
        max_length=255,
        blank=True,
        help_text="Describe the image for readers who cannot see it. Required with an image.",
    )
    main_image_caption = models.CharField("caption", max_length=255, blank=True)
    main_image_credit = models.CharField("credit", max_length=255, blank=True)
    kind = models.CharField(
        "kind of story",
        max_length=20,
        choices=Kind.choices,
        default=Kind.NEWS,
        help_text="Opinion and analysis pieces are labelled as such on cards and on the story.",
    )
    topics = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True)
    source_guid = models.CharField(
        max_length=500,
        blank=True,
        db_index=True,
        editable=False,
        help_text="GUID of the item this story was imported from (import_articles).",
    )
    source_url = models.URLField(
        "source URL",
        max_length=1000,
        blank=True,
        db_index=True,
        editable=False,
        help_text="Address of the story on the legacy site it was imported from.",
    )
    comments_open = models.BooleanField(
        default=True,
        help_text="Readers may comment. Comments also close automatically after the number "
        "of days set in Settings › Comment rules.",
    )

    content_panels = [
        # Newsroom words: a story has a headline (Wagtail says "Page title").
        TitleFieldPanel(
            "title",
            heading="Headline",
            placeholder="Headline*",
            help_text="The headline as readers will see it; it also makes the story's URL.",
        ),
        FieldPanel("lead"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("publication_date"), FieldPanel("updated_date")]),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                FieldPanel("main_image_alt"),
                FieldPanel("main_image_caption"),
                FieldPanel("main_image_credit"),
            ],
            heading="Main image",
        ),
        MultipleChooserPanel("authors", chooser_field_name="author", heading="Byline"),
        FieldPanel("topics"),
        FieldPanel("body"),
        InlinePanel("corrections", heading="Corrections and updates", label="Correction"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("comments_open")]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["articles.SectionPage"]
    subpage_types: list[str] = []
    template = "pages/article_page.html"

    objects = ArticlePageManager()
    base_form_class = ArticlePageForm

    class Meta:
        verbose_name = "article"

    def clean(self):
        super().clean()
        if self.main_image_id and not self.main_image_alt.strip():
            raise ValidationError({"main_image_alt": "Alt text is required with a main image."})
        if (
            self.updated_date
            and self.publication_date
            and self.updated_date < self.publication_date
        ):
            raise ValidationError(
                {"updated_date": "The update cannot be earlier than the publication date."}
            )

    def save(self, *args, **kwargs):
        # The publication date defaults to the moment the story first went live.
        if self.live and self.publication_date is None:
            now = timezone.now()
            scheduled = self.go_live_at if self.go_live_at and self.go_live_at <= now else None
            # A scheduled story is dated when it was due, not when the cron job ran.
            self.publication_date = scheduled or self.first_published_at or now
        # A published correction moves the "updated" date forward.
        latest = max((c.date for c in self.corrections.all() if c.date), default=None)
        if latest and (self.updated_date is None or latest > self.updated_date):
            self.updated_date = latest
        result = super().save(*args, **kwargs)
        self._store_quotations()
        return result

    def _store_quotations(self) -> None:
        # Read the stored JSON, not the block values: no query per chooser block on save.
        quotes = [
            Quotation(
                page_id=self.pk,
                person_id=block["value"]["person"],
                text=block["value"].get("text", ""),
                position=position,
            )
            for position, block in enumerate(self.body.raw_data)
            if block.get("type") == "quote" and (block.get("value") or {}).get("person")
        ]
        if quotes:  # a person deleted since the story was written is simply left out
            people = {q.person_id for q in quotes}
            known = set(Person.objects.filter(pk__in=people).values_list("pk", flat=True))
            quotes = [q for q in quotes if q.person_id in known]
        Quotation.objects.filter(page_id=self.pk).delete()
        Quotation.objects.bulk_create(quotes)

    @property
    def display_date(self):
        return self.publication_date or self.first_published_at or self.latest_revision_created_at

    @property
    def body_text(self) -> str:
        """The body as plain text (for search snippets and descriptions).

        Read from the stored JSON, not the block values, so chooser blocks (READ MORE, quotes)
        cost no query.
        """
        parts = []
        for block in self.body.raw_data:
            value = block.get("value")
            if block.get("type") == "paragraph" and isinstance(value, str):
                parts.append(strip_tags(value))
            elif block.get("type") in ("heading", "quote") and isinstance(value, dict):
                parts.append(value.get("text") or "")
        return " ".join(p.strip() for p in parts if p)

    @cached_property
    def topic_list(self) -> list:
        return list(self.topics.all())

    @cached_property
    def reader_topics(self) -> list[Topic]:
        """Its topics by their names in the story's language (only those named in it, unless
        it is the site's default language): a Spanish page never lists English topic names."""
        return localized_topics(
            self.topic_list,
            locale_id=self.locale_id,
            default_language=self.reader_language_code == settings.LANGUAGE_CODE,
        )

    @cached_property
    def story_link_ids(self) -> dict:
        """Ids of the related stories and of the section neighbours, cached until a change."""

        def compute():
            previous, following = self._neighbour_ids()
            return {
                "related": self._related_ids(),
                "previous": previous,
                "next": following,
            }

        if self.pk is None or getattr(self, "_is_preview", False):
            return compute()  # a draft's topics must not reach readers through the cache
        return versioned.cached(f"links:{self.pk}:{self.locale_id}", compute)

    def _related_ids(self, limit: int = 4) -> list[int]:
        topic_ids = [tag.pk for tag in self.topic_list]
        if not topic_ids:
            return []
        related = ArticlePage.objects.filter(
            locale_id=self.locale_id,
            pk__in=ArticlePageTag.objects.filter(tag_id__in=topic_ids)
            .exclude(content_object_id=self.pk)
            .values("content_object_id"),
        )
        return related.newest_ids(limit)

    def _neighbour_ids(self) -> tuple[int | None, int | None]:
        if not self.publication_date:
            return None, None
        siblings = ArticlePage.objects.sibling_of(self, inclusive=False).live().public()
        previous = (
            siblings.filter(publication_date__lt=self.publication_date)
            .order_by("-publication_date")
            .values("pk")[:1]
        )
        following = (
            siblings.filter(publication_date__gt=self.publication_date)
            .order_by("publication_date")
            .values("pk")[:1]
        )
        # Both in one round trip.
        row = ArticlePage.objects.filter(pk=self.pk).values_list(
            Subquery(previous), Subquery(following)
        )
        return tuple(row.first() or (None, None))

    @cached_property
    def _story_link_cards(self) -> dict:
        links = self.story_link_ids
        wanted = [*links["related"], links["previous"], links["next"]]
        return ArticlePage.objects.cards_by_pk([pk for pk in wanted if pk])

    def related_stories(self, limit: int = 4):
        """Other stories sharing a topic with this one, newest first."""
        cards = self._story_link_cards
        return [cards[pk] for pk in self.story_link_ids["related"] if pk in cards][:limit]

    def section_neighbours(self):
        """(previous, next) stories in the same section by publication date."""
        links, cards = self.story_link_ids, self._story_link_cards
        return cards.get(links["previous"]), cards.get(links["next"])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self._is_preview = getattr(request, "is_preview", False)
        # Lazy: when the template's cached fragment is used, none of this is read.
        context["related"] = SimpleLazyObject(self.related_stories)
        context["previous_story"] = SimpleLazyObject(lambda: self.section_neighbours()[0])
        context["next_story"] = SimpleLazyObject(lambda: self.section_neighbours()[1])
        context["reader_version"] = versioned.version()
        context["fragment_seconds"] = versioned.fragment_seconds()
        return context

    @cached_property
    def main_image_with_renditions(self):
        """The main image with every rendition the page uses, fetched in one query."""
        if self.main_image_id:
            prefetch_related_objects([self], "main_image__renditions")
        return self.main_image

    @cached_property
    def byline(self) -> list[Author]:
        items = self.authors.all()
        if "authors" not in getattr(self, "_prefetched_objects_cache", {}):
            items = items.select_related("author")
        return [item.author for item in items]

    @cached_property
    def section(self):
        path = self.path[: -self.steplen]
        if not path:
            return self.get_parent().specific

        def compute():
            parent = SectionPage.objects.filter(path=path).first()
            return parent if parent is not None else self.get_parent().specific

        return versioned.cached(f"section:{path}", compute)

    @cached_property
    def reader_language_code(self) -> str:
        codes = versioned.cached(
            "locales", lambda: dict(Locale.objects.values_list("pk", "language_code"))
        )
        return codes.get(self.locale_id) or getattr(self.locale, "language_code", "en")
