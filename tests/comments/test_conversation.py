"""The conversation under a story: replies, permalinks, the reader's order and editors' picks
(issue 13), through the reader's pages and the services."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from comments import services
from comments.models import Comment
from pagecache.store import cache_query

pytestmark = pytest.mark.django_db


def make(article, name, *, minutes=0, status="approved", reply_to=None, **fields):
    parent = None
    if reply_to is not None:
        parent = reply_to.parent if reply_to.is_reply else reply_to
    return Comment.objects.create(
        article=article,
        author_name=name,
        body=f"{name} writes",
        body_html=f"<p>{name} writes</p>",
        status=status,
        created_at=timezone.now() - timedelta(minutes=1000 - minutes),
        parent=parent,
        reply_to=reply_to,
        is_reply=reply_to is not None,
        **fields,
    )


def section_of(html: str) -> str:
    return html.split('id="comments"')[1]


# -- Replies ----------------------------------------------------------------------------------


def test_replies_show_under_their_thread_one_level_deep(client, article):
    nadia = make(article, "Nadia", minutes=1)
    kofi = make(article, "Kofi", minutes=2)
    omar = make(article, "Omar", minutes=3, reply_to=nadia)
    ines = make(article, "Ines", minutes=4, reply_to=omar)  # a reply to a reply
    assert ines.parent == nadia  # joins the same thread
    html = section_of(client.get(article.url).content.decode())
    assert "4 comments" in html
    thread = html.split(f'id="comment-{nadia.pk}"')[1].split(f'id="comment-{kofi.pk}"')[0]
    assert 'class="comment-replies"' in thread
    assert thread.index("Omar writes") < thread.index("Ines writes")
    assert "in reply to <bdi>Omar</bdi>" in thread  # whom it answers
    assert "in reply to <bdi>Nadia</bdi>" in thread


@pytest.mark.parametrize("change", ["rejected", "spam", "hidden", "deleted"])
def test_a_reply_whose_parent_goes_is_kept_but_not_shown(client, article, change):
    nadia = make(article, "Nadia")
    omar = make(article, "Omar", reply_to=nadia)
    if change == "deleted":
        nadia.delete()
    elif change == "hidden":
        Comment.objects.filter(pk=nadia.pk).update(hidden=True)
    else:
        Comment.objects.filter(pk=nadia.pk).update(status=change)
    html = section_of(client.get(article.url).content.decode())
    assert "Omar writes" not in html and "No comments yet." in html
    omar.refresh_from_db()
    assert omar.status == "approved" and omar.is_reply  # kept for the moderators
    # The story's cards do not count it either.
    from articles.models import ArticlePage

    assert ArticlePage.objects.with_card_data().get(pk=article.pk).comment_count == 0


def test_a_reply_goes_through_the_same_pipeline(article, comment_post):
    nadia = make(article, "Nadia")
    response = comment_post(article, body="Which crossing do you mean?", reply_to=nadia.pk)
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?comment=pending#comments"
    reply = Comment.objects.get(body="Which crossing do you mean?")
    assert reply.status == "pending" and reply.is_reply
    assert reply.parent == nadia and reply.reply_to == nadia
    # A wrong CAPTCHA keeps the reply a reply, and its text.
    response = comment_post(
        article, body="Second try", reply_to=nadia.pk, captcha_1="WRONG", remote_addr="192.0.2.8"
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Reply to <bdi>Nadia</bdi>" in html
    assert f'name="reply_to" value="{nadia.pk}"' in html and "Second try</textarea>" in html


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_replying_to_a_comment_not_shown_keeps_the_text_as_a_new_comment(
    article, comment_post, status
):
    hidden = make(article, "Hidden", status=status)
    response = comment_post(article, body="My careful answer.", reply_to=hidden.pk)
    html = response.content.decode()
    assert response.status_code == 400
    assert "is no longer shown" in html and "My careful answer.</textarea>" in html
    assert 'name="reply_to" value=""' in html  # sent again, it is a new comment
    assert not Comment.objects.filter(body="My careful answer.").exists()
    other = make(article, "Elsewhere")
    Comment.objects.filter(pk=other.pk).update(article=make_other_story(article))
    response = comment_post(
        article, body="Across stories", reply_to=other.pk, remote_addr="192.0.2.9"
    )
    assert response.status_code == 400
    assert not Comment.objects.filter(body="Across stories").exists()


def make_other_story(article):
    from tests.factories import ArticlePageFactory

    return ArticlePageFactory(parent=article.get_parent(), title="Another story", slug="another")


def test_without_script_reply_links_open_the_form_answering_that_comment(client, article):
    nadia = make(article, "Nadia")
    html = client.get(article.url).content.decode()
    link = f'href="/comments/{article.pk}/?reply_to={nadia.pk}#comment-form"'
    assert link in html
    response = client.get(f"/comments/{article.pk}/", {"reply_to": nadia.pk})
    form = response.content.decode().split('id="comment-form"')[1]
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "Reply to <bdi>Nadia</bdi>" in form and "Nadia writes" in form
    assert f'name="reply_to" value="{nadia.pk}"' in form
    # Not a visible comment of this story: an ordinary comment form.
    form = client.get(f"/comments/{article.pk}/", {"reply_to": "99999"}).content.decode()
    assert 'name="reply_to" value=""' in form and "Add new comment" in form


def test_reply_service_refuses_a_target_that_is_not_shown(article):
    pending = make(article, "Pending", status="pending")
    with pytest.raises(services.ReplyTargetGone):
        services.comment_submit(
            article=article, author_name="A", body="b", started_at=0, reply_to=pending
        )


# -- Permalinks and order ---------------------------------------------------------------------


@override_settings(COMMENTS_PER_PAGE=5)
@pytest.mark.parametrize("sort", ["oldest", "newest", "picks"])
def test_a_permalink_opens_the_page_that_holds_the_comment_whatever_the_order(
    client, article, sort
):
    threads = [make(article, f"T{n}", minutes=n, is_pick=n in (3, 17)) for n in range(23)]
    reply = make(article, "Late reply", minutes=100, reply_to=threads[12])
    for target in (threads[12], reply, threads[3], threads[22]):
        query = {"comment": target.pk} if sort == "oldest" else {"comment": target.pk, "sort": sort}
        html = section_of(client.get(article.url, query).content.decode())
        listed = html.split('class="comment-list"')[1]
        # Shown on this page of the list, and marked (the highlight; :target does the rest).
        assert f'comment--linked" id="comment-{target.pk}"' in listed, (sort, target.author_name)
        assert listed.count("comment--linked") == 1
    # Oldest first, thread 12 is on page 3 of 5 a page.
    html = section_of(client.get(article.url, {"comment": threads[12].pk}).content.decode())
    assert "Comments page 3 of 5" in html


def test_a_permalink_to_a_comment_not_shown_says_so(client, article):
    make(article, "Shown")
    pending = make(article, "Pending", status="pending")
    html = section_of(client.get(article.url, {"comment": pending.pk}).content.decode())
    assert "not shown any more" in html and "Pending writes" not in html
    assert "Shown writes" in html


def test_every_comment_has_a_link_to_itself(client, article):
    nadia = make(article, "Nadia")
    omar = make(article, "Omar", reply_to=nadia)
    html = client.get(article.url).content.decode()
    for comment in (nadia, omar):
        assert f'href="?comment={comment.pk}#comment-{comment.pk}" data-role="permalink"' in html


@override_settings(COMMENTS_PER_PAGE=2)
def test_sort_links_order_the_threads_and_pagination_keeps_the_order(client, article):
    first, second, third = (make(article, name, minutes=n) for n, name in enumerate("ABC"))
    make(article, "Reply to A", minutes=10, reply_to=first)
    html = section_of(client.get(article.url).content.decode())
    assert 'href="?#comments" aria-current="true">Oldest first' in html
    assert 'href="?sort=newest#comments">Newest first' in html
    assert html.index("A writes") < html.index("B writes") and "C writes" not in html
    assert 'href="?comments=2#comments">Show more' in html
    newest = section_of(client.get(article.url, {"sort": "newest"}).content.decode())
    assert newest.index("C writes") < newest.index("B writes") and "A writes" not in newest
    assert 'href="?sort=newest&amp;comments=2#comments">Show more' in newest
    page_two = section_of(
        client.get(article.url, {"sort": "newest", "comments": 2}).content.decode()
    )
    assert "A writes" in page_two and "Reply to A writes" in page_two  # replies follow
    assert 'href="?sort=newest&amp;comments=1#comments">← Earlier' in page_two
    # Junk falls back to the default order (and is not a cached variant: see below).
    junk = section_of(client.get(article.url, {"sort": "best"}).content.decode())
    assert junk.index("A writes") < junk.index("B writes")


def test_the_page_cache_keeps_only_well_formed_order_and_permalink_values():
    assert cache_query("sort=newest&comments=2") == "comments=2&sort=newest"
    assert cache_query("comment=123") == "comment=123"
    assert cache_query("comment=pending") == "comment=pending"
    for junk in ("sort=best", "sort=newest&sort=oldest", "comment=0", "comment=12345678901"):
        assert cache_query(junk) is None, junk


# -- Editors' picks ---------------------------------------------------------------------------


def test_picks_show_in_a_box_above_the_thread_and_first_when_asked(client, article):
    plain = make(article, "Plain", minutes=1)
    picked = make(article, "Picked", minutes=2, is_pick=True)
    nadia = make(article, "Nadia", minutes=3)
    picked_reply = make(article, "Picked reply", minutes=4, reply_to=nadia, is_pick=True)
    make(article, "Pending pick", minutes=5, status="pending", is_pick=True)
    html = section_of(client.get(article.url).content.decode())
    box = html.split('class="picks"')[1].split("</aside>")[0]
    assert "Editors’ picks" in box
    assert "Picked writes" in box and "Picked reply writes" in box
    assert "Plain writes" not in box and "Pending pick" not in box
    assert f'href="?comment={picked_reply.pk}#comment-{picked_reply.pk}"' in box
    listed = html.split('class="comment-list"')[1]
    assert listed.index("Plain writes") < listed.index("Picked writes")  # oldest first
    assert 'href="?sort=picks#comments">Editors’ picks first' in html
    picks_first = section_of(client.get(article.url, {"sort": "picks"}).content.decode())
    listed = picks_first.split('class="comment-list"')[1]
    assert listed.index("Picked writes") < listed.index("Plain writes")
    assert plain.pk and picked.pk


def test_picking_is_logged_once_and_needs_an_approved_comment(article, admin_user):
    approved = make(article, "Approved")
    pending = make(article, "Pending", status="pending")
    assert services.comment_pick(comment=approved, moderator=admin_user)
    assert not services.comment_pick(comment=approved, moderator=admin_user)  # once
    assert not services.comment_pick(comment=pending, moderator=admin_user)
    assert services.comment_pick(comment=approved, moderator=admin_user, picked=False)
    assert list(
        ModelLogEntry.objects.filter(action__startswith="comments.")
        .order_by("pk")
        .values_list("action", "user")
    ) == [("comments.picked", admin_user.pk), ("comments.unpicked", admin_user.pk)]
    pending.refresh_from_db()
    assert not pending.is_pick


def test_moderators_pick_and_unpick_from_the_queue_and_the_comments_page(client, article):
    from django.contrib.auth.models import Group, User

    moderator = User.objects.create_user("moder", "moder@example.org", "pw")
    moderator.groups.add(Group.objects.get(name="Comment moderators"))
    comment = make(article, "Nadia")
    queue = "/admin/snippets/comments/comment/"
    client.force_login(moderator)
    listing = client.get(queue, {"status": "approved"}).content.decode()
    assert f"{queue}moderate/{comment.pk}/pick/" in listing
    client.post(f"{queue}moderate/{comment.pk}/pick/", {"next": queue})
    comment.refresh_from_db()
    assert comment.is_pick
    listing = client.get(queue, {"status": "approved"}).content.decode()
    assert f"{queue}moderate/{comment.pk}/unpick/" in listing and "Editors' pick" in listing
    page = client.get(f"{queue}inspect/{comment.pk}/").content.decode()
    assert f'action="{queue}moderate/{comment.pk}/unpick/"' in page
    client.post(f"{queue}moderate/{comment.pk}/unpick/", {"next": f"{queue}inspect/{comment.pk}/"})
    comment.refresh_from_db()
    assert not comment.is_pick
    page = client.get(f"{queue}inspect/{comment.pk}/").content.decode()
    assert "Comment no longer a pick" in page  # the audit trail
    # Without the right, nothing changes.
    client.force_login(User.objects.create_user("ed", "ed@example.org", "pw", is_staff=True))
    client.post(f"{queue}moderate/{comment.pk}/pick/")
    comment.refresh_from_db()
    assert not comment.is_pick
