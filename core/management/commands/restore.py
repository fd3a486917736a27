"""Restore a backup archive (manage.py backup) into an empty database and media folder."""

from pathlib import Path

from dbbackup.db.exceptions import CommandConnectorError
from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore ARCHIVE (a newsroom-<time>.tar written by manage.py backup) into the empty "
        "database named by DATABASE_URL and the empty MEDIA_ROOT. Refuses anything not empty."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The backup archive to restore.")

    def handle(self, *args, **options):
        try:
            result = restore_backup(options["archive"])
        except (BackupError, CommandConnectorError) as exc:
            raise CommandError(str(exc)) from exc
        expected = result.manifest.get("counts", {})
        counts = ", ".join(f"{n} {what}" for what, n in result.counts.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {options['archive'].name} (made {result.manifest['created']}): "
                f"{counts}, {result.media_files} media files, in {result.seconds:.1f} s"
            )
        )
        for what, n in result.counts.items():
            if what in expected and expected[what] != n:
                self.stdout.write(
                    self.style.WARNING(
                        f"The archive counted {expected[what]} {what} when it was made; "
                        f"{n} were restored (changes made while the backup ran)."
                    )
                )
