"""A race embed fits the iframe it is offered in (the page's own code, or oEmbed's maxheight): it shows the rows
that fit and counts the rest, instead of being cut mid-table."""

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.flushes_db
RACE = "/en/embed/race/2023-24-world-cup-2-beijing/women-1000m-a/"


@pytest.mark.parametrize("width, height", [(480, 420), (300, 300), (360, 240)])
def test_a_race_embed_fits_its_iframe_and_counts_the_rows_left_out(seeded_live_server, browser, client, width, height):
    answer = client.get("/oembed", {"url": f"{seeded_live_server.url}/en/competitions/2023-24-world-cup-2-beijing/"
                                           "women-1000m-a/", "maxwidth": width, "maxheight": height},
                        HTTP_HOST=seeded_live_server.url.split("//")[1]).json()  # fmt: skip
    src = answer["html"].split('src="')[1].split('"')[0].replace("&amp;", "&")
    page = browser.new_context(viewport={"width": answer["width"], "height": answer["height"]}).new_page()
    page.goto(src)
    shot(page, f"embed-{width}x{height}")
    assert page.evaluate("document.documentElement.scrollHeight") <= answer["height"]
    from results.models import Race

    total = Race.objects.get(competition__slug="2023-24-world-cup-2-beijing", slug="women-1000m-a").results.count()
    shown = page.locator("tbody tr").count()
    assert shown == total or f"and {total - shown} more: all results" in page.inner_text("body")
