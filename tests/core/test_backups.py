"""manage.py backup / restore, for real: the demo site and its comments are backed up, restored
into a fresh database and media folder, and the copy is compared with the original.

Runs on the database of the suite's pass: SQLite files in the SQLite pass, two scratch
databases on the suite's PostgreSQL server in the PostgreSQL pass (pg_dump / pg_restore).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from tests.scratch import scratch_databases
from tests.servers import manage, production_env

COMMENTS = """
from articles.models import ArticlePage
from comments.models import Comment
stories = list(ArticlePage.objects.live().order_by("pk")[:2])
pairs = [(s, st) for s in stories for st in ("approved", "pending", "spam")]
for n, (story, status) in enumerate(pairs):
    Comment.objects.create(
        article=story, author_name=f"Reader {n}", author_email=f"r{n}@example.org",
        body=f"Comment {n}.", body_html=f"<p>Comment {n}.</p>", status=status,
        ip_address="203.0.113.9",
    )
"""

COUNTS = """
import json
from django.core.files.storage import default_storage
from wagtail.images.models import Image
from wagtail.models import Page
from comments.models import Comment
image = Image.objects.order_by("pk").first()
print(json.dumps({
    "pages": Page.objects.count(),
    "live_articles": Page.objects.live().filter(depth__gte=4).count(),
    "comments": Comment.objects.count(),
    "approved": Comment.objects.filter(status="approved").count(),
    "images": Image.objects.count(),
    "image_file": image.file.name,
}))
"""


@pytest.fixture
def databases(tmp_path) -> Iterator[list[str]]:
    """Two empty databases of the pass's kind: the site, and the one to restore into."""
    with scratch_databases(tmp_path, "site", "copy") as urls:
        yield urls


def counts(env: dict[str, str]) -> dict:
    return json.loads(manage("shell", "-c", COUNTS, env=env).strip().splitlines()[-1])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_demo_site_and_comments_survive_a_backup_and_a_restore_into_a_fresh_database(
    databases, tmp_path
):
    site_url, copy_url = databases
    backups = tmp_path / "backups"
    site = production_env(site_url, MEDIA_ROOT=str(tmp_path / "media"), BACKUP_DIR=str(backups))
    copy = production_env(copy_url, MEDIA_ROOT=str(tmp_path / "restored-media"))
    manage("migrate", "--noinput", "-v0", env=site, timeout=300)
    manage("load_demo", env=site, timeout=300)
    manage("shell", "-c", COMMENTS, env=site)
    before = counts(site)
    assert before["comments"] == 6 and before["images"] > 0 and before["live_articles"] > 0

    began = time.monotonic()
    output = manage("backup", env=site)
    (archive,) = backups.glob("newsroom-*.tar")
    assert str(archive) in output
    backed_up = time.monotonic()
    restored = manage("restore", str(archive), env=copy)
    finished = time.monotonic()
    print(
        f"\n{connection.vendor}: backup {backed_up - began:.1f} s, restore "
        f"{finished - backed_up:.1f} s ({archive.stat().st_size / 1e6:.1f} MB)"
    )
    assert "Restored " + archive.name in restored

    after = counts(copy)
    assert after == before
    image = before["image_file"]
    original, copied = tmp_path / "media" / image, tmp_path / "restored-media" / image
    assert copied.read_bytes() == original.read_bytes()
    assert sha256(copied) == sha256(original)

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
    assert manifest["database"] == connection.vendor
    assert manifest["counts"]["pages"] == before["pages"]
    assert f"media/{image}" in names
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    # Restoring again, over the copy that is now full, is refused and changes nothing.
    with pytest.raises(RuntimeError, match="is not empty"):
        manage("restore", str(archive), env=copy)
    assert counts(copy) == before


def test_backup_keeps_the_newest_archives_and_refuses_what_is_not_a_backup(databases, tmp_path):
    site_url, copy_url = databases
    backups = tmp_path / "backups"
    site = production_env(
        site_url, MEDIA_ROOT=str(tmp_path / "media"), BACKUP_DIR=str(backups), BACKUP_KEEP="2"
    )
    manage("migrate", "--noinput", "-v0", env=site, timeout=300)
    made = []
    for _ in range(3):
        manage("backup", env=site)
        made.append(max(backups.glob("newsroom-*.tar")))
    kept = sorted(backups.glob("newsroom-*.tar"))
    assert kept == made[1:]
    assert not list(backups.glob(".*partial"))
    assert all(re.fullmatch(r"newsroom-\d{8}T\d{12}Z\.tar", p.name) for p in kept)

    copy = production_env(copy_url, MEDIA_ROOT=str(tmp_path / "restored-media"))
    junk = tmp_path / "junk.tar"
    with tarfile.open(junk, "w") as tar:
        tar.add(__file__, arcname="notes.txt")
    with pytest.raises(RuntimeError, match="not a Newsroom backup"):
        manage("restore", str(junk), env=copy)
    with pytest.raises(RuntimeError, match="No such backup file"):
        manage("restore", str(tmp_path / "absent.tar"), env=copy)
    (tmp_path / "restored-media").mkdir()
    (tmp_path / "restored-media" / "keep.txt").write_text("an editor's file")
    with pytest.raises(RuntimeError, match="media folder .* is not empty"):
        manage("restore", str(kept[-1]), env=copy)
    assert (tmp_path / "restored-media" / "keep.txt").read_text() == "an editor's file"
    assert os.listdir(tmp_path / "restored-media") == ["keep.txt"]
