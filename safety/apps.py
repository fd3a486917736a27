"""App config for trust and safety: the spam score, confirmed emails, bans, data rights."""

from django.apps import AppConfig


class SafetyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "safety"
    verbose_name = "Trust and safety"

    def ready(self) -> None:
        from comments.signals import comment_moderated

        from .tasks import on_comment_moderated

        comment_moderated.connect(on_comment_moderated, dispatch_uid="safety-decision-statement")
