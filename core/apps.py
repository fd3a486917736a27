"""App config for the bottom layer (HTTP helpers, bootstrap, operations: health, logs, tasks,
backups)."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
