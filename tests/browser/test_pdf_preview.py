"""The official PDF preview as an editor sees it (issue 27, part 5): in Chromium, at a laptop's width, with what will
change named, a new world record to tick, and no serious accessibility violation. The screenshot is kept in
test-artifacts/pdf-preview.png."""

import pytest

from results.models import RecordEntry, RecordScope, Result, Skater, Status
from results.sport import plausibility
from tests.browser.conftest import shot
from tests.browser.test_race_day import log_in
from tests.helpers.builders import make
from tests.helpers.pdfs import official
from tests.test_official_intake import WOMEN_1000_A_HEERENVEEN, race_of

pytestmark = pytest.mark.flushes_db


def test_an_editor_sees_what_a_pdf_will_change_and_must_tick_a_new_world_record(
    seeded_live_server, browser, editor, monkeypatch
):
    from axe_playwright_python.sync_playwright import Axe

    race = race_of(official(WOMEN_1000_A_HEERENVEEN))
    winner = race.results.get(rank=1)
    make(Result, race=race, skater=Skater.objects.get(name="Afonso Henrique Pestana Silva"),
                          nationality="POR", time_ms=90_000, status=Status.FINISHED)  # fmt: skip
    RecordEntry.objects.filter(scope=RecordScope.WORLD, gender="F", distance_m=1000).update(time_ms=winner.time_ms + 10)
    monkeypatch.setitem(plausibility.FASTEST["F"], 1000, winner.time_ms + 10)  # the table as before this race
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, seeded_live_server.url)
    page.goto(f"{seeded_live_server.url}/admin/results/race/upload-pdfs/")
    page.set_input_files("#id_pdfs", str(WOMEN_1000_A_HEERENVEEN))
    page.click("input[name=preview]")
    page.locator("#would-be-records").wait_for()
    shot(page, "pdf-preview")
    assert "would be a new world record" in page.locator("#would-be-records").inner_text()
    assert "Afonso Henrique Pestana Silva" in page.locator("#removals").inner_text()
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in {"serious", "critical"}]
    assert violations == []
    page.click("input[name=confirm]")  # the browser itself holds the form: the tick is required
    assert page.locator("input[name=records_confirmed]:invalid").count() == 1
    page.check("input[name=records_confirmed]")
    page.click("input[name=confirm]")
    page.wait_for_url("**/admin/results/race/")
    assert race.results.count() == len(official(WOMEN_1000_A_HEERENVEEN).rows)
