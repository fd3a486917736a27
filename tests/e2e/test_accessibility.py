"""axe-core (WCAG 2.2 AA rules) finds nothing on the pages readers use most, in Chromium."""

from pathlib import Path

import pytest

from articles.demo import load_demo
from articles.models import ArticlePage, SectionPage
from comments.models import Comment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture
def page(browser, live_server):
    """The reader's browser, except that axe-core is injected as an inline script, which the
    site's Content-Security-Policy rightly refuses: this context bypasses CSP for the audit
    (tests/e2e/test_csp.py checks the pages under the policy)."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page, url):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return response.status, [
        f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


def test_axe_reports_no_violations(page):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    load_demo()
    article = ArticlePage.objects.filter(locale__language_code="en").live().first()
    Comment.objects.create(
        article=article,
        author_name="Reader",
        body="Thanks",
        body_html="<p>Thanks for the <a href='https://example.org' "
        "rel='nofollow ugc noopener'>report</a>.</p>",
        status="approved",
    )
    section = SectionPage.objects.filter(locale__language_code="en").first()
    pages = {
        "front page": "/",
        "section": section.url,
        "article with comments": article.url,
        "search results": "/search/?q=ceasefire",
        "404 page": "/no-such-page/",
        "Spanish front page": "/es/",
        "Arabic front page": "/ar/",
        "Arabic article": ArticlePage.objects.get(locale__language_code="ar").url,
        "Spanish article": ArticlePage.objects.filter(locale__language_code="es")[0].url,
        "Spanish topic": "/es/topics/marren-strait/",
        "untranslated story": ArticlePage.objects.get(
            slug="assembly-of-nations-opens-general-session"
        ).url,
    }
    # The front page's layouts: compact cards on a phone, rows of cards on a wide screen.
    wide = {"front page (1366 px)": "/", "Arabic front page (1366 px)": "/ar/"}
    report = {}
    for name, url in pages.items():
        status, violations = axe_violations(page, url)
        assert status == (404 if name == "404 page" else 200), name
        report[name] = violations
    page.set_viewport_size({"width": 1366, "height": 900})
    for name, url in wide.items():
        status, violations = axe_violations(page, url)
        assert status == 200, name
        report[name] = violations
    pages.update(wide)
    print("\naxe-core violations per page:", {name: len(v) for name, v in report.items()})
    assert report == {name: [] for name in pages}
