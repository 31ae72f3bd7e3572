import pytest

from results.models import Competition
from results.writes import path as write_path
from tests.browser.conftest import shot
from tests.conftest import ROOT

pytestmark = pytest.mark.flushes_db

WIDEST = "Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('body *')].map(e => e.getBoundingClientRect().right))"


def widest(page):
    """The page's widest extent in px, once the page a click led to has loaded (measured mid-navigation, the
    document has no element yet)."""
    page.wait_for_load_state("load")
    return page.evaluate(WIDEST)


def test_an_editor_uploads_a_real_sheet_previews_confirms_and_the_race_is_public(seeded_live_server, browser, editor):
    write_path.delete_all(Competition.objects.filter(name="2024 World Sprint Speed Skating Championships"))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{seeded_live_server.url}/admin/")
    page.fill("#id_username", "ed")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.goto(f"{seeded_live_server.url}/admin/results/race/")
    page.click("text=Upload a results sheet")
    page.set_input_files("#id_sheet", str(ROOT / "seeds" / "sheets" / "2024-world-sprint-inzell.csv"))
    page.click("input[name=preview]")
    assert "15 results created" in page.inner_text("#summary")
    shot(page, "editor-upload-preview")
    assert not Competition.objects.filter(name="2024 World Sprint Speed Skating Championships").exists()
    page.click("input[name=confirm]")
    assert "Sheet imported" in page.inner_text(".messagelist")
    public = browser.new_page(viewport={"width": 1280, "height": 900})
    public.goto(f"{seeded_live_server.url}/en/competitions/2024-world-sprint-championships/women-500m-1/")
    row = public.locator("tr", has_text="Femke Kok")
    assert row.inner_text().split()[0] == "1" and "37.07" in row.inner_text()
    shot(public, "editor-upload-public-race")


def test_a_fan_goes_from_home_to_a_head_to_head_on_a_phone(seeded_live_server, browser):
    page = browser.new_page(viewport={"width": 360, "height": 780})
    page.goto(f"{seeded_live_server.url}/en/")
    page.click("text=Miho Takagi ends Jutta Leerdam's run of 16 straight 1000 m wins")
    assert page.locator("h1").inner_text().startswith("Women 1000 m")
    page.click("a:text('2023-24 ISU Speed Skating World Cup 2 (Beijing)') >> nth=0")
    assert "Saturday 18 November 2023" in page.inner_text("main")
    page.click("a:text('Women 1000 m division A')")
    page.wait_for_url("**/women-1000m-a/")
    assert widest(page) <= 360
    shot(page, "fan-race-360")
    page.click("td >> a:text('Jutta Leerdam')")
    assert page.url.endswith("/en/skaters/jutta-leerdam/")
    assert widest(page) <= 360
    shot(page, "fan-skater-360")
    page.click("a:text('vs Miho Takagi')")
    assert page.url.endswith("/en/head-to-head/jutta-leerdam/miho-takagi/")
    assert widest(page) <= 360
    shot(page, "fan-head-to-head-360")
    page.click("a:text('Nederlands')")
    assert page.url.endswith("/nl/head-to-head/jutta-leerdam/miho-takagi/")
    assert "Onderling" in page.inner_text("body")
