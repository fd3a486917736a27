"""Per-item bookkeeping that must be undone when the item's transaction rolls back."""

from __future__ import annotations

from typing import Any

_MISSING = object()


class ItemUndo:
    """What the current item added to the importer's in-memory maps and to the media store.

    The database rolls a failed item back by itself; these do not, so a failed item would
    otherwise leave lookups pointing at rows that no longer exist and files nobody uses.
    """

    def __init__(self) -> None:
        self._changes: list[tuple[Any, Any, Any]] = []
        self._new_files: list[Any] = []

    def begin(self) -> None:
        """Start a new item: what earlier items did stays."""
        self._changes, self._new_files = [], []

    def remember(self, mapping, key, value) -> None:
        """mapping[key] = value (or add key, for a set), undone by rollback()."""
        if isinstance(mapping, set):
            if key not in mapping:
                self._changes.append((mapping, key, _MISSING))
                mapping.add(key)
            return
        self._changes.append((mapping, key, mapping.get(key, _MISSING)))
        mapping[key] = value

    def new_file(self, file) -> None:
        """A file saved to the media store for this item, deleted by rollback()."""
        self._new_files.append(file)

    def rollback(self) -> None:
        for mapping, key, previous in reversed(self._changes):
            if isinstance(mapping, set):
                mapping.discard(key)
            elif previous is _MISSING:
                mapping.pop(key, None)
            else:
                mapping[key] = previous
        for file in self._new_files:
            try:
                file.storage.delete(file.name)
            except OSError:
                pass
