"""Reader search: Wagtail's search backend plus filters, and highlighted snippets."""

import re
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join

MAX_QUERY = 200
WORD = re.compile(r"\w+", re.UNICODE)


def clean_query(raw: str | None) -> str:
    """Trim what readers type to something the backend accepts: words only, bounded length."""
    return " ".join(WORD.findall((raw or "")[: MAX_QUERY * 4]))[:MAX_QUERY].strip()


def parse_day(raw: str | None, *, end: bool = False):
    try:
        day = date.fromisoformat((raw or "").strip())
    except ValueError:
        return None
    return timezone.make_aware(datetime.combine(day, time.max if end else time.min))


def highlight(text: str, query: str, *, width: int = 240) -> str:
    """An escaped excerpt of text around the first match, with matching words in <mark>."""
    terms = sorted({t for t in WORD.findall(query.lower()) if len(t) > 1}, key=len, reverse=True)
    if not terms:
        return escape(text[:width])
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    match = pattern.search(text)
    start = max(0, (match.start() if match else 0) - width // 3)
    excerpt = text[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    # format_html escapes every piece of the reader's text; only our <mark> tags are markup.
    pieces, last = [], 0
    for found in pattern.finditer(excerpt):
        pieces.append((excerpt[last : found.start()], found.group(0)))
        last = found.end()
    marked = format_html_join("", "{}<mark>{}</mark>", pieces)
    return format_html("{}{}{}{}", prefix, marked, excerpt[last:], suffix)
