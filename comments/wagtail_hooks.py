"""The moderation queue in the Wagtail admin: a snippet listing with filters and actions."""

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.templatetags.static import static
from django.urls import path
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import hooks as comment_hooks
from .admin import views as admin_views
from .admin.bulk_actions import ApproveBulkAction, RejectBulkAction, SpamBulkAction
from .admin.columns import (
    ArticleColumn,
    BodyColumn,
    ModerationColumn,
    NameColumn,
    ReportsColumn,
    SpamScoreColumn,
)
from .admin.inspect import CommentInspectView
from .admin.listing import CommentIndexView
from .admin.menu import PendingCommentsMenuItem
from .admin.permissions import CommentPermissionPolicy
from .filters import CommentFilterSet
from .models import Comment, CommentReport


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Comments"
    menu_name = "comments"
    menu_order = 205
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    index_template_name = "comments/admin/index.html"  # the queue's notes, keyboard triage
    index_results_template_name = "comments/admin/index_results.html"
    inspect_view_enabled = True
    filterset_class = CommentFilterSet
    search_fields = ["author_name", "author_email", "body"]
    search_backend_name = None  # plain database lookups: no search index to keep in step
    list_per_page = 50
    ordering = ["-created_at"]
    list_display = [
        BodyColumn("body", label="Comment (as submitted / as shown)"),
        NameColumn("author_name", label="Name"),
        ArticleColumn("article", label="Article"),
        Column("status", label="Status", accessor="get_status_display"),
        Column("held_reason", label="Rules"),
        ReportsColumn("open_reports", label="Reports", accessor="pk"),
        SpamScoreColumn(),  # shown only when an app above gives the score (listing.py)
        DateColumn("created_at", label="Posted"),
        ModerationColumn("moderate", label="Moderate"),
    ]
    # The single-comment page (comments/admin/inspect.py): text, story, rules, history, actions.
    inspect_view_class = CommentInspectView

    @cached_property
    def permission_policy(self):
        return CommentPermissionPolicy(self.model)

    @property
    def menu_item_class(self):
        return PendingCommentsMenuItem

    def get_queryset(self, request):
        # A reply shows the comment it answers; open reports are one query for the page; the
        # apps above add their columns' values (safety: spam_score) as annotations.
        return (
            Comment.objects.select_related("article", "reply_to", "parent")
            .prefetch_related(
                Prefetch(
                    "reports",
                    queryset=CommentReport.objects.filter(closed_at__isnull=True),
                    to_attr="open_reports",
                )
            )
            .annotate(**comment_hooks.queue_annotations())
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("moderate/<int:pk>/<str:action>/", admin_views.moderate, name="moderate"),
            path("decide/<int:pk>/<str:decision>/", admin_views.decide, name="decide"),
            path("edit-text/<int:pk>/", admin_views.edit_text, name="edit_text"),
        ]


register_snippet(CommentViewSet)


@hooks.register("insert_global_admin_css")
def comments_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/comments-admin.css"))


@hooks.register("article_card_annotations")
def approved_comment_count():
    """Story cards (front page, sections, listings, related) show how many comments readers
    can see there (replies included; none hidden by reports or under a hidden comment)."""
    approved = (
        Comment.objects.visible()
        .filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return {"comment_count": Coalesce(Subquery(approved), 0)}


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action("comments.approved", "Approve comment", "Comment approved")
    actions.register_action("comments.rejected", "Reject comment", "Comment rejected")
    actions.register_action("comments.spam", "Mark comment as spam", "Comment marked as spam")
    actions.register_action("comments.picked", "Pick comment", "Comment made an editors' pick")
    actions.register_action("comments.unpicked", "Unpick comment", "Comment no longer a pick")
    actions.register_action("comments.edited", "Edit comment", "Comment text edited")
    actions.register_action(
        "comments.hidden", "Hide reported comment", "Comment hidden by readers' reports"
    )
    actions.register_action(
        "comments.report_keep", "Keep reported comment", "Reports closed: comment kept"
    )
    actions.register_action(
        "comments.report_reject", "Reject reported comment", "Reports closed: comment rejected"
    )
    actions.register_action(
        "comments.report_edit", "Edit reported comment", "Reports closed: comment edited"
    )


for bulk_action in (
    ApproveBulkAction,
    RejectBulkAction,
    SpamBulkAction,
):
    hooks.register("register_bulk_action", bulk_action)
