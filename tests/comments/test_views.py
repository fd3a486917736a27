"""Posting a comment as a reader: the form, the CAPTCHA, errors that keep what was typed."""

from datetime import timedelta

import pytest
from captcha.models import CaptchaStore
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment
from tests.conftest import solve_challenge

pytestmark = pytest.mark.django_db


def test_valid_post_redirects_with_moderation_message_and_stays_hidden(
    client, article, comment_post
):
    response = comment_post(article, body="The envoy's timetable looks optimistic.")
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?comment=pending#comments"
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.ip_address == "203.0.113.5"
    page = client.get(response["Location"]).content.decode()
    assert "Your comment is awaiting moderation" in page
    assert "timetable looks optimistic" not in page


def test_approved_comments_show_oldest_first_with_count(client, article):
    for n, name in enumerate(["Zaid", "Ana", "Kofi"]):
        Comment.objects.create(
            article=article,
            author_name=name,
            body=f"c{n}",
            body_html=f"<p>comment {n}</p>",
            status="approved",
            created_at=timezone.now() - timedelta(hours=10 - n),
        )
    Comment.objects.create(article=article, author_name="Hidden", body="x", body_html="<p>x</p>")
    html = client.get(article.url).content.decode()
    assert "3 comments" in html
    assert html.index("comment 0") < html.index("comment 1") < html.index("comment 2")
    assert "Hidden" not in html


def test_comments_paginate_beyond_fifty(client, article):
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author_name=f"R{n}",
            body=str(n),
            body_html=f"<p>n{n}!</p>",
            status="approved",
            created_at=timezone.now() - timedelta(minutes=100 - n),
        )
        for n in range(60)
    )
    first = client.get(article.url).content.decode()
    assert "60 comments" in first and "n49!" in first and "n50!" not in first
    assert "Show more comments" in first
    second = client.get(article.url, {"comments": 2}).content.decode()
    assert "n50!" in second and "n59!" in second and "n49!" not in second


def test_form_has_labels_and_captcha_prompt(client, article):
    html = client.get(article.url).content.decode()
    assert "Add new comment" in html
    for field_id, label in [
        ("id_author_name", "Name"),
        ("id_body", "Comment"),
        ("id_captcha_1", "Enter the characters shown in the image"),
    ]:
        assert f'<label for="{field_id}">{label}' in html
    assert "New image" in html


def test_invalid_post_keeps_everything_typed_and_gives_a_new_captcha(client, article, comment_post):
    body = "Line one of a long thought.\n\n<b>Second</b> paragraph & more"
    response = comment_post(
        article, author_name="Léa", author_email="lea@example.org", body=body, captcha_1="WRONG"
    )
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert 'value="Léa"' in html and 'value="lea@example.org"' in html
    assert (
        "Line one of a long thought.\n\n&lt;b&gt;Second&lt;/b&gt; paragraph &amp; more</textarea>"
        in html
    )
    assert "The characters did not match the image" in html
    assert 'aria-describedby="id_captcha_1-error"' in html
    new_key = html.split('name="captcha_0" value="')[1].split('"')[0]
    assert CaptchaStore.objects.filter(hashkey=new_key).exists()
    assert not Comment.objects.exists()


