"""Load on one URL with wrk, and the memory the gunicorn workers reached."""

from __future__ import annotations

import re
from pathlib import Path

from .common import HOST, Load, Run

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk(run: Run, port: int, path: str) -> Load:
    """wrk's requests/s and latency percentiles for one URL."""
    args = run.args
    out = run.command(
        [
            run.tools["wrk"],
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
    return parse_wrk(out)


def parse_wrk(out: str) -> Load:
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
