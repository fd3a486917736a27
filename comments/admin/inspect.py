"""The single-comment page: the text as submitted and as it will appear (and, for a reply, the
comment it answers), the story, the rules that fired, readers' reports and the decision on
them, the commenter's other comments, the audit trail, and the moderation actions (status,
editors' pick, an edit of the text; a rejection asks for a reason), and what the apps above
offer to do about the commenter (hooks.admin_actions: safety's bans).

It is the snippet viewset's inspect view (wagtailsnippets_comments_comment:inspect) with its
own template; the actions post to the moderation views, which check the permission."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from wagtail.log_actions import registry as log_registry
from wagtail.snippets.views.snippets import InspectView

from .. import hooks, selectors
from ..models import Comment, CommentReport
from ..sanitizer import one_line
from . import can_moderate
from .columns import ROW_ACTIONS, pick_action
from .reasons import WORDS_MAX_LENGTH

LIST = "wagtailsnippets_comments_comment:list"
MODERATE = "wagtailsnippets_comments_comment:moderate"
DECIDE = "wagtailsnippets_comments_comment:decide"
EDIT_TEXT = "wagtailsnippets_comments_comment:edit_text"
HISTORY_SHOWN = 20


class CommentInspectView(InspectView):
    template_name = "comments/admin/inspect.html"
    page_title = "Comment"

    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        # One query for the story and the comment it answers too, and the queue's extra
        # columns (safety: the spam score).
        return (
            Comment.objects.select_related("article", "moderated_by", "reply_to", "parent")
            .annotate(**hooks.queue_annotations())
            .get(pk=comment.pk)
        )

    def get_page_subtitle(self):
        return one_line(self.object.author_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        reports = selectors.open_reports(comment)
        moderator = can_moderate(self.request.user)
        actions = [
            (name, label, reverse(MODERATE, args=[comment.pk, name]))
            for name, label, status in ROW_ACTIONS
            if status != comment.status
        ]
        context.update(
            comment=comment,
            can_moderate=moderator,
            actions=actions,
            other_actions=[action for action in actions if action[0] != "reject"],
            reject_url=next((url for name, _, url in actions if name == "reject"), ""),
            rejection_reasons=hooks.rejection_reasons() if moderator else [],
            reason_max_length=WORDS_MAX_LENGTH,
            admin_actions=hooks.admin_actions(comment, self.request),
            article_url=comment.article.get_url(self.request),
            place_url=self._place_url(comment),
            story_queue_url=self._queue_url(article=comment.article_id, status="all"),
            history=self._history(comment),
            log_entries=self._log_entries(comment),
            answered=comment.reply_to or comment.parent,
            pick=pick_action(comment),
            pick_url=reverse(MODERATE, args=[comment.pk, "unpick" if comment.is_pick else "pick"]),
            reports=reports,
            report_reasons=selectors.report_reasons(reports),
            decide_urls={
                decision: reverse(DECIDE, args=[comment.pk, decision])
                for decision in CommentReport.Decision.values
            },
            edit_url=reverse(EDIT_TEXT, args=[comment.pk]),
            max_length=settings.COMMENTS_MAX_LENGTH,
        )
        return context

    def _place_url(self, comment: Comment) -> str:
        """The live story opened at this comment (its permalink), when readers can see it."""
        url = comment.article.get_url(self.request)
        if not url or not Comment.objects.visible().filter(pk=comment.pk).exists():
            return ""
        return f"{url}?comment={comment.pk}#comment-{comment.pk}"

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
