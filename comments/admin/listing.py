"""The moderation queue's listing: it opens on Pending, newest first, with a tab per status
(and one for comments readers reported), the spam score when an app above gives one, and
keyboard triage (static/js/triage.js) for moderators."""

from django.db.models import F
from django.http import QueryDict
from django.utils.functional import cached_property
from wagtail.snippets.views.snippets import IndexView

from .. import hooks
from ..filters import DEFAULT_STATUS, SCORE, STATUS_VIEWS
from ..sanitizer import one_line
from ..selectors import pending_count, reported_count
from . import can_moderate

# How long a keyboard decision waits before it is sent: "u" takes it back until then.
UNDO_SECONDS = 5


class CommentIndexView(IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["status_tabs"] = self.status_tabs()
        context["can_moderate"] = self.can_moderate
        # Asked once per page: every row's reject form and the keyboard's reason dialog use it.
        context["rejection_reasons"] = self.rejection_reasons
        context["undo_seconds"] = UNDO_SECONDS
        if not self.results_only:
            context["queue_notes"] = hooks.queue_notes(self.request)
        return context

    @cached_property
    def can_moderate(self) -> bool:
        return can_moderate(self.request.user)

    @cached_property
    def rejection_reasons(self) -> list[hooks.RejectionChoice]:
        return hooks.rejection_reasons() if self.can_moderate else []

    @cached_property
    def has_score(self) -> bool:
        return SCORE in self.get_base_queryset().query.annotations

    @cached_property
    def columns(self):
        columns = super().columns
        if self.has_score:
            return columns
        return [column for column in columns if column.name != SCORE]

    def order_queryset(self, queryset):
        if self.ordering in (SCORE, f"-{SCORE}") and self.has_score:
            # Not scored last either way; newest first among equal scores.
            score = F(SCORE)
            first = (
                score.desc(nulls_last=True)
                if self.ordering.startswith("-")
                else score.asc(nulls_last=True)
            )
            return queryset.order_by(first, "-created_at", "-pk")
        return super().order_queryset(queryset)

    def get_table(self, object_list):
        table = super().get_table(object_list)
        table.triage = self.can_moderate
        table.rejection_reasons = self.rejection_reasons
        return table

    @cached_property
    def table_class(self):
        return type("CommentTable", (TriageRowsMixin, super().table_class), {})

    def status_tabs(self) -> list[dict]:
        """One link per status, keeping the other filters and search, back on the first page."""
        current = self.request.GET.get("status") or DEFAULT_STATUS
        counts = {DEFAULT_STATUS: pending_count(), "reported": reported_count()}
        tabs = []
        for value, label in STATUS_VIEWS:
            query = QueryDict(mutable=True)
            query.update(self.request.GET)
            for name in ("status", self.page_kwarg, "_w_filter_fragment"):
                query.pop(name, None)
            query["status"] = value
            tabs.append(
                {
                    "value": value,
                    "label": label,
                    "count": counts.get(value),
                    "url": "?" + query.urlencode(safe="/"),
                    "current": value == current,
                }
            )
        return tabs


class TriageRowsMixin:
    """Each row is an item of the keyboard triage (triage.js): focusable, named for the
    announcements ("Approving comment by Amal…")."""

    triage = False

    def get_row_attrs(self, instance):
        attrs = super().get_row_attrs(instance)
        if self.triage:
            attrs.update(
                {
                    "data-triage-item": "",
                    "tabindex": "-1",
                    "data-triage-label": f"comment by {one_line(instance.author_name)}",
                    "id": f"comment-row-{instance.pk}",
                }
            )
        return attrs
