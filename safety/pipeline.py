"""Safety's part in the comment pipeline, offered as Wagtail hooks (comments sits below safety
and may not import it: it asks the hooks, as ArticlePage asks `article_card_annotations`).

Phase 2 of issue 14 makes comments call, in `comment_submit` and the queue:

- `comments_check_submission(data)` before anything is stored: a refusal message (the form is
  shown again with the text kept, like a wrong CAPTCHA) or None. Here: the proof of work.
- `comments_assess(author_name=, author_email=, body=, ip_address=)` before classifying: a
  Verdict (spam_reason: straight to Spam with that held_reason; hold_for_confirmation: wait for
  the email link; trusted: may be auto-approved; the score).
- `comments_after_submit(comment=, verdict=)` after the comment is saved: records the
  Assessment and, when held, emails the confirmation link.
- `comment_queue_annotations()`: extra columns for the queue's queryset (the spam score), so
  it can show, sort and filter by it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Subquery
from wagtail import hooks

from comments.models import Comment

from . import classifier, pow, selectors, services
from .models import Assessment, Ban


@dataclass(frozen=True)
class Verdict:
    spam_reason: str = ""  # non-empty: the comment goes straight to Spam with this reason
    hold_for_confirmation: bool = False
    trusted: bool = False  # a confirmed, known-good commenter (auto-approval may apply)
    score: float | None = None
    classifier_version: int | None = None
    ban: Ban | None = None
    sent_to_spam_by: str = ""


@hooks.register("comments_check_submission")
def check_submission(data) -> str | None:
    """None if the form may go on; else the message to show (the form is kept)."""
    if not pow.enabled():
        return None
    payload = data.get(pow.FIELD, "") if hasattr(data, "get") else ""
    return None if pow.verify_pow(payload) else str(pow.REFUSED_MESSAGE)


@hooks.register("comments_assess")
def assess(*, author_name: str, author_email: str, body: str, ip_address: str | None) -> Verdict:
    ban = selectors.is_banned(email=author_email, ip=ip_address)
    model, version = classifier.loaded_model()
    score = None
    if model is not None:
        score = float(model.scores([classifier.comment_text(name=author_name, body=body)])[0])
    if ban is not None:
        # The reader is answered as for any comment awaiting moderation: no oracle.
        return Verdict(
            spam_reason=f"Banned {ban.get_kind_display().lower()}: {ban.value}",
            ban=ban,
            score=score,
            classifier_version=version if score is not None else None,
            sent_to_spam_by=Assessment.Decider.BAN,
        )
    threshold = settings.SAFETY_SPAM_THRESHOLD
    if score is not None and threshold is not None and score >= threshold:
        return Verdict(
            spam_reason=f"Spam score {score:.2f} (at or above {threshold:.2f})",
            score=score,
            classifier_version=version,
            sent_to_spam_by=Assessment.Decider.SCORE,
        )
    hold = selectors.needs_confirmation(author_email)
    return Verdict(
        hold_for_confirmation=hold,
        trusted=not hold and selectors.is_trusted_commenter(author_email),
        score=score,
        classifier_version=version if score is not None else None,
    )


@hooks.register("comments_after_submit")
def after_submit(*, comment: Comment, verdict: Verdict, language: str | None = None) -> None:
    services.assessment_record(
        comment=comment,
        score=verdict.score,
        classifier_version=verdict.classifier_version,
        ban=verdict.ban,
        sent_to_spam_by=verdict.sent_to_spam_by,
    )
    if verdict.hold_for_confirmation and comment.status != Comment.Status.SPAM:
        services.request_confirmation(comment=comment, language=language)


@hooks.register("comment_queue_annotations")
def queue_annotations() -> dict:
    """The spam score as a column of the moderation queue (None: not scored)."""
    score = Assessment.objects.filter(comment=OuterRef("pk")).values("score")[:1]
    return {"spam_score": Subquery(score)}
