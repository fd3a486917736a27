"""Imports stories from an RSS 2.0 or Atom feed file into ArticlePages (see import_articles).

The work happens in passes:

1. every item is parsed (no database access): malformed items and duplicate GUIDs are known
   before anything is written;
2. items are imported, each in its own transaction so one bad item never rolls back the
   others, READ MORE targets in the same file first (see dependency_order); an item whose
   target comes later anyway (a cycle) gets its page now and its first revision afterwards;
3. READ MORE links on earlier imported pages that point at a story imported now are turned
   into links to its page (a new revision; published pages stay published).

Existing stories are matched on the item's GUID, else on its link, so running the same feed
again changes nothing. Remote images are never fetched; they are listed in the report. Local
images are read only from inside the feed's folder (symlinks resolved).
"""

from .blocks import html_to_blocks
from .errors import FeedError, ItemError, SectionNotFound
from .feed import ParsedItem, parse_item, read_feed
from .images import LocalImage
from .importer import ProgressCallback, import_feed
from .indexing import batched_indexing, reindex
from .lookups import default_section
from .relinking import dependency_order, link_read_more
from .report import ImportReport
from .text import first_words, html_to_text, url_key

__all__ = [
    "FeedError",
    "ImportReport",
    "ItemError",
    "LocalImage",
    "ParsedItem",
    "ProgressCallback",
    "SectionNotFound",
    "batched_indexing",
    "default_section",
    "dependency_order",
    "first_words",
    "html_to_blocks",
    "html_to_text",
    "import_feed",
    "link_read_more",
    "parse_item",
    "read_feed",
    "reindex",
    "url_key",
]
