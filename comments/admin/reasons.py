"""The reason a moderator gives for a rejection: one of the listed reasons the apps above offer
(comments.hooks.rejection_reasons: safety's editable list) and the moderator's own words,
required when the listed reason asks for them ("Other"), or on their own when none is listed."""

from __future__ import annotations

from dataclasses import dataclass

from .. import hooks

WORDS_MAX_LENGTH = 200  # the stored reason (label and words) is at most 255 characters


class ReasonRefused(ValueError):
    """The reason given cannot be used: nothing was changed; `message` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Reason:
    text: str  # what moderators read in the audit trail (moderation_reason)
    code: str = ""  # the listed reason's code (moderation_reason_code), "" when none is listed


def reason_from(data, choices: list[hooks.RejectionChoice] | None = None) -> Reason:
    """The reason in a rejection's form data (`reason_code`, and `reason`: the words).

    Raises ReasonRefused for a code that is not listed, a listed reason that needs words
    without them, or no reason at all."""
    if choices is None:
        choices = hooks.rejection_reasons()
    code = (data.get("reason_code") or "").strip()
    words = " ".join((data.get("reason") or "").split())[:WORDS_MAX_LENGTH]
    if not choices:
        if code:
            raise ReasonRefused(
                f"“{code[:40]}” is not a rejection reason here: nothing was changed."
            )
        if not words:
            raise ReasonRefused("Say why the comment is rejected: nothing was changed.")
        return Reason(text=words)
    if not code:
        raise ReasonRefused("Choose a reason for the rejection: nothing was changed.")
    choice = next((c for c in choices if c.code == code), None)
    if choice is None:
        raise ReasonRefused(
            f"“{code[:40]}” is not one of the rejection reasons: nothing was changed."
        )
    if choice.needs_detail and not words:
        raise ReasonRefused(
            f"The reason “{choice.label}” needs a few words of your own: nothing was changed."
        )
    return Reason(text=f"{choice.label}: {words}" if words else choice.label, code=choice.code)
