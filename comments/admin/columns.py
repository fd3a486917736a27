"""Columns of the moderation queue: the comment, the reader's name, the story, the actions."""

from django.middleware.csrf import get_token
from wagtail.admin.ui.tables import Column

from ..models import Comment
from . import can_moderate

ROW_ACTIONS = [
    ("approve", "Approve", Comment.Status.APPROVED),
    ("reject", "Reject", Comment.Status.REJECTED),
    ("spam", "Spam", Comment.Status.SPAM),
]


class ModerationColumn(Column):
    cell_template_name = "comments/admin/moderation_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["request"] = request
        context["csrf_token"] = get_token(request) if request else ""
        context["can_moderate"] = bool(request and can_moderate(request.user))
        context["actions"] = [
            (name, label) for name, label, status in ROW_ACTIONS if status != instance.status
        ]
        return context


class NameColumn(Column):
    """The reader's name, isolated: bidi characters in it cannot reorder the row."""

    cell_template_name = "comments/admin/name_cell.html"


class BodyColumn(Column):
    """The comment exactly as submitted, escaped, with the sanitized rendering beneath it."""

    cell_template_name = "comments/admin/body_cell.html"


class ArticleColumn(Column):
    """The story, linked to its live page."""

    cell_template_name = "comments/admin/article_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["article_url"] = instance.article.get_url(parent_context.get("request"))
        return context
