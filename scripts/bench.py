#!/usr/bin/env python
"""`make bench`: the production stack on this machine under load, printed as Markdown tables.

What it does, in order (every process it starts is stopped at the end, also on Ctrl-C):

1. A fresh PostgreSQL database (``newsroom_bench``: dropdb/createdb), migrated, static files
   collected into a temporary directory (production's manifest storage needs them).
2. ``generate_bench_data`` with 1,000 articles; SQL queries per uncached request are counted
   in this process (Django test client + CaptureQueriesContext, page cache off). Then the
   data set grows to 10,000 articles, 200,000 approved and 100,000 pending comments (extra
   to the approved ones) and the queries are counted again: they must not grow.
3. gunicorn with production settings, ``WEB_CONCURRENCY=2``, Redis cache, page cache off
   (cold), then on (warm, every URL requested once first). wrk on loopback (``-t2 -c16
   -d10s --latency``) gives requests/s, p50, p99 for each page and for the framework floor
   (``/bench/floor/``: a fixed 40 KB page through the same middleware, no database).
4. Comment POSTs/s: challenges fetched first, their answers read from the database (the
   benchmark plays a reader who solved the image), the minimum fill time waited out once,
   then all posts sent by 16 concurrent clients. The flood limit stays on: each post comes
   from its own loopback source address (127.0.1.x, 127.0.2.x...) and its own email.
5. The moderation queue (Wagtail admin comment listing, filtered to pending) with 100,000+
   pending comments, signed in as a superuser over HTTP: median of 7 requests.
6. Peak RSS (VmHWM) of the gunicorn workers.
7. An article through Varnish (deploy/varnish/default.vcl) against nginx serving the same
   HTML as a static file: the physical limit on this machine.

Targets are computed from the measured numbers (ratios within the same run).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import http.cookiejar
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
HOST = "127.0.0.1"
PAGES = [  # (label, path); the section and story slugs come from articles.bench_data
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
    notes: list[str] = field(default_factory=list)
    generate_seconds: dict[int, float] = field(default_factory=dict)


class Processes:
    """Everything started here, stopped in reverse order whatever happens."""

    def __init__(self) -> None:
        self.running: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, args: list[str], env: dict, log_path: Path) -> subprocess.Popen:
        with open(log_path, "ab") as out:  # the child keeps its own copy of the descriptor
            proc = subprocess.Popen(  # noqa: S603 - fixed argument lists
                args,
                env=env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.running.append((name, proc))
        return proc

    def stop(self, proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)  # its own session: it and its workers
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.running = [(n, p) for n, p in self.running if p is not proc]

    def stop_all(self) -> None:
        for _, proc in reversed(list(self.running)):
            self.stop(proc)


def run(args: list[str], env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, cwd=ROOT, check=True, **kwargs)  # noqa: S603


def wait_http(port: int, path: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, _, _ = http_get(port, path)
            if status < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"Nothing answered on {HOST}:{port}{path} after {timeout:.0f} s")


def http_get(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk(port: int, path: str, args) -> Load:
    """wrk's requests/s and latency percentiles for one URL."""
    out = run(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--timeout=10s",  # wrk's default 2 s would cut slow pages' latency off as errors
            "--latency",
            f"http://{HOST}:{port}{path}",
        ],
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    percentile = {
        p: float(value) * UNITS[unit]
        for p, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
    }
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return Load(rps=rps, p50_ms=percentile["50"], p99_ms=percentile["99"], errors=errors)


def worker_peak_rss_mb(master_pid: int) -> float:
    """Largest VmHWM (peak resident set) among the gunicorn master's worker processes."""
    peak = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # pid (comm) state ppid ...: split after the command name, which may hold spaces
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if ppid != master_pid:
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, IndexError, ValueError):
            continue
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        if match:
            peak = max(peak, int(match.group(1)))
    return peak / 1024


