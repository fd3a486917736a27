"""Playwright driving Debian's Chromium against pytest-django's live server."""

import os
import threading
import time
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls our tests make
# around it are ordinary blocking calls, so Django's async-safety guard must stand aside.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("NEWSROOM_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _close_leftover_tabs(browser, transactional_db):
    """After each test: close every tab it opened, then wait for the live server to finish
    what those tabs sent, before the database is flushed and the next test starts.

    Closing a tab is not the end of its traffic: the triage queue sends an undoable action on
    ``pagehide`` with ``keepalive``, and Wagtail's editor pings its editing session. On
    SQLite the live server's request threads share this thread's in-memory connection, so a
    request still running in the next test's set-up corrupts its transaction state (a purge
    test once failed with "on_commit() cannot be used in manual transaction management").
    """
    yield
    for context in list(browser.contexts):
        context.close()
    _wait_for_live_server_requests()


def _wait_for_live_server_requests(timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        busy = [t for t in threading.enumerate() if "process_request_thread" in t.name]
        for thread in busy:
            thread.join(max(0.0, deadline - time.monotonic()))
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= 0.3:  # a keepalive request has had time to land
            return
        time.sleep(0.05)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _restore_migrated_data(transactional_db):
    """Put back the data migrations made (root page, locale, groups) after an earlier flush.

    Django keeps that data on the connection object for serialized rollback. Playwright's
    sync API runs our code in a new greenlet, so Django hands it a new connection object
    without that copy, and serialized rollback silently restores nothing.
    """
    from django.db import connections
    from wagtail.models import Locale

    from tests.conftest import SERIALIZED

    connection = connections["default"]
    if SERIALIZED.get("default") and not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = SERIALIZED["default"]
    if not Locale.objects.exists():
        connection.creation.deserialize_db_from_string(SERIALIZED["default"])
