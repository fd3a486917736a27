"""Admin pieces of the moderation queue: per-row actions, bulk actions, the menu badge."""

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from . import services
from .models import Comment
from .sanitizer import one_line

PERMISSION = "comments.moderate_comment"
ROW_ACTIONS = [
    ("approve", "Approve", Comment.Status.APPROVED),
    ("reject", "Reject", Comment.Status.REJECTED),
    ("spam", "Spam", Comment.Status.SPAM),
]
# The "Comments (N pending)" badge is on every admin page; counting 100,000 pending rows costs
# tens of milliseconds, so the figure is kept briefly; comments.services forgets it whenever a
# comment arrives for moderation or changes status.
PENDING_COUNT_SECONDS = 30
ACTIONS = {
    "approve": (services.comment_approve, "approved"),
    "reject": (services.comment_reject, "rejected"),
    "spam": (services.comment_mark_spam, "marked as spam"),
}


def can_moderate(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def pending_count() -> int:
    count = cache.get(services.PENDING_COUNT_KEY)
    if count is None:
        count = Comment.objects.in_moderation().count()
        cache.set(services.PENDING_COUNT_KEY, count, PENDING_COUNT_SECONDS)
    return count


@require_POST
def moderate(request, pk: int, action: str):
    """Approve, reject or mark one comment as spam (POST only, permission checked here)."""
    if not can_moderate(request.user):
        raise PermissionDenied
    if action not in ACTIONS:
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=pk)
    service, verb = ACTIONS[action]
    changed = service(
        comment=comment, moderator=request.user, reason=request.POST.get("reason", "")
    )
    name = one_line(comment.author_name)  # inside a sentence: nothing that reorders it
    if changed:
        messages.success(request, f"Comment by {name} {verb}.")
    else:
        messages.info(request, f"Comment by {name} was already {comment.status}.")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "wagtailsnippets_comments_comment:list"
    return redirect(next_url)


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


class PendingCommentsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)

    def render_component(self, request):
        pending = pending_count()
        self.label = f"Comments ({pending} pending)" if pending else "Comments"
        return super().render_component(request)


class ModerationBulkAction(SnippetBulkAction):
    models = [Comment]
    template_name = "comments/admin/confirm_bulk_moderation.html"
    service = None
    verb = ""

    def check_perm(self, obj):
        return can_moderate(self.request.user)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = sum(bool(cls.service(comment=c, moderator=user)) for c in objects)
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} comment(s) {self.verb}."


class ApproveBulkAction(ModerationBulkAction):
    display_name = "Approve"
    action_type = "approve"
    aria_label = "Approve selected comments"
    action_priority = 10
    service = staticmethod(services.comment_approve)
    verb = "approved"


class RejectBulkAction(ModerationBulkAction):
    display_name = "Reject"
    action_type = "reject"
    aria_label = "Reject selected comments"
    action_priority = 20
    service = staticmethod(services.comment_reject)
    verb = "rejected"


class SpamBulkAction(ModerationBulkAction):
    display_name = "Mark as spam"
    action_type = "spam"
    aria_label = "Mark selected comments as spam"
    action_priority = 25
    service = staticmethod(services.comment_mark_spam)
    verb = "marked as spam"
