"""The single-comment page in the admin: read, place and judge one comment (issue 12, item 10)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.dateformat import format as date_format

from comments.models import Comment
from safety.models import Assessment

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/comments/comment/"


def inspect_url(comment):
    return f"{LIST}inspect/{comment.pk}/"


@pytest.fixture
def comment(article):
    return Comment.objects.create(
        article=article,
        author_name="Amal\u202e K.",
        author_email="amal@example.org",
        body="<b>Bold</b> claim: see https://a.example and https://b.example",
        body_html='<p><b>Bold</b> claim: see <a href="https://a.example">a</a></p>',
        link_count=2,
        held_reason="Held: 2 links",
        ip_address="203.0.113.9",
        user_agent="Mozilla/5.0 (X11; Linux x86_64)",
        created_at=timezone.now() - timedelta(hours=2),
    )


def test_the_page_shows_the_text_as_submitted_and_as_it_will_appear(client, moderator, comment):
    client.force_login(moderator)
    response = client.get(inspect_url(comment))
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; claim: see https://a.example and https://b.example" in html
    assert '<p><b>Bold</b> claim: see <a href="https://a.example">a</a></p>' in html
    assert "<bdi>Amal\u202e K.</bdi>" in html  # the name cannot reorder the page
    assert "Held: 2 links" in html  # the rule that fired
    assert "IP address" in html and "Ip address" not in html
    assert "203.0.113.9" in html and "Mozilla/5.0 (X11; Linux x86_64)" in html
    posted = timezone.localtime(comment.created_at)
    assert date_format(posted, "j F Y, H:i") in html  # the site's date format


def test_the_story_is_linked_and_an_approved_comment_opened_at_its_place(
    client, moderator, article, comment
):
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author_name=f"Early {n}",
            body="x",
            body_html="x",
            status="approved",
            created_at=timezone.now() - timedelta(days=1),
        )
        for n in range(55)
    )
    client.force_login(moderator)
    html = client.get(inspect_url(comment)).content.decode()
    assert f'href="{article.url}"' in html
    assert "#comment-" not in html  # pending: it has no place on the page yet
    Comment.objects.filter(pk=comment.pk).update(status="approved")
    html = client.get(inspect_url(comment)).content.decode()
    # Its permalink, which opens the page of comments that holds it (tests/e2e/test_conversation).
    assert f'href="{article.url}?comment={comment.pk}#comment-{comment.pk}"' in html
    page = client.get(f"{article.url}?comment={comment.pk}").content.decode()
    assert f'id="comment-{comment.pk}"' in page and "Comments page 2 of 2" in page


def test_the_commenters_other_comments_are_counted_by_status_and_linked(
    client, moderator, article, comment
):
    for status, email, address in [
        ("approved", "AMAL@example.org", "198.51.100.1"),
        ("approved", "amal@example.org", "198.51.100.2"),
        ("spam", "amal@example.org", "203.0.113.9"),
        ("pending", "other@example.org", "203.0.113.9"),
        ("rejected", "someone@example.org", "192.0.2.1"),
    ]:
        Comment.objects.create(
            article=article,
            author_name="A",
            body="b",
            body_html="b",
            status=status,
            author_email=email,
            ip_address=address,
        )
    client.force_login(moderator)
    html = client.get(inspect_url(comment)).content.decode()
    by_email = html.split('id="by-email"')[1].split("</ul>")[0]
    assert f'href="{LIST}?author_email=amal%40example.org&amp;status=approved"' in by_email
    assert ">Approved: 2<" in by_email and ">Spam: 1<" in by_email
    assert "Pending" not in by_email  # only statuses that have some; this comment not counted
    by_address = html.split('id="by-address"')[1].split("</ul>")[0]
    assert f'href="{LIST}?ip_address=203.0.113.9&amp;status=spam"' in by_address
    assert ">Spam: 1<" in by_address and ">Pending: 1<" in by_address
    # The links filter the queue.
    listing = client.get(LIST, {"author_email": "amal@example.org", "status": "all"})
    assert listing.content.decode().count('data-object-id="') == 4
    listing = client.get(LIST, {"ip_address": "203.0.113.9", "status": "all"})
    assert listing.content.decode().count('data-object-id="') == 3


def test_moderators_act_from_the_page_and_come_back_to_it(client, moderator, comment):
    client.force_login(moderator)
    html = client.get(inspect_url(comment)).content.decode()
    for action in ("approve", "spam"):
        assert f'formaction="{LIST}moderate/{comment.pk}/{action}/"' in html
    # Rejecting has a form of its own: a reason is required.
    reject_form = html.split(f'action="{LIST}moderate/{comment.pk}/reject/"')[1].split("</form>")[0]
    assert 'name="reason_code"' in reject_form and "required" in reject_form
    assert f'name="next" value="{inspect_url(comment)}"' in html
    response = client.post(
        f"{LIST}moderate/{comment.pk}/approve/",
        {"next": inspect_url(comment), "reason": "Links checked"},
    )
    assert response.status_code == 302 and response["Location"] == inspect_url(comment)
    comment.refresh_from_db()
    assert comment.status == "approved" and comment.moderation_reason == "Links checked"
    html = client.get(inspect_url(comment)).content.decode()
    assert "Comment approved" in html  # the audit trail, on the page
    assert "Links checked" in html
    assert f'formaction="{LIST}moderate/{comment.pk}/approve/"' not in html  # already approved


def test_without_the_moderation_right_there_are_no_actions(client, comment):
    viewer = User.objects.create_user("viewer", "v@example.org", "pw")
    viewers = Group.objects.create(name="Comment readers")
    viewers.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="view_comment", content_type__app_label="comments"),
    )
    viewer.groups.add(viewers)
    client.force_login(viewer)
    html = client.get(inspect_url(comment)).content.decode()
    assert "As submitted" in html and "formaction" not in html
    assert client.post(f"{LIST}moderate/{comment.pk}/approve/").status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.status == "pending"
    nobody = User.objects.create_user("nobody", "n@example.org", "pw")
    nobody.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    client.force_login(nobody)
    assert client.get(inspect_url(comment)).status_code in (302, 403)


def test_the_page_costs_the_same_queries_however_long_the_history(
    client, moderator, article, comment
):
    client.force_login(moderator)

    def queries():
        client.get(inspect_url(comment))
        with CaptureQueriesContext(connection) as context:
            assert client.get(inspect_url(comment)).status_code == 200
        return len(context)

    few = queries()
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author_name="A",
            body=str(n),
            body_html="b",
            status=("approved", "spam", "rejected")[n % 3],
            author_email="amal@example.org",
            ip_address="203.0.113.9",
        )
        for n in range(30)
    )
    assert queries() == few


def test_a_reply_is_judged_with_the_text_it_answers(client, moderator, article):
    parent = Comment.objects.create(
        article=article,
        author_name="Nadia",
        body="The <i>monitors</i> were right.",
        body_html="<p>The <i>monitors</i> were right.</p>",
        status="approved",
    )
    reply = Comment.objects.create(
        article=article,
        author_name="Omar",
        body="Nonsense.",
        body_html="<p>Nonsense.</p>",
        parent=parent,
        reply_to=parent,
        is_reply=True,
    )
    client.force_login(moderator)
    row = client.get(LIST).content.decode().split('class="comment-reply-context"')[1]
    assert "Reply to <bdi>Nadia</bdi>:" in row.split("</div>")[0]
    assert "The &lt;i&gt;monitors&lt;/i&gt; were right." in row.split("</div>")[0]
    page = client.get(inspect_url(reply)).content.decode()
    context = page.split("In reply to")[1].split("</section>")[0]
    assert "Nadia" in context and "The &lt;i&gt;monitors&lt;/i&gt; were right." in context
    # Once its parent is rejected, the moderator is told the reply is not shown.
    Comment.objects.filter(pk=parent.pk).update(status="rejected")
    row = client.get(LIST).content.decode().split('class="comment-reply-context"')[1]
    assert "(rejected: this reply is not shown)" in row.split("</div>")[0]


# Bans from the single-comment page (safety's links through comments.hooks.admin_actions)


def test_moderators_find_ban_links_filled_in_for_this_commenter(client, moderator, comment):
    client.force_login(moderator)
    html = client.get(inspect_url(comment)).content.decode()
    add = "/admin/snippets/safety/ban/add/"
    assert "Act on this commenter" in html
    assert f'href="{add}?kind=email&amp;value=amal%40example.org&amp;comment={comment.pk}"' in html
    assert f'href="{add}?kind=domain&amp;value=example.org&amp;comment={comment.pk}"' in html
    assert f'href="{add}?kind=ip&amp;value=203.0.113.9&amp;comment={comment.pk}"' in html
    assert "Ban this email address" in html and "Ban this IP address" in html


def test_no_ban_link_for_what_was_not_recorded(client, moderator, comment):
    Comment.objects.filter(pk=comment.pk).update(author_email="", ip_address=None)
    client.force_login(moderator)
    html = client.get(inspect_url(comment)).content.decode()
    assert "Act on this commenter" not in html and "kind=" not in html


def test_a_moderator_without_the_ban_right_sees_no_ban_links(client, comment):
    user = User.objects.create_user("limited", "l@example.org", "pw")
    limited = Group.objects.create(name="Moderators who may not ban")
    limited.permissions.set(
        Group.objects.get(name="Comment moderators").permissions.exclude(codename="add_ban")
    )
    user.groups.add(limited)
    client.force_login(user)
    html = client.get(inspect_url(comment)).content.decode()
    assert "As submitted" in html and "Ban this" not in html and "/ban/add/" not in html
    assert (
        client.get("/admin/snippets/safety/ban/add/?kind=ip&value=203.0.113.9").status_code == 403
    )


def test_the_spam_score_given_at_submission_is_shown(client, moderator, comment):
    client.force_login(moderator)
    assert "Spam score" not in client.get(inspect_url(comment)).content.decode()  # not scored
    Assessment.objects.create(comment=comment, score=0.934)
    page = client.get(inspect_url(comment)).content.decode()
    assert "Spam score: <strong>0.93</strong> (likely spam)" in page
