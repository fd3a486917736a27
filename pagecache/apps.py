"""Whole-page cache for anonymous readers, purged through Wagtail's frontend cache app."""

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
