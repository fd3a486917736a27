"""The moderation queue's power tools (issue 14): the spam score's column, sort and filter, a
reason on every rejection (row, bulk, reported comment), JSON answers for keyboard triage, and
the note on the spam score above the queue."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from comments import hooks, services
from comments.models import Comment, CommentReport
from safety.models import Assessment, SpamClassifier

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/comments/comment/"
JSON = {"HTTP_X_REQUESTED_WITH": "fetch", "HTTP_ACCEPT": "application/json"}


@pytest.fixture
def scored(article):
    """Three pending comments: likely spam, unlikely, and one never scored."""
    comments = {}
    for name, score, age in (("Spammy", 0.93, 3), ("Fine", 0.04, 2), ("Unscored", None, 1)):
        comment = Comment.objects.create(
            article=article, author_name=name, body=f"{name} text", body_html=f"<p>{name}</p>"
        )
        Comment.objects.filter(pk=comment.pk).update(
            created_at=timezone.now() - timedelta(minutes=age)
        )
        if score is not None:
            Assessment.objects.create(comment=comment, score=score)
        comments[name] = comment
    return comments


def rows(html: str) -> list[str]:
    """The commenters' names in the order the queue shows them."""
    names = ("Spammy", "Fine", "Unscored")
    found = sorted((html.index(f"<bdi>{n}</bdi>"), n) for n in names if f"<bdi>{n}</bdi>" in html)
    return [name for _, name in found]


def test_the_queue_shows_the_spam_score(client, moderator, scored):
    client.force_login(moderator)
    html = client.get(LIST).content.decode()
    assert ">Spam score<" in html or "Spam score" in html
    spammy = html.split(f'id="comment-row-{scored["Spammy"].pk}"')[1].split("</tr>")[0]
    assert "0.93</span>" in spammy and "likely spam" in spammy
    fine = html.split(f'id="comment-row-{scored["Fine"].pk}"')[1].split("</tr>")[0]
    assert "0.04</span>" in fine and "likely spam" not in fine
    unscored = html.split(f'id="comment-row-{scored["Unscored"].pk}"')[1].split("</tr>")[0]
    assert "Not scored" in unscored


def test_the_queue_sorts_by_the_score_unscored_last_either_way(client, moderator, scored):
    client.force_login(moderator)
    html = client.get(LIST, {"ordering": "-spam_score"}).content.decode()
    assert rows(html) == ["Spammy", "Fine", "Unscored"]
    assert "?ordering=spam_score" in html  # the header offers the other direction
    html = client.get(LIST, {"ordering": "spam_score"}).content.decode()
    assert rows(html) == ["Fine", "Spammy", "Unscored"]
    assert rows(client.get(LIST).content.decode()) == ["Unscored", "Fine", "Spammy"]  # newest


def test_the_queue_filters_by_the_score(client, moderator, scored):
    client.force_login(moderator)
    assert rows(client.get(LIST, {"spam_score": "likely"}).content.decode()) == ["Spammy"]
    assert rows(client.get(LIST, {"spam_score": "unlikely"}).content.decode()) == ["Fine"]
    assert rows(client.get(LIST, {"spam_score": "none"}).content.decode()) == ["Unscored"]
    html = client.get(LIST).content.decode()
    assert 'name="spam_score"' in html and "Likely spam (0.5 or more)" in html


def test_without_a_score_the_column_filter_and_sort_step_aside(
    client, moderator, scored, monkeypatch
):
    monkeypatch.setattr(hooks, "queue_annotations", lambda: {})
    client.force_login(moderator)
    html = client.get(LIST, {"ordering": "-spam_score", "spam_score": "likely"}).content.decode()
    assert "Spam score" not in html and 'name="spam_score"' not in html
    assert rows(html) == ["Unscored", "Fine", "Spammy"]  # unfiltered, newest first


def _add(article, count, start=0):
    for n in range(start, start + count):
        comment = Comment.objects.create(
            article=article, author_name=f"Many {n}", body=f"many {n}", body_html=f"<p>{n}</p>"
        )
        Assessment.objects.create(comment=comment, score=(n * 7 % 10) / 10)  # some over 0.5


def _queue_queries(client, **params):
    client.get(LIST, params)  # warm: the menu badge's count is kept briefly
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, {"ordering": "-spam_score", "spam_score": "likely"}])
def test_queue_queries_do_not_grow_with_rows(client, moderator, article, params):
    client.force_login(moderator)
    _add(article, 5)
    five = _queue_queries(client, **params)
    _add(article, 25, start=5)
    thirty = _queue_queries(client, **params)
    print(f"\nqueue page queries {params}: {five} at 5 rows, {thirty} at 30 rows")
    assert five == thirty


# Reasons on every rejection


