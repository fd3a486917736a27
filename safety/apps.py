"""App config for trust and safety: the spam score, confirmed emails, bans, data rights."""

from django.apps import AppConfig


class SafetyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "safety"
    verbose_name = "Trust and safety"
