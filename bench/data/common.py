"""What every part of the bench data generator shares: the bench- slugs, the run report."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

Progress = Callable[[str, int, int], None]

PREFIX = "bench-"
# The story with exactly COMMENTED_STORY_COMMENTS approved comments, the newest of all.
COMMENTED_STORY_SLUG = "bench-commented-story"
COMMENTED_STORY_COMMENTS = 500
SEARCH_WORD = "ceasefire"  # in every generated lead: "search for a common word"
BATCH = 2000


@dataclass
class BenchReport:
    created: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, kind: str, count: int) -> None:
        if count:
            self.created[kind] = self.created.get(kind, 0) + count


def chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def quiet(stage: str, done: int, total: int) -> None:
    return None
