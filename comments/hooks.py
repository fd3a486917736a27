"""What the comment pipeline and the moderation queue ask of the apps above comments.

comments sits below safety (pyproject's import contract) and never imports it: it asks these
Wagtail hooks, as ArticlePage asks `article_card_annotations`. With no app registering them,
comments works as it did before: nothing refused, no verdict, no extra columns or reasons.

Hooks (each a function registered with `wagtail.hooks.register(name)`):

- `comments_check_submission(data)` -> a message or None: a form that passed its own checks
  (the CAPTCHA) is refused with that message, the reader's text kept (safety: proof of work).
- `comments_assess(author_name=, author_email=, body=, ip_address=)` -> a Verdict (or None).
- `comments_after_submit(comment=, verdict=, language=)`: the comment is saved, in the same
  transaction (safety records its assessment and sends the confirmation link).
- `comment_form_extras(request)` -> HTML to add inside the reader's comment form.
- `comment_queue_annotations()` -> {name: expression} for the moderation queue's queryset.
- `comment_rejection_reasons()` -> RejectionChoice list offered when a moderator rejects.
- `comment_admin_actions(comment, request)` -> AdminLink list for the single-comment page.
- `comment_queue_notes(request)` -> HTML shown above the moderation queue.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from wagtail import hooks

CHECK_SUBMISSION = "comments_check_submission"
ASSESS = "comments_assess"
AFTER_SUBMIT = "comments_after_submit"
FORM_EXTRAS = "comment_form_extras"
QUEUE_ANNOTATIONS = "comment_queue_annotations"
REJECTION_REASONS = "comment_rejection_reasons"
ADMIN_ACTIONS = "comment_admin_actions"
QUEUE_NOTES = "comment_queue_notes"


@dataclass(frozen=True)
class Verdict:
    """What the apps above concluded about a new comment before it is stored."""

    spam_reason: str = ""  # non-empty: straight to Spam, with this as its held reason
    rule: str = ""  # the rule code recorded with such a comment (Comment.rule)
    hold_for_confirmation: bool = False  # waits, out of the queue, for its email link
    trusted: bool = False  # a confirmed, known-good commenter: auto-approval may apply


@dataclass(frozen=True)
class RejectionChoice:
    code: str
    label: str
    needs_detail: bool = False


@dataclass(frozen=True)
class AdminLink:
    label: str
    url: str
    description: str = ""


def check_submission(data) -> str | None:
    for check in hooks.get_hooks(CHECK_SUBMISSION):
        message = check(data)
        if message:
            return str(message)
    return None


def assess(*, author_name: str, author_email: str, body: str, ip_address: str | None) -> Verdict:
    for hook in hooks.get_hooks(ASSESS):
        verdict = hook(
            author_name=author_name, author_email=author_email, body=body, ip_address=ip_address
        )
        if verdict is not None:
            return verdict
    return Verdict()


def after_submit(*, comment, verdict: Verdict, language: str) -> None:
    for hook in hooks.get_hooks(AFTER_SUBMIT):
        hook(comment=comment, verdict=verdict, language=language)


def form_extras(request) -> SafeString:
    """Each hook's HTML, joined; a plain string (not marked safe) is escaped."""
    parts = [hook(request) for hook in hooks.get_hooks(FORM_EXTRAS)]
    return format_html_join("", "{}", ((part,) for part in parts if part))


def queue_annotations() -> dict:
    annotations = {}
    for hook in hooks.get_hooks(QUEUE_ANNOTATIONS):
        annotations.update(hook())
    return annotations


def rejection_reasons() -> list[RejectionChoice]:
    return [choice for hook in hooks.get_hooks(REJECTION_REASONS) for choice in hook()]


def admin_actions(comment, request) -> list[AdminLink]:
    return [link for hook in hooks.get_hooks(ADMIN_ACTIONS) for link in hook(comment, request)]


def queue_notes(request) -> SafeString:
    parts = [hook(request) for hook in hooks.get_hooks(QUEUE_NOTES)]
    return format_html_join("", "{}", ((part,) for part in parts if part))
