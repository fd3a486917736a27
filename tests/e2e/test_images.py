"""Images fill their columns at every breakpoint, sharp on 2x screens, without layout shift."""

import json

import pytest

from articles.demo import load_demo
from articles.models import ArticlePage
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Where images are, per page: every one must be as wide as the column it sits in.
PAGES = {
    "/": [".card--lead img", ".card--secondary img", ".card--rail img"],
    "/diplomacy/": [".card--list img"],
}
STORY = [".article__main-image img", ".body-image img", ".related img"]

MEASURE = r"""selector => [...document.querySelectorAll(selector)].map(img => {
    const frame = img.closest('.card__media, figure');
    const parent = frame.parentElement;
    const style = getComputedStyle(parent);
    const content = parent.clientWidth - parseFloat(style.paddingLeft)
        - parseFloat(style.paddingRight);
    // In a grid, the frame's column is one of the grid's tracks; otherwise the content box.
    const columns = style.display.includes('grid')
        ? style.gridTemplateColumns.split(' ').map(parseFloat)
        : [content];
    const box = img.getBoundingClientRect();
    return {
        width: box.width,
        frame: frame.getBoundingClientRect().width,
        columns: columns,
        // The width of the file the browser chose from srcset (naturalWidth is corrected for
        // the density the sizes attribute implies, so it would always look like a fit).
        chosen: (img.srcset || '').split(',').map(c => c.trim().split(/\s+/))
            .filter(([url]) => new URL(url, location.href).href === img.currentSrc)
            .map(([, w]) => parseInt(w, 10))[0] || img.naturalWidth,
        ratio: box.height / box.width,
        attrs: [Number(img.getAttribute('width')), Number(img.getAttribute('height'))],
        src: img.currentSrc,
    };
})"""


@pytest.fixture
def story_with_body_image():
    load_demo()
    story = ArticlePage.objects.get(slug="ceasefire-holds-after-talks-in-ostrava-nova")
    body = list(story.body.raw_data)
    image = ImageFactory(file__width=1600, file__height=1000)
    body.insert(2, {"type": "image", "value": {"image": image.pk, "alt": "A harbour at dusk",
                                               "caption": "", "credit": ""}})  # fmt: skip
    story.body = json.dumps(body)
    story.save_revision().publish()
    return story


@pytest.mark.parametrize("width", [390, 1366])
def test_images_fill_their_columns_and_are_sharp_on_2x_screens(
    browser, live_server, story_with_body_image, width
):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 900},
        device_scale_factor=2,
    )
    page = context.new_page()
    pages = {**PAGES, story_with_body_image.url: STORY}
    seen = 0
    for path, selectors in pages.items():
        page.goto(path)
        page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
        page.wait_for_load_state("networkidle")
        page.wait_for_function("[...document.images].every(i => i.complete)")
        for selector in selectors:
            images = page.evaluate(MEASURE, selector)
            assert images, (path, selector)
            for image in images:
                seen += 1
                where = (width, path, selector, image)
                # As wide as its frame, and the frame as wide as the column it sits in.
                assert abs(image["width"] - image["frame"]) <= 1, where
                assert any(abs(image["frame"] - c) <= 1 for c in image["columns"]), where
                # Sharp: the file chosen has at least twice the pixels of the box (2x screen).
                assert image["chosen"] >= 2 * image["width"] - 2, where
                # Its width and height attributes give the shape before it loads: no shift.
                ratio = image["attrs"][1] / image["attrs"][0]
                assert abs(image["ratio"] - ratio) < 0.02, where
    assert seen >= 14
    context.close()


def test_loading_the_front_page_shifts_no_layout(browser, live_server):
    load_demo()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.add_init_script(
        """window.__shift = 0;
        new PerformanceObserver(list => list.getEntries().forEach(e => {
            if (!e.hadRecentInput) window.__shift += e.value;
        })).observe({type: 'layout-shift', buffered: true});"""
    )
    page.goto("/")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__shift") < 0.01
    context.close()
