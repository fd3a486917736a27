"""Scratch databases for tests that drive manage.py and servers as subprocesses: SQLite files
in the SQLite pass, new databases on the suite's PostgreSQL server in the PostgreSQL pass."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg2
from django.db import connection


def postgres_url(name: str) -> str:
    s = connection.settings_dict
    auth = quote(s["USER"] or "", safe="")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"], safe="")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def _admin(sql: str) -> None:
    s = connection.settings_dict
    admin = psycopg2.connect(
        dbname="postgres",
        user=s["USER"] or None,
        password=s.get("PASSWORD") or None,
        host=s["HOST"] or "127.0.0.1",
        port=s["PORT"] or 5432,
    )
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(sql)
    finally:
        admin.close()


@contextlib.contextmanager
def scratch_databases(folder: Path, *roles: str) -> Iterator[list[str]]:
    """One empty database per role, of the pass's kind; dropped afterwards."""
    if connection.vendor != "postgresql":
        yield [f"sqlite:///{folder / f'{role}.sqlite3'}" for role in roles]
        return
    names = [f"newsroom_scratch_{uuid.uuid4().hex[:8]}_{role}" for role in roles]
    for name in names:
        _admin(f'CREATE DATABASE "{name}"')
    try:
        yield [postgres_url(name) for name in names]
    finally:
        for name in names:
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(database_url: str, sql: str, *params: object) -> list[tuple]:
    """Read a scratch database directly (PostgreSQL or SQLite), as a test may."""
    if database_url.startswith("sqlite:///"):
        import sqlite3

        db = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        try:
            return db.execute(sql.replace("%s", "?"), params).fetchall()
        finally:
            db.close()
    with psycopg2.connect(database_url) as db, db.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    db.close()
    return rows
