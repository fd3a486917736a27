"""Loads the demo site; safe to run again (nothing is added twice)."""

from django.core.management.base import BaseCommand

from articles.demo.loader import load_demo


class Command(BaseCommand):
    help = "Create the demo sections, authors and articles (idempotent)."

    def handle(self, *args, **options):
        report = load_demo()
        if report.created:
            summary = ", ".join(f"{count} {kind}" for kind, count in sorted(report.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {summary}."))
        else:
            self.stdout.write("Demo content already present; nothing to add.")
