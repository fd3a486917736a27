"""What every phase of `make bench` shares: the pages it measures, the run's state, its results."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.servers import REPO, Reply, http_request

ROOT = REPO
HOST = "127.0.0.1"
SETTINGS = "newsroom.settings.bench"
PAGES = [  # (label, path); the section and story slugs come from bench.data
    ("Front page", "/"),
    ("Section, page 50", "/bench-africa/?page=50"),
    ("Article, 500 comments", "/bench-africa/bench-commented-story/"),
    ("Search 'ceasefire'", "/search/?q=ceasefire"),
    ("RSS feed", "/feed/"),
]
FLOOR = ("Floor (fixed 40 KB view)", "/bench/floor/")
ARTICLE_PATH = PAGES[2][1]
MODERATION_PATH = "/admin/snippets/comments/comment/?status=pending"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int = 0

    def cells(self) -> list[str]:
        errors = f" ({self.errors} errors)" if self.errors else ""
        return [f"{self.rps:,.0f}{errors}", f"{self.p50_ms:.1f}", f"{self.p99_ms:.1f}"]


@dataclass
class Results:
    queries: dict[int, dict[str, int]] = field(default_factory=dict)
    # Every cache emptied before each request (in-process): (queries, median ms) per page.
    empty_caches: dict[int, dict[str, tuple[int, float]]] = field(default_factory=dict)
    cold: dict[str, Load] = field(default_factory=dict)
    warm: dict[str, Load] = field(default_factory=dict)
    post_rate: float | None = None
    posts: tuple[int, int] = (0, 0)  # accepted, attempted
    moderation_ms: float | None = None
    pending: int = 0
    peak_rss_mb: float = 0.0
    varnish: Load | None = None
    nginx: Load | None = None
    # Why a measure has no figure ("varnish", "nginx"): a missing program, a failed phase.
    skipped: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    generate_seconds: dict[int, float] = field(default_factory=dict)


class Run:
    """One `make bench` run: its options, programs, environment, temporary files and results."""

    def __init__(self, args, tools: dict[str, str | None]) -> None:
        self.args = args
        self.tools = tools
        self.tmp = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
        self.tmp.chmod(0o755)  # nginx workers (not root) read the saved article from here
        self.results = Results()
        self.failed = False
        self.database_url = f"postgres://{args.pg_user}@{HOST}:{args.pg_port}/{args.database}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DATABASE_URL": self.database_url,
            "SECRET_KEY": "bench",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            "WEB_CONCURRENCY": str(args.workers),
            "REDIS_URL": f"redis://{HOST}:6379/{args.redis_db}",
            "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(self.tmp / "media"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LOG_LEVEL": "WARNING",
            "PAGE_CACHE": "0",
            # wrk sends every search from one address: the per-address limit on uncached
            # searches (a defence against abuse, not a cost) must not turn them into 429s.
            "SEARCH_RATE_LIMIT": "1000000000",
        }
        self.django_ready = False
        self.article_html: bytes | None = None  # as Varnish served it, for nginx to serve

    def command(
        self, args: list[str], env: dict[str, str] | None = None, **kwargs
    ) -> subprocess.CompletedProcess:
        """A program run to its end, its output on this terminal; a failure stops the phase."""
        return subprocess.run(  # noqa: S603 - fixed argument lists
            args, env=env or self.env, cwd=ROOT, check=True, **kwargs
        )

    def get(self, port: int, path: str) -> Reply:
        return http_request(f"http://{HOST}:{port}", "GET", path)

    def setup_django(self) -> None:
        """This process reads the bench database too (query counts, CAPTCHA answers)."""
        if self.django_ready:
            return
        os.environ.update(self.env)
        import django

        django.setup()
        self.django_ready = True

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """A phase that fails is noted in the report; the figures measured so far are kept."""
        log(name)
        try:
            yield
        except Exception as exc:  # any failure: report it, keep going with the next phase
            self.failed = True
            first_line = next(iter(str(exc).splitlines()), "")
            self.results.notes.append(f"{name} stopped: {type(exc).__name__}: {first_line}")
            log(f"{name} stopped: {type(exc).__name__}: {exc}")

    def cleanup(self) -> None:
        if self.django_ready:
            from django.db import connections

            connections.close_all()
        if not self.args.keep_temp:
            shutil.rmtree(self.tmp, ignore_errors=True)
