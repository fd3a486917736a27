"""Reader search at scale: newest first, a capped count, flat query counts, an index it can use."""

import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from articles.models import ArticlePage
from articles.search import clean_query, highlight, search_stories, shorten_query

pytestmark = pytest.mark.django_db

START = datetime(2016, 9, 1, 8, tzinfo=UTC)


@pytest.fixture
def many(make_article):
    def make(count, offset=0):
        return [
            make_article(
                title=f"Ceasefire bulletin {offset + i}",
                slug=f"bulletin-{offset + i}",
                publication_date=START + timedelta(days=offset + i),
                lead="Monitors reported on the ceasefire line.",
            )
            for i in range(count)
        ]

    return make


def titles(html: str) -> list[str]:
    return re.findall(r"Ceasefire</mark> bulletin (\d+)", html)


def test_results_are_newest_first_across_pages(client, many):
    many(13)
    first = client.get("/search/", {"q": "ceasefire"}).content.decode()
    second = client.get("/search/", {"q": "ceasefire", "page": 2}).content.decode()
    assert titles(first) == [str(n) for n in range(12, 2, -1)]
    assert titles(second) == ["2", "1", "0"]
    assert "13 results for" in first and "Page 1 of 2" in first


def test_count_stops_at_the_cap(client, many, monkeypatch):
    monkeypatch.setattr("articles.search.RESULT_CAP", 12)
    many(15)
    html = client.get("/search/", {"q": "ceasefire"}).content.decode()
    assert "More than 12 results for" in html and "Page 1 of 2" in html
    last = client.get("/search/", {"q": "ceasefire", "page": 9}).content.decode()
    assert titles(last) == ["4", "3"]  # results 11 and 12; older ones need a narrower search


def test_query_count_does_not_grow_with_the_matches(client, many):
    many(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/search/", {"q": "ceasefire"}).status_code == 200
    many(20, offset=2)
    with CaptureQueriesContext(connection) as lots:
        assert client.get("/search/", {"q": "ceasefire", "page": 2}).status_code == 200
    assert len(lots) == len(few)


def test_postgres_can_use_the_document_index(on_postgres, many):
    """The expression index (migration articles 0007) matches what Wagtail's backend emits."""
    many(3)
    queryset = ArticlePage.objects.live().filter(locale=Locale.get_default())
    sql, _params = search_stories(queryset, "zeppelin").get_queryset().query.sql_with_params()
    document = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
    assert document in sql  # what the index is built on
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT object_id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('zeppelin')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "articles_search_document_gin" in plan, plan


# --- What one search may cost (issue 10, item 11) --------------------------------------------

HUNDRED_WORDS = " ".join(f"ceasefire{n}" for n in range(100))


def test_clean_query_keeps_eight_words_and_a_hundred_characters():
    assert clean_query(HUNDRED_WORDS).split() == [f"ceasefire{n}" for n in range(8)]
    assert shorten_query(HUNDRED_WORDS) == (clean_query(HUNDRED_WORDS), "words")
    assert shorten_query("a " * 500) == (" ".join(["a"] * 8), "words")
    assert shorten_query("x" * 300) == ("x" * 100, "characters")
    eight_long = " ".join(["negotiations"] * 8)  # 103 characters: whole words are dropped
    assert shorten_query(eight_long) == (" ".join(["negotiations"] * 7), "characters")
    assert shorten_query(eight_long + " x") == (" ".join(["negotiations"] * 7), "characters")
    assert shorten_query("!" * 500 + " ceasefire") == ("", "characters")
    assert shorten_query("Ceasefire, talks!") == ("Ceasefire talks", "")
    assert shorten_query(" ".join(["talks"] * 8)) == (" ".join(["talks"] * 8), "")
    assert shorten_query(None) == ("", "")


def test_a_long_search_is_shortened_and_says_so(client, many):
    many(2)
    response = client.get("/search/", {"q": "ceasefire " + HUNDRED_WORDS})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your search was shortened to the first 8 words." in html
    shortened = "ceasefire " + " ".join(f"ceasefire{n}" for n in range(7))
    assert f'value="{shortened}"' in html and 'maxlength="100"' in html
    html = client.get("/search/", {"q": "c" * 300}).content.decode()
    assert "Your search was shortened to the first 100 characters." in html
    html = client.get("/es/search/", {"q": HUNDRED_WORDS}).content.decode()
    assert "Su búsqueda se ha acortado a las primeras 8 palabras." in html


def test_a_short_search_says_nothing_about_shortening(client, many):
    many(2)
    html = client.get("/search/", {"q": "ceasefire bulletin"}).content.decode()
    assert "shortened" not in html and "2 results for" in html


@pytest.fixture
def search_limit(settings):
    settings.SEARCH_RATE_LIMIT = 3
    return settings


def search(client, q, address="198.51.100.7", **params):
    return client.get("/search/", {"q": q, **params}, REMOTE_ADDR=address)


def test_uncached_searches_are_limited_per_address(client, many, search_limit):
    many(2)
    for n in range(3):
        assert search(client, f"ceasefire {n}").status_code == 200
    response = search(client, "ceasefire 4")
    html = response.content.decode()
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "no-store" in response["Cache-Control"]
    assert "Too many searches" in html and "You can search again in" in html
    # Another address searches on; the search page without a query is never limited.
    assert search(client, "ceasefire 5", address="203.0.113.9").status_code == 200
    assert client.get("/search/", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_searches_the_page_cache_answers_are_not_counted(client, many, search_limit):
    search_limit.PAGE_CACHE_ENABLED = True
    many(2)
    for _ in range(10):
        response = search(client, "ceasefire")
        assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_the_search_limit_page_is_translated(client, many, search_limit):
    for _ in range(4):
        response = client.get("/ar/search/", {"q": "x"}, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert "عمليات بحث كثيرة جدًا" in response.content.decode()


def test_the_search_limit_window_closes(client, many, settings):
    settings.SEARCH_RATE_LIMIT, settings.SEARCH_RATE_SECONDS = 1, 1
    assert search(client, "a").status_code == 200
    assert search(client, "b").status_code == 429
    time.sleep(1.1)
    assert search(client, "c").status_code == 200


WORDS = (
    "Negotiators from both capitals returned to Ostrava Nova on Monday for a second round of "
    "talks on the maritime boundary, where mediators hope a ceasefire agreed in September can "
    "become a permanent settlement before the fishing season reopens in the spring"
)


@pytest.mark.parametrize("query", ["ceasefire", "Negotiators", "spring", "nothing-matches", ""])
@pytest.mark.parametrize("width", [40, 61, 97, 150])
def test_snippets_are_cut_between_words(query, width):
    snippet = re.sub(r"</?mark>", "", str(highlight(WORDS, query, width=width)))
    words = set(WORDS.split())
    shown = snippet.strip("…").split()
    assert shown and set(shown) <= words, snippet  # no word cut in two at either end
    assert len(snippet.strip("…")) <= width
    assert snippet.startswith("…") == (not WORDS.startswith(snippet.strip("…")))
    if query == "ceasefire":
        assert "<mark>ceasefire</mark>" in str(highlight(WORDS, query, width=width))
