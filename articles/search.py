"""Reader search: Wagtail's search backend plus filters, and highlighted snippets.

Results are listed newest first, like every other list of stories on a news site, so nothing is
ranked: ranking meant scoring every match (most stories, for a word like "ceasefire") on every
request. In date order PostgreSQL walks the publication-date index and stops after one page of
matches; a rare word is found through the GIN index on the indexed document
(migration articles 0007). Counting stops at RESULT_CAP.
"""

import re
from datetime import UTC, date, datetime, time
from functools import cached_property

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.html import format_html, format_html_join

# Every word is one more full-text condition on every candidate story, and queries this long are
# never page-cached (pagecache SEARCH_MAX_WORDS): twenty 100-word searches held both workers
# for ten seconds. Eight words and 100 characters cover what readers type.
MAX_QUERY = 100  # characters
MAX_WORDS = 8
WORD = re.compile(r"\w+", re.UNICODE)
SPACE = re.compile(r"\s+")
RESULT_CAP = 1000  # matches counted (and paged through) at most; beyond: "more than 1,000"


def search_stories(queryset, query: str):
    """The stories in queryset matching query, newest first, without ranking them."""
    return queryset.order_by("-publication_date", "-id").search(query, order_by_relevance=False)


class CappedPaginator(Paginator):
    """A paginator that counts at most ``cap`` results (one LIMITed count query).

    ``more`` says whether there were more: the template then says "more than N" and the pages
    stop at N (a reader who needs result 1,001 narrows the search by section or date).
    """

    def __init__(self, object_list, per_page, *, cap: int | None = None):
        super().__init__(object_list, per_page)
        self.cap = cap or RESULT_CAP

    @cached_property
    def _found(self) -> int:
        # Slicing a search (or a queryset) first makes the count a LIMITed subquery.
        return self.object_list[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._found, self.cap)

    @property
    def more(self) -> bool:
        return self._found > self.cap


def clean_query(raw: str | None) -> str:
    """Trim what readers type to something the backend accepts: words only, bounded length."""
    return shorten_query(raw)[0]


def shorten_query(raw: str | None) -> tuple[str, str]:
    """The query clean_query() makes of raw, and what was cut: "", "words" or "characters".

    The first MAX_WORDS words, then whole words from the end until it fits in MAX_QUERY
    characters (a single longer word is cut). Dropped punctuation does not count as a cut.
    """
    text = raw or ""
    words = WORD.findall(text[: MAX_QUERY * 4])
    cut = ""
    if len(words) > MAX_WORDS:
        words, cut = words[:MAX_WORDS], "words"
    elif WORD.search(text, MAX_QUERY * 4):  # words beyond what is read at all
        cut = "characters"
    while len(words) > 1 and len(" ".join(words)) > MAX_QUERY:
        words, cut = words[:-1], "characters"
    query = " ".join(words)
    if len(query) > MAX_QUERY:
        query, cut = query[:MAX_QUERY], "characters"
    return query, cut


def parse_day(raw: str | None, *, end: bool = False):
    """The start (or end) of the day raw names, in the site's time zone; None if there is none.

    A day at the ends of the calendar (0001-01-01, 9999-12-31) may not exist in UTC, where the
    database compares it: such a bound excludes nothing, so it is dropped.
    """
    try:
        day = date.fromisoformat((raw or "").strip())
        moment = timezone.make_aware(datetime.combine(day, time.max if end else time.min))
        moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None
    return moment


def highlight(text: str, query: str, *, width: int = 240) -> str:
    """An escaped excerpt of text around the first match, cut between words, with matching
    words in <mark>."""
    terms = sorted({t for t in WORD.findall(query.lower()) if len(t) > 1}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None
    match = pattern.search(text) if pattern else None
    start, end = _excerpt_bounds(text, match.span() if match else (0, 0), width)
    excerpt = text[start:end].strip()
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    # format_html escapes every piece of the reader's text; only our <mark> tags are markup.
    pieces, last = [], 0
    for found in pattern.finditer(excerpt) if pattern else ():
        pieces.append((excerpt[last : found.start()], found.group(0)))
        last = found.end()
    marked = format_html_join("", "{}<mark>{}</mark>", pieces)
    return format_html("{}{}{}{}", prefix, marked, excerpt[last:], suffix)


def _excerpt_bounds(text: str, found: tuple[int, int], width: int) -> tuple[int, int]:
    """At most width characters around found (a third before it), cut at spaces: forward to
    the start of a word, back to the end of one (a single longer word is cut)."""
    found_at, found_end = found
    start = max(0, found_at - width // 3)
    if start and not text[start - 1].isspace():
        space = SPACE.search(text, start, found_at)
        start = space.end() if space else start
    end = min(len(text), start + width)
    if end < len(text) and not text[end].isspace():
        cut = text.rfind(" ", max(start, found_end), end)
        end = cut if cut > start else end
    return start, end