def test_missing_fields_are_reported_per_field(client, article, comment_post):
    response = comment_post(article, author_name="", body="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please give a name" in html and "Please write a comment." in html
    assert 'id="id_author_name-error"' in html
    # The error summary links each error to its field, and the answer opens at the form.
    summary = html.split('data-role="error-summary"')[1].split("</div>")[0]
    assert '<a href="#id_author_name">Please give a name' in summary
    assert '<a href="#id_body">Please write a comment.</a>' in summary
    assert f'action="/comments/{article.pk}/#comment-form"' in html


def test_flood_limit_is_said_in_the_error_summary(client, article, comment_post):
    assert comment_post(article, body="first").status_code == 302
    response = comment_post(article, body="second thought")
    assert response.status_code == 429
    summary = response.content.decode().split('data-role="error-summary"')[1].split("</div>")[0]
    assert "too quickly" in summary


@pytest.mark.parametrize(
    "key",
    ["", "nope", "'; DROP TABLE captcha_captchastore; --", "0" * 40, "a" * 5000, None],
)
def test_bad_captcha_keys_are_form_errors_not_500s(client, article, comment_post, key):
    fields = {"captcha_0": key} if key is not None else {}
    response = (
        comment_post(article, **fields)
        if key is not None
        else client.post(f"/comments/{article.pk}/", {"author_name": "A", "body": "b"})
    )
    assert response.status_code == 400
    assert "image" in response.content.decode()
    assert not Comment.objects.exists()


def test_wrong_answer_invalidates_the_challenge(client, article, comment_post):
    data = solve_challenge(client)
    answer = data["captcha_1"]
    response = client.post(
        f"/comments/{article.pk}/",
        {**data, "author_name": "A", "body": "first try", "captcha_1": "XXXXX"},
    )
    assert response.status_code == 400
    assert not CaptchaStore.objects.filter(hashkey=data["captcha_0"]).exists()
    retry = client.post(
        f"/comments/{article.pk}/",
        {**data, "author_name": "A", "body": "second try", "captcha_1": answer},
    )
    assert retry.status_code == 400
    assert not Comment.objects.exists()


def test_expired_challenge_is_refused_and_cleaned_up(client, article):
    data = solve_challenge(client)
    CaptchaStore.objects.filter(hashkey=data["captcha_0"]).update(
        expiration=timezone.now() - timedelta(seconds=1)
    )
    response = client.post(f"/comments/{article.pk}/", {**data, "author_name": "A", "body": "late"})
    assert response.status_code == 400
    assert not Comment.objects.exists()
    solve_challenge(client)  # issuing a new challenge sweeps expired ones
    assert not CaptchaStore.objects.filter(expiration__lte=timezone.now()).exists()


def test_solved_captcha_cannot_be_replayed(client, article):
    data = {**solve_challenge(client), "author_name": "A", "website": ""}
    first = client.post(f"/comments/{article.pk}/", {**data, "body": "one"})
    assert first.status_code == 302
    data["token"] = "6f0f4f7e-0000-4000-8000-000000000001"
    second = client.post(
        f"/comments/{article.pk}/", {**data, "body": "two"}, REMOTE_ADDR="198.51.100.9"
    )
    assert second.status_code == 400
    assert Comment.objects.count() == 1


def test_double_submitted_form_creates_one_comment(client, article):
    data = {**solve_challenge(client), "author_name": "A", "body": "Once only", "website": ""}
    first = client.post(f"/comments/{article.pk}/", data)
    again = client.post(f"/comments/{article.pk}/", data)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert Comment.objects.count() == 1


def test_body_over_5000_characters_is_a_clear_error(client, article, comment_post):
    response = comment_post(article, body="x" * 5001)
    assert response.status_code == 400
    assert "at most 5000 characters (this one has 5001)" in response.content.decode()
    assert "x" * 5001 in response.content.decode()  # kept for the reader to trim


def test_oversized_request_is_refused_fast(client, article):
    response = client.post(f"/comments/{article.pk}/", {"body": "x" * 200_000})
    assert response.status_code == 413


def test_challenge_endpoint_is_never_cached(client):
    response = client.get("/comments/challenge/")
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert set(data) >= {"key", "image_url", "started", "csrf_token", "token"}
    assert client.get(data["image_url"]).status_code == 200


def test_cached_article_page_works_for_every_reader(article):
    """The article HTML carries no CAPTCHA, CSRF or form token, so it is safe to share."""
    first_reader = Client(enforce_csrf_checks=True)
    html = first_reader.get(article.url).content.decode()
    assert 'name="captcha_0" value=""' in html
    assert 'name="csrfmiddlewaretoken" value=""' in html
    assert 'data-challenge-url="/comments/challenge/"' in html
    # The CAPTCHA image waits for comments.js with a real placeholder, never src="" (invalid).
    assert 'src=""' not in html
    assert 'data-role="captcha-image" src="/static/img/captcha-placeholder.svg"' in html
    for n, reader in enumerate([Client(enforce_csrf_checks=True) for _ in range(2)]):
        data = solve_challenge(reader)  # what comments.js does for each reader
        response = reader.post(
            f"/comments/{article.pk}/",
            {**data, "author_name": f"Reader {n}", "body": f"Comment {n}", "website": ""},
            REMOTE_ADDR=f"192.0.2.{n + 1}",
        )
        assert response.status_code == 302, response.content[:500]
    assert Comment.objects.count() == 2


def test_post_without_csrf_token_is_refused(article):
    reader = Client(enforce_csrf_checks=True)
    data = solve_challenge(reader)
    data.pop("csrfmiddlewaretoken")
    response = reader.post(f"/comments/{article.pk}/", {**data, "author_name": "A", "body": "b"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_no_script_path_renders_the_form_with_its_own_challenge(client, article):
    response = client.get(f"/comments/{article.pk}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = response.content.decode().split('name="captcha_0" value="')[1].split('"')[0]
    assert CaptchaStore.objects.filter(hashkey=key).exists()


def test_closed_article_shows_closed_and_refuses_posts(client, article, comment_post):
    article.comments_open = False
    article.save()
    html = client.get(article.url).content.decode()
    assert "Comments are closed" in html and "Add new comment" not in html
    response = comment_post(article)
    assert response.status_code == 403
    assert "Comments are closed" in response.content.decode()
    assert not Comment.objects.exists()


def test_comments_close_automatically_after_n_days(client, make_article, comment_post):
    from comments.models import CommentSettings

    rules = CommentSettings.load()
    rules.close_after_days = 7
    rules.save()
    old = make_article(publication_date=timezone.now() - timedelta(days=8))
    assert comment_post(old).status_code == 403
    fresh = make_article(publication_date=timezone.now() - timedelta(days=6))
    assert comment_post(fresh, remote_addr="192.0.2.77").status_code == 302


def _article_queries(client, url):
    client.get(url)  # the first render also stores image data, which refreshes the caches
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_article_query_count_is_the_same_with_0_50_and_500_comments(client, settings, article):
    settings.READER_FRAGMENT_SECONDS = 0  # every render whole: the query shape is under test
    counts = {}
    total = 0
    for target in (0, 50, 500):
        Comment.objects.bulk_create(
            Comment(
                article=article,
                author_name=f"R{n}",
                body=str(n),
                body_html=f"<p>{n}</p>",
                status="approved",
            )
            for n in range(target - total)
        )
        total = target
        counts[target] = _article_queries(client, article.url)
    print(f"\nArticle page SQL queries at 0/50/500 approved comments: {counts}")
    assert counts[0] == counts[50] == counts[500]


def test_listings_show_comment_counts_without_a_query_per_row(client, section, make_article):
    articles = [make_article() for _ in range(3)]
    Comment.objects.create(
        article=articles[0], author_name="a", body="1", body_html="1", status="approved"
    )
    Comment.objects.create(
        article=articles[0], author_name="b", body="2", body_html="2", status="approved"
    )
    Comment.objects.create(article=articles[0], author_name="c", body="3", body_html="3")
    html = client.get(section.url).content.decode()
    assert "2 comments" in html
    few = _article_queries(client, section.url)
    for article in [make_article() for _ in range(6)]:
        Comment.objects.create(
            article=article, author_name="a", body="1", body_html="1", status="approved"
        )
    assert _article_queries(client, section.url) == few


def test_nul_characters_are_a_form_error_not_a_500(client, article, comment_post):
    response = comment_post(article, body="hello\x00world", author_name="N\x00ul")
    assert response.status_code == 400
    assert "Null characters are not allowed" in response.content.decode()


def test_audio_challenge_for_readers_who_cannot_see_the_image(client, settings):
    import os

    if not settings.CAPTCHA_FLITE_PATH:
        if os.environ.get("NEWSROOM_REQUIRE_BROWSER"):
            pytest.fail("flite is missing (apt-get install flite sox)")
        pytest.skip("flite is not installed")
    data = client.get("/comments/challenge/").json()
    assert data["audio_url"]
    response = client.get(data["audio_url"])
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    assert b"".join(response.streaming_content)[:4] == b"RIFF"


def test_malformed_content_length_is_not_a_500(client, article):
    response = client.post(f"/comments/{article.pk}/", {"body": "x"}, CONTENT_LENGTH="abc")
    assert response.status_code < 500


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("Admin\u202e nimdA", "Admin nimdA"),
        (
            "Amal\r\nModeration queue: https://evil.example",
            "Amal Moderation queue: https://evil.example",
        ),
        ("\u2067Lina\u2069 \u200fK.\u061c", "Lina K."),
        ("Ro\u200bsa\x1b[31m", "Rosa[31m"),
        ("Ana\u00a0 María", "Ana María"),
    ],
)
def test_names_lose_bidi_and_control_characters(article, comment_post, typed, stored):
    response = comment_post(article, author_name=typed)

    assert response.status_code == 302
    assert Comment.objects.get().author_name == stored


def test_a_name_of_nothing_but_controls_is_a_form_error(article, comment_post):
    response = comment_post(article, author_name="\u202e\u2066\u200f\n")

    assert response.status_code == 400
    assert "Please give a name" in response.content.decode()
    assert not Comment.objects.exists()


def test_comment_list_isolates_each_name_and_body(client, article):
    Comment.objects.create(
        article=article,
        author_name="Admin\u202e nimdA",  # stored before names were cleaned
        body="x",
        body_html="<p>\u202ereversed</p>",
        status="approved",
    )
    html = client.get(article.url).content.decode()

    assert '<bdi class="comment__author">Admin\u202e nimdA</bdi> · <time' in html
    assert '<div class="comment__body" dir="auto"><p>\u202ereversed</p></div>' in html


@pytest.mark.parametrize("status", ["pending", "rejected", "approved"])
def test_reposting_a_comment_answers_like_any_new_one(client, article, comment_post, status):
    Comment.objects.create(
        article=article,
        author_name="Amal",
        body="Same words exactly.",
        body_html="<p>Same words exactly.</p>",
        status=status,
        ip_address="198.51.100.7",
        created_at=timezone.now() - timedelta(hours=1),  # past the flood limit's window
    )
    new = comment_post(article, body="Words nobody wrote before.", using=Client())
    repost = comment_post(article, body="Same words exactly.", remote_addr="198.51.100.7")

    assert repost.status_code == new.status_code == 302
    assert repost["Location"] == new["Location"] == f"{article.url}?comment=pending#comments"
    assert Comment.objects.filter(body="Same words exactly.").count() == 1


@pytest.fixture
def arabic_article(article):
    from wagtail.models import Locale

    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    translation = article.copy_for_translation(arabic, copy_parents=True)
    translation.save_revision().publish()
    return translation


def test_an_arabic_story_answers_a_failed_post_in_arabic(article, arabic_article, comment_post):
    """The comment URLs carry no language prefix: the story's language decides, not the
    browser's (an Arabic reader got the English page, left to right)."""
    response = comment_post(arabic_article, body="")
    html = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="ar" dir="rtl">' in html
    summary = html.split('data-role="error-summary"')[1].split("</div>")[0]
    assert "يُرجى كتابة تعليق." in summary


def test_line_breaks_count_once_against_the_limit(article, comment_post):
    """Browsers send a textarea's line breaks as CRLF: a text the counter shows at 5,000
    characters must not be refused as 5,000 plus one per line."""
    body = ("a" * 99 + "\r\n") * 49 + "a" * 100  # 5,000 characters with \n, 5,049 with \r\n
    response = comment_post(article, body=body)
    assert response.status_code == 302
    assert Comment.objects.get().body == body.replace("\r\n", "\n")


@pytest.mark.parametrize(
    "url",
    [
        "/comments/99999999999999999999/",
        "/comments/report/99999999999999999999/",
        "/comments/report/0/",
        "/comments/unsubscribe/%00/",
    ],
)
def test_ids_and_tokens_out_of_range_are_not_found_not_500s(client, url):
    assert client.get(url).status_code in (400, 404)
    assert client.post(url, {"reason": "spam"}).status_code in (400, 403, 404)
