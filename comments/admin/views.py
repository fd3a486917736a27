"""The per-row moderation action: approve, reject or mark one comment as spam."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import services
from ..models import Comment
from ..sanitizer import one_line
from . import can_moderate

ACTIONS = {
    "approve": (services.comment_approve, "approved"),
    "reject": (services.comment_reject, "rejected"),
    "spam": (services.comment_mark_spam, "marked as spam"),
}


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
