"""Imports stories from an RSS 2.0 or Atom feed file (see articles.importing)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from articles.importing import FeedError, SectionNotFound, default_section, import_feed
from articles.importing.tasks import import_feed_task

BAR_WIDTH = 30


def progress_bar(stream):
    """A progress callback drawing ``[#####-----] 12/100`` in place on stream."""

    def draw(done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        stream.write(f"\r[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done}/{total}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return draw


class Command(BaseCommand):
    help = (
        "Import stories from an RSS 2.0 or Atom feed file as articles (drafts unless --publish). "
        "Safe to run again: items already imported are matched on GUID or link."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Path to the RSS or Atom feed file.")
        parser.add_argument(
            "--section",
            metavar="SLUG",
            help="Slug of the section to import into (default: the first section).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would happen without writing anything.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish new stories (dated with their publication date) instead of drafts.",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue the import for the task worker (its 'imports' queue) and return at once; "
            "the report goes to the worker's log and the task's result.",
        )

    def handle(self, *args, **options):
        try:
            section = default_section(options["section"])
        except SectionNotFound as exc:
            raise CommandError(str(exc)) from exc
        if options["background"]:
            self._enqueue(options, section)
            return
        progress = progress_bar(sys.stderr) if self.stdout.isatty() else None
        try:
            report = import_feed(
                options["source"],
                section=section,
                dry_run=options["dry_run"],
                publish=options["publish"],
                progress=progress,
            )
        except FeedError as exc:
            raise CommandError(str(exc)) from exc
        lines = report.lines()
        style = self.style.SUCCESS if not report.failed else self.style.WARNING
        self.stdout.write(style(lines[0]))
        for line in lines[1:]:
            self.stdout.write(line)

    def _enqueue(self, options, section) -> None:
        source = Path(options["source"]).resolve()
        if not source.is_file():
            raise CommandError(f"no such feed file: {options['source']}")
        result = import_feed_task.enqueue(
            str(source), section.pk, options["publish"], options["dry_run"]
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Queued the import of {source} into {section.slug}: task {result.id}"
            )
        )
        if result.status == TaskResultStatus.SUCCESSFUL:  # immediate backend: it ran already
            for line in (result.return_value or {}).get("lines", []):
                self.stdout.write(line)
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError(f"the import failed: {result.errors[-1].traceback.splitlines()[-1]}")
