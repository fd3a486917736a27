"""{% article_comments page %}: the conversation under a story (threads, replies, picks) and
the comment form."""

from django import template
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language

from comments import hooks
from comments.forms import CommentForm, ReportForm
from comments.moderation import comments_open
from comments.selectors import focus_value, notice, page_number, sort_value, thread_page
from pagecache import versioned

register = template.Library()


class Conversation:
    """One page of the conversation, read from the database only when the template needs it
    (the list is a cached fragment keyed on the reader-cache version; see the template)."""

    def __init__(self, article, *, number, sort, focus):
        self.article, self.number, self.sort, self.focus = article, number, sort, focus

    @cached_property
    def page(self):
        return thread_page(self.article, number=self.number, sort=self.sort, focus=self.focus)


@register.inclusion_tag("comments/article_comments.html", takes_context=True)
def article_comments(context, article):
    request = context.get("request")
    query = request.GET if request else {}
    number, sort, focus = query.get("comments"), sort_value(query.get("sort")), query.get("comment")
    return {
        "request": request,  # the cache tag skips caching in previews, which it reads from here
        "reader_version": versioned.version(),
        "fragment_seconds": versioned.fragment_seconds(),
        "comment_page": page_number(number),
        "sort": sort,
        "focus": focus_value(focus) or "",
        "language": get_language(),
        "article": article,
        "conversation": Conversation(article, number=number, sort=sort, focus=focus),
        "open": comments_open(article),
        "form": context.get("comment_form") or CommentForm(),
        "reply_target": context.get("reply_target"),
        "report_form": ReportForm(auto_id="report-%s"),
        "error": context.get("comment_error", ""),
        "challenge": context.get("challenge"),
        # After posting, the reader lands on ?comment=pending|published (a cached variant too).
        "notice": notice(focus),
        "post_url": reverse("comments:post", args=[article.pk]),
        "challenge_url": reverse("comments:challenge"),
        "tokens_url": reverse("comments:tokens"),
        "report_url": reverse("comments:report", args=[0]),
        "preview": getattr(request, "is_preview", False),
    }


@register.simple_tag(takes_context=True)
def comment_form_extras(context):
    """What the apps above add inside the form (safety: the proof-of-work field)."""
    return hooks.form_extras(context.get("request"))


@register.simple_tag
def comments_url(sort, number=None, *, anchor="comments"):
    """A link to the comments in an order (?sort= only when not the default), at a page when
    one is given (pagination links name theirs, as before: ?comments=1)."""
    params = []
    if sort and sort != "oldest":
        params.append(f"sort={sort}")
    if number:
        params.append(f"comments={int(number)}")
    return ("?" + "&".join(params) if params else "?") + f"#{anchor}"
