"""An embed loads inside an iframe on another site (another origin); every other page still refuses framing."""

import functools
import http.server
import threading

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.flushes_db

EMBED = "/en/embed/race/2023-24-world-cup-2-beijing/women-1000m-a/"
PAGE = "/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/"


@pytest.fixture
def other_site(tmp_path):
    """A news site of its own origin (another port) whose page frames what the test asks."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_embed_loads_in_another_sites_iframe_and_a_page_does_not(seeded_live_server, browser, other_site):
    folder, origin = other_site
    (folder / "article.html").write_text(
        f"<!doctype html><title>News</title><h1>Report</h1>"
        f'<iframe id="embed" src="{seeded_live_server.url}{EMBED}" width="320" height="420"></iframe>'
        f'<iframe id="page" src="{seeded_live_server.url}{PAGE}" width="320" height="420"></iframe>',
        encoding="utf-8",
    )
    page = browser.new_page(viewport={"width": 700, "height": 900})
    page.goto(f"{origin}/article.html")
    embedded = page.frame_locator("#embed")
    assert embedded.locator("h1").inner_text(timeout=10_000) == "Women 1000 m division A"
    assert "Miho Takagi" in embedded.locator("table").inner_text()
    page.wait_for_timeout(500)
    framed_page = next(frame for frame in page.frames if frame.url.endswith(PAGE) or "chrome-error" in frame.url)
    assert "Miho Takagi" not in (framed_page.content() if framed_page else "")  # refused: frame-ancestors 'none'
    shot(page, "embed-in-another-site")
