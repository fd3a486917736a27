"""Signals the comments app sends, for the apps above it to act on (comments imports none)."""

from django.dispatch import Signal

# A moderator (or the rules acting for one) moved a comment to a new status, committed.
# Arguments: comment, from_status, to_status, moderator, reason, reason_code.
comment_moderated = Signal()
