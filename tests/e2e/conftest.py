"""Browser journeys: Playwright for Python driving Debian's Chromium, never a downloaded browser."""

import os
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API keeps an event loop in the test thread; the test's own ORM
# calls (fixtures, assertions) are synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session", autouse=True)
def one_request_at_a_time_on_a_shared_connection():
    """On SQLite the test database is in memory, and Django's live server gives every request
    thread the one connection the tests use. A page's concurrent requests (autocomplete,
    autosave, the form's POST) then interleave their savepoints on it and fail ("no such
    savepoint", a 500 in the full run). Such a server answers one request at a time; a server
    on PostgreSQL, with a connection per thread, is left concurrent."""
    from django.test.testcases import LiveServerThread

    original = LiveServerThread._create_server

    def create_server(self, connections_override=None):
        server = original(self, connections_override=connections_override)
        if connections_override:
            lock = threading.Lock()
            set_app = server.set_app

            def set_locked_app(app):
                def locked(environ, start_response):
                    with lock:
                        result = app(environ, start_response)
                        try:
                            return list(result)
                        finally:
                            if hasattr(result, "close"):
                                result.close()

                set_app(locked)

            server.set_app = set_locked_app
        return server

    LiveServerThread._create_server = create_server
    yield
    LiveServerThread._create_server = original


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: browser journeys skipped (apt-get install chromium)."
        if os.environ.get("NEWSROOM_REQUIRE_E2E") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page_factory(browser):
    """New isolated browser contexts (one per user), closed after the test."""
    contexts = []

    def make(**options):
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    _wait_for_live_server_requests()


def _wait_for_live_server_requests(timeout=10.0):
    """Let requests the closed pages left in flight finish before the database is flushed.

    Closing a page fires the desk's autosave on page hide as a keepalive fetch, which
    outlives the page; the live server then saves it while pytest-django truncates the
    tables, and PostgreSQL aborts one of the two as a deadlock (CI, test_writing_aids).
    Each request runs in a socketserver thread named after process_request_thread.
    """
    deadline = time.monotonic() + timeout
    quiet_since = time.monotonic()
    # A fetch sent as the page closes reaches the server a moment later, so the server
    # must stay quiet for a short while, not just at one instant.
    while time.monotonic() < deadline:
        if any("process_request_thread" in t.name and t.is_alive() for t in threading.enumerate()):
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= 0.15:
            return
        time.sleep(0.025)


@pytest.fixture
def artifacts_dir():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
