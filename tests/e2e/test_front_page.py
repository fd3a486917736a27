"""The front page in Chromium: a news hierarchy that fits a phone, room around the content,
a short phone header, and no request for a missing file."""

import pytest

from articles.demo import load_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Before issue 12 the demo front page was 11,088 px tall on a 390 px phone (24 full-size cards).
PHONE_HEIGHT_LIMIT = 3_000


def boxes(page, selector):
    return page.eval_on_selector_all(
        selector,
        """els => els.filter(e => e.getClientRects().length).map(e => {
            const r = e.getBoundingClientRect();
            return {x: r.x, y: r.y + scrollY, width: r.width, height: r.height,
                    bottom: r.bottom + scrollY};
        })""",
    )


def test_phone_front_page_is_a_lead_then_compact_cards(page):
    load_demo()
    page.goto("/")
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"\nfront page height at 390 px: {height} px")
    assert height < PHONE_HEIGHT_LIMIT
    # The lead keeps its image across the column and its standfirst.
    assert page.locator(".lead-story .card__lead").is_visible()
    assert boxes(page, ".lead-story img")[0]["width"] > 300
    compact = page.locator(".card--compact")
    assert compact.count() >= 12
    for i in range(compact.count()):
        card = compact.nth(i)
        assert card.locator(".card__title").is_visible()
        assert card.locator("time").is_visible()
        assert not card.locator(".card__lead").is_visible()  # headline and time only
        image = card.locator("img")
        if image.count():
            assert image.bounding_box()["width"] <= 113  # small, beside the headline
    # Every story appears once.
    urls = page.eval_on_selector_all(".card__title a", "els => els.map(a => a.pathname)")
    assert len(urls) == len(set(urls)) == 1 + 4 + 9


def test_desktop_secondary_stories_are_visibly_smaller_than_the_lead(page):
    load_demo()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/")
    lead_title = boxes(page, ".card--lead .card__title")[0]
    lead_image = boxes(page, ".card--lead img")[0]
    secondary = boxes(page, ".card--secondary img")
    assert len(secondary) == 4 and len({round(b["y"]) for b in secondary}) == 1  # one row
    assert all(b["width"] < lead_image["width"] / 2 for b in secondary)
    size = page.eval_on_selector_all(
        ".card--lead .card__title, .card--secondary .card__title",
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))",
    )
    assert all(s < size[0] * 0.7 for s in size[1:]), size
    assert lead_title["height"] > 0
    # Opinion pieces carry their label; time of the newest story is relative, dated in full.
    assert page.locator(".card--rail .card__kind", has_text="Opinion").count() >= 1
    newest = page.locator(".card--lead time")
    assert "hours ago" in newest.inner_text()
    assert newest.get_attribute("datetime").startswith("20")


def test_content_keeps_clear_of_the_header_rule_and_the_footer(page):
    load_demo()
    for width in (390, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        for path in ("/", "/ar/", "/diplomacy/"):
            page.goto(path)
            header = boxes(page, ".site-header")[0]
            first = boxes(page, "main .card, main .page-header")[0]
            assert first["y"] - header["bottom"] >= 16, (path, width)
            footer = boxes(page, ".site-footer")[0]
            last = boxes(page, "main .card")[-1]
            assert footer["y"] - last["bottom"] >= 24, (path, width)


def test_phone_header_is_short_and_its_sections_stay_on_one_line(page):
    load_demo()
    for path in ("/", "/es/", "/ar/", "/diplomacy/"):
        page.goto(path)
        header = boxes(page, ".site-header")[0]
        print(f"\nheader height at 390 px on {path}: {header['height']:.0f} px")
        assert header["height"] < 120, (path, header)
        links = boxes(page, ".site-nav a")
        assert len({round(b["y"]) for b in links}) == 1, path  # one line, scrolling sideways
        nav = page.locator(".site-nav ul")
        assert nav.evaluate("el => getComputedStyle(el).overflowX") == "auto"
        last = page.locator(".site-nav a").last
        last.focus()  # keyboard users reach the last section: it scrolls into view
        box = last.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= 390, path


def test_no_page_asks_for_a_file_that_is_not_there(page):
    load_demo()
    missing = []
    page.on("response", lambda r: r.status >= 400 and missing.append((r.status, r.url)))
    for path in ("/", "/diplomacy/", "/ar/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    icon = page.locator("link[rel=icon]").first.get_attribute("href")
    for url in (icon, "/favicon.ico", "/apple-touch-icon.png"):
        response = page.request.get(url)
        assert response.ok, url
        assert response.headers["content-type"].startswith("image/"), url
    assert missing == []
