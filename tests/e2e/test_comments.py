"""The whole comment flow in Chromium: post, moderate in the Wagtail admin, read."""

import pytest
from captcha.models import CaptchaStore
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from comments.models import Comment
from comments.sanitizer import sanitize_comment
from tests.comments.xss_vectors import XSS_VECTORS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def answer_captcha(page):
    page.wait_for_function(
        "() => document.querySelector('[data-role=captcha-key]').value.length === 40"
    )
    key = page.input_value("[data-role=captcha-key]")
    page.fill("#id_captcha_1", CaptchaStore.objects.get(hashkey=key).response)


def test_reader_posts_moderator_approves_reader_sees_it(page, article, live_server):
    page.goto(article.url)
    page.fill("#id_author_name", "Nadia Haddad")
    page.fill("#id_body", "The monitors' report deserves a wider audience.")
    # A wrong answer first: everything typed is kept, only the image changes.
    page.wait_for_function("() => document.querySelector('[data-role=captcha-key]').value")
    page.fill("#id_captcha_1", "WRONG")
    page.click("button[type=submit]")
    # The proof of work holds the POST back for a moment: wait for the answer, not the click.
    expect(page.locator(".comment-form")).to_contain_text("did not match the image")
    assert page.input_value("#id_body") == "The monitors' report deserves a wider audience."
    answer_captcha(page)
    page.click("button[type=submit]")
    page.wait_for_url("**?comment=pending#comments")
    assert "awaiting moderation" in page.inner_text("#comments")
    assert "wider audience" not in page.inner_text("#comments")

    moderator = User.objects.create_user("moira", "moira@example.org", "correct-horse-42")
    moderator.groups.add(Group.objects.get(name="Comment moderators"))
    admin = page.context.browser.new_context(base_url=live_server.url).new_page()
    admin.goto("/admin/login/")
    admin.fill("#id_username", "moira")
    admin.fill("#id_password", "correct-horse-42")
    admin.click("button[type=submit]")
    admin.wait_for_url("**/admin/")
    admin.get_by_role("link", name="Comments, 1 pending").click()
    admin.click("button[data-action=approve]")
    admin.wait_for_selector("text=Nadia Haddad approved")
    admin.context.close()

    page.reload()
    comments = page.inner_text(".comment-list")
    assert "Nadia Haddad" in comments and "wider audience" in comments
    assert "1 comment" in page.inner_text("#comments-heading")


def test_approved_xss_comments_run_no_script(page, article):
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author_name=vector[:80],
            body=vector,
            body_html=sanitize_comment(vector),
            status="approved",
        )
        # The form refuses NUL characters (PostgreSQL cannot store them); drop them here.
        for vector in (v.replace("\x00", "") for v in XSS_VECTORS)
    )
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{article.url}?comments=1")
    page.wait_for_load_state("load")
    for count in (1, 2):  # both pages of comments
        page.goto(f"{article.url}?comments={count}")
        page.mouse.move(200, 400)
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.__xss === undefined")
    assert dialogs == []
    assert page.locator(".comment-list li").count() > 0


def test_moderator_filters_the_queue_by_choosing_an_article(page, make_article, live_server):
    """The queue's article filter is Wagtail's page chooser (a <select> of every article did
    not scale); a moderator with no page rights can still pick a story and see only its comments."""
    talks = make_article(title="Ceasefire talks resume in the capital", slug="ceasefire-talks")
    aid = make_article(title="Aid convoy crosses the northern pass", slug="aid-convoy")
    for story, name in ((talks, "Ines Varga"), (aid, "Omar Lindqvist")):
        Comment.objects.create(
            article=story, author_name=name, body="A question for the envoys.", status="pending"
        )
    moderator = User.objects.create_user("moira", "moira@example.org", "correct-horse-42")
    moderator.groups.add(Group.objects.get(name="Comment moderators"))

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/login/")
    page.fill("#id_username", "moira")
    page.fill("#id_password", "correct-horse-42")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.get_by_role("link", name="Comments, 2 pending").click()
    queue = page.locator("table.listing:not(.chooser)")  # the chooser modal lists pages too
    queue.get_by_text("Omar Lindqvist").wait_for()
    assert "Ines Varga" in queue.inner_text()

    page.get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name="Article", exact=True).click()
    page.locator("#id_article-chooser [data-chooser-action-choose]").click()
    # The chooser lists only articles (target_models), whatever section they are in.
    page.locator(f".modal-content a.choose-page[data-id='{aid.pk}']").click()
    page.wait_for_url(f"**article={aid.pk}**")
    # The listing is swapped in place: wait until the other story's comment has gone.
    queue.get_by_text("Ines Varga").wait_for(state="detached")
    assert "Omar Lindqvist" in queue.inner_text()
