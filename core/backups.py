"""Backups: one archive holding the database and the media files, and its restore.

The database part is django-dbbackup's: its connectors run ``pg_dump --format=custom`` and
``pg_restore`` for PostgreSQL, and SQLite's online backup API for SQLite (safe while the site
writes). What we add around them (``manage.py backup`` / ``restore``): one archive per backup,
so a database is never restored beside another day's media; a manifest saying what the archive
holds; writing under a temporary name, so an interrupted backup is never mistaken for one;
keeping the newest ``BACKUP_KEEP`` archives; and a restore that refuses a database or media
folder that is not empty instead of overwriting it.

Archive: ``newsroom-<UTC time>.tar`` in ``BACKUP_DIR``, holding ``manifest.json``,
``database.dump`` (PostgreSQL) or ``database.sqlite3``, and ``media/…``.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections

FORMAT = 1
PREFIX = "newsroom-"
SUFFIX = ".tar"
MANIFEST = "manifest.json"
DATABASE_MEMBER = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
MEDIA = "media"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    media_files: int
    seconds: float
    removed: list[Path]


@dataclass(frozen=True)
class RestoreResult:
    manifest: dict
    counts: dict[str, int]
    media_files: int
    seconds: float


def _connector(alias: str = DEFAULT_DB_ALIAS):
    from dbbackup.db.base import get_connector

    vendor = connections[alias].vendor
    if vendor not in DATABASE_MEMBER:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return get_connector(alias)


def _media_root() -> Path | None:
    """The media folder, or None when media live elsewhere (an S3 bucket)."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(settings.MEDIA_ROOT)
    return None


def content_counts(alias: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Pages, images and documents: what the manifest records and a restore compares."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    return {
        "pages": Page.objects.using(alias).count(),
        "images": get_image_model().objects.using(alias).count(),
        "documents": get_document_model().objects.using(alias).count(),
    }


def archives(directory: Path) -> list[Path]:
    """The finished archives in a folder, oldest first (their names sort by time)."""
    if not directory.is_dir():
        return []
    return sorted(
        p for p in directory.iterdir() if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX)
    )


def _add_file(tar: tarfile.TarFile, name: str, fileobj, size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(time.time()), 0o600
    tar.addfile(info, fileobj)


def create_backup(
    directory: Path | None = None, *, keep: int | None = None, alias: str = DEFAULT_DB_ALIAS
) -> BackupResult:
    """Write a new archive into directory (BACKUP_DIR) and keep only the newest `keep`."""
    started = time.monotonic()
    directory = Path(directory or settings.BACKUP_DIR)
    keep = settings.BACKUP_KEEP if keep is None else keep
    if keep < 1:
        raise BackupError("BACKUP_KEEP must be at least 1.")
    directory.mkdir(parents=True, exist_ok=True)
    vendor = connections[alias].vendor
    connector = _connector(alias)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = directory / f"{PREFIX}{stamp}{SUFFIX}"
    partial = directory / f".{final.name}.partial"
    media_root = _media_root()
    media_files = 0
    try:
        with tarfile.open(partial, "w") as tar:
            dump = connector.create_dump()
            dump.seek(0, os.SEEK_END)
            size = dump.tell()
            dump.seek(0)
            _add_file(tar, DATABASE_MEMBER[vendor], dump, size)
            if media_root is not None and media_root.is_dir():
                for path in sorted(media_root.rglob("*")):
                    if path.is_file() and not path.is_symlink():
                        tar.add(path, arcname=f"{MEDIA}/{path.relative_to(media_root)}")
                        media_files += 1
            manifest = {
                "format": FORMAT,
                "created": datetime.now(UTC).isoformat(),
                "database": vendor,
                "database_member": DATABASE_MEMBER[vendor],
                "media": media_root is not None,
                "media_files": media_files,
                "counts": content_counts(alias),
            }
            data = json.dumps(manifest, indent=2).encode()
            with tempfile.TemporaryFile() as buffer:
                buffer.write(data)
                buffer.seek(0)
                _add_file(tar, MANIFEST, buffer, len(data))
        partial.chmod(0o600)  # a backup holds commenters' data: the operator's eyes only
        os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)
    removed = archives(directory)[:-keep]
    for old in removed:
        old.unlink()
    return BackupResult(
        path=final,
        size=final.stat().st_size,
        media_files=media_files,
        seconds=time.monotonic() - started,
        removed=removed,
    )


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.extractfile(MANIFEST)
    except KeyError:
        member = None
    if member is None:
        raise BackupError("This is not a Newsroom backup: it has no manifest.json.")
    manifest = json.load(member)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def _check_empty_database(alias: str) -> None:
    connection = connections[alias]
    tables = connection.introspection.table_names()
    if tables:
        name = connection.settings_dict["NAME"]
        raise BackupError(
            f"The database {name} is not empty ({len(tables)} tables). Restore into an empty "
            "database: create a new one (createdb) or, for SQLite, name a new file in "
            "DATABASE_URL."
        )


def _check_empty_media(media_root: Path | None) -> None:
    if media_root is not None and media_root.is_dir() and any(media_root.iterdir()):
        raise BackupError(
            f"The media folder {media_root} is not empty. Restore into an empty folder "
            "(set MEDIA_ROOT to a new one, or move the old files away)."
        )


def restore_backup(archive: Path, *, alias: str = DEFAULT_DB_ALIAS) -> RestoreResult:
    """Restore an archive into the (empty) database and (empty) media folder."""
    started = time.monotonic()
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No such backup file: {archive}")
    connection = connections[alias]
    media_root = _media_root()
    try:
        tar_file = tarfile.open(archive, "r")
    except tarfile.TarError as exc:
        raise BackupError(f"{archive} is not a readable backup archive: {exc}") from exc
    with tar_file as tar:
        manifest = read_manifest(tar)
        if manifest["database"] != connection.vendor:
            raise BackupError(
                f"This archive holds a {manifest['database']} database; the site's database "
                f"is {connection.vendor}. Restore it into a {manifest['database']} database."
            )
        _check_empty_database(alias)
        if manifest.get("media"):
            _check_empty_media(media_root)
        dump = tar.extractfile(manifest["database_member"])
        if dump is None:
            raise BackupError("The archive has no database dump.")
        with tempfile.TemporaryFile() as copy:
            shutil.copyfileobj(dump, copy)
            copy.seek(0)
            connector = _connector(alias)
            connection.close()  # SQLite's file is replaced; PostgreSQL's restore has its own
            connector.restore_dump(copy)
        media_files = 0
        if manifest.get("media") and media_root is not None:
            members = [m for m in tar.getmembers() if m.isfile() and m.name.startswith(f"{MEDIA}/")]
            media_root.mkdir(parents=True, exist_ok=True)
            for member in members:
                member.name = member.name.removeprefix(f"{MEDIA}/")
                tar.extract(member, media_root, filter="data")  # no path leaves the folder
            media_files = len(members)
    connection.close()
    return RestoreResult(
        manifest=manifest,
        counts=content_counts(alias),
        media_files=media_files,
        seconds=time.monotonic() - started,
    )
