"""Safety's part in the comment pipeline, through the hooks comments asks (comments/hooks.py):
comments sits below safety and may not import it.

- `comments_check_submission`: the proof of work (a refusal keeps the reader's text).
- `comments_assess`: the Verdict on a new comment: a ban or a spam score at or above
  SAFETY_SPAM_THRESHOLD sends it straight to Spam; a first-time address (with "Confirm
  commenter emails" on) waits for its link; a trusted commenter may be auto-approved.
- `comments_after_submit`: records the Assessment (score, ban) and sends the confirmation link.
- `comment_form_extras`: the proof-of-work field in the reader's form.
- `comment_queue_annotations`: the spam score as a column of the moderation queue.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.utils import translation
from wagtail import hooks

from comments import hooks as hooks_api
from comments.models import Comment

from . import classifier, pow, selectors, services
from .models import Assessment, Ban


@dataclass(frozen=True)
class Verdict(hooks_api.Verdict):
    """comments' Verdict, with what safety records beside the comment."""

    score: float | None = None
    classifier_version: int | None = None
    ban: Ban | None = None
    sent_to_spam_by: str = ""


@hooks.register(hooks_api.CHECK_SUBMISSION)
def check_submission(data) -> str | None:
    """None if the form may go on; else the message to show (the form is kept)."""
    if not pow.enabled():
        return None
    payload = data.get(pow.FIELD, "") if hasattr(data, "get") else ""
    return None if pow.verify_pow(payload) else str(pow.REFUSED_MESSAGE)


@hooks.register(hooks_api.ASSESS)
def assess(*, author_name: str, author_email: str, body: str, ip_address: str | None) -> Verdict:
    ban = selectors.is_banned(email=author_email, ip=ip_address)
    model, version = classifier.loaded_model()
    score = None
    if model is not None:
        score = float(model.scores([classifier.comment_text(name=author_name, body=body)])[0])
    scored = {"score": score, "classifier_version": version if score is not None else None}
    # A first-time address is asked to confirm whatever else happens: whether a link arrives
    # must not tell a banned sender (or a spammer) what was decided.
    hold = selectors.needs_confirmation(author_email)
    if ban is not None:
        # The reader is answered as for any comment awaiting moderation: no oracle. The reason
        # is for the moderators, in the admin's English whatever the story's language.
        with translation.override("en"):
            kind = str(ban.get_kind_display()).lower()
        return Verdict(
            spam_reason=f"Banned {kind}: {ban.value}",
            rule=Comment.Rule.BAN,
            hold_for_confirmation=hold,
            ban=ban,
            sent_to_spam_by=Assessment.Decider.BAN,
            **scored,
        )
    threshold = settings.SAFETY_SPAM_THRESHOLD
    if score is not None and threshold is not None and score >= threshold:
        return Verdict(
            spam_reason=f"Spam score {score:.2f} (at or above {threshold:.2f})",
            rule=Comment.Rule.SCORE,
            hold_for_confirmation=hold,
            sent_to_spam_by=Assessment.Decider.SCORE,
            **scored,
        )
    return Verdict(
        hold_for_confirmation=hold,
        trusted=not hold and selectors.is_trusted_commenter(author_email),
        **scored,
    )


@hooks.register(hooks_api.AFTER_SUBMIT)
def after_submit(*, comment: Comment, verdict: hooks_api.Verdict, language: str | None = None):
    """In the transaction that saved the comment: the assessment, and the confirmation link."""
    services.assessment_record(
        comment=comment,
        score=getattr(verdict, "score", None),
        classifier_version=getattr(verdict, "classifier_version", None),
        ban=getattr(verdict, "ban", None),
        sent_to_spam_by=getattr(verdict, "sent_to_spam_by", ""),
    )
    if verdict.hold_for_confirmation:
        services.request_confirmation(comment=comment, language=language)


@hooks.register(hooks_api.FORM_EXTRAS)
def form_extras(request) -> str:
    """The proof-of-work field (solved by static/js/pow.js while the reader types)."""
    if not pow.enabled():
        return ""
    return render_to_string("safety/pow_field.html", request=request)


@hooks.register(hooks_api.QUEUE_ANNOTATIONS)
def queue_annotations() -> dict:
    """The spam score as a column of the moderation queue (None: not scored)."""
    score = Assessment.objects.filter(comment=OuterRef("pk")).values("score")[:1]
    return {"spam_score": Subquery(score)}
