"""READ MORE links: to stories later in the same file, and from earlier runs' pages to new ones."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast

from ..models import ArticlePage
from .feed import ParsedItem
from .text import url_key


def link_read_more(blocks: Iterable[dict[str, Any]], index: dict[str, int]) -> set[str]:
    """Point READ MORE blocks at known pages (in place); returns the keys still unknown."""
    unresolved: set[str] = set()
    for block in blocks:
        if block["type"] != "read_more":
            continue
        value = block["value"]
        if value.get("page") or not value.get("url"):
            continue
        key = url_key(value["url"])
        if key in index:
            value["page"] = index[key]
        else:
            unresolved.add(key)
    return unresolved


def pages_linking_to(keys: set[str], *, locale_id: int, skip: set[int]) -> list[int]:
    """Imported pages with a READ MORE block (live or in the latest revision) whose external
    link is one of these addresses: one pass over the imported pages that have any."""
    found: list[int] = []
    candidates = (
        ArticlePage.objects.filter(locale_id=locale_id)
        .exclude(source_guid="", source_url="")
        .annotate(
            body_text=Cast("body", TextField()),
            revision_text=Cast("latest_revision__content", TextField()),
        )
        .filter(Q(body_text__contains="read_more") | Q(revision_text__contains="read_more"))
        .values_list("id", "body_text", "revision_text")
    )
    for page_id, body_text, revision_text in candidates.iterator(chunk_size=500):
        if page_id in skip:
            continue
        bodies = [body_text]
        if revision_text:
            try:
                bodies.append(json.loads(revision_text).get("body"))
            except (ValueError, AttributeError):
                pass
        if any(external_read_more(body) & keys for body in bodies):
            found.append(page_id)
    return found


def relink_page(page_id: int, index: dict[str, int]) -> str | None:
    """Link the page's READ MORE blocks to known pages (new revision, same published state).
    Returns the page's title if it changed."""
    with transaction.atomic():
        stored = ArticlePage.objects.select_related("latest_revision").get(pk=page_id)
        was_published = stored.live and not stored.has_unpublished_changes
        page = stored.get_latest_revision_as_object()
        before = copy.deepcopy(list(page.body.raw_data))
        raw = copy.deepcopy(before)
        link_read_more(raw, index)
        if raw == before:
            return None
        page.body = json.dumps(raw)
        revision = page.save_revision()
        if was_published:
            revision.publish()
        return page.title


def external_read_more(body: Any) -> set[str]:
    """Keys of the external links of a stored body's READ MORE blocks (JSON text or list)."""
    try:
        blocks = json.loads(body) if isinstance(body, str) else body
    except ValueError:
        return set()
    keys = set()
    for block in blocks if isinstance(blocks, list) else []:
        value = block.get("value") if isinstance(block, dict) else None
        if block.get("type") == "read_more" and isinstance(value, dict):
            if value.get("url") and not value.get("page"):
                keys.add(url_key(value["url"]))
    return keys


def dependency_order(items: list[ParsedItem]) -> list[ParsedItem]:
    """The items with READ MORE targets in the same file before the stories linking to them
    (file order otherwise), so most links can be made when a story is first saved. Items in a
    cycle keep a forward link, which _Importer.finish() resolves."""
    by_key = {key: item for item in items for key in item_keys(item)}

    def targets(item: ParsedItem):
        for block in item.blocks:
            if block["type"] == "read_more":
                target = by_key.get(url_key(block["value"]["url"]))
                if target is not None and target is not item:
                    yield target

    order: list[ParsedItem] = []
    done: set[int] = set()
    visiting: set[int] = set()
    for root in items:
        if root.position in done:
            continue
        visiting.add(root.position)
        stack = [(root, targets(root))]
        while stack:
            node, pending = stack[-1]
            nxt = next(
                (t for t in pending if t.position not in done and t.position not in visiting), None
            )
            if nxt is None:
                stack.pop()
                visiting.discard(node.position)
                done.add(node.position)
                order.append(node)
            else:
                visiting.add(nxt.position)
                stack.append((nxt, targets(nxt)))
    return order


def item_keys(item: ParsedItem) -> set[str]:
    """The addresses under which READ MORE links find this item's page."""
    return {url_key(item.guid), url_key(item.source_url)} - {""}
