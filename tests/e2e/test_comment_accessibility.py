"""axe-core (WCAG 2.2 AA rules) on the comment pages added by issues 12 and 13: the
single-comment admin page, and a story's conversation with a reply form open in place and the
report dialog open, at a phone's width and a desktop's."""

import pytest
from django.contrib.auth.models import Group, User

from comments.models import Comment
from tests.e2e.test_accessibility import AXE, TAGS, axe_violations

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


def axe_here(page) -> list[str]:
    """axe-core on the page as it is now (a form opened, a dialog shown)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("width", [390, 1366])
def test_conversation_with_a_reply_form_and_the_report_dialog_open_has_no_violations(
    page, article, width
):
    nadia = Comment.objects.create(
        article=article,
        author_name="Nadia Haddad",
        body="b",
        body_html="<p>The monitors' report deserves a <a href='https://example.org' "
        "rel='nofollow ugc noopener'>wider audience</a>.</p>",
        status="approved",
        is_pick=True,
    )
    omar = Comment.objects.create(
        article=article,
        author_name="Omar Lindqvist",
        body="b",
        body_html="<p>Agreed.</p>",
        status="approved",
        parent=nadia,
        reply_to=nadia,
        is_reply=True,
    )
    Comment.objects.create(
        article=article, author_name="Kofi", body="b", body_html="<p>Late.</p>", status="approved"
    )
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{article.url}?comment={omar.pk}#comment-{omar.pk}")
    page.wait_for_load_state("networkidle")
    page.click(f"#comment-{omar.pk} button[data-reply-to]")
    page.wait_for_selector(f"#comment-{omar.pk} #comment-form")
    page.wait_for_function("() => document.querySelector('[data-role=captcha-key]').value")
    report = {"reply form open": axe_here(page)}
    page.click(f"#comment-{nadia.pk} > .comment__actions a[data-report]")
    page.wait_for_selector("#report-dialog[open]")
    report["report dialog open"] = axe_here(page)
    page.get_by_role("button", name="Send report").click()  # no reason: errors shown
    page.wait_for_selector("#report-dialog [data-error-for=reason]:not([hidden])")
    report["report dialog with errors"] = axe_here(page)
    print("\naxe-core violations:", {name: len(v) for name, v in report.items()})
    assert report == {name: [] for name in report}
