"""The moderation actions, each a POST with the permission checked here: a comment's status
(approve, reject, spam), editors' picks, the decision on readers' reports, and an edit of
the text. Each answers with a message and goes back to the queue or the comment's page; asked
by the queue's keyboard triage (fetch), moderate and decide answer JSON: {"ok", "message"}.

A rejection needs a reason (comments.admin.reasons): without one nothing changes."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import services
from ..models import Comment, CommentReport
from ..sanitizer import one_line
from . import can_moderate
from .reasons import Reason, ReasonRefused, reason_from

ACTIONS = {
    "approve": (services.comment_approve, "approved"),
    "reject": (services.comment_reject, "rejected"),
    "spam": (services.comment_mark_spam, "marked as spam"),
    "pick": (lambda **kw: services.comment_pick(picked=True, **kw), "made an editors' pick"),
    "unpick": (lambda **kw: services.comment_pick(picked=False, **kw), "no longer a pick"),
}
DECISIONS = {
    CommentReport.Decision.KEEP: "kept; the reports are closed",
    CommentReport.Decision.REJECT: "rejected; the reports are closed",
    CommentReport.Decision.EDIT: "edited; the reports are closed",
}


def _moderated_comment(request, pk: int) -> Comment:
    if not can_moderate(request.user):
        raise PermissionDenied
    return get_object_or_404(Comment.objects.select_related("article"), pk=pk)


def _wants_json(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch" or (
        "application/json" in request.headers.get("Accept", "")
    )


def _answer(request, level: int, message: str, *, ok: bool = True):
    """JSON for the keyboard triage; a message and a redirect for a form's POST."""
    if _wants_json(request):
        return JsonResponse({"ok": ok, "message": message}, status=200 if ok else 400)
    messages.add_message(request, level, message)
    return _back(request)


def _reason(request, action: str) -> Reason:
    """A rejection's reason (required, validated); other actions' words are optional."""
    if action == "reject":
        return reason_from(request.POST)
    return Reason(text=" ".join(request.POST.get("reason", "").split()))


def _back(request):
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "wagtailsnippets_comments_comment:list"
    return redirect(next_url)


@require_POST
def moderate(request, pk: int, action: str):
    """Approve, reject, mark as spam, pick or unpick one comment."""
    if action not in ACTIONS:
        raise PermissionDenied
    comment = _moderated_comment(request, pk)
    name = one_line(comment.author_name)  # inside a sentence: nothing that reorders it
    try:
        reason = _reason(request, action)
    except ReasonRefused as refused:
        return _answer(request, messages.ERROR, refused.message, ok=False)
    service, verb = ACTIONS[action]
    kwargs = {"comment": comment, "moderator": request.user, "reason": reason.text}
    if action in ("approve", "reject", "spam"):
        kwargs["reason_code"] = reason.code
    if service(**kwargs):
        return _answer(request, messages.SUCCESS, f"Comment by {name} {verb}.")
    if action in ("pick", "unpick"):
        return _answer(
            request,
            messages.INFO,
            f"Comment by {name} was not changed (only approved comments can be picks).",
        )
    return _answer(
        request,
        messages.INFO,
        f"Comment by {name} was already {comment.get_status_display().lower()}.",
    )


@require_POST
def decide(request, pk: int, decision: str):
    """The decision on a comment's open reports: keep it, reject it (with a reason), or (from
    the comment's page, with the new text) edit it. One decision closes them all."""
    if decision not in DECISIONS:
        raise PermissionDenied
    comment = _moderated_comment(request, pk)
    name = one_line(comment.author_name)
    try:
        reason = _reason(request, decision)
        decided = services.report_decide(
            comment=comment,
            moderator=request.user,
            decision=decision,
            reason=reason.text,
            reason_code=reason.code,
            body=request.POST.get("body", ""),
        )
    except ReasonRefused as refused:
        return _answer(request, messages.ERROR, refused.message, ok=False)
    except services.CommentRefused as refused:
        return _answer(request, messages.ERROR, refused.message, ok=False)
    if decided:
        return _answer(request, messages.SUCCESS, f"Comment by {name} {DECISIONS[decision]}.")
    return _answer(
        request, messages.INFO, f"The reports on the comment by {name} were already decided."
    )


@require_POST
def edit_text(request, pk: int):
    """Edit a comment's text (to remove personal data, say); sanitized like a reader's."""
    comment = _moderated_comment(request, pk)
    name = one_line(comment.author_name)
    try:
        edited = services.comment_edit(
            comment=comment,
            moderator=request.user,
            body=request.POST.get("body", ""),
            reason=request.POST.get("reason", ""),
        )
    except services.CommentRefused as refused:
        messages.error(request, refused.message)
        return _back(request)
    if edited:
        messages.success(request, f"Comment by {name} edited.")
    else:
        messages.info(request, f"The comment by {name} was not changed.")
    return _back(request)
