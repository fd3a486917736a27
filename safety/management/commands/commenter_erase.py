"""Erase an email address from every comment (a data-erasure request); logged."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from safety import datarights


class Command(BaseCommand):
    help = (
        "Remove EMAIL's name, address, IP and user agent from their comments, delete the "
        "unpublished ones, and rename the published ones (or delete them with "
        "--delete-published)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--delete-published", action="store_true", help="delete published comments too"
        )

    def handle(self, *args, email: str, delete_published: bool, **options):
        try:
            validate_email(email.strip())
        except ValidationError as exc:
            raise CommandError(f"Not an email address: {email!r}") from exc
        summary = datarights.commenter_erase(
            email=email, via="command", delete_published=delete_published
        )
        self.stdout.write(
            f"Deleted {summary['deleted']} comment(s), anonymised {summary['anonymised']}"
            f"{'; forgot the confirmed address' if summary['confirmation_forgotten'] else ''}."
        )
