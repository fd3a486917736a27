"""The front page: a lead story, a few secondary stories, then a rail per section, with no
story shown twice."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from pagecache import versioned

from ..permissions import DeskPermissions
from .pages import ArticlePage, SectionPage
from .restrictions import CachedViewRestrictions

SECONDARY_STORIES = 4  # under the lead, in a smaller size
RAIL_STORIES = 4  # per section


def front_page_layout(ids: dict, cards: dict, lead_id: int | None) -> dict:
    """Which cards go where: the lead (the editor's choice, else the newest story), the next
    newest as secondary stories, then each section's newest not already shown. ``ids`` holds
    the newest story ids overall and per section; ``cards`` the stories by id."""
    latest = [cards[pk] for pk in ids["latest"] if pk in cards]
    lead = cards.get(lead_id) if lead_id else None
    if lead is None and latest:
        lead = latest[0]
    shown = {lead.pk} if lead else set()
    secondary = [a for a in latest if a.pk not in shown][:SECONDARY_STORIES]
    shown |= {a.pk for a in secondary}
    rails = []
    for section_pk, story_ids in ids["sections"]:
        stories = [cards[pk] for pk in story_ids if pk in cards and pk not in shown]
        stories = stories[:RAIL_STORIES]
        shown |= {a.pk for a in stories}
        rails.append((section_pk, stories))
    return {"lead": lead, "secondary": secondary, "rails": rails}


class HomePage(DeskPermissions, CachedViewRestrictions, Page):
    """The front page: a lead story, secondary stories and a rail per section."""

    intro = models.CharField(max_length=255, blank=True)
    lead_story = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown first; if empty, the newest story leads.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("lead_story")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.SectionPage"]
    max_count = 1
    template = "pages/home_page.html"

    def _front_page_ids(self) -> dict:
        # Enough ids that, after the lead and the secondary stories (which may come from any
        # section) are taken out, each rail still has RAIL_STORIES to show.
        spare = 1 + SECONDARY_STORIES

        def compute():
            sections = SectionPage.objects.child_of(self).live().public()
            return {
                "latest": ArticlePage.objects.descendant_of(self).newest_ids(spare + 1),
                "sections": [
                    (
                        section.pk,
                        ArticlePage.objects.child_of(section).newest_ids(RAIL_STORIES + spare),
                    )
                    for section in sections.only("pk")
                ],
            }

        return versioned.cached(f"front:{self.pk}", compute)

    def route(self, request, path_components):
        """Find a section or story below the front page in one lookup, not a query (and a
        .specific query) per URL segment: the page behind each path is remembered in the
        reader cache, which forgets it on any page change. Unknown paths take Wagtail's walk."""
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"

        def find():
            target = (
                Page.objects.descendant_of(self)
                .filter(url_path=url_path)
                .values_list("pk", "content_type_id")
                .first()
            )
            return list(target) if target else []

        # Hashed: a reader can send a path of any length, a cache key must stay short.
        digest = hashlib.sha256(url_path.encode()).hexdigest()[:32]
        target = versioned.cached(f"route:{self.pk}:{digest}", find, keep_empty=False)
        page = None
        if target:
            model = ContentType.objects.get_for_id(target[1]).model_class()
            page = model.objects.filter(pk=target[0]).first() if model else None
        if page is None:
            return super().route(request, path_components)
        return page.route(request, [])  # 404 unless live, exactly as Wagtail decides

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        ids = self._front_page_ids()
        wanted = list(ids["latest"])
        for _section_pk, story_ids in ids["sections"]:
            wanted += story_ids
        if self.lead_story_id:
            wanted.append(self.lead_story_id)
        layout = front_page_layout(ids, ArticlePage.objects.cards_by_pk(wanted), self.lead_story_id)
        context["lead_story"] = layout["lead"]
        context["secondary"] = layout["secondary"]
        by_pk = SectionPage.objects.in_bulk([pk for pk, _stories in layout["rails"]])
        sections = []
        for pk, stories in layout["rails"]:
            if pk in by_pk:
                section = by_pk[pk]
                section.top_stories = stories
                sections.append(section)
        context["sections"] = sections
        return context
