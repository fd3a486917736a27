"""The proof-of-work gate in Chromium: static/js/pow.js solves our ALTCHA challenge under the
reader Content-Security-Policy (workers from 'self', no CDN), the server accepts the solution
once, and what it costs on a slow phone (CPU throttled 4x through the DevTools protocol).

The form lives on a small test page of our own (the comment form carries the same field, and
the e2e comment tests post through it); it is served with the site's real reader CSP header.
"""

import base64
import json
import statistics
from datetime import timedelta

import altcha
import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from safety.pow import verify_pow

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGE = "/pow-test-page/"


def _serve_test_page(page, live_server, *, eager=True, workers=None):
    policy = page.request.get(f"{live_server.url}/safety/pow/challenge/").headers[
        "content-security-policy"
    ]
    field = render_to_string("safety/pow_field.html")
    if workers is not None:
        field = field.replace("data-pow ", f'data-pow data-pow-workers="{workers}" ', 1)
    if eager:
        field = field.replace(
            '<div class="pow" data-pow', '<div class="pow" data-pow data-pow-eager', 1
        )
    # The field brings its script; a second copy (a page that also includes it) changes nothing.
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>PoW</title>
<script src="/static/js/pow.js" defer></script></head><body><main>
<form method="post" action="/pow-test-post/"><label for="body">Comment</label>
<textarea id="body" name="body"></textarea>{field}<button type="submit">Send</button></form>
</main></body></html>"""

    page.route(
        f"{live_server.url}{PAGE}",
        lambda route: route.fulfill(
            status=200,
            body=html,
            headers={"content-type": "text/html; charset=utf-8", "content-security-policy": policy},
        ),
    )
    posted = []

    def capture(route):
        posted.append(route.request.post_data)
        route.fulfill(status=200, body="<p>sent</p>", headers={"content-type": "text/html"})

    page.route(f"{live_server.url}/pow-test-post/", capture)
    return posted


def _watch(page):
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def test_browser_solves_in_the_background_and_server_accepts_once(page, live_server):
    problems = _watch(page)
    _serve_test_page(page, live_server, eager=False)
    page.goto(PAGE)
    assert page.get_attribute("[data-pow]", "data-pow-state") is None  # nothing until focus
    page.click("#body")
    page.keyboard.type("Typing while the check runs.")
    page.wait_for_selector("[data-pow][data-pow-state=done]", state="attached", timeout=30_000)
    payload = page.input_value("input[name=altcha]")
    data = json.loads(base64.b64decode(payload))
    assert set(data) >= {"algorithm", "challenge", "number", "salt", "signature"}
    assert verify_pow(payload) is True
    assert verify_pow(payload) is False  # replay
    assert problems == []


def test_sending_early_waits_for_the_solution_then_sends(page, live_server):
    problems = _watch(page)
    posted = _serve_test_page(page, live_server, eager=False)
    page.goto(PAGE)
    page.fill("#body", "Sent at once.")
    page.click("button[type=submit]")
    page.wait_for_selector("text=sent", timeout=30_000)
    assert len(posted) == 1
    fields = dict(part.split("=", 1) for part in posted[0].split("&"))
    assert fields["altcha"] and fields["body"] == "Sent+at+once."
    assert problems == []


def _mean_cost_challenge(route):
    """A challenge whose answer is max_number / 2: every run costs the average solve."""
    from django.conf import settings
    from django_altcha import get_hmac_key

    max_number = settings.SAFETY_POW_MAX_NUMBER
    challenge = altcha.create_challenge(
        altcha.ChallengeOptions(
            hmac_key=get_hmac_key(),
            max_number=max_number,
            number=max_number // 2,
            expires=timezone.now() + timedelta(minutes=20),
        )
    )
    route.fulfill(
        status=200,
        body=json.dumps(challenge.to_dict()),
        headers={"content-type": "application/json"},
    )


def _solve_times(browser, live_server, *, rate, workers, runs):
    context = browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(120_000)
    cdp = context.new_cdp_session(tab)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    _serve_test_page(tab, live_server, workers=workers)
    tab.route(f"{live_server.url}/safety/pow/challenge/", _mean_cost_challenge)
    times = []
    for _ in range(runs):
        tab.goto(PAGE)
        tab.wait_for_selector("[data-pow][data-pow-state=done]", state="attached")
        times.append(int(tab.get_attribute("[data-pow]", "data-pow-took")))
        assert verify_pow(tab.input_value("input[name=altcha]"))
    context.close()
    return times


def test_solve_time_on_a_throttled_cpu(browser, live_server, settings):
    """Measures (and prints) what the average challenge costs with the CPU slowed 4x through
    the DevTools protocol, our proxy for a mid-range phone.

    Chromium throttles the page's main thread, not its workers, so the phone figure is the
    solver running on the main thread (data-pow-workers="0") at 4x; the default (workers) is
    measured too. A figure, not a pass/fail on time (benchmarks report, tests assert
    behaviour): it checks that every run solved and verified. See the numbers with
    `-s -k solve_time`.
    """
    runs = [("0", "main thread"), (None, "workers (default)")]
    for rate in (1, 4):
        for workers, label in runs:
            times = _solve_times(browser, live_server, rate=rate, workers=workers, runs=5)
            print(
                f"\nPoW max_number={settings.SAFETY_POW_MAX_NUMBER} (answer at half), "
                f"CPU {rate}x, {label}: median {statistics.median(times)} ms, runs {times}"
            )
