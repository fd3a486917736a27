"""`make run` as a newcomer gets it: the dev server sees what other processes change at once,
links carry the address it serves, and a missing page is the site's own 404 page."""

import os
import subprocess
import textwrap
import urllib.error
import urllib.request
from pathlib import Path

from tests.servers import PYTHON, REPO, free_port, manage, serving

SCRUB = ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")


def dev_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUB}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'dev.sqlite3'}",
        CACHE_DIR=str(tmp_path / "cache"),
        MEDIA_ROOT=str(tmp_path / "media"),
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def shell(code: str, env: dict[str, str]) -> str:
    return manage("shell", "-c", textwrap.dedent(code), env=env)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


SETUP = """
from articles.services import ensure_home_page
from tests.factories import ArticlePageFactory, SectionPageFactory
home = ensure_home_page()
section = SectionPageFactory(parent=home, title="Diplomacy", slug="diplomacy")
ArticlePageFactory(parent=section, title="Talks resume in the capital", slug="talks")
"""

RENAME = """
from articles.models import ArticlePage
story = ArticlePage.objects.get(slug="talks")
story.title = "Talks collapse in the capital"
story.save_revision().publish()
"""

SCHEDULE = """
from datetime import timedelta
from django.utils import timezone
from articles.models import ArticlePage, SectionPage
section = SectionPage.objects.get(slug="diplomacy")
story = section.add_child(instance=ArticlePage(
    title="Envoy lands at dawn", slug="envoy", lead="She landed.", live=False))
story.save_revision(approved_go_live_at=timezone.now() - timedelta(seconds=1))
"""


def test_dev_server_shows_other_processes_changes_and_its_own_address(tmp_path):
    port = free_port()
    env = dev_env(tmp_path, WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}")
    manage("migrate", "--noinput", "-v0", env=env)
    shell(SETUP, env)
    command = [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    with serving(command, env=env, log=tmp_path / "runserver.log", port=port) as server:
        story_url = f"{server.url}/diplomacy/talks/"
        assert "Talks resume in the capital" in get(story_url)[1]
        assert "Talks resume in the capital" in get(server.url + "/")[1]  # both now cached

        shell(RENAME, env)  # `manage.py shell` in another terminal
        assert "Talks collapse in the capital" in get(story_url)[1]
        assert "Talks collapse in the capital" in get(server.url + "/")[1]

        shell(SCHEDULE, env)
        assert "Envoy lands at dawn" not in get(server.url + "/")[1]
        manage("publish_scheduled", env=env)  # the cron job
        assert "Envoy lands at dawn" in get(server.url + "/")[1]

        # The Wagtail Site has the address this server answers at: links work as printed.
        html = get(story_url)[1]
        assert f'<link rel="canonical" href="http://127.0.0.1:{port}/diplomacy/talks/">' in html
        assert (
            f"<loc>http://127.0.0.1:{port}/diplomacy/talks/</loc>"
            in get(server.url + "/sitemap.xml")[1]
        )

        # DEBUG is on, yet a missing page is the site's own 404, not the URL pattern list.
        for path in ("/no-such-story/", "/diplomacy/no/such.txt"):
            status, html = get(server.url + path)
            assert status == 404
            assert "Page not found" in html and "URLconf" not in html, path


def test_make_run_gives_the_demo_site_the_address_it_serves(tmp_path):
    """`make run PORT=8123` (and `make demo`) run manage.py with WAGTAILADMIN_BASE_URL set to
    the port's address, which load_demo gives the Wagtail Site. Checked with a stand-in python
    that prints what manage.py would be given, so nothing is installed or served."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    fake = venv / "bin" / "python"
    fake.write_text('#!/bin/sh\necho "$* WAGTAILADMIN_BASE_URL=$WAGTAILADMIN_BASE_URL"\n')
    fake.chmod(0o755)
    for marker in (".installed",):
        (venv / marker).touch()
    env = {k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"}
    result = subprocess.run(
        ["make", "--no-print-directory", "demo", "PORT=8123", f"VENV={venv}", f"BIN={venv}/bin"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "load_demo WAGTAILADMIN_BASE_URL=http://127.0.0.1:8123" in result.stdout
    # An address the developer set wins.
    env["WAGTAILADMIN_BASE_URL"] = "https://news.example.org"
    result = subprocess.run(
        ["make", "--no-print-directory", "demo", "PORT=8123", f"VENV={venv}", f"BIN={venv}/bin"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "load_demo WAGTAILADMIN_BASE_URL=https://news.example.org" in result.stdout
