"""{% article_comments page %}: approved comments and the comment form under a story."""

from math import ceil

from django import template
from django.conf import settings
from django.db.models import Count, Window
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language

from comments.forms import CommentForm
from comments.models import Comment
from comments.services import comments_open
from pagecache import versioned

register = template.Library()

# Page numbers beyond this are read as this: no story has half a million comments, and a bigger
# OFFSET overflows SQLite's 64-bit integers (?comments=999999999999999999999999 was a 500).
MAX_PAGE = 10_000


def approved_page(article, number) -> tuple[dict, int]:
    """One page of approved comments and their total, in one query whatever their number."""
    per_page = settings.COMMENTS_PER_PAGE
    number = _page_number(number)
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


def _notice(value) -> str:
    return value if value in ("pending", "published") else ""


def _page_number(value) -> int:
    try:
        return min(max(1, int(value)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


class ApprovedComments:
    """One page of approved comments, read from the database only when the template needs it
    (the list is a cached fragment keyed on the reader-cache version; see the template)."""

    def __init__(self, article, number):
        self.article, self.requested = article, number

    @cached_property
    def _page(self) -> tuple[dict, int]:
        return approved_page(self.article, self.requested)

    @property
    def page(self) -> dict:
        return self._page[0]

    @property
    def total(self) -> int:
        return self._page[1]


@register.inclusion_tag("comments/article_comments.html", takes_context=True)
def article_comments(context, article):
    request = context.get("request")
    number = request.GET.get("comments") if request else None
    return {
        "request": request,  # the cache tag skips caching in previews, which it reads from here
        "reader_version": versioned.version(),
        "fragment_seconds": versioned.fragment_seconds(),
        "comment_page": _page_number(number),
        "language": get_language(),
        "article": article,
        "approved": ApprovedComments(article, number),
        "open": comments_open(article),
        "form": context.get("comment_form") or CommentForm(),
        "error": context.get("comment_error", ""),
        "challenge": context.get("challenge"),
        # After posting, the reader lands on ?comment=pending|published (a cached variant too).
        "notice": _notice(request.GET.get("comment") if request else None),
        "post_url": reverse("comments:post", args=[article.pk]),
        "challenge_url": reverse("comments:challenge"),
        "preview": getattr(request, "is_preview", False),
    }
