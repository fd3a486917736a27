"""Generates the large data set `make bench` measures (see bench.data)."""

import sys
import time

from django.core.management.base import BaseCommand

from articles.management.commands.import_articles import progress_bar
from bench import data as bench_data


def staged_progress(stream):
    """The importer's ``[####----] n/total`` bar, one line per stage, redrawn at most 1%."""
    bar = progress_bar(stream)
    last = {"stage": None, "step": -1}

    def draw(stage: str, done: int, total: int) -> None:
        if stage != last["stage"]:
            stream.write(f"{stage}:\n")
            last["stage"], last["step"] = stage, -1
        step = 100 * done // total if total else 100
        if step != last["step"]:
            last["step"] = step
            bar(done, total)

    return draw


class Command(BaseCommand):
    help = (
        "Generate (or top up to) a large benchmark data set: bench- sections, articles with "
        "realistic bodies, authors, people, quotations, topics, search index entries, "
        "approved and pending comments. Running it again with the same totals adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument(
            "--comments",
            type=int,
            default=200_000,
            help="Approved comments in total (500 of them on one designated story).",
        )
        parser.add_argument("--people", type=int, default=200)
        parser.add_argument(
            "--pending",
            type=int,
            default=0,
            help="Pending comments for the moderation queue, in addition to --comments.",
        )
        parser.add_argument("--authors", type=int, default=40)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete generated data first (bench- slugs); with --articles 0, only delete.",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        if options["reset"]:
            deleted = bench_data.reset()
            self.stdout.write(
                "Deleted " + ", ".join(f"{n} {kind}" for kind, n in deleted.items()) + "."
            )
            if options["articles"] == 0:
                return
        report = bench_data.generate(
            articles=options["articles"],
            comments=options["comments"],
            people=options["people"],
            pending=options["pending"],
            authors=options["authors"],
            seed=options["seed"],
            progress=staged_progress(sys.stderr),
        )
        summary = ", ".join(f"{n} {kind}" for kind, n in report.created.items()) or "nothing"
        self.stdout.write(
            self.style.SUCCESS(
                f"Bench data: created {summary} in {time.monotonic() - started:.1f} s."
            )
        )
