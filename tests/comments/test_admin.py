"""The moderation queue in the Wagtail admin, and who may use it."""

import re

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission

from comments.models import Comment

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/comments/comment/"
# The sidebar item (its props are JSON in the page): "Comments" and a badge with the count.
BADGE = (
    '"label": "Comments", "icon_name": "comment", "classname": "", '
    '"attrs": {{"aria-label": "Comments, {0} pending", "data-count": "{0}"}}'
)


@pytest.fixture
def editor():
    user = User.objects.create_user("ed", "ed@example.org", "pw")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    return user


@pytest.fixture
def pending(article):
    return [
        Comment.objects.create(
            article=article,
            author_name=f"Reader {n}",
            body=f"<b>pending</b> {n}",
            body_html=f"<p>p{n}</p>",
        )
        for n in range(3)
    ]


def test_moderators_group_has_exactly_moderation_rights():
    group = Group.objects.get(name="Comment moderators")
    # The rights safety adds (bans, rejection reasons) are checked in tests/safety.
    rights = group.permissions.exclude(content_type__app_label="safety")
    assert sorted(rights.values_list("codename", flat=True)) == [
        "access_admin",
        "change_commentsettings",
        "moderate_comment",
        "view_comment",
    ]
    assert not GroupPagePermission.objects.filter(group=group).exists()


def test_moderator_sees_queue_with_pending_count_and_escaped_body(client, moderator, pending):
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert BADGE.format(3) in html
    response = client.get(LIST, {"status": "pending"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;b&gt;pending&lt;/b&gt; 0" in html  # as submitted, escaped
    assert "Reader 2" in html


def test_queue_filters_and_search(client, moderator, pending, article):
    Comment.objects.create(
        article=article,
        author_name="Linker",
        body="see http://x.example",
        body_html="<p><a href='http://x.example'>x</a></p>",
        link_count=1,
        status="approved",
    )
    client.force_login(moderator)
    html = client.get(LIST, {"has_links": "true", "status": "all"}).content.decode()
    assert "Linker" in html and "Reader 0" not in html
    html = client.get(LIST, {"q": "Reader 1"}).content.decode()
    assert "Reader 1" in html and "Reader 2" not in html
    html = client.get(LIST, {"status": "approved"}).content.decode()
    assert "Linker" in html and "Reader 0" not in html


def test_moderator_approves_one_from_the_queue(client, moderator, pending):
    client.force_login(moderator)
    response = client.post(f"{LIST}moderate/{pending[0].pk}/approve/", {"next": LIST})
    assert response.status_code == 302
    pending[0].refresh_from_db()
    assert pending[0].status == "approved" and pending[0].moderated_by == moderator


def test_moderator_bulk_actions(client, moderator, pending):
    client.force_login(moderator)
    ids = "&".join(f"id={c.pk}" for c in pending[:2])
    url = f"/admin/bulk/comments/comment/spam/?{ids}&next={LIST}"
    assert client.get(url).status_code == 200  # confirmation page
    response = client.post(url)
    assert response.status_code == 302
    assert list(Comment.objects.order_by("pk").values_list("status", flat=True)) == [
        "spam",
        "spam",
        "pending",
    ]


def test_moderation_is_refused_without_the_permission(client, editor, pending):
    client.force_login(editor)
    # Wagtail answers a refused admin action with a redirect and a "no permission" message.
    assert client.post(f"{LIST}moderate/{pending[0].pk}/approve/").status_code in (302, 403)
    ids = f"id={pending[1].pk}"
    client.post(f"/admin/bulk/comments/comment/approve/?{ids}")
    assert set(Comment.objects.values_list("status", flat=True)) == {"pending"}
    assert client.get(LIST).status_code in (302, 403)


def test_moderation_needs_post(client, moderator, pending):
    client.force_login(moderator)
    assert client.get(f"{LIST}moderate/{pending[0].pk}/approve/").status_code == 405
    pending[0].refresh_from_db()
    assert pending[0].status == "pending"


def test_moderator_cannot_edit_or_publish_pages(client, moderator, article):
    client.force_login(moderator)
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code in (302, 403)
    title = article.title
    client.post(f"/admin/pages/{article.pk}/edit/", {"title": "Hijacked", "action-publish": "1"})
    article.refresh_from_db()
    assert article.title == title
    assert client.get(f"{LIST}{pending_edit_url(article)}").status_code in (302, 403, 404)


def pending_edit_url(article):
    comment = Comment.objects.create(article=article, author_name="x", body="x", body_html="x")
    return f"edit/{comment.pk}/"


def _add_pending(make_article, articles, comments, start=0):
    pages = [
        make_article(title=f"Story number {start + n}", slug=f"story-{start + n}")
        for n in range(articles)
    ]
    Comment.objects.bulk_create(
        Comment(
            article=pages[n % articles],
            author_name=f"Queued {start + n}",
            body="queued",
            body_html="<p>queued</p>",
        )
        for n in range(comments)
    )
    return pages


def _queue_queries(client):
    client.get(LIST, {"status": "pending"})  # warm: the menu badge's count is kept briefly
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"status": "pending"})
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_queue_query_count_and_size_do_not_grow_with_comments_or_articles(
    client, moderator, make_article
):
    client.force_login(moderator)
    _add_pending(make_article, articles=3, comments=5)
    small, small_html = _queue_queries(client)
    _add_pending(make_article, articles=27, comments=55, start=3)
    large, large_html = _queue_queries(client)
    assert small == large

    # No <option> per article any more: only the rows shown name their article. (Each row's
    # reject form lists the rejection reasons: those options are not articles.)
    def article_options(html):
        return re.sub(r'<select[^>]*name="reason_code".*?</select>', "", html, flags=re.S).count(
            "<option"
        )

    assert article_options(large_html) == article_options(small_html)
    assert "Story number 29" in large_html  # newest comments, shown in the listing