@pytest.fixture
def pending(article):
    return Comment.objects.create(
        article=article, author_name="Reader", body="pending", body_html="<p>pending</p>"
    )


def reject(client, comment, data, **headers):
    return client.post(f"{LIST}moderate/{comment.pk}/reject/", {"next": LIST, **data}, **headers)


def test_the_queue_offers_the_listed_reasons_in_each_row_and_the_keyboard_dialog(
    client, moderator, pending
):
    client.force_login(moderator)
    html = client.get(LIST).content.decode()
    dialog = html.split("data-triage-reason ")[1].split("</dialog>")[0]
    for code, label in (("off-topic", "Off-topic"), ("abuse", "Abuse"), ("other", "Other")):
        assert f'<option value="{code}"' in dialog and label in dialog
    assert '<option value="other" data-triage-needs-detail>Other</option>' in dialog
    row = html.split(f'id="comment-row-{pending.pk}"')[1].split("</tr>")[0]
    assert 'data-triage-item=""' in html.split(f'id="comment-row-{pending.pk}"')[0][-300:]
    reject_form = row.split('data-triage-action="reject"')[1].split("</form>")[0]
    assert 'name="reason_code"' in reject_form and 'name="reason"' in reject_form
    assert '<option value="personal-data">Personal data</option>' in reject_form


def test_a_rejection_without_a_reason_changes_nothing(client, moderator, pending):
    client.force_login(moderator)
    response = reject(client, pending, {})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == "pending"
    html = client.get(LIST).content.decode()
    assert "Choose a reason for the rejection: nothing was changed." in html


def test_an_unknown_reason_is_refused_clearly(client, moderator, pending):
    client.force_login(moderator)
    response = reject(client, pending, {"reason_code": "made-up"}, **JSON)
    assert response.status_code == 400
    assert response.json() == {
        "ok": False,
        "message": "“made-up” is not one of the rejection reasons: nothing was changed.",
    }
    pending.refresh_from_db()
    assert pending.status == "pending" and not ModelLogEntry.objects.exists()


def test_other_needs_the_moderators_words(client, moderator, pending):
    client.force_login(moderator)
    response = reject(client, pending, {"reason_code": "other", "reason": "  "}, **JSON)
    assert response.status_code == 400 and "needs a few words" in response.json()["message"]
    pending.refresh_from_db()
    assert pending.status == "pending"
    response = reject(
        client, pending, {"reason_code": "other", "reason": "Copied from another site"}, **JSON
    )
    assert response.json() == {"ok": True, "message": "Comment by Reader rejected."}
    pending.refresh_from_db()
    assert pending.status == "rejected"
    assert pending.moderation_reason == "Other: Copied from another site"
    assert pending.moderation_reason_code == "other"
    entry = ModelLogEntry.objects.get(action="comments.rejected")
    assert entry.data["reason"] == "Other: Copied from another site"
    assert entry.data["reason_code"] == "other" and entry.user == moderator


def test_a_listed_reason_is_stored_with_its_code(client, moderator, pending):
    client.force_login(moderator)
    response = reject(client, pending, {"reason_code": "abuse"})
    assert response.status_code == 302 and response["Location"] == LIST
    pending.refresh_from_db()
    assert (pending.status, pending.moderation_reason, pending.moderation_reason_code) == (
        "rejected",
        "Abuse",
        "abuse",
    )


def test_with_no_listed_reasons_free_words_still_work(client, moderator, pending, monkeypatch):
    monkeypatch.setattr(hooks, "rejection_reasons", lambda: [])
    client.force_login(moderator)
    html = client.get(LIST).content.decode()
    assert 'name="reason_code"' not in html and 'name="reason"' in html
    assert reject(client, pending, {}, **JSON).status_code == 400
    assert (
        reject(client, pending, {"reason_code": "abuse", "reason": "x"}, **JSON).status_code == 400
    )
    response = reject(client, pending, {"reason": "Off topic, twice"}, **JSON)
    assert response.json()["ok"] is True
    pending.refresh_from_db()
    assert pending.moderation_reason == "Off topic, twice" and pending.moderation_reason_code == ""


def test_moderate_answers_json_to_fetch_and_redirects_forms(client, moderator, pending):
    client.force_login(moderator)
    response = client.post(f"{LIST}moderate/{pending.pk}/approve/", **JSON)
    assert response.status_code == 200
    assert response.json() == {"ok": True, "message": "Comment by Reader approved."}
    response = client.post(f"{LIST}moderate/{pending.pk}/approve/", **JSON)
    assert response.json() == {"ok": True, "message": "Comment by Reader was already approved."}
    response = client.post(f"{LIST}moderate/{pending.pk}/spam/", {"next": LIST})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == "spam" and pending.moderated_by == moderator


