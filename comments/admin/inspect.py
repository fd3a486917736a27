"""The single-comment page: the text as submitted and as it will appear, the story, the rules
that fired, the commenter's other comments, the audit trail and the moderation actions.

It is the snippet viewset's inspect view (wagtailsnippets_comments_comment:inspect) with its
own template; the actions post to the moderation views, which check the permission."""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.log_actions import registry as log_registry
from wagtail.snippets.views.snippets import InspectView

from .. import selectors
from ..models import Comment
from ..sanitizer import one_line
from . import can_moderate
from .columns import ROW_ACTIONS

LIST = "wagtailsnippets_comments_comment:list"
MODERATE = "wagtailsnippets_comments_comment:moderate"
HISTORY_SHOWN = 20


class CommentInspectView(InspectView):
    template_name = "comments/admin/inspect.html"
    page_title = "Comment"

    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        # One query for the story too.
        return Comment.objects.select_related("article", "moderated_by").get(pk=comment.pk)

    def get_page_subtitle(self):
        return one_line(self.object.author_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        context.update(
            comment=comment,
            can_moderate=can_moderate(self.request.user),
            actions=[
                (name, label, reverse(MODERATE, args=[comment.pk, name]))
                for name, label, status in ROW_ACTIONS
                if status != comment.status
            ],
            article_url=comment.article.get_url(self.request),
            place_url=self._place_url(comment),
            story_queue_url=self._queue_url(article=comment.article_id, status="all"),
            history=self._history(comment),
            log_entries=self._log_entries(comment),
        )
        return context

    def _place_url(self, comment: Comment) -> str:
        """The live story opened at this comment, when readers can see it."""
        if comment.status != Comment.Status.APPROVED:
            return ""
        url = comment.article.get_url(self.request)
        if not url or not comment.article.live:
            return ""
        return f"{url}?comments={selectors.approved_page_number(comment)}#comment-{comment.pk}"

    def _queue_url(self, **params) -> str:
        return f"{reverse(LIST)}?{urlencode(params)}"

    def _history(self, comment: Comment) -> list[dict]:
        counts = selectors.commenter_history(comment)
        rows = []
        for key, label, field, value in (
            ("email", "With this email", "author_email", comment.author_email),
            ("address", "From this IP address", "ip_address", comment.ip_address),
        ):
            rows.append(
                {
                    "id": f"by-{key}",
                    "label": label,
                    "value": value,
                    "all_url": self._queue_url(**{field: value, "status": "all"}) if value else "",
                    "statuses": [
                        (status_label, count, self._queue_url(**{field: value, "status": status}))
                        for status, status_label, count in counts[key]
                    ],
                }
            )
        return rows

    def _log_entries(self, comment: Comment) -> list:
        entries = (
            log_registry.get_logs_for_instance(comment)
            .select_related("user")
            .order_by("-timestamp", "-pk")[:HISTORY_SHOWN]
        )
        return list(entries)
