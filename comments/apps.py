"""App config for reader comments and their moderation."""

from django.apps import AppConfig


class CommentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comments"
    verbose_name = "Comments"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
