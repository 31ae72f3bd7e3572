"""Browser tests: Playwright driving the system Chromium against the live test server."""

import os
import shutil
from pathlib import Path

import pytest
from django.db import connection, connections

from tests.helpers import seeded

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Playwright's sync API runs an event loop in the test thread; the ORM calls made there are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def chromium_path():
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def seeded_live_server(transactional_db, live_server):
    seeded.restore()
    yield live_server
    if connection.vendor == "postgresql":
        # the live server's request threads may keep a session open; the test database must be dropped later
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if not path:
        pytest.skip("no system Chromium (install Debian's chromium; .ci/run does)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        yield browser
        browser.close()
        # the ORM calls a test makes while Playwright runs use connections of their own (its event loop is another
        # context): closed here, so that the live server's teardown cannot leave the next test a terminated one
        connections.close_all()


def shot(page, name):
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
