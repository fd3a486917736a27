"""The moderation dashboard's figures: a fixed number of aggregate queries whatever the data.

Comments per day by status, the median time from submission to decision, what caught comments
(each rule's code, recorded in Comment.rule at submission: comments' own rules, and
safety's ban and spam score), the stories with most comments, the score's version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import caches
from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
)
from django.db.models.functions import TruncDate
from django.utils import timezone

from comments.models import Comment

from .models import SpamClassifier

STATUSES = [s.value for s in Comment.Status]
# What caught a comment, in the order a reader of the dashboard wants them.
RULES = [
    ("ban", "Ban"),
    ("score", "Spam score"),
    ("disallowed", "Disallowed word"),
    ("links", "Two or more links"),
    ("moderation_word", "Moderation word"),
    ("hidden", "Hidden characters"),
    ("auto_approved", "Auto-approved (trusted)"),
    ("none", "No rule (queue)"),
]
LIKELY_SPAM = 0.5
CACHE_SECONDS = 300


@dataclass
class Stats:
    days: list[date]
    per_day: dict[date, dict[str, int]]
    totals: dict[str, int]
    total: int
    decided: int
    median_wait: timedelta | None
    rules: list[tuple[str, str, int]]
    scored: int
    likely_spam: int
    likely_spam_marked_spam: int
    top_stories: list[dict] = field(default_factory=list)
    classifier: SpamClassifier | None = None
    generated_at: object = None

    @property
    def max_per_day(self) -> int:
        return max((sum(day.values()) for day in self.per_day.values()), default=0)


def moderation_stats(*, days: int = 30, now=None) -> Stats:
    """The dashboard's figures for the last `days` days: 6 queries, however many comments."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    first = today - timedelta(days=days - 1)
    since = timezone.make_aware(
        timezone.datetime.combine(first, timezone.datetime.min.time()),
        timezone.get_current_timezone(),
    )
    window = Comment.objects.filter(created_at__gte=since)

    # 1. comments per day and status
    per_day = {first + timedelta(days=i): dict.fromkeys(STATUSES, 0) for i in range(days)}
    rows = (
        window.annotate(day=TruncDate("created_at"))
        .order_by()
        .values("day", "status")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        if row["day"] in per_day and row["status"] in STATUSES:
            per_day[row["day"]][row["status"]] = row["n"]
    totals = {s: sum(day[s] for day in per_day.values()) for s in STATUSES}

    # 2. totals the score and the median need
    decided_q = Q(moderated_at__isnull=False)
    likely = Q(safety_assessment__score__gte=LIKELY_SPAM)
    counts = window.aggregate(
        total=Count("pk"),
        decided=Count("pk", filter=decided_q),
        scored=Count("pk", filter=Q(safety_assessment__score__isnull=False)),
        likely=Count("pk", filter=likely),
        likely_spam=Count("pk", filter=likely & Q(status=Comment.Status.SPAM)),
    )

    # 3. the median wait: the middle one or two of the decided, ordered by their wait
    median = None
    decided = counts["decided"]
    if decided:
        waits = (
            window.filter(decided_q)
            .annotate(wait=ExpressionWrapper(F("moderated_at") - F("created_at"), DurationField()))
            .order_by("wait", "pk")
            .values_list("wait", flat=True)
        )
        middle = decided // 2
        if decided % 2:
            pair = list(waits[middle : middle + 1])
        else:
            pair = list(waits[middle - 1 : middle + 1])
        if pair:
            median = sum(pair, timedelta()) / len(pair)

    # 4. what caught them
    caught = dict(window.order_by().values("rule").annotate(n=Count("pk")).values_list("rule", "n"))
    caught["none"] = caught.pop("", 0)
    rules = [(key, label, caught.get(key, 0)) for key, label in RULES]

    # 5. the most-commented stories
    top = list(
        window.order_by()
        .values("article_id", "article__title")
        .annotate(n=Count("pk"), approved=Count("pk", filter=Q(status=Comment.Status.APPROVED)))
        .order_by("-n", "article_id")[:10]
    )

    # 6. the score in use
    latest = SpamClassifier.objects.defer("weights", "params").order_by("-pk").first()

    return Stats(
        days=list(per_day),
        per_day=per_day,
        totals=totals,
        total=counts["total"],
        decided=decided,
        median_wait=median,
        rules=rules,
        scored=counts["scored"],
        likely_spam=counts["likely"],
        likely_spam_marked_spam=counts["likely_spam"],
        top_stories=top,
        classifier=latest,
        generated_at=now,
    )


def cached_stats(*, days: int = 30) -> Stats:
    """The dashboard panel's figures, kept a few minutes: it is on every admin home page."""
    cache = caches["default"]
    key = f"safety:dashboard:{days}:{settings.LANGUAGE_CODE}"
    stats = cache.get(key)
    if stats is None:
        stats = moderation_stats(days=days)
        cache.set(key, stats, CACHE_SECONDS)
    return stats