def test_bulk_reject_asks_for_a_reason(client, moderator, article):
    comments = [
        Comment.objects.create(article=article, author_name=f"B{n}", body="b", body_html="b")
        for n in range(2)
    ]
    client.force_login(moderator)
    url = (
        f"/admin/bulk/comments/comment/reject/?id={comments[0].pk}&id={comments[1].pk}&next={LIST}"
    )
    form = client.get(url).content.decode()
    assert 'name="reason_code"' in form and '<option value="abuse">Abuse</option>' in form
    response = client.post(url, {"reason_code": "other", "reason": ""})
    assert response.status_code == 200
    assert "needs a few words of your own" in response.content.decode()
    assert set(Comment.objects.values_list("status", flat=True)) == {"pending"}
    response = client.post(url, {"reason_code": "off-topic", "reason": "About the weather"})
    assert response.status_code == 302
    assert set(
        Comment.objects.values_list(
            "status", "moderation_reason", "moderation_reason_code", "moderated_by"
        )
    ) == {("rejected", "Off-topic: About the weather", "off-topic", moderator.pk)}


def test_rejecting_a_reported_comment_asks_for_a_reason(client, moderator, article):
    comment = Comment.objects.create(
        article=article, author_name="Nadia", body="n", body_html="n", status="approved"
    )
    for n in range(3):
        services.report_submit(comment=comment, reason="spam", ip_address=f"198.51.100.{n + 1}")
    client.force_login(moderator)
    html = client.get(LIST, {"status": "reported"}).content.decode()
    row = html.split(f'id="comment-row-{comment.pk}"')[1].split("</tr>")[0]
    decide = row.split(f'action="{LIST}decide/{comment.pk}/reject/"')[1].split("</form>")[0]
    assert 'name="reason_code"' in decide
    form_tag = row.split(f'action="{LIST}decide/{comment.pk}/reject/"')[1].split(">")[0]
    assert 'data-triage-action="reject"' in form_tag  # r on a reported row closes the reports
    url = f"{LIST}decide/{comment.pk}/reject/"
    response = client.post(url, {"reason_code": "nope"}, **JSON)
    assert response.status_code == 400 and not response.json()["ok"]
    assert CommentReport.objects.filter(closed_at__isnull=True).count() == 3
    response = client.post(url, {"reason_code": "spam"}, **JSON)
    assert response.json()["ok"] is True
    comment.refresh_from_db()
    assert comment.status == "rejected" and comment.moderation_reason == "Spam"


def test_keyboard_keys_only_where_the_row_can_take_them(client, moderator, article):
    approved = Comment.objects.create(
        article=article, author_name="Ok", body="ok", body_html="ok", status="approved"
    )
    pending = Comment.objects.create(article=article, author_name="Wait", body="w", body_html="w")
    client.force_login(moderator)
    html = client.get(LIST, {"status": "all"}).content.decode()
    approved_row = html.split(f'id="comment-row-{approved.pk}"')[1].split("</tr>")[0]
    pending_row = html.split(f'id="comment-row-{pending.pk}"')[1].split("</tr>")[0]
    assert 'data-triage-action="pick"' in approved_row
    assert 'data-triage-action="approve"' not in approved_row
    assert 'data-triage-action="pick"' not in pending_row
    assert 'data-triage-action="approve"' in pending_row
    assert 'data-triage-action="open"' in pending_row
    assert "js/triage.js" in html and "css/triage.css" in html
    assert 'role="status"' in html


# The note on the spam score above the queue


def test_the_queue_says_why_there_is_no_score_yet(client, moderator, article, settings):
    settings.SAFETY_SCORE_MIN_PER_CLASS = 50
    decided = timezone.now()  # moderators' decisions: what the score learns from
    Comment.objects.create(
        article=article, author_name="a", body="a", status="approved", moderated_at=decided
    )
    Comment.objects.create(
        article=article, author_name="s", body="s", status="spam", moderated_at=decided
    )
    Comment.objects.create(
        article=article, author_name="t", body="t", status="spam", moderated_at=decided
    )
    # Not counted: approved by the rules (a trusted commenter), never by a moderator.
    Comment.objects.create(article=article, author_name="r", body="r", status="approved")
    client.force_login(moderator)
    html = client.get(LIST).content.decode()
    assert "No spam score yet." in html
    assert "approved 50 comments and marked 50 as spam (so far: 1 approved, 2 spam)" in html


def test_the_queue_names_the_score_it_shows(client, moderator):
    model = SpamClassifier.objects.create(
        ham_count=120, spam_count=80, params={}, weights=b"", precision=0.91, recall=0.87
    )
    client.force_login(moderator)
    html = client.get(LIST).content.decode()
    assert f"Spam score v{model.pk}" in html
    assert "120 approved and 80 spam comments" in html
    assert "0.87 of the spam (recall)" in html and "0.91 of what it called spam" in html
