"""Readers' reports and the moderators' decisions on them (issue 13)."""

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from wagtail.models import ModelLogEntry

from comments import services
from comments.models import Comment, CommentReport

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/comments/comment/"


@pytest.fixture
def comment(article):
    return Comment.objects.create(
        article=article,
        author_name="Nadia",
        body="Call me on 555 0100, my address is 12 Long Road.",
        body_html="<p>Call me on 555 0100, my address is 12 Long Road.</p>",
        status="approved",
    )


def report(comment, *, address, reason="spam", details="", json=True, client=None):
    """What the dialog does: fetch this reader's tokens, post the report."""
    reader = client or Client(enforce_csrf_checks=True)
    tokens = reader.get("/comments/tokens/", REMOTE_ADDR=address).json()
    headers = {"HTTP_ACCEPT": "application/json"} if json else {}
    return reader.post(
        f"/comments/report/{comment.pk}/",
        {
            "reason": reason,
            "details": details,
            "started": tokens["started"],
            "csrfmiddlewaretoken": tokens["csrf_token"],
        },
        REMOTE_ADDR=address,
        **headers,
    )


def test_three_readers_send_a_comment_back_to_the_moderators_and_it_stays_visible(
    client, article, comment, moderator
):
    for n in range(2):
        response = report(comment, address=f"198.51.100.{n + 1}")
        assert response.status_code == 200
        assert response.json()["message"] == "Thank you. The moderators will look at this comment."
    # The same reader again: thanked the same way, counted once.
    assert report(comment, address="198.51.100.1").status_code == 200
    comment.refresh_from_db()
    assert comment.reported_at is None and CommentReport.objects.count() == 2
    report(comment, address="198.51.100.3", reason="other", details="Off the\nrails")
    comment.refresh_from_db()
    assert comment.reported_at is not None and not comment.hidden
    assert "Call me on" in client.get(article.url).content.decode()  # spam: still shown
    assert CommentReport.objects.get(reason="other").details == "Off the rails"
    # The reporter's address is not stored, only a keyed hash of it.
    assert "198.51.100" not in "".join(CommentReport.objects.values_list("reporter", flat=True))

    client.force_login(moderator)
    html = client.get(LIST, {"status": "reported"}).content.decode()
    rows = html.split('class="comment-status-tabs"')[1]
    assert "Call me on" in rows and "3 reports" in rows
    assert "Spam: 2" in rows and "Other: 1" in rows and "“<bdi>Off the rails</bdi>”" in rows
    assert f"{LIST}decide/{comment.pk}/keep/" in rows
    tabs = html.split('class="comment-status-tabs"')[1].split("</nav>")[0]
    assert 'href="?status=reported" aria-current="page">Reported' in tabs
    assert "Comments, 1 reported" in client.get("/admin/").content.decode()


@pytest.mark.parametrize("reason", ["personal_data", "illegal"])
def test_one_report_for_personal_data_or_illegal_content_hides_the_comment(
    client, article, comment, reason
):
    assert report(comment, address="198.51.100.1", reason=reason).status_code == 200
    comment.refresh_from_db()
    assert comment.reported_at is not None and comment.hidden
    assert "Call me on" not in client.get(article.url).content.decode()
    entry = ModelLogEntry.objects.get(action="comments.hidden")
    assert entry.user is None and entry.data["reports"] == 1


@override_settings(COMMENTS_REPORT_HIDE_SERIOUS=False)
def test_hiding_at_once_is_a_setting(client, article, comment):
    report(comment, address="198.51.100.1", reason="personal_data")
    comment.refresh_from_db()
    assert comment.reported_at is not None and not comment.hidden
    assert "Call me on" in client.get(article.url).content.decode()


@override_settings(COMMENTS_REPORT_THRESHOLD=2)
def test_the_number_of_readers_is_a_setting(comment):
    report(comment, address="198.51.100.1")
    report(comment, address="198.51.100.2")
    comment.refresh_from_db()
    assert comment.reported_at is not None


@override_settings(COMMENTS_REPORT_RATE_LIMIT=3)
def test_a_flood_of_reports_from_one_address_changes_nothing(article, comment):
    others = [
        Comment.objects.create(
            article=article, author_name=f"R{n}", body="b", body_html="b", status="approved"
        )
        for n in range(5)
    ]
    statuses = [report(c, address="203.0.113.66").status_code for c in others]
    assert statuses == [200, 200, 200, 429, 429]
    response = report(comment, address="203.0.113.66", reason="illegal")
    assert response.status_code == 429 and "a lot of reports" in response.json()["message"]
    comment.refresh_from_db()
    assert not comment.hidden and comment.reported_at is None
    assert CommentReport.objects.count() == 3
    # Another reader is not held back.
    assert report(comment, address="203.0.113.67").status_code == 200


