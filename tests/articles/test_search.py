"""Reader search at scale: newest first, a capped count, flat query counts, an index it can use."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from articles.models import ArticlePage
from articles.search import search_stories

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
