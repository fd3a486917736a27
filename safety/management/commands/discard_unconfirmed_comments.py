"""Delete comments whose author did not confirm their email address in time (hourly, cron)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from safety import services


class Command(BaseCommand):
    help = "Delete comments still waiting for email confirmation after --hours hours."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=settings.SAFETY_CONFIRM_HOURS)

    def handle(self, *args, hours: int, **options):
        if hours < 1:
            raise CommandError("--hours must be at least 1")
        count = services.unconfirmed_discard(older_than=timedelta(hours=hours))
        self.stdout.write(f"Discarded {count} unconfirmed comment(s) older than {hours} hours.")
