"""A commenter's data rights: export everything, erase on request; both logged; retention."""

import io
import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from comments.models import Comment
from safety import services
from safety.datarights import ERASED_NAME
from safety.identity import email_hash
from safety.models import Ban, ConfirmedEmail, DataRequest

pytestmark = pytest.mark.django_db

EMAIL = "Reader@Example.org"


@pytest.fixture
def history(make_comment):
    kwargs = {"email": EMAIL, "ip_address": "198.51.100.4", "user_agent": "Firefox"}
    return {
        "approved": make_comment(status=Comment.Status.APPROVED, body="Published one", **kwargs),
        "pending": make_comment(status=Comment.Status.PENDING, body="Waiting one", **kwargs),
        "spam": make_comment(status=Comment.Status.SPAM, body="Spam one", **kwargs),
        "other": make_comment(
            status=Comment.Status.APPROVED, email="other@example.org", body="Someone else"
        ),
    }


def test_export_has_every_comment_and_datum(history):
    ConfirmedEmail.objects.create(email_hash=email_hash(EMAIL))
    services.ban_create(kind="email", value=EMAIL, reason="Spam run", user=None)
    out = io.StringIO()
    call_command("commenter_export", "reader@example.org", stdout=out)
    data = json.loads(out.getvalue())
    assert data["email"] == "reader@example.org"
    assert [c["body"] for c in data["comments"]] == ["Published one", "Waiting one", "Spam one"]
    first = data["comments"][0]
    assert first["ip_address"] == "198.51.100.4" and first["user_agent"] == "Firefox"
    assert first["article"]["title"] == "Ceasefire talks resume in the capital"
    assert data["email_confirmed_at"] and data["bans"][0]["reason"] == "Spam run"
    request = DataRequest.objects.get(kind="export")
    assert request.email_hash == email_hash(EMAIL) and request.summary == {"comments": 3}
    assert ModelLogEntry.objects.filter(action="safety.commenter_export").count() == 1


def test_export_query_count_does_not_grow(make_comment):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(count):
        for n in range(count):
            make_comment(email=EMAIL, body=f"c{count}-{n}")
        with CaptureQueriesContext(connection) as context:
            call_command("commenter_export", EMAIL, stdout=io.StringIO())
        return len(context)

    queries_for(1)  # content types are cached from here on
    assert queries_for(2) == queries_for(40) <= 10


def test_erase_removes_the_person_and_keeps_published_text(history):
    ConfirmedEmail.objects.create(email_hash=email_hash(EMAIL))
    out = io.StringIO()
    call_command("commenter_erase", "reader@EXAMPLE.org", stdout=out)
    assert "Deleted 2 comment(s), anonymised 1" in out.getvalue()
    remaining = Comment.objects.get(pk=history["approved"].pk)
    assert remaining.author_name == ERASED_NAME
    assert (remaining.author_email, remaining.ip_address, remaining.user_agent) == ("", None, "")
    assert remaining.body == "Published one"
    assert not Comment.objects.filter(pk__in=[history["pending"].pk, history["spam"].pk]).exists()
    assert Comment.objects.filter(pk=history["other"].pk, author_email="other@example.org").exists()
    assert not ConfirmedEmail.objects.exists()
    entry = ModelLogEntry.objects.get(action="safety.commenter_erase")
    assert "example.org" not in json.dumps(entry.data)
    assert not Comment.objects.filter(author_email__iexact=EMAIL).exists()


def test_erase_can_delete_published_comments_too(history):
    call_command("commenter_erase", EMAIL, "--delete-published", stdout=io.StringIO())
    assert list(Comment.objects.values_list("pk", flat=True)) == [history["other"].pk]


def test_commands_refuse_a_non_address():
    with pytest.raises(CommandError, match="Not an email address"):
        call_command("commenter_erase", "nobody")
    with pytest.raises(CommandError, match="Not an email address"):
        call_command("commenter_export", "")


def test_admin_page_needs_the_dedicated_permission(client, moderator, history):
    client.force_login(moderator)
    assert client.get("/admin/safety/commenter-data/").status_code in (302, 403)
    moderator.user_permissions.add(Permission.objects.get(codename="manage_commenter_data"))
    page = client.get("/admin/safety/commenter-data/")
    assert page.status_code == 200
    assert "Commenter data" in client.get("/admin/").content.decode()

    export = client.post("/admin/safety/commenter-data/", {"email": EMAIL, "action": "export"})
    assert export["Content-Disposition"] == 'attachment; filename="commenter-data.json"'
    assert len(json.loads(export.content)["comments"]) == 3
    assert DataRequest.objects.get(kind="export").performed_by == moderator

    unticked = client.post("/admin/safety/commenter-data/", {"email": EMAIL, "action": "erase"})
    assert unticked.status_code == 200 and "Tick this box" in unticked.content.decode()
    assert Comment.objects.filter(author_email=EMAIL).count() == 3

    client.post(
        "/admin/safety/commenter-data/", {"email": EMAIL, "action": "erase", "confirm": "on"}
    )
    assert not Comment.objects.filter(author_email__iexact=EMAIL).exists()
    assert DataRequest.objects.get(kind="erase").via == "admin"
    log = ModelLogEntry.objects.get(action="safety.commenter_erase")
    assert log.user == moderator


def test_retention_deletes_old_rejected_and_spam(make_comment):
    old_spam = make_comment(status=Comment.Status.SPAM, ago=timedelta(days=91))
    old_rejected = make_comment(
        status=Comment.Status.REJECTED, ago=timedelta(days=120), decided_after=timedelta(days=25)
    )
    recently_decided = make_comment(
        status=Comment.Status.REJECTED, ago=timedelta(days=100), decided_after=timedelta(days=20)
    )
    old_approved = make_comment(status=Comment.Status.APPROVED, ago=timedelta(days=400))
    old_pending = make_comment(status=Comment.Status.PENDING, ago=timedelta(days=400))
    fresh_spam = make_comment(status=Comment.Status.SPAM, ago=timedelta(days=10))
    out = io.StringIO()
    call_command("purge_old_comments", stdout=out)
    assert "Deleted 2 rejected or spam comment(s)" in out.getvalue()
    assert not Comment.objects.filter(pk__in=[old_spam.pk, old_rejected.pk]).exists()
    assert set(Comment.objects.values_list("pk", flat=True)) == {
        recently_decided.pk,
        old_approved.pk,
        old_pending.pk,
        fresh_spam.pk,
    }
    call_command("purge_old_comments", "--days", "5", stdout=out)
    assert not Comment.objects.filter(pk=fresh_spam.pk).exists()
    with pytest.raises(CommandError):
        call_command("purge_old_comments", "--days", "-1")


def test_bans_survive_erasure(history):
    services.ban_create(kind="email", value=EMAIL, reason="abuse", user=None, expires_at=None)
    call_command("commenter_erase", EMAIL, stdout=io.StringIO())
    assert Ban.objects.filter(value="reader@example.org").exists()
    assert timezone.now()
