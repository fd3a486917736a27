"""Keyboard triage (static/js/triage.js) in Chromium, on a small queue page of our own: the
keys move, act, ask for a reason, undo, open and explain, and every result is announced.

Phase 2 renders the same markup in the comments queue; here the forms post to a test route.
"""

import json
from urllib.parse import parse_qs

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGE = "/triage-test-page/"

ITEM = """<article data-triage-item tabindex="-1" data-triage-label="Comment by {name}" id="c{n}">
<p>{name}: comment {n}</p>
<form data-triage-action="approve" method="post" action="/triage-post/{n}/approve/">
<input type="hidden" name="csrfmiddlewaretoken" value="t"><button>Approve</button></form>
<form data-triage-action="reject" method="post" action="/triage-post/{n}/reject/">
<input type="hidden" name="reason"><input type="hidden" name="detail"><button>Reject</button></form>
<form data-triage-action="spam" method="post" action="/triage-post/{n}/spam/">
<button>Spam</button></form>
<a data-triage-action="open" href="/triage-open/{n}/">Open</a>
</article>"""

HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Queue</title>
<link rel="stylesheet" href="/static/css/triage.css">
<script src="/static/js/triage.js" defer></script></head><body><main>
<h1>Queue</h1><label>Search <input id="search"></label>
<div data-triage data-triage-undo-seconds="{undo}">
<p data-triage-status role="status" aria-live="polite"></p>
<dialog data-triage-help aria-label="Keyboard shortcuts"><p>j next, k previous, a approve, r reject,
s spam, p pick, o open, u undo</p><form method="dialog"><button>Close</button></form></dialog>
<dialog data-triage-reason aria-labelledby="why"><form method="dialog"><h2 id="why">Why reject?</h2>
<label>Reason <select name="reason"><option value="off-topic">Off-topic</option>
<option value="abuse">Abuse</option><option value="other">Other</option></select></label>
<label>Details <input name="detail"></label>
<button value="ok">Reject</button> <button value="cancel">Cancel</button></form></dialog>
{items}
</div></main></body></html>"""


@pytest.fixture
def queue(page, live_server):
    posted = []

    def setup(undo=0.3, count=4):
        items = "\n".join(ITEM.format(n=n, name=f"Reader {n}") for n in range(count))
        html = HTML.replace("{undo}", str(undo)).replace("{items}", items)
        page.route(
            f"{live_server.url}{PAGE}",
            lambda route: route.fulfill(
                status=200, body=html, headers={"content-type": "text/html"}
            ),
        )

        def capture(route):
            posted.append(
                (route.request.url.removeprefix(live_server.url), route.request.post_data)
            )
            route.fulfill(status=302, headers={"location": PAGE})

        page.route(f"{live_server.url}/triage-post/**", capture)
        page.route(
            f"{live_server.url}/triage-open/**",
            lambda route: route.fulfill(
                status=200, body="<h1>One comment</h1>", headers={"content-type": "text/html"}
            ),
        )
        page.goto(PAGE)
        page.wait_for_function("() => window.newsroomTriage")
        return posted

    return setup


def current(page):
    return page.evaluate("() => document.activeElement.id")


def status(page):
    return page.text_content("[data-triage-status]")


def test_j_and_k_move_with_visible_focus(page, queue):
    queue()
    page.keyboard.press("j")
    assert current(page) == "c0"
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert current(page) == "c2"
    page.keyboard.press("k")
    assert current(page) == "c1"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    assert page.get_attribute("#c1", "aria-current") == "true"


def test_approve_and_spam_are_sent_announced_and_focus_moves_on(page, queue):
    posted = queue()
    page.keyboard.press("j")
    page.keyboard.press("a")
    assert status(page) == "Approving Comment by Reader 0. Press u to undo."
    assert current(page) == "c1"
    page.wait_for_selector("#c0[data-triage-done=approve]", state="attached")
    assert posted[0][0] == "/triage-post/0/approve/"
    assert parse_qs(posted[0][1]) == {"csrfmiddlewaretoken": ["t"]}
    assert status(page) == "Done: Comment by Reader 0."
    page.keyboard.press("s")
    page.wait_for_selector("#c1[data-triage-done=spam]", state="attached")
    assert [url for url, _ in posted] == ["/triage-post/0/approve/", "/triage-post/1/spam/"]


def test_undo_within_the_window_sends_nothing(page, queue):
    posted = queue(undo=3)
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.keyboard.press("u")
    assert status(page) == "Undone: Comment by Reader 0 is unchanged."
    assert current(page) == "c0"
    page.wait_for_timeout(3500)
    assert posted == []
    page.keyboard.press("u")
    assert status(page) == "Nothing to undo."


def test_reject_asks_for_a_reason(page, queue):
    posted = queue()
    page.keyboard.press("j")
    page.keyboard.press("r")
    assert page.is_visible("dialog[data-triage-reason]")
    page.select_option("select[name=reason]", "other")
    page.fill("dialog input[name=detail]", "Repeated three times")
    page.click("dialog button[value=ok]")
    page.wait_for_selector("#c0[data-triage-done=reject]", state="attached")
    assert parse_qs(posted[0][1]) == {"reason": ["other"], "detail": ["Repeated three times"]}
    # Escape cancels: nothing is sent and focus comes back to the comment.
    page.keyboard.press("r")
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog[data-triage-reason]", state="hidden")
    assert current(page) == "c1"
    page.wait_for_timeout(500)
    assert len(posted) == 1


def test_typing_in_a_field_is_not_a_command(page, queue):
    posted = queue()
    page.keyboard.press("j")
    page.click("#search")
    page.keyboard.type("jars")
    page.wait_for_timeout(500)
    assert page.input_value("#search") == "jars" and posted == []


def test_question_mark_shows_the_keys_and_o_opens_the_comment(page, queue):
    posted = queue(undo=10)
    page.keyboard.press("?")
    assert page.is_visible("dialog[data-triage-help]")
    page.keyboard.press("Escape")  # and the next key at once: it must not be lost
    page.keyboard.press("j")
    page.keyboard.press("a")  # waiting ten seconds for undo …
    page.keyboard.press("k")
    page.keyboard.press("o")  # … is sent before leaving the page
    page.wait_for_url("**/triage-open/0/")
    page.wait_for_timeout(300)
    assert [url for url, _ in posted] == ["/triage-post/0/approve/"]


def test_p_without_a_pick_action_says_so(page, queue):
    queue()
    page.keyboard.press("j")
    page.keyboard.press("p")
    assert status(page) == "Comment by Reader 0 cannot take that action."
    assert json.dumps(status(page))
