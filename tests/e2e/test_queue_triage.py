"""Keyboard triage on the real moderation queue (Snippets › Comments), in Chromium, as a
moderator who logged in through the admin's form: j/k move, a approves, r asks for a reason
and rejects with it, s marks spam, u takes the last decision back, ? shows the keys, o opens
the comment; the queue and the single-comment page pass axe-core, and are photographed."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from comments.admin import listing
from comments.models import Comment
from safety.models import Assessment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LIST = "/admin/snippets/comments/comment/"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SHOTS = Path("/tmp/shots-queue")
# Our markup in the queue: violations inside these are ours to fix.
OURS = (".comment-triage", "[data-triage-item]", ".comment-queue-notes", ".comment-reject")


@pytest.fixture
def queue(article):
    """Five pending comments, newest first: Reader 0 is at the top of the queue."""
    User.objects.create_user("moder", "m@example.org", "moderate-42").groups.add(
        Group.objects.get(name="Comment moderators")
    )
    now = timezone.now()
    comments = []
    for n in range(5):
        comment = Comment.objects.create(
            article=article,
            author_name=f"Reader {n}",
            author_email=f"reader{n}@example.org",
            body=f"Comment number {n} on the story",
            body_html=f"<p>Comment number {n} on the story</p>",
            ip_address=f"203.0.113.{n + 1}",
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=now - timedelta(minutes=n))
        Assessment.objects.create(comment=comment, score=[0.97, 0.12, None, 0.55, 0.03][n])
        comments.append(comment)
    return comments


def log_in(context):
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.goto("/admin/login/")
    tab.fill("#id_username", "moder")
    tab.fill("#id_password", "moderate-42")
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    return tab


def focused_row(tab) -> str:
    return tab.evaluate("() => document.activeElement.id")


def status_says(tab, pattern: str):
    tab.wait_for_function(
        "p => new RegExp(p).test(document.querySelector('[data-triage-status]').textContent)",
        arg=pattern,
    )


def refreshed(comment) -> Comment:
    return Comment.objects.get(pk=comment.pk)


def test_keyboard_triage_on_the_real_queue(browser, live_server, queue, monkeypatch):
    monkeypatch.setattr(listing, "UNDO_SECONDS", 1)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1366, "height": 900})
    tab = log_in(context)
    tab.goto(LIST)
    tab.wait_for_function("() => window.newsroomTriage")
    rows = [f"comment-row-{c.pk}" for c in queue]

    tab.keyboard.press("j")
    assert focused_row(tab) == rows[0]
    tab.keyboard.press("j")
    tab.keyboard.press("j")
    assert focused_row(tab) == rows[2]
    tab.keyboard.press("k")
    tab.keyboard.press("k")
    assert focused_row(tab) == rows[0]
    outline = tab.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # the current comment is visibly marked

    # a approves (after the undo window), announced, and focus moves on.
    tab.keyboard.press("a")
    status_says(tab, r"Approving comment by Reader 0\. Press u within 1 second to undo\.")
    assert focused_row(tab) == rows[1]
    status_says(tab, r"^Comment by Reader 0 approved\.$")
    assert refreshed(queue[0]).status == "approved"
    assert refreshed(queue[0]).moderated_by.username == "moder"

    # r asks for a reason from the real list; "Other" needs words; Escape cancels.
    tab.keyboard.press("r")
    dialog = tab.locator("dialog[data-triage-reason]")
    assert dialog.evaluate("d => d.open")
    options = dialog.locator("select option").all_inner_texts()
    assert options[:3] == ["Choose a reason…", "Off-topic", "Abuse"] and "Other" in options
    tab.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open") and focused_row(tab) == rows[1]
    tab.keyboard.press("r")
    dialog.locator("select").select_option("other")
    dialog.locator("input[name=reason]").focus()
    tab.keyboard.press("Enter")  # no words for "Other": the dialog stays open
    assert dialog.evaluate("d => d.open")
    tab.keyboard.type("Quotes a private letter")
    tab.keyboard.press("Enter")
    status_says(tab, r"Rejecting comment by Reader 1")
    status_says(tab, r"^Comment by Reader 1 rejected\.$")
    rejected = refreshed(queue[1])
    assert rejected.status == "rejected"
    assert rejected.moderation_reason == "Other: Quotes a private letter"
    assert rejected.moderation_reason_code == "other"

    # s marks spam.
    assert focused_row(tab) == rows[2]
    tab.keyboard.press("s")
    status_says(tab, r"^Comment by Reader 2 marked as spam\.$")
    assert refreshed(queue[2]).status == "spam"

    # u within the window: nothing is sent, the comment is unchanged.
    assert focused_row(tab) == rows[3]
    tab.keyboard.press("a")
    tab.keyboard.press("u")
    status_says(tab, r"^Undone: comment by Reader 3 is unchanged\.$")
    tab.wait_for_timeout(1600)
    assert refreshed(queue[3]).status == "pending"
    assert focused_row(tab) == rows[3]

    # p is only for rows that can be picked (approved ones): here it says so.
    tab.keyboard.press("p")
    status_says(tab, r"That key does nothing for comment by Reader 3")

    # ? shows the keys (and not Wagtail's own shortcuts dialog on top); Escape closes them.
    tab.keyboard.press("?")
    help_dialog = tab.locator("dialog[data-triage-help]")
    assert help_dialog.evaluate("d => d.open")
    assert "Reject (asks for a reason)" in help_dialog.inner_text()
    assert not tab.locator("#keyboard-shortcuts-dialog").is_visible()
    tab.screenshot(path=SHOTS / "queue-help-1366.png")
    tab.keyboard.press("Escape")
    assert not help_dialog.evaluate("d => d.open")

    # Keys do nothing while typing in the search box.
    tab.focus("#id_q")
    tab.keyboard.press("s")
    tab.keyboard.press("a")
    assert tab.input_value("#id_q") == "sa"
    tab.wait_for_timeout(1600)
    assert [refreshed(c).status for c in queue[3:]] == ["pending", "pending"]

    # o opens the single-comment page of the current comment.
    tab.goto(LIST)
    tab.wait_for_function("() => window.newsroomTriage")
    tab.keyboard.press("j")
    assert focused_row(tab) == rows[3]  # the first one still pending
    tab.keyboard.press("o")
    tab.wait_for_url(f"**{LIST}inspect/{queue[3].pk}/")
    assert refreshed(queue[4]).status == "pending"  # untouched
    context.close()


def test_the_reason_is_also_asked_without_script(browser, live_server, queue):
    context = browser.new_context(
        # Wide: without script Wagtail's own sidebar covers a phone-sized admin page.
        base_url=live_server.url,
        viewport={"width": 1366, "height": 900},
        java_script_enabled=False,
    )
    tab = log_in(context)
    tab.goto(LIST)
    row = tab.locator(f"#comment-row-{queue[0].pk}")
    row.locator("summary", has_text="Reject").click()
    row.locator("select[name=reason_code]").select_option("off-topic")
    row.locator("button[data-action=reject]").click()
    tab.wait_for_url(f"**{LIST}**")
    assert "Comment by Reader 0 rejected." in tab.content()
    assert refreshed(queue[0]).moderation_reason_code == "off-topic"
    context.close()


def axe_serious(tab) -> list[dict]:
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def ours(violations: list[dict], tab) -> list[str]:
    found = []
    for violation in violations:
        for node in violation["nodes"]:
            selector = node["target"][0]
            inside = tab.evaluate(
                "([s, ours]) => { const el = document.querySelector(s);"
                " return !!el && ours.some(o => el.closest(o)); }",
                [selector, list(OURS)],
            )
            if inside:
                found.append(f"{violation['id']}: {selector}")
    return found


@pytest.mark.skipif(not AXE.exists(), reason="npm ci installs axe-core")
def test_queue_and_comment_page_pass_axe_and_are_photographed(browser, live_server, queue):
    SHOTS.mkdir(exist_ok=True)
    report = {}
    for scheme in ("light", "dark"):
        for width in (390, 1366):
            context = browser.new_context(
                base_url=live_server.url,
                viewport={"width": width, "height": 900},
                color_scheme=scheme,
                bypass_csp=True,  # axe-core is injected as an inline script
            )
            tab = log_in(context)
            tab.goto(LIST)
            tab.wait_for_function("() => window.newsroomTriage")
            tab.screenshot(path=SHOTS / f"queue-{width}-{scheme}.png", full_page=True)
            tab.keyboard.press("j")
            tab.keyboard.press("r")
            dialog = tab.locator("dialog[data-triage-reason]")
            box = dialog.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width  # fits a phone
            tab.screenshot(path=SHOTS / f"queue-reason-{width}-{scheme}.png")
            tab.keyboard.press("Escape")
            violations = axe_serious(tab)
            report[f"queue-{width}-{scheme}"] = [v["id"] for v in violations]
            assert ours(violations, tab) == [], "\n".join(ours(violations, tab))
            tab.goto(f"{LIST}inspect/{queue[0].pk}/")
            tab.screenshot(path=SHOTS / f"comment-{width}-{scheme}.png", full_page=True)
            violations = axe_serious(tab)
            report[f"comment-{width}-{scheme}"] = [v["id"] for v in violations]
            names = [re.sub(r"\s+", " ", a) for a in tab.locator("main a.button").all_inner_texts()]
            assert "Ban this email address" in names and "Ban this IP address" in names
            context.close()
    print("\nserious/critical axe violations (Wagtail's and ours):", report)
