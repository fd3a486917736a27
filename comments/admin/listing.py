"""The moderation queue's listing: it opens on Pending, newest first, with a tab per status
(and one for comments readers reported)."""

from django.http import QueryDict
from wagtail.snippets.views.snippets import IndexView

from ..filters import DEFAULT_STATUS, STATUS_VIEWS
from ..selectors import pending_count, reported_count


class CommentIndexView(IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["status_tabs"] = self.status_tabs()
        return context

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
