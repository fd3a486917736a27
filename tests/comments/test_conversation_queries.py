"""Query counts of a story's page stay flat as its conversation grows (issue 13): measured at
0, 50 and 500 comments, a third of them replies and ten of them editors' picks, in each order
and through a permalink. Run with -s to see the table."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import Comment

pytestmark = pytest.mark.django_db

VARIANTS = {"oldest": {}, "newest": {"sort": "newest"}, "picks": {"sort": "picks"}}


def grow(article, target: int) -> None:
    """Bring the story to `target` approved comments: two in three start a thread, one in
    three replies to a thread; the first ten threads are editors' picks."""
    existing = Comment.objects.filter(article=article).count()
    for n in range(existing, target):
        threads = list(
            Comment.objects.filter(article=article, is_reply=False).values_list("pk", flat=True)
        )
        is_reply = n % 3 == 2 and threads
        parent = threads[n % len(threads)] if is_reply else None
        Comment.objects.create(
            article=article,
            author_name=f"Reader {n}",
            body=str(n),
            body_html=f"<p>Comment {n}</p>",
            status="approved",
            is_reply=bool(is_reply),
            parent_id=parent,
            reply_to_id=parent,
            is_pick=not is_reply and len(threads) < 10,
        )


def queries(client, url, query) -> int:
    client.get(url, query)  # the first render also stores image data, which refreshes caches
    client.get(url, query)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, query).status_code == 200
    return len(context)


def test_article_queries_are_flat_with_replies_and_picks_in_every_order(client, settings, article):
    settings.READER_FRAGMENT_SECONDS = 0  # every render whole: the query shape is under test
    table = {}
    for size in (0, 50, 500):
        grow(article, size)
        middle = Comment.objects.filter(article=article, is_reply=True).order_by("pk").values("pk")
        variants = dict(VARIANTS)
        if size:  # a reply in the middle of the conversation, through its permalink
            variants["permalink"] = {"comment": middle[len(middle) // 2]["pk"]}
        table[size] = {name: queries(client, article.url, q) for name, q in variants.items()}
    assert Comment.objects.filter(is_reply=True).count() == 166
    assert Comment.objects.filter(is_pick=True).count() == 10
    print("\nArticle page SQL queries (comments: 0/50/500, a third replies, ten picks):")
    for size, counts in table.items():
        print(f"  {size:>3} comments: {counts}")
    for name in VARIANTS:
        assert table[0][name] == table[50][name] == table[500][name], name
    assert table[50]["permalink"] == table[500]["permalink"]
