"""The programs `make bench` runs, found (or installed with apt-get) before anything starts.

PostgreSQL's client programs and Redis are needed for any figure: without them the run stops
at once, with a message. wrk, varnishd and nginx are needed only for some rows: missing ones
are installed as .ci/run installs its own (as root, with apt-get), and any still missing turn
their rows into "not measured" with the reason, instead of a traceback minutes into the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable

from .common import HOST, log

# program: (Debian package, what is not measured without it)
OPTIONAL = {
    "wrk": ("wrk", "the pages, the floor, Varnish and nginx under load"),
    "varnishd": ("varnish", "the article through Varnish"),
    "nginx": ("nginx", "the article as a static file from nginx"),
}
# Debian keeps varnishd and nginx in sbin, which a non-root PATH often lacks.
SBIN = os.pathsep.join(["/usr/local/sbin", "/usr/sbin", "/sbin"])


def search_path() -> str:
    return os.environ.get("PATH", os.defpath) + os.pathsep + SBIN


def find(names, path: str | None = None) -> dict[str, str | None]:
    """Each program's full path, or None; `path` is searched instead of PATH (+ sbin) if given."""
    path = search_path() if path is None else path
    return {name: shutil.which(name, path=path) for name in names}


def can_install() -> bool:
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def apt_install(packages: list[str], run: Callable = subprocess.run) -> None:
    log(f"installing {' '.join(packages)} with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        run(["apt-get", "update", "-qq"], env=env, check=True)
        run(["apt-get", "install", "-y", "-qq", *packages], env=env, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        log(f"apt-get failed ({exc}); the rows that need {', '.join(packages)} are skipped")


def optional_tools(
    *,
    install: bool,
    without: tuple[str, ...] = (),
    path: str | None = None,
    installer: Callable[[list[str]], None] = apt_install,
) -> dict[str, str | None]:
    """wrk, varnishd and nginx: found, installed if missing and allowed, or None.

    `without` makes the run behave as if a program were not installed (to try that path).
    """
    wanted = [name for name in OPTIONAL if name not in without]
    found = find(wanted, path)
    missing = [name for name, where in found.items() if where is None]
    if missing and install and can_install():
        installer(sorted({OPTIONAL[name][0] for name in missing}))
        found = find(wanted, path)
    return {name: found.get(name) for name in OPTIONAL}


def not_measured(name: str, without: tuple[str, ...] = ()) -> str:
    """The note for a row that could not be measured without `name`."""
    package, what = OPTIONAL[name]
    if name in without:
        return f"{name} left out (--without {name}): {what} not measured"
    return f"{name} not found (apt-get install {package}): {what} not measured"


def required_problems(*, reuse_database: bool, path: str | None = None) -> list[str]:
    """What stops the run before it starts: PostgreSQL's client programs, Redis."""
    needed = {"redis-cli": "redis-tools"}
    if not reuse_database:
        needed.update(dropdb="postgresql-client", createdb="postgresql-client")
    found = find(needed, path)
    problems = [
        f"{name} not found (apt-get install {needed[name]})"
        for name, where in found.items()
        if where is None
    ]
    if found["redis-cli"]:
        ping = subprocess.run(  # noqa: S603 - a fixed argument list
            [found["redis-cli"], "-h", HOST, "-p", "6379", "ping"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if ping.stdout.strip() != "PONG":
            problems.append(
                f"Redis does not answer on {HOST}:6379 (start it: "
                f"redis-server --daemonize yes --bind {HOST} --port 6379)"
            )
    return problems
