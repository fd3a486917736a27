"""{{ article|takes_comments }}: whether a story card may invite comments (no query per card).

Story cards are drawn by the articles app's templates; the rule that says whether a story is
open (comments.moderation.comments_open) lives here. It reads only the card's own fields and the
comment rules, which the reader cache keeps, so a page of cards costs no query for it.
"""

from django import template

from comments.moderation import comments_open

register = template.Library()


@register.filter
def takes_comments(article) -> bool:
    return comments_open(article)
