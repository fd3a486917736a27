"""Columns of the moderation queue: the comment (a reply with the text it answers), the
reader's name, the story, the readers' reports, the spam score (when an app above gives one)
and the row's actions (each also a keyboard-triage action: static/js/triage.js)."""

from django.middleware.csrf import get_token
from wagtail.admin.ui.tables import Column

from .. import selectors
from ..filters import LIKELY_SPAM, SCORE
from ..models import Comment
from . import can_moderate
from .reasons import WORDS_MAX_LENGTH

ROW_ACTIONS = [
    ("approve", "Approve", Comment.Status.APPROVED),
    ("reject", "Reject", Comment.Status.REJECTED),
    ("spam", "Spam", Comment.Status.SPAM),
]


def pick_action(comment: Comment) -> tuple[str, str] | None:
    """Mark or unmark an editors' pick: for approved comments readers can see (and to unmark
    any pick)."""
    if comment.is_pick:
        return ("unpick", "Unpick")
    if comment.status == Comment.Status.APPROVED and not comment.hidden:
        return ("pick", "Pick")
    return None


class ModerationColumn(Column):
    cell_template_name = "comments/admin/moderation_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["request"] = request
        context["csrf_token"] = get_token(request) if request else ""
        context["can_moderate"] = bool(request and can_moderate(request.user))
        actions = [
            (name, label) for name, label, status in ROW_ACTIONS if status != instance.status
        ]
        if pick := pick_action(instance):
            actions.append(pick)
        # With readers' reports open, a decision closes them: keep the comment, or reject it
        # (which replaces the plain Reject).
        reported = bool(getattr(instance, "open_reports", []))
        context["decisions"] = [("keep", "Keep"), ("reject", "Reject")] if reported else []
        context["actions"] = [a for a in actions if not (reported and a[0] == "reject")]
        # Asked once per page by the index view (comments.admin.listing), not once per row.
        context["rejection_reasons"] = getattr(parent_context.get("table"), "rejection_reasons", [])
        context["reason_max_length"] = WORDS_MAX_LENGTH
        context["reject_prefix"] = f"reject-{instance.pk}"
        context["decide_prefix"] = f"decide-reject-{instance.pk}"
        return context


class SpamScoreColumn(Column):
    """The spam score: "0.93 likely spam", "0.04", or "—" when not scored; sortable."""

    cell_template_name = "comments/admin/spam_score_cell.html"

    def __init__(self, name=SCORE, **kwargs):
        kwargs.setdefault("label", "Spam score")
        kwargs.setdefault("sort_key", SCORE)
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        score = getattr(instance, SCORE, None)
        context["score"] = score
        context["likely"] = score is not None and score >= LIKELY_SPAM
        return context


class NameColumn(Column):
    """The reader's name, isolated: bidi characters in it cannot reorder the row."""

    cell_template_name = "comments/admin/name_cell.html"


class BodyColumn(Column):
    """The comment exactly as submitted, escaped, with the sanitized rendering beneath it; a
    reply shows the text it answers, so it can be judged in context."""

    cell_template_name = "comments/admin/body_cell.html"


class ArticleColumn(Column):
    """The story, linked to its live page."""

    cell_template_name = "comments/admin/article_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["article_url"] = instance.article.get_url(parent_context.get("request"))
        return context


class ReportsColumn(Column):
    """The readers' open reports: how many, for which reasons, and what "Other" said."""

    cell_template_name = "comments/admin/reports_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        reports = getattr(instance, "open_reports", [])
        context["reports"] = reports
        context["reasons"] = selectors.report_reasons(reports)
        context["details"] = [report.details for report in reports if report.details][:3]
        return context
