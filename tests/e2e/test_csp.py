"""In Chromium, the Content-Security-Policy blocks nothing the site itself needs.

Every violation is caught twice: Chromium's console message and the page's own
`securitypolicyviolation` event (recorded by a script Playwright injects, which CSP does not
govern). A test fails on any of them, so a new inline script or style shows up here.
"""

import pytest
from captcha.models import CaptchaStore
from django.contrib.auth.models import User

from comments.models import Comment
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
});
"""


class Watch:
    """Collects CSP violations and page errors from one tab."""

    def __init__(self, tab):
        self.tab = tab
        self.console: list[str] = []
        tab.add_init_script(RECORD_VIOLATIONS)
        tab.on("console", self._console)
        tab.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))

    def _console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or "Refused to" in text:
            self.console.append(text)

    def violations(self, *frames) -> list[str]:
        found = list(self.console)
        for frame in frames or (self.tab,):
            found += frame.evaluate("() => window.__cspViolations || []")
        return found


def test_reader_pages_load_and_comment_with_no_csp_violation(page, article, live_server):
    watch = Watch(page)
    response = page.goto(article.url)
    # django-csp does not keep the directives in a fixed order: compare them one by one.
    directives = [d.strip() for d in response.headers["content-security-policy"].split(";")]
    assert "script-src 'self'" in directives
    # The JSON-LD data block is on the page and is not reported as a blocked script.
    assert page.locator('script[type="application/ld+json"]').count() >= 1

    # comments.js fetched a challenge; the CAPTCHA image drew from /captcha/.
    page.wait_for_function(
        "() => document.querySelector('[data-role=captcha-key]').value.length === 40"
    )
    page.wait_for_function(
        "() => document.querySelector('[data-role=captcha-image]').naturalWidth > 0"
    )
    # The stylesheet applied (style-src 'self'): the header has its border colour.
    assert (
        page.evaluate(
            "() => getComputedStyle(document.querySelector('.site-header')).borderBottomStyle"
        )
        == "solid"
    )

    page.fill("#id_author_name", "Nadia Haddad")
    page.fill("#id_body", "Posted under a strict Content-Security-Policy.")
    key = page.input_value("[data-role=captcha-key]")
    page.fill("#id_captcha_1", CaptchaStore.objects.get(hashkey=key).response)
    page.click("button[type=submit]")
    page.wait_for_url("**?comment=pending#comments")
    assert Comment.objects.filter(author_name="Nadia Haddad").exists()
    assert watch.violations() == []

    for url in ("/", article.get_parent().url, "/search/?q=ceasefire", "/people/", "/es/"):
        page.goto(url)
        page.wait_for_load_state("load")
        assert watch.violations() == [], url


def test_not_found_page_loads_with_no_csp_violation(page):
    watch = Watch(page)
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert watch.violations() == []


def test_editor_admin_and_preview_work_under_the_admin_policy(browser, live_server, section):
    User.objects.create_superuser("eddie", "eddie@example.org", "desk-pass-42")
    story = ArticlePageFactory(parent=section, title="Harbour talks resume", slug="harbour")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    watch = Watch(tab)

    tab.goto("/admin/login/")
    tab.fill("#id_username", "eddie")
    tab.fill("#id_password", "desk-pass-42")
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    assert watch.violations() == []

    response = tab.goto(f"/admin/pages/{story.pk}/edit/")
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    tab.wait_for_load_state("networkidle")
    assert watch.violations() == []

    # The preview panel frames the page from our own origin: X-Frame-Options and
    # frame-ancestors must both let it through, and the preview must render.
    tab.click("[data-side-panel-toggle='preview']")
    # Wagtail swaps in a fresh iframe once the preview has loaded, so look it up each time.
    heading = tab.frame_locator("#w-preview-iframe").locator("h1")
    heading.wait_for()
    assert heading.inner_text() == "Harbour talks resume"
    preview = tab.query_selector("#w-preview-iframe").content_frame()
    assert watch.violations(tab, preview) == []

    tab.goto(f"/admin/pages/{section.pk}/")
    tab.wait_for_load_state("networkidle")
    assert watch.violations() == []

    # A signed-in editor on the public site sees Wagtail's user bar, under the reader policy.
    tab.goto(story.url)
    tab.wait_for_selector("wagtail-userbar", state="attached")
    tab.wait_for_load_state("networkidle")
    assert watch.violations() == []
    context.close()


def test_admin_login_lockout_page_in_the_browser(page):
    User.objects.create_superuser("eddie", "eddie@example.org", "desk-pass-42")
    watch = Watch(page)
    for attempt in range(5):
        page.goto("/admin/login/")
        page.fill("#id_username", "eddie")
        page.fill("#id_password", f"guess-{attempt}")
        page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Sign-in paused"
    assert "You can try again after" in page.inner_text("main")
    assert watch.violations() == []