def test_a_report_needs_a_reason_and_words_for_other(comment):
    response = report(comment, address="198.51.100.1", reason="")
    assert response.status_code == 400
    assert "Please choose a reason." in response.json()["errors"]["reason"]
    response = report(comment, address="198.51.100.1", reason="other")
    assert "a few words" in response.json()["errors"]["details"]
    response = report(comment, address="198.51.100.1", details="x" * 301)
    assert "300 characters" in response.json()["errors"]["details"]
    assert not CommentReport.objects.exists()


def test_a_report_without_the_readers_tokens_is_refused(comment):
    reader = Client(enforce_csrf_checks=True)
    assert reader.post(f"/comments/report/{comment.pk}/", {"reason": "spam"}).status_code == 403
    reader = Client()  # CSRF passed, but no signed start time: not from the page
    response = reader.post(f"/comments/report/{comment.pk}/", {"reason": "spam"})
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert not CommentReport.objects.exists()


@pytest.mark.parametrize("status", ["pending", "rejected", "spam"])
def test_only_comments_readers_can_see_can_be_reported(article, status):
    hidden = Comment.objects.create(
        article=article, author_name="H", body="b", body_html="b", status=status
    )
    assert Client().get(f"/comments/report/{hidden.pk}/").status_code == 404
    assert report(hidden, address="198.51.100.1").status_code == 404


def test_without_script_the_report_page_works_in_the_storys_language(client, comment):
    response = client.get(f"/comments/report/{comment.pk}/")
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "Why are you reporting this comment?" in html and "Call me on" in html
    response = report(comment, address="198.51.100.1", json=False, client=client)
    html = response.content.decode()
    assert response.status_code == 200 and "The moderators will look at this comment." in html
    assert f"?comment={comment.pk}#comment-{comment.pk}" in html


# -- Decisions --------------------------------------------------------------------------------


def reported(comment, reasons=("spam", "spam", "personal_data")):
    for n, reason in enumerate(reasons):
        services.report_submit(comment=comment, reason=reason, ip_address=f"198.51.100.{n + 1}")
    comment.refresh_from_db()
    return comment


def test_keeping_a_reported_comment_closes_the_reports_and_shows_it_again(
    client, article, comment, moderator
):
    reported(comment)
    assert comment.hidden
    client.force_login(moderator)
    response = client.post(
        f"{LIST}decide/{comment.pk}/keep/", {"reason": "Public office number", "next": LIST}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert not comment.hidden and comment.reported_at is None
    assert set(CommentReport.objects.values_list("decision", flat=True)) == {"keep"}
    assert not CommentReport.objects.filter(closed_at__isnull=True).exists()
    entry = ModelLogEntry.objects.get(action="comments.report_keep")
    assert entry.user == moderator
    reports = {"spam": 2, "personal_data": 1}
    assert entry.data == {"reason": "Public office number", "reason_code": "", "reports": reports}
    client.logout()
    assert "Call me on" in client.get(article.url).content.decode()
    # Decided: a second decision changes nothing and logs nothing.
    assert not services.report_decide(comment=comment, moderator=moderator, decision="reject")
    assert ModelLogEntry.objects.filter(action__startswith="comments.report_").count() == 1


def test_rejecting_a_reported_comment(comment, moderator):
    reported(comment)
    assert services.report_decide(
        comment=comment, moderator=moderator, decision="reject", reason="Doxxing"
    )
    comment.refresh_from_db()
    assert comment.status == "rejected" and comment.reported_at is None
    actions = list(
        ModelLogEntry.objects.filter(action__startswith="comments.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["comments.hidden", "comments.report_reject", "comments.rejected"]


def test_editing_out_personal_data_keeps_the_comment_and_not_the_data(
    client, article, comment, moderator
):
    reported(comment)
    client.force_login(moderator)
    page = client.get(f"{LIST}inspect/{comment.pk}/").content.decode()
    assert "Readers' reports" in page and "Personal data: 1" in page and "Spam: 2" in page
    assert f'formaction="{LIST}decide/{comment.pk}/edit/"' in page
    client.post(
        f"{LIST}decide/{comment.pk}/edit/",
        {"body": "Call me on [removed].", "reason": "Phone number removed"},
    )
    comment.refresh_from_db()
    assert comment.body == "Call me on [removed]." and comment.edited_at is not None
    assert not comment.hidden and comment.reported_at is None
    logged = "".join(str(e.data) for e in ModelLogEntry.objects.all())
    assert "555 0100" not in logged and "Phone number removed" in logged
    client.logout()
    html = client.get(article.url).content.decode()
    assert "Call me on [removed]." in html and "Edited by the moderators." in html


def test_decisions_need_the_moderation_right(client, comment):
    reported(comment)
    editor = User.objects.create_user("ed", "ed@example.org", "pw", is_staff=True)
    client.force_login(editor)
    assert client.post(f"{LIST}decide/{comment.pk}/keep/").status_code in (302, 403)
    assert client.post(f"{LIST}decide/{comment.pk}/nonsense/").status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.hidden and CommentReport.objects.filter(closed_at__isnull=True).count() == 3
