"""Reasons on decisions: the reader-facing statement of a moderation decision, in their language.

The EU Digital Services Act (art. 17) asks hosting services to tell a user why their content
was removed. The statement is short, names the story, the decision and the reason moderators
chose (a RejectionReason, whose reader text moderators edit in three languages), and never
quotes the comment back.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from .models import RejectionReason


def _language(language: str | None) -> str:
    codes = [code for code, _ in settings.LANGUAGES]
    language = (language or "")[:2]
    return language if language in codes else settings.LANGUAGE_CODE


def decision_statement(
    *,
    decision: str,
    story_title: str,
    reason: RejectionReason | None = None,
    detail: str = "",
    language: str | None = None,
    automated: bool = False,
) -> str:
    """The statement for a reader: decision is "approved", "rejected" or "spam"; automated
    when no person took it (a rule, a ban or the spam score), as the reader must be told."""
    language = _language(language)
    with translation.override(language):
        if decision == "approved":
            return gettext("Your comment on “%(title)s” has been published.") % {
                "title": story_title
            }
        lines = [gettext("Your comment on “%(title)s” was not published.") % {"title": story_title}]
        if reason is not None:
            lines.append(gettext("Reason: %(reason)s") % {"reason": reason.reader_text(language)})
            if reason.needs_detail and detail.strip():
                lines.append(
                    gettext("The moderator added: %(detail)s") % {"detail": detail.strip()}
                )
        elif decision == "spam":
            lines.append(gettext("Reason: it was identified as spam."))
        if automated:
            lines.append(
                gettext("The decision was taken automatically by the site's spam filters.")
            )
        else:
            lines.append(
                gettext("The decision was taken by a moderator under the site's comment rules.")
            )
        lines.append(gettext("If you think it is wrong, reply to this email."))
        return "\n".join(lines)
