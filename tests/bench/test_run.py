"""The `make bench` runner without running the bench: its tool check, its phases' failure
handling and its report (bench/run/). The whole run is `scripts/bench.py --quick`."""

import argparse
import stat
from pathlib import Path

from bench.run import main as runner
from bench.run import tools
from bench.run.common import FLOOR, PAGES, Load, Run
from bench.run.load import parse_wrk
from bench.run.report import report


def fake_programs(folder: Path, *names: str) -> str:
    """A PATH holding only these (do-nothing) programs."""
    folder.mkdir(exist_ok=True)
    for name in names:
        program = folder / name
        program.write_text("#!/bin/sh\nexit 0\n")
        program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return str(folder)


def new_run(tmp_path, monkeypatch, found: dict, *argv: str) -> Run:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    return Run(runner.parse_args(["--quick", *argv]), found)


def test_a_missing_nginx_is_found_missing_and_never_installed_when_not_allowed(tmp_path):
    path = fake_programs(tmp_path / "bin", "wrk", "varnishd")

    def installer(packages):
        raise AssertionError(f"installed {packages}")

    found = tools.optional_tools(install=False, path=path, installer=installer)
    assert found == {"wrk": f"{path}/wrk", "varnishd": f"{path}/varnishd", "nginx": None}


def test_missing_programs_are_installed_with_apt_get_as_root(tmp_path, monkeypatch):
    path = fake_programs(tmp_path / "bin", "wrk")
    installed = []

    def installer(packages):
        installed.append(packages)
        fake_programs(tmp_path / "bin", "varnishd", "nginx")

    monkeypatch.setattr(tools, "can_install", lambda: True)
    found = tools.optional_tools(install=True, path=path, installer=installer)
    assert installed == [["nginx", "varnish"]]
    assert None not in found.values()


def test_apt_get_runs_update_then_install_and_a_failure_only_logs(monkeypatch, capsys):
    commands = []

    def fail_install(args, **kwargs):
        commands.append(args)
        if "install" in args:
            raise OSError("no network")

    tools.apt_install(["nginx"], run=fail_install)
    assert commands == [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "nginx"],
    ]
    assert "apt-get failed" in capsys.readouterr().err


def test_without_nginx_its_row_says_not_measured_and_every_other_figure_is_kept(
    tmp_path, monkeypatch
):
    path = fake_programs(tmp_path / "bin", "wrk", "varnishd")
    run = new_run(tmp_path, monkeypatch, tools.optional_tools(install=False, path=path))
    runner.note_missing_tools(run)
    results = run.results
    load = Load(rps=1000, p50_ms=2.0, p99_ms=9.0)
    for label, _ in [*PAGES, FLOOR]:
        results.cold[label] = results.warm[label] = load
    results.varnish = Load(rps=14_000, p50_ms=0.2, p99_ms=7.5)
    results.moderation_ms = 120.0

    text = report(results, run.args)

    assert "| Article through Varnish, req/s (p99 ms) | 14,000 (7.5) |" in text
    assert (
        "| Same HTML as a static file from nginx, req/s (p99 ms) | not measured (see Notes) |"
        in text
    )
    assert "- nginx not found (apt-get install nginx): the article as a static file" in text
    assert "| Article via Varnish ≥ 50% of nginx static | n/a | n/a |" in text
    assert "| Front page | 1,000 | 2.0 | 9.0 | 100.0% |" in text
    assert "| Moderation listing < 300 ms | 120 ms | met |" in text
    run.cleanup()


def test_without_wrk_no_load_is_measured_and_the_tables_say_why(tmp_path, monkeypatch):
    run = new_run(tmp_path, monkeypatch, {"wrk": None, "varnishd": "v", "nginx": "n"})
    runner.note_missing_tools(run)
    text = report(run.results, run.args)
    assert "\nwrk not found (apt-get install wrk): the pages, the floor" in text
    assert text.count("not measured (see Notes)") == 2
    run.cleanup()


def test_a_failed_phase_is_noted_and_the_next_one_still_runs(tmp_path, monkeypatch):
    run = new_run(tmp_path, monkeypatch, {"wrk": "w", "varnishd": "v", "nginx": "n"})
    run.results.moderation_ms = 150.0
    with run.phase("Varnish"):
        raise FileNotFoundError(2, "No such file or directory", "/usr/sbin/varnishd")
    with run.phase("nginx"):
        run.results.nginx = Load(rps=15_000, p50_ms=0.1, p99_ms=7.0)
    assert run.failed
    text = report(run.results, run.args)
    assert "- Varnish stopped: FileNotFoundError: [Errno 2] No such file or directory" in text
    assert "| Same HTML as a static file from nginx, req/s (p99 ms) | 15,000 (7.0) |" in text
    assert "| Moderation listing, 0 pending (median of 7) | 150 ms |" in text
    run.cleanup()


def test_the_run_stops_at_once_when_redis_or_postgresql_tools_are_missing(tmp_path):
    problems = tools.required_problems(reuse_database=False, path=str(tmp_path))
    assert [p.split(" ")[0] for p in problems] == ["redis-cli", "dropdb", "createdb"]


def test_quick_is_a_tiny_run_of_every_phase_and_options_still_win():
    quick = runner.parse_args(["--quick", "--articles", "50"])
    assert (quick.articles, quick.small_articles, quick.duration, quick.posts) == (50, 20, 2, 20)
    full = runner.parse_args([])
    assert (full.articles, full.comments, full.pending, full.duration) == (
        10_000,
        200_000,
        100_000,
        10,
    )
    assert isinstance(full, argparse.Namespace)


def test_wrk_figures_are_read_in_milliseconds():
    out = """Running 2s test @ http://127.0.0.1:8765/
  Latency Distribution
     50%  812.00us
     75%    1.20ms
     90%    2.50ms
     99%    1.02s
  2000 requests in 2.00s, 80.00MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 4
Requests/sec:   1000.50
"""
    assert parse_wrk(out) == Load(rps=1000.5, p50_ms=0.812, p99_ms=1020.0, errors=7)
