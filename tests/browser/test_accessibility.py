"""axe-core (axe-playwright-python, its script bundled, no CDN) on every page kind, in both languages, on a phone and
on a desktop (a test each, so that they run side by side): no serious or critical violation."""

import pytest

from results.writes import path as write_path
from tests.browser.conftest import shot

pytestmark = pytest.mark.flushes_db

PAGE_KINDS = {
    "home": "/",
    "competitions": "/competitions/",
    "competition": "/competitions/2023-24-world-cup-2-beijing/",
    "championship": "/competitions/2024-world-sprint-championships/",
    "race": "/competitions/2023-24-world-cup-2-beijing/women-1000m-a/",
    "skaters": "/skaters/?q=jutta",
    "skater": "/skaters/jutta-leerdam/",
    "skater-results": "/skaters/jutta-leerdam/results/?season=2023",
    "head-to-head": "/head-to-head/jutta-leerdam/miho-takagi/",
    "head-to-head-form": "/head-to-head/?a=jutta&b=nobody-at-all",
    "season": "/seasons/2023-24/",
    "rink": "/rinks/thialf/",
    "records": "/records/",
    "record-history": "/records/women-1000m/",
    "world-record": "/records/world/women-500m/",
    "nation": "/nations/ned/",
    "historic-nation": "/nations/urs/",
    "olympic-medals": "/olympics/medals/1928/",
    "season-ranking": "/rankings/2023-24/women-1000m/?sort=-time_ms",
    "adelskalender": "/adelskalender/?gender=F",
    "streaks": "/streaks/",
    "world-cup": "/world-cup/2025-26/women-1000m/",
    "not-found": "/skaters/nobody-at-all/",
    "race-embed": "/embed/race/2023-24-world-cup-2-beijing/women-1000m-a/",
    "skater-embed": "/embed/skater/jutta-leerdam/",
    "olympic-race": "/competitions/1924-winter-olympics/men-10000m/",
    "live-race": "/competitions/race-day-cup/women-500m/",  # provisional: a pair skated, the rest to skate
}
SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("width, height", [(360, 780), (1280, 900)])
def test_no_page_kind_has_a_serious_accessibility_violation(seeded_live_server, browser, width, height, language):
    from axe_playwright_python.sync_playwright import Axe

    from results.sport import timing
    from tests.helpers.builders import WC3_WOMEN_500, real_race, start_list_from

    race, typed = start_list_from(real_race(*WC3_WOMEN_500), pairs=4)
    for result in race.results.filter(pair=1).select_related("skater"):
        result.status, result.time_ms = "FIN", timing.parse_time(typed[result.skater.name])
        write_path.save(result)
    axe, found, checked = Axe(), [], 0
    page = browser.new_page(viewport={"width": width, "height": height})
    for kind, address in PAGE_KINDS.items():
        page.goto(f"{seeded_live_server.url}/{language}{address}")
        assert page.locator("html").get_attribute("lang") == language, kind
        violations = axe.run(page).response["violations"]
        checked += 1
        for violation in violations:
            if violation["impact"] in SERIOUS:
                targets = [node["target"] for node in violation["nodes"][:3]]
                found.append(f"{kind} {language} {width}px: {violation['id']} ({violation['impact']}) {targets}")
        if kind in ("race", "skater", "race-embed", "skater-embed", "live-race") and language == "en":
            shot(page, f"axe-{kind}-{width}")
    page.close()
    assert checked == len(PAGE_KINDS)
    assert not found, "\n".join(found)
