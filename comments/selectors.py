"""Read queries several places share: a page of a story's approved comments, the pending count."""

from __future__ import annotations

from math import ceil

from django.conf import settings
from django.core.cache import caches
from django.db.models import Count, Q, Window

from .models import Comment

# The "Comments (N pending)" badge is on every admin page; counting 100,000 pending rows costs
# tens of milliseconds, so the figure is kept briefly and forgotten (by the services, after the
# commit) whenever a comment arrives for moderation or changes status.
PENDING_COUNT_KEY = "comments:admin:pending-count"


def forget_pending_count() -> None:
    caches["default"].delete(PENDING_COUNT_KEY)


PENDING_COUNT_SECONDS = 30


def pending_count() -> int:
    cache = caches["default"]
    count = cache.get(PENDING_COUNT_KEY)
    if count is None:
        count = Comment.objects.in_moderation().count()
        cache.set(PENDING_COUNT_KEY, count, PENDING_COUNT_SECONDS)
    return count


# Page numbers beyond this are read as this: no story has half a million comments, and a bigger
# OFFSET overflows SQLite's 64-bit integers (?comments=999999999999999999999999 was a 500).
MAX_PAGE = 10_000


def approved_page(article, number) -> tuple[dict, int]:
    """One page of approved comments and their total, in one query whatever their number."""
    per_page = settings.COMMENTS_PER_PAGE
    number = page_number(number)
    queryset = (
        Comment.objects.approved()
        .for_article(article)
        .only("pk", "author_name", "created_at", "body_html")
        .annotate(total=Window(Count("pk")))
    )
    rows = list(queryset[(number - 1) * per_page : number * per_page])
    if rows:
        total = rows[0].total
    elif number == 1:
        total = 0
    else:  # a page past the end: show the last page instead
        total = queryset.count()
        number = max(1, ceil(total / per_page))
        rows = list(queryset[(number - 1) * per_page : number * per_page]) if total else []
    num_pages = max(1, ceil(total / per_page))
    return {
        "object_list": rows,
        "number": number,
        "num_pages": num_pages,
        "has_previous": number > 1,
        "has_next": number < num_pages,
        "previous_page_number": number - 1,
        "next_page_number": number + 1,
    }, total


def notice(value) -> str:
    return value if value in ("pending", "published") else ""


def page_number(value) -> int:
    try:
        return min(max(1, int(value)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def before(comment: Comment) -> Q:
    """Comments listed before this one, oldest first."""
    at = comment.created_at
    return Q(created_at__lt=at) | Q(created_at=at, pk__lt=comment.pk)


def approved_page_number(comment: Comment) -> int:
    """The page of the story's approved comments (oldest first) that holds this one."""
    earlier = (
        Comment.objects.approved().for_article(comment.article_id).filter(before(comment)).count()
    )
    return earlier // settings.COMMENTS_PER_PAGE + 1


def commenter_history(comment: Comment) -> dict[str, list[tuple[str, str, int]]]:
    """The commenter's other comments, by the same email and from the same address: for each,
    (status, label, count) of the statuses that have any, in one query."""
    labels = dict(Comment.Status.choices)
    senders = {
        key: Q(**{lookup: value})
        for key, value, lookup in (
            ("email", comment.author_email, "author_email__iexact"),
            ("address", comment.ip_address, "ip_address"),
        )
        if value
    }
    totals = {}
    if senders:
        counts = {
            f"{key}_{status}": Count("pk", filter=sender & Q(status=status))
            for key, sender in senders.items()
            for status in labels
        }
        either = Q()
        for sender in senders.values():
            either |= sender
        totals = Comment.objects.filter(either).exclude(pk=comment.pk).aggregate(**counts)
    return {
        key: [
            (status, label, totals[f"{key}_{status}"])
            for status, label in labels.items()
            if totals.get(f"{key}_{status}")
        ]
        for key in ("email", "address")
    }
