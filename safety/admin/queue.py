"""Safety's part in the moderation queue and the single-comment page, through the hooks
comments asks (comments/hooks.py): the listed rejection reasons, the ban links for a comment's
email, domain and IP address, and the note above the queue on the spam score's state."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks

from comments import hooks as comment_hooks
from comments.models import Comment

from .. import selectors
from ..identity import email_domain
from ..models import Ban

BAN_PERMISSION = "safety.add_ban"


@hooks.register(comment_hooks.REJECTION_REASONS)
def rejection_reasons() -> list[comment_hooks.RejectionChoice]:
    return [
        comment_hooks.RejectionChoice(
            code=reason.slug, label=reason.label, needs_detail=reason.needs_detail
        )
        for reason in selectors.rejection_reasons()
    ]


def ban_url(*, kind: str, value: str, comment: Comment) -> str:
    query = urlencode({"kind": kind, "value": value, "comment": comment.pk})
    return f"{reverse('wagtailsnippets_safety_ban:add')}?{query}"


@hooks.register(comment_hooks.ADMIN_ACTIONS)
def ban_links(comment: Comment, request) -> list[comment_hooks.AdminLink]:
    """Ban this commenter's address, its domain or their IP address: each opens the Bans
    form filled in (kind, value, a reason naming the comment) for the moderator to check."""
    if not request.user.has_perm(BAN_PERMISSION):
        return []
    links = []
    if comment.author_email:
        links.append(
            comment_hooks.AdminLink(
                label="Ban this email address",
                url=ban_url(kind=Ban.Kind.EMAIL, value=comment.author_email, comment=comment),
                description="Their next comments go straight to Spam.",
            )
        )
        domain = email_domain(comment.author_email)
        if domain:
            links.append(
                comment_hooks.AdminLink(
                    label=f"Ban the domain {domain}",
                    url=ban_url(kind=Ban.Kind.DOMAIN, value=domain, comment=comment),
                    description="Every address at it and its subdomains: check it is not a "
                    "webmail provider.",
                )
            )
    if comment.ip_address:
        links.append(
            comment_hooks.AdminLink(
                label="Ban this IP address",
                url=ban_url(kind=Ban.Kind.IP, value=comment.ip_address, comment=comment),
                description="You can widen it to a network (203.0.113.0/24) in the form.",
            )
        )
    return links


@hooks.register(comment_hooks.QUEUE_NOTES)
def spam_score_note(request) -> str:
    """Which spam score the queue shows (version, training date, what it learned from, how
    well it did), or why there is none yet."""
    model = selectors.latest_classifier()
    context = {
        "classifier": model,
        "needed": settings.SAFETY_SCORE_MIN_PER_CLASS,
        "threshold": settings.SAFETY_SPAM_THRESHOLD,
    }
    if model is None:
        context["counts"] = selectors.decision_counts()
    return render_to_string("safety/admin/queue_notes.html", context, request=request)
