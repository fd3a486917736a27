"""{% article_comments page %}: approved comments and the comment form under a story."""

from django import template
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language

from comments.forms import CommentForm
from comments.moderation import comments_open
from comments.selectors import approved_page, notice, page_number
from pagecache import versioned

register = template.Library()


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
        "comment_page": page_number(number),
        "language": get_language(),
        "article": article,
        "approved": ApprovedComments(article, number),
        "open": comments_open(article),
        "form": context.get("comment_form") or CommentForm(),
        "error": context.get("comment_error", ""),
        "challenge": context.get("challenge"),
        # After posting, the reader lands on ?comment=pending|published (a cached variant too).
        "notice": notice(request.GET.get("comment") if request else None),
        "post_url": reverse("comments:post", args=[article.pk]),
        "challenge_url": reverse("comments:challenge"),
        "preview": getattr(request, "is_preview", False),
    }
