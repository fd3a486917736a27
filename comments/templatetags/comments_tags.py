"""{% article_comments page %}: approved comments and the comment form under a story."""

from math import ceil

from django import template
from django.conf import settings
from django.db.models import Count, Window
from django.urls import reverse

from comments.forms import CommentForm
from comments.models import Comment
from comments.services import comments_open

register = template.Library()


def approved_page(article, number) -> tuple[dict, int]:
    """One page of approved comments and their total, in one query whatever their number."""
    per_page = settings.COMMENTS_PER_PAGE
    try:
        number = max(1, int(number))
    except (TypeError, ValueError):
        number = 1
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
    else:  # a page past the end: say how many there are
        total = queryset.count()
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


@register.inclusion_tag("comments/article_comments.html", takes_context=True)
def article_comments(context, article):
    request = context.get("request")
    comments, total = approved_page(article, request.GET.get("comments") if request else None)
    return {
        "article": article,
        "comments": comments,
        "comment_count": total,
        "open": comments_open(article),
        "form": context.get("comment_form") or CommentForm(),
        "error": context.get("comment_error", ""),
        "challenge": context.get("challenge"),
        "notice": request.GET.get("comment") if request else None,
        "post_url": reverse("comments:post", args=[article.pk]),
        "challenge_url": reverse("comments:challenge"),
        "preview": getattr(request, "is_preview", False),
    }
