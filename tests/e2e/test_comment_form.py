"""The comment form in Chromium: a failed or a successful post never loses the reader, and a
long text is never cut without a word (issue 12, items 1 and 2)."""

import pytest
from captcha.models import CaptchaStore
from django.utils import timezone

from comments.models import Comment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWPORTS = [{"width": 390, "height": 844}, {"width": 1366, "height": 900}]


def answer_captcha(page, *, wrong=False):
    page.wait_for_function(
        "() => document.querySelector('[data-role=captcha-key]').value.length === 40"
    )
    key = page.input_value("[data-role=captcha-key]")
    page.fill("#id_captcha_1", "WRONG" if wrong else CaptchaStore.objects.get(hashkey=key).response)


def in_view_and_focused(page, selector):
    """The element is wholly inside the viewport and has the keyboard focus."""
    page.wait_for_selector(selector)
    page.wait_for_function(f"() => document.activeElement.matches({selector!r})")
    return page.evaluate(
        """selector => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
        }""",
        selector,
    )


@pytest.fixture
def long_article(article):
    # Sixty approved comments put the form thousands of pixels below the top of the page.
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author_name=f"Reader {n}",
            body="x",
            body_html="<p>" + "A considered view of the talks. " * 8 + "</p>",
            status="approved",
            created_at=timezone.now(),
        )
        for n in range(40)
    )
    return article


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["390", "1366"])
def test_failed_and_successful_posts_land_on_the_message(page, long_article, viewport):
    page.set_viewport_size(viewport)
    page.goto(long_article.url)
    page.fill("#id_author_name", "Nadia Haddad")
    page.fill("#id_body", "The monitors' report deserves a wider audience.")

    # A wrong CAPTCHA: the page comes back at the form, the summary focused and announced.
    answer_captcha(page, wrong=True)
    page.click("#comment-form button[type=submit]")
    page.wait_for_load_state("load")
    assert in_view_and_focused(page, "[data-role=error-summary]")
    summary = page.locator("[data-role=error-summary]")
    assert summary.get_attribute("role") == "alert"
    # Each error links to its field; following the link puts the reader in the field.
    link = summary.get_by_role("link", name="did not match the image")
    link.click()
    assert page.evaluate("() => document.activeElement.id") == "id_captcha_1"
    assert page.input_value("#id_body") == "The monitors' report deserves a wider audience."

    # An empty comment: the same.
    page.fill("#id_body", "")
    answer_captcha(page)
    page.click("#comment-form button[type=submit]")
    page.wait_for_load_state("load")
    assert in_view_and_focused(page, "[data-role=error-summary]")
    assert "Please write a comment." in page.inner_text("[data-role=error-summary]")

    # A good post: the confirmation, in view and focused.
    page.fill("#id_body", "The monitors' report deserves a wider audience.")
    answer_captcha(page)
    page.click("#comment-form button[type=submit]")
    page.wait_for_url("**?comment=pending#comments")
    assert in_view_and_focused(page, "[data-role=notice]")
    assert "awaiting moderation" in page.inner_text("[data-role=notice]")

    # Straight away a second one: the flood limit answers at the form, text kept.
    page.fill("#id_author_name", "Nadia Haddad")
    page.fill("#id_body", "And a second thought.")
    answer_captcha(page)
    page.click("#comment-form button[type=submit]")
    page.wait_for_load_state("load")
    assert in_view_and_focused(page, "[data-role=error-summary]")
    assert "too quickly" in page.inner_text("[data-role=error-summary]")
    assert page.input_value("#id_body") == "And a second thought."


def test_without_script_a_failed_post_lands_on_the_error_summary(
    browser, live_server, long_article
):
    """No script: the form's action ends in #comment-form, so the answer opens at the form."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"/comments/{long_article.pk}/")  # the no-script link: a form with its own image
    page.fill("#id_author_name", "Nadia Haddad")
    page.fill("#id_body", "Kept while I try again.")
    page.fill("#id_captcha_1", "WRONG")
    page.click("#comment-form button[type=submit]")
    page.wait_for_load_state("load")
    assert page.url.endswith("#comment-form")
    box = page.locator("[data-role=error-summary]").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844
    assert page.input_value("#id_body") == "Kept while I try again."
    context.close()


def test_a_long_paste_is_never_cut_and_the_count_says_how_far_over(page, article):
    page.goto(article.url)
    page.wait_for_function("() => document.querySelector('[data-role=captcha-key]').value")
    count = page.locator("[data-role=body-count]")
    page.fill("#id_body", "Short and sweet.")
    assert not count.is_visible()  # far from the limit: no counter to distract

    page.fill("#id_body", "w" * 4_500)
    assert count.is_visible()
    assert "4,500 of 5,000 characters" in count.inner_text()

    # A pasted 20,000-character text stays whole; the count says by how much it is over.
    page.fill("#id_body", "x" * 20_000)
    assert page.evaluate("() => document.querySelector('#id_body').value.length") == 20_000
    assert "15,000 too many" in count.inner_text()
    assert page.get_attribute("#id_body", "aria-invalid") == "true"
    assert "id_body-count" in page.get_attribute("#id_body", "aria-describedby")

    # Posting it is refused on the spot (no round trip, the CAPTCHA not spent), text kept.
    page.fill("#id_author_name", "Nadia Haddad")
    key = page.input_value("[data-role=captcha-key]")
    page.click("#comment-form button[type=submit]")
    assert page.evaluate("() => document.activeElement.id") == "id_body"
    assert page.input_value("[data-role=captcha-key]") == key
    assert page.evaluate("() => document.querySelector('#id_body').value.length") == 20_000
    assert not Comment.objects.exists()

    # Trimmed to the limit, the count is calm again and the post goes through.
    page.fill("#id_body", "y" * 5_000)
    assert "5,000 of 5,000 characters" in count.inner_text()
    assert page.get_attribute("#id_body", "aria-invalid") != "true"
    answer_captcha(page)
    page.click("#comment-form button[type=submit]")
    page.wait_for_url("**?comment=pending#comments")
    assert len(Comment.objects.get().body) == 5_000
