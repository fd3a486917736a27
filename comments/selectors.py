"""Read queries several places share: a page of a story's conversation (threads, replies,
picks, a permalink's page), the admin's counts, a commenter's history, a comment's reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from math import ceil

from django.conf import settings
from django.core.cache import caches
from django.db.models import Count, Q, Subquery, Window
from django.db.models.functions import Coalesce

from .models import Comment, CommentReport

# The menu badge (pending and reported counts) is on every admin page; counting 100,000
# pending rows costs tens of milliseconds, so the figures are kept briefly and forgotten (by
# the services, after the commit) whenever a comment arrives, is reported or changes status.
PENDING_COUNT_KEY = "comments:admin:pending-count"
REPORTED_COUNT_KEY = "comments:admin:reported-count"
PENDING_COUNT_SECONDS = 30


def forget_pending_count() -> None:
    caches["default"].delete_many([PENDING_COUNT_KEY, REPORTED_COUNT_KEY])


def _kept_count(key: str, queryset) -> int:
    cache = caches["default"]
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        cache.set(key, count, PENDING_COUNT_SECONDS)
    return count


def pending_count() -> int:
    return _kept_count(PENDING_COUNT_KEY, Comment.objects.in_moderation())


def reported_count() -> int:
    return _kept_count(REPORTED_COUNT_KEY, Comment.objects.reported())


# Page numbers beyond this are read as this: no story has half a million comments, and a bigger
# OFFSET overflows SQLite's 64-bit integers (?comments=999999999999999999999999 was a 500).
MAX_PAGE = 10_000

# The orders a reader can choose (?sort=); replies always follow their thread, oldest first.
SORTS = {
    "oldest": ("created_at", "pk"),
    "newest": ("-created_at", "-pk"),
    "picks": ("-is_pick", "created_at", "pk"),
}
DEFAULT_SORT = "oldest"
SHOWN_FIELDS = ("pk", "author_name", "created_at", "body_html", "is_pick", "edited_at")


@dataclass
class ThreadPage:
    """One page of a story's conversation, as the comments template shows it."""

    threads: list  # visible first comments, each with .shown_replies (visible, oldest first)
    picks: list  # the story's visible editors' picks, for the box above the thread
    number: int
    num_pages: int
    threads_total: int
    total: int  # every visible comment, replies included
    sort: str
    focus: int | None = None  # the permalinked comment, when it is visible on this page
    focus_missing: bool = False  # a permalink to a comment that is not (or no longer) shown
    pages: dict = field(default_factory=dict)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def sort_value(value) -> str:
    return value if value in SORTS else DEFAULT_SORT


def focus_value(value) -> int | None:
    """A permalinked comment's id from ?comment=, or None (?comment=pending is the notice)."""
    if isinstance(value, str) and value.isdigit() and len(value) <= 10:
        return int(value) or None
    return None


