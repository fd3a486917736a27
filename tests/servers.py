"""Real servers for tests: gunicorn on production settings, and a private PostgreSQL cluster.

Tests that need the whole stack (a WSGI server, worker processes, a database that can be
stopped) use these instead of Django's test client. Everything runs as subprocesses on free
loopback ports and is torn down by the context managers, whatever the test's outcome.
`make bench` (bench/run/) starts and stops its servers with the same helpers.
"""

from __future__ import annotations

import base64
import contextlib
import glob
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

import altcha

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Variables of the test process that must not leak into a production-like server.
_SCRUB = (
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the Playwright tests; would hide real async bugs
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "REDIS_URL",
    "PAGE_CACHE",
    "DEBUG",
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(
    port: int,
    *,
    timeout: float = 30,
    process: subprocess.Popen | None = None,
    log: Path | None = None,
) -> None:
    """Block until something accepts connections on 127.0.0.1:port (or fail with its log)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{_tail(log)}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listening on port {port} after {timeout}s:\n{_tail(log)}")


def _tail(log: Path | None, lines: int = 40) -> str:
    if log is None or not log.exists():
        return ""
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    """Production settings over plain HTTP on loopback, with the page cache switched off."""
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings.production",
        DATABASE_URL=database_url,
        SECRET_KEY="served-test-" + "x" * 40,
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PAGE_CACHE="0",
        PYTHONUNBUFFERED="1",
        # Without REDIS_URL production shares a file cache between workers: one per server here.
        CACHE_DIR=tempfile.mkdtemp(prefix="newsroom-test-cache-"),
        # The tests play readers whose browser solved the proof of work (pow_solution below
        # solves it in Python): a cheap challenge; checking a solution costs the server the same.
        SAFETY_POW_MAX_NUMBER="2000",
    )
    env.update(extra)
    return env


def pow_solution(challenge: dict | str | bytes) -> str:
    """The comment form's `altcha` value for a challenge from /safety/pow/challenge/, solved as
    static/js/pow.js solves it in the reader's browser."""
    work = challenge if isinstance(challenge, dict) else json.loads(challenge)
    solution = altcha.solve_challenge(
        work["challenge"], work["salt"], work["algorithm"], work["maxNumber"]
    )
    return base64.b64encode(json.dumps({**work, "number": solution.number}).encode()).decode()


def manage(*args: str, env: dict[str, str], timeout: float = 120) -> str:
    """Run manage.py as a subprocess; its output is in the error if it fails."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def collect_static(env: dict[str, str], into: Path) -> dict[str, str]:
    """collectstatic into a temporary STATIC_ROOT: production's manifest storage needs one."""
    env = {**env, "STATIC_ROOT": str(into)}
    manage("collectstatic", "--noinput", "-v0", env=env)
    return env


def spawn(command: list[str], *, env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start a server in its own session (process group), its output appended to log.

    Its own group, so that stop() reaches every process it forks (gunicorn's workers) and a
    Ctrl-C in the terminal reaches only the caller, which then stops it in order.
    """
    with log.open("ab") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(process: subprocess.Popen, *, sig: int = signal.SIGTERM, timeout: float = 15) -> None:
    """Send sig to a spawned server's process group; SIGKILL the group after timeout."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@dataclass(frozen=True)
class Server:
    process: subprocess.Popen
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextlib.contextmanager
def serving(
    command: list[str],
    *,
    env: dict[str, str],
    log: Path,
    port: int,
    timeout: float = 30,
    stop_signal: int = signal.SIGTERM,
) -> Iterator[Server]:
    """Run a server that listens on 127.0.0.1:port until the block ends, whatever happens."""
    process = spawn(command, env=env, log=log)
    try:
        wait_for_port(port, timeout=timeout, process=process, log=log)
        yield Server(process, port)
    finally:
        stop(process, sig=stop_signal)


def gunicorn_server(
    env: dict[str, str],
    *,
    log: Path,
    workers: int = 2,
    options: list[str] | tuple[str, ...] = (),
    port: int | None = None,
    timeout: float = 30,
) -> contextlib.AbstractContextManager[Server]:
    """newsroom.wsgi under gunicorn (gunicorn.conf.py, then `options`) on a loopback port."""
    port = port or free_port()
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "newsroom.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        *options,
    ]
    # SIGINT is gunicorn's quick shutdown; TERM would wait for busy workers.
    return serving(command, env=env, log=log, port=port, timeout=timeout, stop_signal=signal.SIGINT)


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str], *, log: Path, workers: int = 2, threads: int = 4, timeout: float = 30
) -> Iterator[str]:
    """Serve newsroom.wsgi with gunicorn's threaded workers; yields the base URL."""
    options = [
        "--worker-class=gthread",
        f"--threads={threads}",
        "--backlog=1024",
        "--graceful-timeout=5",
        "--error-logfile=-",
    ]
    with gunicorn_server(env, log=log, workers=workers, options=options, timeout=timeout) as server:
        yield server.url


def postgres_bindir() -> Path | None:
    """The newest Debian PostgreSQL server binaries (initdb, pg_ctl), if installed."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists() and Path(candidate, "pg_ctl").exists():
            return Path(candidate)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and Path(found).with_name("initdb").exists() else None


class PrivatePostgres:
    """A throwaway PostgreSQL cluster in a temp dir, on a free port, that a test may stop.

    PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
    """

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.port = free_port()
        # Not under pytest's tmp_path: its parents are private to root, and postgres must reach it.
        self.root = Path(tempfile.mkdtemp(prefix="newsroom-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            shutil.chown(self.root, user=self.user)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/newsroom"

    def _run(self, *args: str, timeout: float = 60) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False, cwd=self.root
        )
        if result.returncode:
            raise RuntimeError(
                f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}\n{_tail(self.log)}"
            )

    def init(self) -> None:
        self._run(
            "initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync", "--no-instructions",
        )  # fmt: skip
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "newsroom")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self) -> None:
        """Fast shutdown: open sessions are cut off, as in a crash or a failover."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass(frozen=True)
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def cookies(self) -> dict[str, str]:
        jar: SimpleCookie = SimpleCookie()
        for line in self.headers.get_all("Set-Cookie") or []:
            jar.load(line)
        return {name: morsel.value for name, morsel in jar.items()}


def http_request(
    base_url: str,
    method: str,
    path: str,
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    source_address: tuple[str, int] | None = None,
    timeout: float = 30,
) -> Reply:
    """One request on a fresh connection, optionally bound to a local address."""
    host, port = base_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(
        host, int(port), timeout=timeout, source_address=source_address
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Reply(response.status, response.msg, response.read())
    finally:
        connection.close()
