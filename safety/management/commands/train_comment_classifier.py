"""Learn a new version of the spam score from moderators' decisions (daily, from cron)."""

from django.core.management.base import BaseCommand, CommandError

from safety import services


class Command(BaseCommand):
    help = (
        "Train the comment spam score on approved (not spam) and spam comments decided by "
        "moderators, and store it as a new version."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-per-class", type=int, default=20_000, help="newest decisions of each kind"
        )

    def handle(self, *args, max_per_class: int, **options):
        if max_per_class < 1:
            raise CommandError("--max-per-class must be at least 1")
        try:
            row = services.classifier_train(max_per_class=max_per_class)
        except services.NotEnoughDecisions as short:
            # Not an error for cron: a young site has no score yet, and says so.
            self.stdout.write(f"{short} No score is given until then.")
            return
        self.stdout.write(
            f"Spam score v{row.version} trained on {row.ham_count} approved and "
            f"{row.spam_count} spam comments; on a held-out quarter: precision "
            f"{row.precision:.2f}, recall {row.recall:.2f}."
        )
