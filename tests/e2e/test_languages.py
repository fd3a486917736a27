"""Each language looks like itself in Chromium: Arabic quotations upright with Arabic quotation
marks, and a story with no translation says so instead of dropping the reader elsewhere."""

import pytest

from articles.demo import load_demo
from articles.models import ArticlePage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUOTE_STYLE = """el => {
    const p = el.querySelector('p');
    return {
        fontStyle: getComputedStyle(el).fontStyle,
        quotes: getComputedStyle(p).quotes,
        open: getComputedStyle(p, '::before').content,
        close: getComputedStyle(p, '::after').content,
    };
}"""


def test_quotes_are_set_as_each_language_sets_them(page):
    load_demo()
    arabic = ArticlePage.objects.get(locale__language_code="ar")
    english = arabic.get_translation(
        ArticlePage.objects.filter(locale__language_code="en")[0].locale
    )
    spanish = ArticlePage.objects.filter(locale__language_code="es").first()
    styles = {}
    for code, story in (("ar", arabic), ("en", english), ("es", spanish)):
        page.goto(story.url)
        styles[code] = page.locator(".quote blockquote").first.evaluate(QUOTE_STYLE)
    # Arabic type has no italic: no slanted (synthetic) text; guillemets, as Arabic prints them.
    assert styles["ar"]["fontStyle"] == "normal"
    assert styles["ar"]["quotes"].startswith('"«" "»"')
    assert styles["en"]["fontStyle"] == "italic" and styles["en"]["quotes"].startswith('"“" "”"')
    assert styles["es"]["quotes"].startswith('"«" "»"')
    for style in styles.values():
        assert (style["open"], style["close"]) == ("open-quote", "close-quote")


def test_a_story_without_translation_offers_front_pages_for_what_they_are(page):
    load_demo()
    untranslated = ArticlePage.objects.get(
        slug="assembly-of-nations-opens-general-session", locale__language_code="en"
    )
    page.goto(untranslated.url)
    switcher = page.locator(".language-switcher")
    assert "This story has not been translated." in switcher.inner_text()
    switcher.get_by_role("link", name="Portada en español").click()
    page.wait_for_url("**/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    # A translated story links to its translation.
    spanish = ArticlePage.objects.filter(locale__language_code="es").first()
    english = spanish.get_translation(untranslated.locale)
    page.goto(english.url)
    page.locator(".language-switcher").get_by_role("link", name="español").click()
    page.wait_for_url(f"**{spanish.url}")