def thread_page(article, *, number=None, sort=None, focus=None) -> ThreadPage:
    """A page of threads with their replies and the story's picks, in two queries whatever
    the number of comments (two more for a permalink: the comment, and its thread's rank)."""
    per_page = settings.COMMENTS_PER_PAGE
    sort = sort_value(sort)
    focus = focus_value(focus)
    threads = Comment.objects.threads().for_article(article)
    focused = _focused(article, focus) if focus else None
    if focused is not None:
        number = _rank(threads, focused, sort) // per_page + 1
    number = page_number(number)
    # Every visible comment of the story, counted by the database once per query (replies are
    # visible only under a visible thread, so no thread means no comment at all).
    visible = (
        Comment.objects.visible()
        .for_article(article)
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    queryset = (
        threads.only(*SHOWN_FIELDS)
        .annotate(threads_total=Window(Count("pk")), total=Coalesce(Subquery(visible), 0))
        .order_by(*SORTS[sort])
    )
    rows = list(queryset[(number - 1) * per_page : number * per_page])
    if not rows and number > 1:  # a page past the end: show the last page instead
        count = threads.count()
        number = max(1, ceil(count / per_page))
        rows = list(queryset[(number - 1) * per_page : number * per_page]) if count else []
    threads_total = rows[0].threads_total if rows else 0
    total = rows[0].total if rows else 0

    # The replies of these threads and the story's picks, in one query.
    ids = [thread.pk for thread in rows]
    others = (
        Comment.objects.visible()
        .for_article(article)
        .filter(Q(parent_id__in=ids) | Q(is_pick=True))
        .select_related("reply_to")
        .only(
            *SHOWN_FIELDS,
            "is_reply",
            "parent_id",
            "reply_to__author_name",
            "reply_to__status",
            "reply_to__hidden",
        )
        .order_by("created_at", "pk")
    )
    replies: dict[int, list] = {pk: [] for pk in ids}
    picks = []
    for comment in others:
        if comment.is_reply and comment.parent_id in replies:
            replies[comment.parent_id].append(comment)
        if comment.is_pick:
            picks.append(comment)
    for thread in rows:
        thread.shown_replies = replies[thread.pk]
    shown = set(ids) | {reply.pk for thread in rows for reply in thread.shown_replies}
    return ThreadPage(
        threads=rows,
        picks=picks[: settings.COMMENTS_PICKS_SHOWN],
        number=number,
        num_pages=max(1, ceil(threads_total / per_page)),
        threads_total=threads_total,
        total=total,
        sort=sort,
        focus=focus if focus in shown else None,
        focus_missing=bool(focus) and focus not in shown,
    )


def _focused(article, pk: int) -> dict | None:
    """The permalinked comment's thread (itself, or the comment it replies under), if visible."""
    found = (
        Comment.objects.visible()
        .for_article(article)
        .filter(pk=pk)
        .values("pk", "is_reply", "created_at", "is_pick", "parent_id")
        .annotate(
            thread_created_at=Coalesce("parent__created_at", "created_at"),
            thread_is_pick=Coalesce("parent__is_pick", "is_pick"),
        )
        .first()
    )
    if found is None:
        return None
    return {
        "pk": found["parent_id"] if found["is_reply"] else found["pk"],
        "created_at": found["thread_created_at"],
        "is_pick": found["thread_is_pick"],
    }


def _rank(threads, thread: dict, sort: str) -> int:
    """How many threads come before this one in the chosen order."""
    at, pk = thread["created_at"], thread["pk"]
    if sort == "newest":
        return threads.filter(Q(created_at__gt=at) | Q(created_at=at, pk__gt=pk)).count()
    earlier = Q(created_at__lt=at) | Q(created_at=at, pk__lt=pk)
    if sort == "picks":
        if thread["is_pick"]:
            return threads.filter(earlier, is_pick=True).count()
        return threads.filter(Q(is_pick=True) | (Q(is_pick=False) & earlier)).count()
    return threads.filter(earlier).count()


def notice(value) -> str:
    return value if value in ("pending", "published", "confirm") else ""


def page_number(value) -> int:
    try:
        return min(max(1, int(value)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def reply_target(article, value) -> Comment | None:
    """The visible comment of this story a reader is answering (?reply_to= or the form's)."""
    if not (isinstance(value, str | int) and str(value).isdigit() and len(str(value)) <= 10):
        return None
    return (
        Comment.objects.visible()
        .for_article(article)
        .filter(pk=int(value))
        .only("pk", "author_name", "body", "body_html", "is_reply", "parent_id", "article_id")
        .first()
    )


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


def open_reports(comment: Comment) -> list[CommentReport]:
    return list(CommentReport.objects.filter(comment=comment, closed_at__isnull=True))


def report_reasons(reports) -> list[tuple[str, int]]:
    """(reason label, count) for a comment's open reports, most reported first."""
    labels = dict(CommentReport.Reason.choices)
    counts: dict[str, int] = {}
    for report in reports:
        counts[report.reason] = counts.get(report.reason, 0) + 1
    return [
        (str(labels[reason]), n)
        for reason, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def open_report_count(comment_id: int) -> int:
    return CommentReport.objects.filter(comment_id=comment_id, closed_at__isnull=True).count()
