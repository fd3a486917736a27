"""Delete rejected and spam comments decided more than --days days ago (daily, cron).

Also forgets spent proof-of-work challenges past their expiry.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from safety import pow, services


class Command(BaseCommand):
    help = "Delete rejected and spam comments older than --days days (SAFETY_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.SAFETY_RETENTION_DAYS)

    def handle(self, *args, days: int, **options):
        if days < 0:
            raise CommandError("--days must be zero or more")
        count = services.retention_purge(days=days)
        spent = pow.forget_expired()
        self.stdout.write(
            f"Deleted {count} rejected or spam comment(s) decided more than {days} days ago; "
            f"forgot {spent} expired proof-of-work challenge(s)."
        )