class Bench:
    def __init__(self, args) -> None:
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
        self.tmp.chmod(0o755)  # nginx workers (not root) read the saved article from here
        self.procs = Processes()
        self.results = Results()
        self.database_url = f"postgres://{args.pg_user}@{HOST}:{args.pg_port}/{args.database}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings.production",
            "DATABASE_URL": self.database_url,
            "SECRET_KEY": "bench",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            "WEB_CONCURRENCY": str(args.workers),
            "REDIS_URL": f"redis://{HOST}:6379/{args.redis_db}",
            "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(self.tmp / "media"),
            "BENCH_FLOOR_VIEW": "1",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LOG_LEVEL": "WARNING",
            "PAGE_CACHE": "0",
            # wrk sends every search from one address: the per-address limit on uncached
            # searches (a defence against abuse, not a cost) must not turn them into 429s.
            "SEARCH_RATE_LIMIT": "1000000000",
        }
        self.django_ready = False

    # -- database ---------------------------------------------------------------------------
    def fresh_database(self) -> None:
        pg = {**os.environ, "PGHOST": HOST, "PGPORT": str(self.args.pg_port)}
        pg["PGUSER"] = self.args.pg_user
        log(f"fresh database {self.args.database}")
        run(["dropdb", "--if-exists", "--force", self.args.database], env=pg)
        run(["createdb", self.args.database], env=pg)
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env=self.env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env=self.env)

    def generate(self, articles: int, comments: int, pending: int) -> None:
        log(f"generate_bench_data --articles {articles} --comments {comments} --pending {pending}")
        started = time.monotonic()
        run(
            [
                PYTHON,
                "manage.py",
                "generate_bench_data",
                f"--articles={articles}",
                f"--comments={comments}",
                f"--pending={pending}",
                f"--people={self.args.people}",
            ],
            env=self.env,
        )
        self.results.generate_seconds[articles] = time.monotonic() - started

    def setup_django(self) -> None:
        """This process reads the bench database too (query counts, CAPTCHA answers)."""
        if self.django_ready:
            return
        os.environ.update(self.env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        self.django_ready = True

    def count_queries(self, articles: int) -> None:
        self.setup_django()
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        connection.close()  # the data set just changed under a possibly open connection
        client = Client(HTTP_HOST=HOST)
        counts = {}
        for label, path in PAGES:
            first = client.get(path)  # builds image renditions and Wagtail's own caches
            if first.status_code != 200:
                raise RuntimeError(f"{path} answered {first.status_code}")
            client.get(path)  # the first render may store image data, which renews the caches
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            counts[label] = len(queries)
        self.results.queries[articles] = counts
        log(f"queries at {articles} articles: {counts}")
        self.render_with_empty_caches(client, articles)

    def render_with_empty_caches(self, client, articles: int) -> None:
        """The worst case behind the cold figures: every cache (fragments, object caches,
        Wagtail's own) emptied before each request, as right after a purge of everything."""
        import statistics
        import time

        from django.core.cache import caches
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for label, path in PAGES:
            timings, count = [], 0
            for _ in range(10):
                for cache in caches.all():
                    cache.clear()
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    client.get(path)
                    timings.append((time.perf_counter() - started) * 1000)
                count = len(queries)
            self.results.empty_caches.setdefault(articles, {})[label] = (
                count,
                statistics.median(timings),
            )
        log(f"with every cache empty at {articles} articles: {self.results.empty_caches[articles]}")

    # -- servers ----------------------------------------------------------------------------
    def flush_redis(self) -> None:
        run(["redis-cli", "-h", HOST, "-n", str(self.args.redis_db), "FLUSHDB"], stdout=-3)

    def start_gunicorn(self, page_cache: bool) -> subprocess.Popen:
        self.flush_redis()
        env = {**self.env, "PAGE_CACHE": "1" if page_cache else "0"}
        port = self.args.port
        proc = self.procs.start(
            "gunicorn",
            [
                GUNICORN,
                *(["--config=gunicorn.conf.py"] if (ROOT / "gunicorn.conf.py").exists() else []),
                "newsroom.wsgi:application",
                f"--bind={HOST}:{port}",
                f"--workers={self.args.workers}",
                "--access-logfile=-" if self.args.access_log else "--error-logfile=-",
            ],
            env,
            self.tmp / "gunicorn.log",
        )
        wait_http(port, FLOOR[1])
        return proc

    def measure_pages(self, page_cache: bool) -> None:
        target = self.results.warm if page_cache else self.results.cold
        proc = self.start_gunicorn(page_cache)
        port = self.args.port
        try:
            for label, path in [*PAGES, FLOOR]:
                for _ in range(2):  # warm the page cache / renditions / connections first
                    status, headers, _ = http_get(port, path)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}")
                if page_cache and label != FLOOR[0] and headers.get("X-Page-Cache") != "hit":
                    self.results.notes.append(
                        f"{label}: no page-cache hit before the warm run "
                        f"(X-Page-Cache: {headers.get('X-Page-Cache', 'absent')})"
                    )
                target[label] = wrk(port, path, self.args)
                # Sampled after each run: gunicorn's max_requests recycles workers under load.
                rss = worker_peak_rss_mb(proc.pid)
                self.results.peak_rss_mb = max(self.results.peak_rss_mb, rss)
                log(f"{'warm' if page_cache else 'cold'} {label}: {target[label]}")
            if page_cache:
                self.comment_posts()
                self.moderation_listing()
                self.varnish_and_nginx()
        finally:
            self.results.peak_rss_mb = max(self.results.peak_rss_mb, worker_peak_rss_mb(proc.pid))
            self.procs.stop(proc)

    # -- comment POSTs ----------------------------------------------------------------------
    def comment_posts(self) -> None:
        self.setup_django()
        from captcha.models import CaptchaStore
        from django.conf import settings
        from django.db import connection

        from articles.models import ArticlePage

        connection.close()
        article = ArticlePage.objects.get(slug="bench-commented-story")
        port, total = self.args.port, self.args.posts
        log(f"{total} comment POSTs, {self.args.connections} at a time")
        forms = []
        for n in range(total):
            status, headers, body = http_get(port, "/comments/challenge/")
            if status != 200:
                raise RuntimeError(f"challenge answered {status}")
            challenge = json.loads(body)
            cookie = headers.get("Set-Cookie", "").split(";")[0]
            answer = CaptchaStore.objects.get(hashkey=challenge["key"]).response
            forms.append(
                (
                    f"127.0.{1 + n // 250}.{1 + n % 250}",  # the flood limit is per address
                    cookie,
                    urllib.parse.urlencode(
                        {
                            "csrfmiddlewaretoken": challenge["csrf_token"],
                            "author_name": f"Bench reader {n}",
                            "author_email": f"reader{n}@bench.example.org",
                            "body": f"Comment {n} from the benchmark: the talks go on, and "
                            f"the reader has something new to say about round {n}.",
                            "website": "",
                            "started": challenge["started"],
                            "token": challenge["token"],
                            "captcha_0": challenge["key"],
                            "captcha_1": answer,
                        }
                    ),
                )
            )
        time.sleep(settings.COMMENTS_MIN_FILL_SECONDS + 0.5)  # a reader takes time to write
        post_path = f"/comments/{article.pk}/"

        def post(form) -> bool:
            source, cookie, body = form
            conn = http.client.HTTPConnection(HOST, port, timeout=30, source_address=(source, 0))
            try:
                conn.request(
                    "POST",
                    post_path,
                    body=body,
                    headers={
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Cookie": cookie,
                    },
                )
                response = conn.getresponse()
                response.read()
                return response.status == 302 and "comment=pending" in response.getheader(
                    "Location", ""
                )
            finally:
                conn.close()

        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(self.args.connections) as pool:
            accepted = sum(pool.map(post, forms))
        elapsed = time.perf_counter() - started
        self.results.posts = (accepted, total)
        self.results.post_rate = accepted / elapsed
        log(f"{accepted}/{total} comments accepted in {elapsed:.2f} s")

    # -- moderation -------------------------------------------------------------------------
    def moderation_listing(self) -> None:
        self.setup_django()
        from django.contrib.auth import get_user_model
        from django.db import connection

        from comments.models import Comment

        connection.close()
        password = os.urandom(12).hex()
        user_model = get_user_model()
        user_model.objects.filter(username="bench-moderator").delete()
        user_model.objects.create_superuser("bench-moderator", "bench@example.org", password)
        self.results.pending = Comment.objects.in_moderation().count()
        base = f"http://{HOST}:{self.args.port}"
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.open(f"{base}/admin/login/").read()
        csrf = next(c.value for c in jar if c.name == "csrftoken")
        login = urllib.parse.urlencode(
            {"username": "bench-moderator", "password": password, "csrfmiddlewaretoken": csrf}
        ).encode()
        signin = urllib.request.Request(f"{base}/admin/login/", data=login)  # noqa: S310 - http
        opener.open(signin).read()
        if not any(c.name == "sessionid" for c in jar):
            raise RuntimeError("Could not sign in to the Wagtail admin")
        timings = []
        for n in range(8):
            started = time.perf_counter()
            with opener.open(f"{base}{MODERATION_PATH}") as response:
                page = response.read()
                status = response.status
            if n:  # the first request warms the worker
                timings.append((time.perf_counter() - started) * 1000)
            if status != 200 or b"bench" not in page.lower():
                raise RuntimeError(f"moderation listing answered {status}")
        self.results.moderation_ms = statistics.median(timings)
        log(f"moderation listing: median {self.results.moderation_ms:.0f} ms")

    # -- Varnish and nginx ------------------------------------------------------------------
    def varnish_and_nginx(self) -> None:
        vcl_source = ROOT / "deploy" / "varnish" / "default.vcl"
        if not vcl_source.exists():
            self.results.notes.append("deploy/varnish/default.vcl missing: Varnish not measured")
            return
        port, vport, nport = self.args.port, self.args.varnish_port, self.args.nginx_port
        vcl = vcl_source.read_text()
        # Point the VCL's backend at this run's gunicorn.
        vcl = re.sub(r'(\.host\s*=\s*)"[^"]*"', rf'\1"{HOST}"', vcl, count=1)
        vcl = re.sub(r'(\.port\s*=\s*)"[^"]*"', rf'\1"{port}"', vcl, count=1)
        (self.tmp / "default.vcl").write_text(vcl)
        varnish = self.procs.start(
            "varnishd",
            [
                shutil.which("varnishd") or "/usr/sbin/varnishd",
                "-F",
                "-j",
                "none",
                "-a",
                f"{HOST}:{vport}",
                "-f",
                str(self.tmp / "default.vcl"),
                "-n",
                str(self.tmp / "varnish"),
                "-s",
                "malloc,256m",
            ],
            self.env,
            self.tmp / "varnish.log",
        )
        try:
            wait_http(vport, ARTICLE_PATH)
            for _ in range(3):
                status, headers, html = http_get(vport, ARTICLE_PATH)
            if status != 200:
                raise RuntimeError(f"Varnish answered {status}")
            self.results.varnish = wrk(vport, ARTICLE_PATH, self.args)
            log(f"varnish article: {self.results.varnish} (Age {headers.get('Age')})")
        finally:
            self.procs.stop(varnish)
        root = self.tmp / "nginx"
        (root / "html").mkdir(parents=True, exist_ok=True)
        (root / "html" / "article.html").write_bytes(html)
        (root / "nginx.conf").write_text(
            f"""worker_processes {self.args.workers};
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    server {{
        listen {HOST}:{nport};
        root {root}/html;
        location / {{ default_type text/html; }}
    }}
}}
"""
        )
        nginx = self.procs.start(
            "nginx",
            [
                shutil.which("nginx") or "/usr/sbin/nginx",
                "-p",
                str(root),
                "-e",
                str(root / "error.log"),
                "-c",
                str(root / "nginx.conf"),
                "-g",
                "daemon off;",
            ],
            self.env,
            self.tmp / "nginx.log",
        )
        try:
            wait_http(nport, "/article.html")
            status, _, body = http_get(nport, "/article.html")
            if status != 200 or body != html:
                raise RuntimeError(f"nginx answered {status} for the saved article")
            self.results.nginx = wrk(nport, "/article.html", self.args)
            log(f"nginx static article: {self.results.nginx}")
        finally:
            self.procs.stop(nginx)

    # -- the whole run ----------------------------------------------------------------------
    def run(self) -> Results:
        args = self.args
        if not args.reuse_database:
            self.fresh_database()
            small = args.small_articles
            self.generate(small, args.comments * small // args.articles, 0)
            self.count_queries(small)
            self.generate(args.articles, args.comments, args.pending)
        self.count_queries(args.articles)
        self.measure_pages(page_cache=False)
        self.measure_pages(page_cache=True)
        return self.results

    def cleanup(self) -> None:
        self.procs.stop_all()
        if self.django_ready:
            from django.db import connections

            connections.close_all()
        if not self.args.keep_temp:
            shutil.rmtree(self.tmp, ignore_errors=True)


# -- report -----------------------------------------------------------------------------------
def ratio(value: float | None, of: float | None) -> float | None:
    return value / of if value is not None and of else None


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def report(results: Results, args) -> str:
    lines = []
    floor_cold, floor_warm = results.cold.get(FLOOR[0]), results.warm.get(FLOOR[0])
    lines += [
        f"### Pages: {args.connections} concurrent clients, {args.duration} s each "
        f"(wrk -t{args.threads} -c{args.connections} --latency)",
        "",
        "| Page | Cold req/s | Cold p50 ms | Cold p99 ms | Cold / floor "
        "| Warm req/s | Warm p50 ms | Warm p99 ms | Warm / floor |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for label, _ in [*PAGES, FLOOR]:
        cold, warm = results.cold.get(label), results.warm.get(label)
        row = [label]
        row += cold.cells() if cold else ["–"] * 3
        row.append(pct(ratio(cold and cold.rps, floor_cold and floor_cold.rps)))
        row += warm.cells() if warm else ["–"] * 3
        row.append(pct(ratio(warm and warm.rps, floor_warm and floor_warm.rps)))
        lines.append("| " + " | ".join(row) + " |")
    sizes = sorted(results.queries)
    lines += [
        "",
        "### SQL queries per uncached request",
        "",
        "| Page | " + " | ".join(f"{n:,} articles" for n in sizes) + " |",
        "|---|" + "--:|" * len(sizes),
    ]
    for label, _ in PAGES:
        counts = [str(results.queries[n].get(label, "–")) for n in sizes]
        lines.append(f"| {label} | " + " | ".join(counts) + " |")
    if results.empty_caches:
        empty_sizes = sorted(results.empty_caches)
        lines += [
            "",
            "### Every cache empty (in-process, one request at a time, median of 10)",
            "",
            "Cold runs above switch the whole-page cache off; the article's Wagtail template",
            "fragments and the object caches stay on, as after a purge of one page. Here every",
            "cache is emptied before each request, as after a purge of everything.",
            "",
            "| Page | "
            + " | ".join(f"Queries, {n:,} articles" for n in empty_sizes)
            + f" | ms, {empty_sizes[-1]:,} articles |",
            "|---|" + "--:|" * (len(empty_sizes) + 1),
        ]
        for label, _ in PAGES:
            counts = [str(results.empty_caches[n].get(label, ("–", 0))[0]) for n in empty_sizes]
            ms = results.empty_caches[empty_sizes[-1]].get(label, (0, 0.0))[1]
            lines.append(f"| {label} | " + " | ".join(counts) + f" | {ms:.1f} |")
    accepted, attempted = results.posts
    lines += [
        "",
        "### Writes, moderation, memory, edge",
        "",
        "| Measure | Value |",
        "|---|--:|",
        f"| Comment POSTs/s ({accepted}/{attempted} accepted, {args.connections} clients) | "
        + (f"{results.post_rate:.1f}" if results.post_rate is not None else "n/a")
        + " |",
        f"| Moderation listing, {results.pending:,} pending (median of 7) | "
        + (f"{results.moderation_ms:.0f} ms" if results.moderation_ms is not None else "n/a")
        + " |",
        f"| Peak RSS of a gunicorn worker | {results.peak_rss_mb:.0f} MB |",
    ]
    if results.varnish and results.nginx:
        lines += [
            f"| Article through Varnish, req/s (p99 ms) | {results.varnish.rps:,.0f} "
            f"({results.varnish.p99_ms:.1f}) |",
            f"| Same HTML as a static file from nginx, req/s (p99 ms) | "
            f"{results.nginx.rps:,.0f} ({results.nginx.p99_ms:.1f}) |",
            f"| Varnish / nginx | {pct(ratio(results.varnish.rps, results.nginx.rps))} |",
        ]
    lines += ["", "### Targets", "", "| Target | Measured | Met |", "|---|--:|:-:|"]

    def target(name: str, measured: str, met: bool | None) -> None:
        verdict = "n/a" if met is None else ("met" if met else "**not met**")
        lines.append(f"| {name} | {measured} | {verdict} |")

    floor_rps = floor_warm.rps if floor_warm else None
    for label, _ in PAGES:
        warm = results.warm.get(label)
        share = ratio(warm and warm.rps, floor_rps)
        target(f"Warm {label} ≥ 50% of floor", pct(share), None if share is None else share >= 0.5)
    article = results.cold.get(PAGES[2][0])
    share = ratio(article and article.rps, floor_cold and floor_cold.rps)
    target("Uncached article ≥ 6% of floor", pct(share), None if share is None else share >= 0.06)
    target(
        f"Uncached article p99 < 100 ms at {args.connections} clients",
        f"{article.p99_ms:.1f} ms" if article else "n/a",
        None if article is None else article.p99_ms < 100,
    )
    if len(sizes) >= 2:
        small, large = results.queries[sizes[0]], results.queries[sizes[-1]]
        grown = [label for label, _ in PAGES if large.get(label, 0) > small.get(label, 0)]
        empty = [results.empty_caches.get(n, {}) for n in (sizes[0], sizes[-1])]
        grown += [
            f"{label} (every cache empty)"
            for label, _ in PAGES
            if empty[1].get(label, (0,))[0] > empty[0].get(label, (0,))[0]
        ]
        target(
            "Query counts flat in data size",
            "grew: " + ", ".join(grown) if grown else "flat",
            not grown,
        )
    target(
        "Moderation listing < 300 ms",
        f"{results.moderation_ms:.0f} ms" if results.moderation_ms is not None else "n/a",
        None if results.moderation_ms is None else results.moderation_ms < 300,
    )
    share = ratio(results.varnish and results.varnish.rps, results.nginx and results.nginx.rps)
    target(
        "Article via Varnish ≥ 50% of nginx static",
        pct(share),
        None if share is None else share >= 0.5,
    )
    if results.notes:
        lines += ["", "Notes:", ""] + [f"- {note}" for note in results.notes]
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} CPUs ({cpu}), {mem:.0f} GB RAM"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--small-articles", type=int, default=1_000)
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--pending", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--posts", type=int, default=400, help="comment POSTs to time")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="WEB_CONCURRENCY")
    parser.add_argument("--database", default="newsroom_bench")
    parser.add_argument("--pg-user", default=os.environ.get("PGUSER", "root"))
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--redis-db", type=int, default=7)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--varnish-port", type=int, default=8766)
    parser.add_argument("--nginx-port", type=int, default=8767)
    parser.add_argument(
        "--reuse-database", action="store_true", help="skip dropdb/createdb and generation"
    )
    parser.add_argument("--keep-temp", action="store_true")
    parser.add_argument("--access-log", action="store_true")
    args = parser.parse_args()

    bench = Bench(args)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = datetime.now(UTC)
    try:
        results = bench.run()
    except KeyboardInterrupt:
        log("interrupted; stopping servers")
        return 130
    finally:
        bench.cleanup()
    print(f"## Benchmark, {started:%Y-%m-%d %H:%M} UTC\n")
    print(f"Machine: {machine()}. Command: `make bench` (scripts/bench.py).")
    print(
        f"Data: {args.articles:,} articles, {args.comments:,} approved + {args.pending:,} "
        f"pending comments, {args.people} people; gunicorn WEB_CONCURRENCY={args.workers}, "
        "PostgreSQL, Redis.\n"
    )
    print(report(results, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
