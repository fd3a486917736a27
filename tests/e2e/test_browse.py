"""A reader opens the front page, follows a story and sees it whole, in Chromium."""

import pytest

from articles.demo import load_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_reader_follows_a_story_from_the_front_page(page):
    load_demo()
    page.goto("/")
    links = page.locator(".card__title a")
    assert links.count() >= 12
    headline = links.first.inner_text()
    links.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == headline
    published = page.locator("time.published")
    assert published.get_attribute("datetime")
    assert published.inner_text().strip()
    image = page.locator(".article__main-image img")
    assert image.get_attribute("alt")
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert page.locator(".read-more a").count() >= 1
