"""axe-core (WCAG 2.2 AA rules) on the comment pages added by issues 12 and 13: the
single-comment admin page."""

import pytest
from django.contrib.auth.models import Group, User

from comments.models import Comment
from tests.e2e.test_accessibility import AXE, axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def page(browser, live_server):
    """As in test_accessibility: axe-core is injected inline, which CSP rightly refuses."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1366, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def sign_in_as_moderator(page):
    user = User.objects.create_user("moira", "moira@example.org", "correct-horse-42")
    user.groups.add(Group.objects.get(name="Comment moderators"))
    page.goto("/admin/login/")
    page.fill("#id_username", "moira")
    page.fill("#id_password", "correct-horse-42")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_single_comment_admin_page_has_no_axe_violations(page, article):
    comment = Comment.objects.create(
        article=article,
        author_name="Nadia Haddad",
        author_email="nadia@example.org",
        body="<b>Two</b> links: https://a.example and https://b.example",
        body_html='<p><b>Two</b> links: <a href="https://a.example" rel="nofollow ugc noopener">'
        "https://a.example</a></p>",
        link_count=2,
        held_reason="Held: 2 links",
        ip_address="203.0.113.9",
        user_agent="Mozilla/5.0",
    )
    Comment.objects.create(
        article=article,
        author_name="Nadia Haddad",
        author_email="nadia@example.org",
        body="Earlier",
        body_html="<p>Earlier</p>",
        status="approved",
    )
    sign_in_as_moderator(page)
    url = f"/admin/snippets/comments/comment/inspect/{comment.pk}/"
    status, violations = axe_violations(page, url)
    assert status == 200
    assert violations == []
