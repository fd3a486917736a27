"""Signals safety sends for the comment pipeline to act on (connected in phase 2)."""

from django.dispatch import Signal

# A reader followed their confirmation link: `comment` may now enter the moderation queue.
email_confirmed = Signal()
