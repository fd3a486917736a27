"""Bench reader comments: approved ones (500 on the commented story) and a moderation queue."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.db.models import Count
from django.utils import timezone

from articles.models import ArticlePage
from comments.models import Comment
from comments.sanitizer import sanitize_comment

from .common import (
    COMMENTED_STORY_COMMENTS,
    COMMENTED_STORY_SLUG,
    PREFIX,
    BenchReport,
    Progress,
)
from .text import Text


class CommentBodies:
    """A pool of generated comments, sanitized once (bleach is the slow part) and reused."""

    def __init__(self, text: Text, size: int = 1000):
        self.rng = text.rng
        self.pool = []
        for _ in range(size):
            body = "\n\n".join(text.paragraph(text.rng.randint(1, 3)) for _ in range(2))
            self.pool.append((body, sanitize_comment(body)))

    def pick(self) -> tuple[str, str]:
        return self.rng.choice(self.pool)


def _bulk_comments(
    *,
    text: Text,
    bodies: CommentBodies,
    status: str,
    targets: list[tuple[int, datetime]],
    count: int,
    progress: Progress,
    label: str,
) -> int:
    """bulk_create `count` comments with `status`, spread at random over `targets`."""
    now = timezone.now()
    rng = text.rng
    done = 0
    while done < count:
        batch = []
        for _ in range(min(5000, count - done)):
            article_id, published = rng.choice(targets)
            body, body_html = bodies.pick()
            age = (now - published).total_seconds()
            created = published + timedelta(seconds=rng.random() * max(age, 60) * 0.99)
            name = text.name()
            email = f"{name.lower().replace(' ', '.')}{rng.randint(1, 999)}@example.org"
            address = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
            batch.append(
                Comment(
                    article_id=article_id,
                    author_name=name,
                    author_email=email,
                    body=body,
                    body_html=body_html,
                    status=status,
                    created_at=created,
                    ip_address=address,
                    user_agent="Mozilla/5.0 (bench)",
                    submission_token=uuid.UUID(int=rng.getrandbits(128), version=4),
                )
            )
        Comment.objects.bulk_create(batch, batch_size=5000)
        done += len(batch)
        progress(label, done, count)
    return done


def add_comments(
    *, text: Text, comments: int, pending: int, progress: Progress, report: BenchReport
) -> None:
    """Top the bench stories' comments up to `comments` approved and `pending` pending ones,
    COMMENTED_STORY_COMMENTS of the approved ones on the commented story."""
    stories = list(
        ArticlePage.objects.filter(slug__startswith=PREFIX).values_list(
            "pk", "slug", "publication_date"
        )
    )
    commented = next((pk for pk, slug, _ in stories if slug == COMMENTED_STORY_SLUG), None)
    others = [(pk, published) for pk, slug, published in stories if slug != COMMENTED_STORY_SLUG]
    generated = Comment.objects.filter(article__slug__startswith=PREFIX)
    counts = dict(
        generated.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    approved_on_commented = (
        generated.filter(article_id=commented, status=Comment.Status.APPROVED).count()
        if commented
        else 0
    )
    bodies = CommentBodies(text)
    if commented and approved_on_commented < COMMENTED_STORY_COMMENTS:
        published = next(p for pk, _, p in stories if pk == commented)
        made = _bulk_comments(
            text=text,
            bodies=bodies,
            status=Comment.Status.APPROVED,
            targets=[(commented, published)],
            count=COMMENTED_STORY_COMMENTS - approved_on_commented,
            progress=progress,
            label="comments on the commented story",
        )
        counts[Comment.Status.APPROVED] = counts.get(Comment.Status.APPROVED, 0) + made
        report.add("approved comments", made)
    for status, wanted, label in (
        (Comment.Status.APPROVED, comments, "approved comments"),
        (Comment.Status.PENDING, pending, "pending comments"),
    ):
        missing = wanted - counts.get(status, 0)
        if missing > 0 and others:
            made = _bulk_comments(
                text=text,
                bodies=bodies,
                status=status,
                targets=others,
                count=missing,
                progress=progress,
                label=label,
            )
            report.add(label, made)
