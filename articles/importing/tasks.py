"""`import_articles --background`: the import as a background task on the worker's "imports"
queue (core.tasks), so a long feed neither holds a terminal open nor delays mail and purges.

A database error is retried (an import is safe to run again: items already imported are
matched on GUID or link); a feed that cannot be read or a missing section is not."""

from __future__ import annotations

import logging

from core.tasks import background_task

from ..models import SectionPage
from .errors import FeedError, SectionNotFound
from .importer import import_feed

logger = logging.getLogger(__name__)


@background_task(queue_name="imports", no_retry_on=(FeedError, SectionNotFound))
def import_feed_task(source: str, section_id: int, publish: bool, dry_run: bool) -> dict:
    """Import the feed file at source (an absolute path on the worker's machine) into the
    section; returns the report's lines, which the task result keeps."""
    section = SectionPage.objects.filter(pk=section_id).first()
    if section is None:
        raise SectionNotFound(f"section {section_id} no longer exists")
    report = import_feed(source, section=section, dry_run=dry_run, publish=publish)
    lines = report.lines()
    log = logger.warning if report.failed else logger.info
    log("Imported %s into %s: %s", source, section.slug, "\n".join(lines))
    return {"source": source, "section": section.slug, "failed": report.failed, "lines": lines}
