"""The anonymous page cache: zero-SQL hits, editors never cached, purges on every visible change."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from comments import services
from comments.models import Comment, CommentSettings
from safety.identity import email_hash
from safety.models import ConfirmedEmail
from tests.conftest import solve_challenge
from tests.factories import SectionPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def editor_client(db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    browser = Client()
    browser.force_login(user)
    return browser


def fresh(url: str, query: str = ""):
    return Client().get(url + query)


def test_second_anonymous_get_is_a_cache_hit_with_no_sql(article, django_assert_num_queries):
    first = fresh(article.url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = fresh(article.url)
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    for response in (first, second):
        assert response["Cache-Control"] == "public, max-age=60, s-maxage=600"
        assert not response.cookies
        assert "Set-Cookie" not in response
        assert "cookie" not in response.get("Vary", "").lower()


def test_a_csrftoken_cookie_does_not_bypass_the_cache(article, django_assert_num_queries):
    fresh(article.url)
    browser = Client()
    browser.cookies["csrftoken"] = "x" * 32
    with django_assert_num_queries(0):
        assert browser.get(article.url)["X-Page-Cache"] == "hit"


def test_query_variants_are_cached_separately(article, section):
    assert fresh(section.url, "?page=1")["X-Page-Cache"] == "miss"
    assert fresh(section.url, "?page=1&utm_source=x")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in fresh(section.url, "?unknown=1")


@pytest.mark.parametrize(
    "query", ["?page=junk", "?page=0", "?page=123456789", "?page=1&page=2", "?comments=-1",
              "?comments=99999999999999999999", "?comment=<b>", "?comment=approved"],
)  # fmt: skip
def test_odd_values_of_known_parameters_are_answered_fresh_not_stored(article, query):
    """A crawler walking ?page=1..N or sending junk cannot fill the cache with variants."""
    for _ in range(2):
        response = fresh(article.url, query)
        assert response.status_code in (200, 404)
        assert "X-Page-Cache" not in response


@pytest.mark.parametrize("prefix", ["", "/es", "/ar"])
def test_search_is_cached_briefly_for_anonymous_readers(article, prefix, django_assert_num_queries):
    first = fresh(f"{prefix}/search/", "?q=ceasefire")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    # Shared caches keep search results for a short while only; browsers as long as any page.
    assert first["Cache-Control"] == "public, max-age=60, s-maxage=120"
    with django_assert_num_queries(0):
        # The form sends its blank filters: the same page, the same entry.
        second = fresh(f"{prefix}/search/", "?q=ceasefire&section=&from=&to=")
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert fresh(f"{prefix}/search/", "?q=ceasefire&page=2")["X-Page-Cache"] == "miss"


def test_search_results_are_stored_for_a_shorter_time(article, settings):
    from pagecache import store

    settings.PAGE_CACHE_SEARCH_SECONDS = 1
    fresh("/search/", "?q=ceasefire")
    key = store.entry_key("testserver", "/search/", "q=ceasefire")
    assert store.cache().get(key) is not None
    # LocMemCache keeps the timeout it was given: 1 s, not the 600 s of other pages.
    assert store.cache()._expire_info[store.cache().make_and_validate_key(key)] - time.time() <= 1


@pytest.mark.parametrize(
    "query",
    [
        "?q=Ceasefire!",  # not normalised: what clean_query() makes of it is another variant
        "?q=ceasefire++talks",
        "?q=" + "a" * 41,  # long
        "?q=one+two+three+four+five",  # many words
        "?q=ceasefire&page=11",  # deep pages
        "?q=ceasefire&q=talks",
        "?q=ceasefire&from=yesterday",
        "?q=ceasefire&sort=new",  # a parameter the page does not read
    ],
)
def test_searches_that_could_fill_the_cache_are_answered_fresh(article, query):
    response = fresh("/search/", query)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in fresh("/search/", query)


def test_search_cache_key_is_normalised():
    from pagecache.store import search_cache_query

    assert search_cache_query("q=ceasefire&section=&from=&to=&page=") == "q=ceasefire"
    assert search_cache_query("page=2&q=ceasefire&utm_source=x") == "page=2&q=ceasefire"
    assert (
        search_cache_query("q=a+b&section=world&from=2016-09-01&to=2016-09-30")
        == "from=2016-09-01&q=a+b&section=world&to=2016-09-30"
    )
    assert search_cache_query("") == ""  # the empty search form
    assert search_cache_query("q=%3Cscript%3E") is None


def test_editor_searches_are_never_stored(article, editor_client):
    response = editor_client.get("/search/?q=ceasefire")
    assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]
    assert fresh("/search/", "?q=ceasefire")["X-Page-Cache"] == "miss"


def test_cache_off_renders_every_time(article, settings):
    settings.PAGE_CACHE_ENABLED = False
    fresh(article.url)
    response = fresh(article.url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_editor_always_sees_the_current_page_and_is_never_stored(article, editor_client):
    fresh(article.url)  # an anonymous reader warms the cache
    type(article).objects.filter(pk=article.pk).update(title="Changed behind the cache")
    assert "Changed behind the cache" not in fresh(article.url).content.decode()

    response = editor_client.get(article.url)
    assert "Changed behind the cache" in response.content.decode()
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]

    # What an editor rendered is never handed to readers.
    other = SectionPageFactory(parent=article.get_parent().get_parent(), slug="other")
    editor_client.get(other.url)
    assert fresh(other.url)["X-Page-Cache"] == "miss"


def test_publishing_a_revision_purges_the_story_and_the_pages_listing_it(
    article, section, home, commit
):
    urls = [article.url, section.url, home.url, "/feed/", "/sitemap.xml", "/search/?q=talks"]
    for url in urls:
        assert fresh(url).status_code == 200
        assert fresh(url)["X-Page-Cache"] == "hit"
    article.title = "Talks collapse after midnight"
    with commit():
        article.save_revision().publish()
    for url in urls:
        response = fresh(url)
        assert response["X-Page-Cache"] == "miss", url
        if url != "/sitemap.xml":  # the sitemap lists addresses, not titles
            # (search results highlight the word searched: <mark>Talks</mark>)
            assert "collapse after midnight" in response.content.decode(), url


def test_unpublishing_purges(article, section, home, commit):
    title = article.title
    for url in (article.url, section.url, home.url, "/feed/", "/search/?q=ceasefire"):
        fresh(url)
    assert "talks resume in the capital" in fresh("/search/", "?q=ceasefire").content.decode()
    with commit():
        article.unpublish()
    assert fresh(article.url).status_code == 404
    for url in (section.url, home.url, "/feed/"):
        assert title not in fresh(url).content.decode(), url
    # Search highlights the word searched for, so look for the rest of the title.
    assert "talks resume in the capital" not in fresh("/search/?q=ceasefire").content.decode()


def test_a_story_change_purges_search_in_every_language(article):
    from pagecache.purge import batch_for_page

    urls = batch_for_page(article).urls
    for prefix in ("", "/es", "/ar"):
        assert any(url.endswith(f"{prefix}/search/") for url in urls), prefix


def test_moving_purges_the_old_address_and_both_sections(article, section, home, commit):
    old_url, title = article.url, article.title
    other = SectionPageFactory(parent=home, title="Security", slug="security")
    for url in (old_url, section.url, other.url):
        fresh(url)
    with commit():
        article.move(other, pos="last-child")
    article.refresh_from_db()
    assert fresh(old_url).status_code == 301  # Wagtail's automatic redirect, not the cached story
    assert title not in fresh(section.url).content.decode()
    assert title in fresh(other.url).content.decode()
    assert fresh(article.url).status_code == 200


def test_deleting_purges(article, section, home, commit):
    url, title = article.url, article.title
    for page_url in (url, section.url, home.url):
        fresh(page_url)
    with commit():
        article.delete()
    assert fresh(url).status_code == 404
    assert title not in fresh(section.url).content.decode()
    assert title not in fresh(home.url).content.decode()


def test_approving_and_rejecting_a_comment_purge_the_story(article, editor_client, commit):
    comment = Comment.objects.create(
        article=article, author_name="Ana", body="x", body_html="<p>Quite a scoop.</p>"
    )
    assert "Quite a scoop." not in fresh(article.url).content.decode()
    moderator = get_user_model().objects.get(username="editor")
    with commit():
        services.comment_approve(comment=comment, moderator=moderator)
    assert "Quite a scoop." in fresh(article.url).content.decode()
    with commit():
        services.comment_reject(comment=comment, moderator=moderator)
    assert "Quite a scoop." not in fresh(article.url).content.decode()


def test_section_changes_purge_every_page(article, section, commit):
    fresh(article.url)
    section.title = "World diplomacy"
    with commit():
        section.save_revision().publish()
    assert "World diplomacy" in fresh(article.url).content.decode()  # in the navigation


def test_a_reader_of_a_cached_page_can_comment(article, commit):
    fresh(article.url)
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(article.url)
    assert page["X-Page-Cache"] == "hit"
    assert "data-challenge-url" in page.content.decode()
    challenge = reader.get("/comments/challenge/")
    assert "no-store" in challenge["Cache-Control"]
    data = {"author_name": "Amal", "author_email": "", "body": "Well reported.", "website": ""}
    data.update(solve_challenge(reader))
    response = reader.post(f"/comments/{article.pk}/", data, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    landing = reader.get(response["Location"])
    assert landing.status_code == 200
    assert "awaiting moderation" in landing.content.decode()


def test_an_auto_approved_comment_is_on_the_page_the_reader_lands_on(article, commit, settings):
    settings.SAFETY_TRUST_MIN_APPROVED = 1
    ConfirmedEmail.objects.create(email_hash=email_hash("amal@example.com"))  # a trusted reader
    rules = CommentSettings.load()
    rules.auto_approve_known_emails = True
    rules.save()
    Comment.objects.create(
        article=article,
        author_name="Amal",
        author_email="amal@example.com",
        body="old",
        body_html="<p>old</p>",
        status=Comment.Status.APPROVED,
        created_at=timezone.now() - timedelta(days=1),
    )
    landing = f"{article.url}?comment=published"
    fresh(landing)  # someone else's landing page is already cached
    reader = Client()
    data = {"author_name": "Amal", "author_email": "amal@example.com", "website": ""}
    data.update(solve_challenge(reader), body="Known commenter again.")
    with commit():
        response = reader.post(f"/comments/{article.pk}/", data, REMOTE_ADDR="203.0.113.7")
    assert response["Location"] == landing + "#comments"
    assert "Known commenter again." in reader.get(landing).content.decode()


def test_deleting_many_visible_comments_purges_their_story_once(article, commit, monkeypatch):
    from pagecache import purge

    for n in range(20):
        Comment.objects.create(
            article=article, author_name=f"Reader {n}", body="Noted.", status="approved"
        )
    purged = []
    real = purge.purge_page
    monkeypatch.setattr(
        purge, "purge_page", lambda page, **kw: (purged.append(page.pk), real(page))
    )
    with commit():
        Comment.objects.filter(article=article).delete()
    assert purged == [article.pk]
