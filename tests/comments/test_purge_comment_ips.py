"""manage.py purge_comment_ips forgets old comments' addresses and keeps recent ones."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from comments.models import Comment

pytestmark = pytest.mark.django_db


def comment(article, *, age_days: int) -> Comment:
    created = Comment.objects.create(
        article=article, author_name="R", body="b", body_html="<p>b</p>", ip_address="203.0.113.4"
    )
    Comment.objects.filter(pk=created.pk).update(
        created_at=timezone.now() - timedelta(days=age_days)
    )
    return created


def test_addresses_older_than_the_cutoff_are_forgotten(article):
    old, recent = comment(article, age_days=31), comment(article, age_days=29)
    out = StringIO()
    call_command("purge_comment_ips", "--days", "30", stdout=out)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.ip_address is None
    assert recent.ip_address == "203.0.113.4"
    assert "1 comment(s)" in out.getvalue()
    assert Comment.objects.count() == 2  # the comments themselves stay


def test_negative_days_are_refused(article):
    with pytest.raises(CommandError):
        call_command("purge_comment_ips", "--days", "-1")


def test_decided_reports_forget_who_sent_them_too(article, admin_user):
    from comments import services
    from comments.models import CommentReport

    reported = Comment.objects.create(
        article=article, author_name="R", body="b", body_html="b", status="approved"
    )
    services.report_submit(comment=reported, reason="spam", ip_address="198.51.100.1")
    services.report_submit(comment=reported, reason="spam", ip_address="198.51.100.2")
    services.report_decide(comment=reported, moderator=admin_user, decision="keep")
    services.report_submit(comment=reported, reason="spam", ip_address="198.51.100.1")  # open
    CommentReport.objects.update(created_at=timezone.now() - timedelta(days=31))
    out = StringIO()
    call_command("purge_comment_ips", "--days", "30", stdout=out)
    # Decided reports lose the (hashed) address; an open one keeps it, to count once.
    assert sorted(bool(r) for r in CommentReport.objects.values_list("reporter", flat=True)) == [
        False,
        False,
        True,
    ]
    assert "2 decided report(s)" in out.getvalue()
