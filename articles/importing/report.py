"""The summary of one import run: counts, failures, notes, and the lines the command prints."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportReport:
    source: str = ""
    dry_run: bool = False
    total: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    remote_images: list[tuple[int, str]] = field(default_factory=list)
    relinked: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page_ids: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def counts(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, "
            f"skipped {self.skipped}, failed {self.failed}"
        )

    def lines(self) -> list[str]:
        """The summary printed by the command: counts first, then one line per problem."""
        lines = [self.counts]
        if self.dry_run:
            lines.append("dry run: nothing was written")
        lines += [f"warning: {text}" for text in self.warnings]
        lines += [f"failed #{pos}: {reason}" for pos, reason in self.failures]
        lines += [f"skipped #{pos}: {reason}" for pos, reason in self.duplicates]
        lines += [f"note #{pos}: {text}" for pos, text in self.notes]
        if self.relinked:
            lines.append(f"READ MORE relinked on {len(self.relinked)} earlier page(s):")
            lines += [f"  {title}" for title in self.relinked]
        if self.remote_images:
            lines.append(f"remote images not fetched ({len(self.remote_images)}):")
            lines += [f"  #{pos}: {url}" for pos, url in self.remote_images]
        return lines
