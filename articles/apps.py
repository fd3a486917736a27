"""App config for the article pages, their blocks and snippets."""

from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
