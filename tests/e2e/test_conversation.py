"""The conversation in Chromium (issue 13): a reply posted in place, moderated and shown under
its parent; a permalink to page 3; the order links; picks first; three readers' reports; the
opt-in email and its unsubscribe link."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.utils import timezone

from comments.models import Comment
from tests.e2e.test_comment_form import answer_captcha, in_view_and_focused

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def approved(article, name, *, minutes=0, **fields):
    return Comment.objects.create(
        article=article,
        author_name=name,
        body=f"{name} writes.",
        body_html=f"<p>{name} writes.</p>",
        status="approved",
        created_at=timezone.now() - timedelta(minutes=1000 - minutes),
        **fields,
    )


def moderator_page(browser, live_server):
    user = User.objects.create_user("moira", "moira@example.org", "correct-horse-42")
    user.groups.add(Group.objects.get(name="Comment moderators"))
    admin = browser.new_context(
        base_url=live_server.url, viewport={"width": 1366, "height": 900}
    ).new_page()
    admin.goto("/admin/login/")
    admin.fill("#id_username", "moira")
    admin.fill("#id_password", "correct-horse-42")
    admin.click("button[type=submit]")
    admin.wait_for_url("**/admin/")
    return admin


def test_a_reply_is_posted_in_place_moderated_and_shown_under_its_parent(
    page, browser, live_server, article
):
    nadia = approved(article, "Nadia Haddad", minutes=1)
    kofi = approved(article, "Kofi Mensah", minutes=2)
    page.goto(article.url)
    reply = page.locator(f"#comment-{nadia.pk} button[data-reply-to]")
    assert reply.get_attribute("aria-expanded") == "false"
    # By keyboard: the button opens the form under the comment, focus on its heading.
    reply.focus()
    page.keyboard.press("Enter")
    assert reply.get_attribute("aria-expanded") == "true"
    form = page.locator(f"#comment-{nadia.pk} #comment-form")
    assert form.is_visible()
    assert page.evaluate("() => document.activeElement.id") == "comment-form-heading"
    assert page.inner_text("#comment-form-heading") == "Reply to Nadia Haddad"
    # Escape closes it and gives the focus back; opening again keeps what was typed.
    page.fill("#id_body", "Which crossing do you mean?")
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.dataset.replyTo") == str(nadia.pk)
    assert page.locator(f"#comment-{nadia.pk} #comment-form").count() == 0
    reply.click()
    assert page.input_value("#id_body") == "Which crossing do you mean?"
    page.fill("#id_author_name", "Omar Lindqvist")
    answer_captcha(page)
    page.click("#comment-form button[type=submit]")
    page.wait_for_url("**?comment=pending#comments")
    stored = Comment.objects.get(author_name="Omar Lindqvist")
    assert stored.status == "pending" and stored.parent == nadia and stored.reply_to == nadia
    assert "Which crossing" not in page.inner_text("#comments")

    admin = moderator_page(browser, live_server)
    admin.get_by_role("link", name="Comments, 1 pending").click()
    row = admin.locator("tr", has_text="Which crossing do you mean?")
    context = row.locator(".comment-reply-context").inner_text()
    assert "Reply to Nadia Haddad" in context and "Nadia Haddad writes." in context
    row.locator("button[data-action=approve]").click()
    admin.wait_for_selector("text=Omar Lindqvist approved")
    admin.context.close()

    page.goto(article.url)
    replies = page.locator(f"#comment-{nadia.pk} .comment-replies")
    assert "Which crossing do you mean?" in replies.inner_text()
    assert "in reply to Nadia Haddad" in replies.inner_text()
    assert page.locator(f"#comment-{kofi.pk} .comment-replies").count() == 0


def test_a_permalink_to_a_comment_on_page_3_lands_on_it(page, article, settings):
    settings.COMMENTS_PER_PAGE = 5
    comments = [approved(article, f"Reader {n}", minutes=n) for n in range(14)]
    target = comments[12]  # oldest first: page 3
    page.goto(f"{article.url}?comment={target.pk}#comment-{target.pk}")
    assert "Comments page 3 of 3" in page.inner_text(".pagination")
    item = f"#comment-{target.pk}"
    assert "comment--linked" in page.get_attribute(item, "class")
    assert in_view_and_focused(page, item)
    # Whatever the order: newest first it is on page 1.
    page.goto(f"{article.url}?comment={target.pk}&sort=newest#comment-{target.pk}")
    assert "Comments page 1 of 3" in page.inner_text(".pagination")
    assert in_view_and_focused(page, item)
    # "Link" copies the permalink (and says so); without a clipboard it is a plain link.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click(f"{item} a[data-role=permalink]")
    assert page.inner_text(f"{item} .comment__copied") == "Link copied"
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.endswith(f"{article.url}?comment={target.pk}#comment-{target.pk}")
    assert copied.startswith("http")


def test_the_order_links_and_a_pick_shown_first(page, article, settings):
    settings.COMMENTS_PER_PAGE = 2
    first = approved(article, "First", minutes=1)
    approved(article, "Second", minutes=2)
    approved(article, "Third", minutes=3, is_pick=True)
    page.goto(article.url)
    # The pick is in the box above the thread, with its label.
    box = page.locator("aside.picks")
    assert "Editors’ picks" in box.text_content() and "Third writes." in box.inner_text()
    names = page.locator(".comment-list > li .comment__author")
    assert names.all_inner_texts() == ["First", "Second"]

    page.get_by_role("link", name="Newest first").click()
    page.wait_for_url("**?sort=newest#comments")
    assert names.all_inner_texts() == ["Third", "Second"]
    page.get_by_role("link", name="Show more comments").click()
    page.wait_for_url("**?sort=newest&comments=2#comments")
    assert names.all_inner_texts() == ["First"]

    page.get_by_role("link", name="Editors’ picks first").click()
    page.wait_for_url("**?sort=picks#comments")
    assert names.all_inner_texts() == ["Third", "First"]
    pick = page.locator(".comment-list > li").first
    assert "Editors’ pick" in pick.locator(".comment__pick").text_content()
    assert page.get_attribute(".comment-sort a[aria-current]", "href") == "?sort=picks#comments"
    assert first.pk


def test_reports_from_three_addresses_move_a_comment_to_reported(
    browser, live_server, article, settings
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # each reader's address from X-Forwarded-For
    comment = approved(article, "Nadia Haddad")
    for n in range(3):
        reader = browser.new_context(
            base_url=live_server.url,
            viewport={"width": 390, "height": 844},
            extra_http_headers={"X-Forwarded-For": f"198.51.100.{n + 1}"},
        )
        page = reader.new_page()
        page.goto(article.url)
        page.click(f"#comment-{comment.pk} a[data-report]")
        dialog = page.locator("#report-dialog")
        dialog.wait_for(state="visible")
        assert "Comment by Nadia Haddad" in dialog.inner_text()
        dialog.get_by_label("Abuse or harassment").check()
        dialog.get_by_role("button", name="Send report").click()
        status = dialog.locator("[data-role=report-status]")
        status.wait_for(state="visible")
        assert "The moderators will look at this comment." in status.inner_text()
        dialog.get_by_role("button", name="Close").click()
        assert not dialog.is_visible()
        reader.close()
    comment.refresh_from_db()
    assert comment.reported_at is not None

    admin = moderator_page(browser, live_server)
    admin.get_by_role("link", name="Comments, 1 reported").click()
    admin.locator(".comment-status-tabs a", has_text="Reported").click()
    row = admin.locator("tr", has_text="Nadia Haddad writes.")
    assert "3 reports" in row.inner_text() and "Abuse or harassment: 3" in row.inner_text()
    row.locator("button[data-decision=keep]").click()
    admin.wait_for_selector("text=kept; the reports are closed")
    comment.refresh_from_db()
    assert comment.reported_at is None
    admin.context.close()


def test_the_email_is_sent_on_approval_not_before_and_unsubscribe_works(
    page, browser, live_server, article
):
    page.goto(article.url)
    page.fill("#id_author_name", "Ana Ruiz")
    page.fill("#id_author_email", "ana@example.org")
    page.get_by_label("Email me when my comment is published or someone replies").check()
    page.fill("#id_body", "Tell me when it is up.")
    answer_captcha(page)
    page.click("#comment-form button[type=submit]")
    page.wait_for_url("**?comment=pending#comments")
    assert mail.outbox == []  # pending: nothing sent

    admin = moderator_page(browser, live_server)
    mail.outbox = []  # (signing in sends nothing, but be sure)
    admin.goto("/admin/snippets/comments/comment/")
    admin.locator("tr", has_text="Tell me when it is up.").locator(
        "button[data-action=approve]"
    ).click()
    admin.wait_for_selector("text=Ana Ruiz approved")
    admin.context.close()
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    link = re.search(r"https?://[^/\s]+(/comments/unsubscribe/\S+/)", message.body)[1]

    page.goto(link)
    assert Comment.objects.get().notify  # opening the link changes nothing
    page.get_by_role("button", name="Stop these emails").click()
    assert "no more emails" in page.inner_text("main")
    assert not Comment.objects.get().notify


def test_a_report_opened_before_the_form_has_its_tokens_still_goes_through(
    browser, live_server, article
):
    """A first-time reader has no CSRF cookie: the comment form's challenge and the report
    dialog's tokens, requested at once, must not each make a secret of their own (the form
    whose token lost would be refused as forged)."""
    comment = approved(article, "Nadia Haddad")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})

    # Both token requests are held, then sent together: neither carries a cookie, as on a
    # first visit when the dialog is opened while the form's challenge is still loading.
    held, released = {}, []

    def hold(route):
        if released:
            route.continue_()
        else:
            held[route.request.url.split("/comments/")[1].split("/")[0]] = route

    context.route("**/comments/challenge/**", hold)
    context.route("**/comments/tokens/**", hold)
    page = context.new_page()
    page.goto(article.url)
    page.click(f"#comment-{comment.pk} a[data-report]")
    page.wait_for_timeout(700)
    released.append(True)
    for name in ("tokens", "challenge"):  # the challenge's answer (and cookie) comes last
        if name in held:
            held[name].continue_()
    dialog = page.locator("#report-dialog")
    dialog.wait_for(state="visible")
    dialog.get_by_label("Spam").check()
    dialog.get_by_role("button", name="Send report").click()
    status = dialog.locator("[data-role=report-status]")
    status.wait_for(state="visible")
    assert "The moderators will look at this comment." in status.inner_text()
    dialog.get_by_role("button", name="Close").click()
    # The comment form, filled after both, is accepted too.
    page.fill("#id_author_name", "Rana")
    page.fill("#id_body", "Both forms share one token.")
    answer_captcha(page)
    page.click("#comment-form button[type=submit]")
    page.wait_for_url(re.compile(r".*\?comment=pending#comments$"))
    assert Comment.objects.filter(body="Both forms share one token.").exists()
    context.close()
