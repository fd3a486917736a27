"""Back up the database and the media files into one archive in BACKUP_DIR (core.backups)."""

from pathlib import Path

from dbbackup.db.exceptions import CommandConnectorError
from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write newsroom-<time>.tar (database and media) into BACKUP_DIR and keep the newest "
        "BACKUP_KEEP archives. Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, help="Folder for the archive (default BACKUP_DIR).")
        parser.add_argument(
            "--keep", type=int, help="How many archives to keep (default BACKUP_KEEP)."
        )

    def handle(self, *args, **options):
        try:
            result = create_backup(options["dir"], keep=options["keep"])
        except (BackupError, CommandConnectorError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up to {result.path} ({result.size / 1_048_576:.1f} MB, "
                f"{result.media_files} media files) in {result.seconds:.1f} s"
            )
        )
        for old in result.removed:
            self.stdout.write(f"Removed the older backup {old.name}")
