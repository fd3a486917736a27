"""Write every comment and stored datum of an email address as JSON (a data-access request)."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from safety import datarights


class Command(BaseCommand):
    help = "Print (or --output FILE) everything stored about EMAIL as JSON; the export is logged."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", "-o", help="write to this file instead of stdout")

    def handle(self, *args, email: str, output: str | None, **options):
        try:
            validate_email(email.strip())
        except ValidationError as exc:
            raise CommandError(f"Not an email address: {email!r}") from exc
        data = datarights.commenter_export(email=email, via="command")
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Wrote {len(data['comments'])} comment(s) to {output}.")
        else:
            self.stdout.write(text)
