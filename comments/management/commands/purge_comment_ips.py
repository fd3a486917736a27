"""Forget the IP addresses of comments older than --days (default 30), for privacy, and who
sent the readers' reports that a moderator has decided (a keyed hash of their address).

The address is only needed for a short while: the flood limit, spam review, counting each
reader's report once while it is open. Run daily from cron: `manage.py purge_comment_ips --days 30`.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from comments.models import Comment, CommentReport


class Command(BaseCommand):
    help = "Set the stored IP address to NULL on comments older than --days days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="keep addresses this long")

    def handle(self, *args, days: int, **options):
        if days < 0:
            raise CommandError("--days must be zero or more")
        cutoff = timezone.now() - timedelta(days=days)
        count = Comment.objects.filter(created_at__lt=cutoff, ip_address__isnull=False).update(
            ip_address=None
        )
        self.stdout.write(f"Forgot the IP address of {count} comment(s) older than {days} days.")
        # Open reports keep theirs: it is what counts each reader once.
        reports = (
            CommentReport.objects.filter(created_at__lt=cutoff, closed_at__isnull=False)
            .exclude(reporter="")
            .update(reporter="")
        )
        self.stdout.write(f"Forgot who sent {reports} decided report(s) older than {days} days.")