def test_queue_filters_by_chosen_article_and_by_title(client, moderator, make_article):
    first, second = _add_pending(make_article, articles=2, comments=4)
    client.force_login(moderator)
    html = client.get(LIST, {"article": first.pk}).content.decode()
    assert "Queued 0" in html and "Queued 2" in html and "Queued 1" not in html
    assert first.title in html  # the chooser shows the chosen article
    html = client.get(LIST, {"article_title": "number 1"}).content.decode()
    assert "Queued 1" in html and "Queued 3" in html and "Queued 0" not in html


def test_pending_badge_follows_moderation(
    client, moderator, pending, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    assert BADGE.format(3) in client.get("/admin/").content.decode()
    # The cached count is forgotten once the change commits.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{LIST}moderate/{pending[0].pk}/approve/")
    assert BADGE.format(2) in client.get("/admin/").content.decode()
    ids = "&".join(f"id={c.pk}" for c in pending[1:])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/bulk/comments/comment/spam/?{ids}&next={LIST}")
    html = client.get("/admin/").content.decode()
    assert '"label": "Comments", "icon_name": "comment", "classname": "", "attrs": {}' in html


def test_pending_badge_counts_a_new_comment_at_once(
    client, moderator, pending, article, django_capture_on_commit_callbacks
):
    from comments import services

    client.force_login(moderator)
    assert BADGE.format(3) in client.get("/admin/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_submit(
            article=article, author_name="Late Reader", body="One more thought.", started_at=0
        )
    assert BADGE.format(4) in client.get("/admin/").content.decode()


@pytest.fixture
def draft(section):
    from articles.models import ArticlePage

    page = section.add_child(
        instance=ArticlePage(title="Embargoed minister resigns", slug="embargoed", lead="L")
    )
    page.unpublish()
    return page


def _page_tree_views(page, section):
    """Every admin view a user might use to read the page tree, with a draft's id in it."""
    return [
        ("/admin/choose-page/search/", {"q": "Embargoed", "page_type": "articles.articlepage"}),
        ("/admin/choose-page/search/", {"q": "minister"}),
        ("/admin/choose-page/", {"page_type": "articles.articlepage"}),
        ("/admin/choose-page/", {}),
        (f"/admin/choose-page/{section.pk}/", {"page_type": "articles.articlepage"}),
        (f"/admin/choose-page/{page.pk}/", {}),
        ("/admin/choose-page/chosen-multiple/", {"id": page.pk}),
        ("/admin/pages/", {}),
        (f"/admin/pages/{section.pk}/", {}),
        ("/admin/pages/search/", {"q": "Embargoed"}),
        (f"/admin/pages/{page.pk}/edit/", {}),
        (f"/admin/pages/{page.pk}/view_draft/", {}),
        (f"/admin/pages/{page.pk}/history/", {}),
        ("/admin/api/main/pages/", {"child_of": section.pk, "for_explorer": "1"}),
        (f"/admin/api/main/pages/{page.pk}/", {}),
        # The queue's own article filter, given the draft's id (its chip names the page).
        ("/admin/snippets/comments/comment/", {"article": page.pk}),
        ("/admin/snippets/comments/comment/results/", {"article": page.pk}),
    ]


def test_moderator_sees_only_live_articles_of_the_page_tree(
    client, moderator, admin_user, article, draft, section
):
    client.force_login(moderator)
    for url, params in _page_tree_views(draft, section):
        html = client.get(url, params).content.decode()
        assert "Embargoed" not in html, url
        assert f"/admin/pages/{draft.pk}/" not in html, url
    # The queue's article filter still finds live stories, by search and by browsing.
    search = {"q": "Ceasefire", "page_type": "articles.articlepage"}
    assert article.title in client.get("/admin/choose-page/search/", search).content.decode()
    browse = client.get(f"/admin/choose-page/{section.pk}/", {"page_type": "articles.articlepage"})
    assert article.title in browse.content.decode()
    chosen = client.get("/admin/choose-page/chosen-multiple/", {"id": [article.pk, draft.pk]})
    assert article.title in chosen.content.decode()
    queue = client.get("/admin/snippets/comments/comment/", {"article": article.pk})
    assert article.title in queue.content.decode()
    # Someone with page rights still finds the draft: the test above is about the role.
    client.force_login(admin_user)
    search = {"q": "Embargoed", "page_type": "articles.articlepage"}
    assert "Embargoed" in client.get("/admin/choose-page/search/", search).content.decode()
    chosen = client.get("/admin/choose-page/chosen-multiple/", {"id": draft.pk})
    assert "Embargoed" in chosen.content.decode()
    assert "Embargoed" in client.get(f"/admin/choose-page/{draft.pk}/").content.decode()


def test_queue_isolates_names_and_comments(client, moderator, article):
    comment = Comment.objects.create(
        article=article,
        author_name="Admin\u202e nimdA",
        body="\u202ereversed",
        body_html="<p>\u202ereversed</p>",
    )
    client.force_login(moderator)
    html = client.get(LIST).content.decode()
    assert "<bdi>Admin\u202e nimdA</bdi>" in html
    assert html.count('dir="auto"') >= 2  # as submitted, and as it will appear
    confirm = client.get(f"/admin/bulk/comments/comment/approve/?id={comment.pk}").content.decode()
    assert "<bdi>Admin\u202e nimdA</bdi>: <bdi>\u202ereversed</bdi>" in confirm


def rows(html: str) -> str:
    """The queue's rows (after its status tabs; other tables in the page are choosers)."""
    return html.split('class="comment-status-tabs"')[1].split("</nav>", 1)[1]


def test_queue_opens_on_pending_newest_first_other_statuses_one_click_away(
    client, moderator, article
):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    for hours, name, status in [
        (3, "Oldest pending", "pending"),
        (1, "Newest pending", "pending"),
        (2, "Middle pending", "pending"),
        (0, "Published one", "approved"),
        (0, "Junk", "spam"),
    ]:
        Comment.objects.create(
            article=article,
            author_name=name,
            body=name,
            body_html=name,
            status=status,
            created_at=now - timedelta(hours=hours),
        )
    client.force_login(moderator)
    html = client.get(LIST).content.decode()
    listing = rows(html)
    assert "Published one" not in listing and "Junk" not in listing
    assert (
        listing.index("Newest pending")
        < listing.index("Middle pending")
        < listing.index("Oldest pending")
    )
    # A tab per status, the current one marked; each a plain link.
    tabs = html.split('class="comment-status-tabs"')[1].split("</nav>")[0]
    assert 'href="?status=pending" aria-current="page"' in tabs
    for status in ("approved", "rejected", "spam", "all"):
        assert f'href="?status={status}"' in tabs
    assert "Pending <span" in tabs and ">3</span>" in tabs
    # The default is no filter to remove: no "Status: Pending" chip.
    chips = html.split("w-active-filters")[1][:500] if "w-active-filters" in html else ""
    assert "Pending" not in chips
    approved = rows(client.get(LIST, {"status": "approved"}).content.decode())
    assert "Published one" in approved and "Newest pending" not in approved
    everything = rows(client.get(LIST, {"status": "all"}).content.decode())
    assert all(name in everything for name in ("Junk", "Published one", "Oldest pending"))


def test_article_column_links_to_the_story(client, moderator, pending, article):
    client.force_login(moderator)
    html = client.get(LIST).content.decode()
    assert f'<a href="{article.url}">{article.title}</a>' in html


def test_no_one_adds_or_raw_edits_a_comment_in_the_admin(client, admin_user, pending):
    """Readers write comments (through the CAPTCHA, the rules and the sanitizer); the raw
    form let staff type an IP address, a user agent, a date and a status past the audited,
    race-safe transitions and the purge. Neither exists, even for a superuser."""
    client.force_login(admin_user)
    html = client.get(LIST).content.decode()
    assert f"{LIST}add/" not in html and "Add comment" not in html
    assert client.get(f"{LIST}add/").status_code in (302, 403)
    assert client.get(f"{LIST}edit/{pending[0].pk}/").status_code in (302, 403)
    client.post(
        f"{LIST}edit/{pending[0].pk}/",
        {"author_name": "x", "body": "x", "status": "approved", "ip_address": "10.0.0.1"},
    )
    pending[0].refresh_from_db()
    assert pending[0].status == "pending" and pending[0].ip_address is None
    # Deleting (a superuser's right) and the moderation actions stay.
    assert client.get(f"{LIST}delete/{pending[0].pk}/").status_code == 200
    assert client.get(f"{LIST}inspect/{pending[0].pk}/").status_code == 200
