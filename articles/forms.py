"""The story editor's form: Wagtail's page form, with a slug clash explained in newsroom terms.

Wagtail autosaves a "New: Article" form as soon as it has a headline, which creates a draft
page. A reporter who abandons that form and starts the story again gets "The slug … is already
in use" on the Promote tab, about a page they never knowingly made. This form says which page
holds the URL, when it was last saved and by whom, and links to it, next to the headline.
"""

from __future__ import annotations

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if "slug" in self.errors and self.parent_page is not None:
            holder = self._slug_holder(cleaned_data.get("slug") or self.data.get("slug"))
            if holder is not None:
                message = self._explain(holder)
                self.errors["slug"] = self.error_class([message])
                self.add_error("title", forms.ValidationError(message))
        return cleaned_data

    def _slug_holder(self, slug: str | None) -> Page | None:
        if not slug:
            return None
        siblings = Page.objects.child_of(self.parent_page).filter(slug=slug)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        return siblings.select_related("owner", "latest_revision__user").first()

    def _explain(self, holder: Page):
        edit_url = reverse("wagtailadmin_pages:edit", args=[holder.pk])
        if holder.live:
            return format_html(
                "The URL “{slug}” is already used by the published story “{title}” "
                '(<a href="{url}">open it</a>). Change this headline, or the URL on the '
                "Promote tab.",
                slug=holder.slug,
                title=holder.title,
                url=edit_url,
            )
        revision = holder.latest_revision
        who = getattr(revision, "user", None) or holder.owner
        when = holder.latest_revision_created_at
        return format_html(
            "The URL “{slug}” is taken by an unpublished draft, “{title}”, last saved {when}{by}. "
            'It may be this story, saved automatically when you last started it: <a href="{url}">'
            "open that draft</a> to carry on with it (or delete it there), or change the URL on "
            "the Promote tab.",
            slug=holder.slug,
            title=holder.title,
            when=date_format(timezone.localtime(when), "j F Y, H:i") if when else "earlier",
            by=format_html(" by {}", _name(who)) if who else "",
            url=edit_url,
        )


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()).strip()
