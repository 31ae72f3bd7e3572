"""The entry screen never loses typing and never changes what was not typed, driven by keyboard in Chromium: an
untouched pair of an official race (the 2022 World Sprint women's 1000 m, pair 6: Rio Yamada and Martine Ripsrud,
whose place was published without a time), a doubtful time, a reload, a lost connection, a session ended in another
tab, and a second editor's pair appearing on the first editor's screen."""

import time

import pytest
from playwright.sync_api import expect

from results.models import Result
from tests.browser.conftest import shot
from tests.browser.test_race_day import log_in, wait_for_focus
from tests.helpers.builders import WC3_WOMEN_500, real_race, start_list_from

pytestmark = pytest.mark.flushes_db


def sprint_pair_6():
    ripsrud = Result.objects.select_related("race").get(
        skater__name="Martine Ripsrud", race__competition__name="2022 World Sprint Speed Skating Championships",
        race__distance_m=1000, race__date="2022-03-03")  # fmt: skip
    yamada = ripsrud.race.results.get(skater__name="Rio Yamada")
    return ripsrud.race, yamada, ripsrud


def state(*results):
    return [Result.objects.values_list("status", "time_ms", "rank").get(pk=r.pk) for r in results]


def in_view(page, locator):
    box, height = locator.bounding_box(), page.viewport_size["height"]
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= height


def note(page, pair):
    locator = page.locator(f"#pair-{pair} .entry-note")
    locator.wait_for()
    return locator


def test_an_editor_cannot_lose_typing_or_change_what_was_not_typed(seeded_live_server, browser, editor):
    race, yamada, ripsrud = sprint_pair_6()
    untouched = state(yamada, ripsrud)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    screen = context.new_page()
    log_in(screen, seeded_live_server.url)
    url = f"{seeded_live_server.url}/admin/results/race/{race.id}/entry/"
    screen.goto(url)
    screen.keyboard.press("Alt+g")  # go to pair 6 by keyboard
    screen.keyboard.type("6")
    screen.keyboard.press("Enter")
    wait_for_focus(screen, f"#r{yamada.id}")

    screen.keyboard.press("Enter")  # nothing typed
    screen.locator("#pair-6 .entry-note", has_text="nothing was typed, nothing saved").wait_for()
    assert state(yamada, ripsrud) == untouched
    assert in_view(screen, note(screen, 6))

    screen.locator(f"#r{yamada.id}").focus()
    screen.keyboard.press("Control+A")
    screen.keyboard.type("116.20")
    screen.keyboard.press("Enter")  # asks once
    doubt = screen.locator(f"#e{yamada.id}")
    doubt.wait_for()
    assert "1:56.20" in doubt.inner_text() and in_view(screen, doubt)
    assert state(yamada, ripsrud) == untouched
    shot(screen, "entry-doubt-1280")

    screen.locator(f"#r{yamada.id}").focus()
    screen.keyboard.press("Control+A")
    screen.keyboard.type("1:17.10")
    screen.reload()  # typing not yet saved survives a reload
    assert screen.locator(f"#r{yamada.id}").input_value() == "1:17.10"

    context.set_offline(True)
    screen.locator(f"#r{yamada.id}").focus()
    screen.keyboard.press("Enter")
    screen.locator("#pair-6 .entry-note", has_text="no connection").wait_for()
    assert screen.url == url and screen.locator(f"#r{yamada.id}").input_value() == "1:17.10"
    context.set_offline(False)

    other_tab = context.new_page()
    other_tab.goto(f"{seeded_live_server.url}/admin/")
    other_tab.click("#logout-form button")
    screen.locator(f"#r{yamada.id}").focus()
    screen.keyboard.press("Enter")
    screen.locator("#pair-6 .entry-note", has_text="you are logged out").wait_for()
    assert screen.locator(f"#r{yamada.id}").input_value() == "1:17.10"
    shot(screen, "entry-logged-out-1280")
    log_in(other_tab, seeded_live_server.url)
    screen.wait_for_timeout(2500)  # the screen's next poll brings the new session's token
    screen.locator(f"#r{yamada.id}").focus()
    screen.keyboard.press("Enter")
    screen.wait_for_timeout(2500)  # a poll after the save keeps what the save said
    screen.locator("#pair-6 .entry-note", has_text="Pair 6 saved").wait_for()
    assert state(yamada, ripsrud) == [("FIN", 77100, untouched[0][2]), untouched[1]]


def test_a_second_editors_pair_appears_on_the_first_editors_screen_within_three_seconds(
    seeded_live_server, browser, editor, django_user_model
):
    from django.contrib.auth.models import Group

    anna = django_user_model.objects.create_user("anna", password="another horse battery staple", is_staff=True)
    anna.groups.add(Group.objects.get(name="Editors"))
    race, typed = start_list_from(real_race(*WC3_WOMEN_500))
    url = f"{seeded_live_server.url}/admin/results/race/{race.id}/entry/"
    first = browser.new_context(viewport={"width": 1024, "height": 768}).new_page()
    log_in(first, seeded_live_server.url)
    first.goto(url)
    second = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    second.goto(f"{seeded_live_server.url}/admin/")
    second.fill("#id_username", "anna")
    second.fill("#id_password", "another horse battery staple")
    second.click("input[type=submit]")
    second.goto(url + "?pair=3")
    inner, outer = race.results.filter(pair=3).select_related("skater").order_by("lane")
    expect(second.locator(f"#r{inner.id}")).to_be_focused()  # the pair asked for has the focus
    second.keyboard.type(typed[inner.skater.name])
    second.keyboard.press("Tab")
    second.keyboard.type(typed[outer.skater.name])
    saved_at = time.perf_counter()
    second.keyboard.press("Enter")
    first.locator("#pair-3 .entry-by", has_text="anna").first.wait_for(timeout=3_000)
    seconds = time.perf_counter() - saved_at
    assert first.locator(f"#r{inner.id}").input_value() == typed[inner.skater.name]
    assert "rank 1" in first.inner_text("#pair-3") or "rank 2" in first.inner_text("#pair-3")
    assert seconds < 3, seconds
    last = race.results.filter(pair=8).select_related("skater").order_by("lane")  # the first editor, at 1024 × 768
    first.goto(url + "?pair=8")
    expect(first.locator(f"#r{last[0].id}")).to_be_focused()  # typing before the screen's focus would lose keys
    for result in last:
        first.keyboard.type(typed[result.skater.name])
        first.keyboard.press("Tab")
    first.locator(f"#r{last[0].id}").focus()
    first.keyboard.press("Enter")
    saved = first.locator("#pair-8 .entry-note")
    expect(saved).to_contain_text("Pair 8 saved")  # on failure, says what the screen said instead
    assert in_view(first, saved)
    shot(first, "entry-saved-1024")


def test_on_a_phone_the_live_block_comes_before_the_table_and_what_it_takes_fits(seeded_live_server, browser):
    from tests.test_what_it_takes import hamar_with_last_pairs_to_skate

    race, _real = hamar_with_last_pairs_to_skate()
    phone = browser.new_context(viewport={"width": 360, "height": 780}).new_page()
    phone.goto(f"{seeded_live_server.url}{race.get_absolute_url()}")
    tops = {
        name: phone.locator(selector).first.bounding_box()["y"]
        for name, selector in (("to beat", ".to-beat"), ("just skated", ".just-skated"), ("takes", ".what-it-takes"),
                               ("to skate", "#to-skate-title"), ("table", "#live table.results:not(.start-list):not(.what-it-takes-table)"))
    }  # fmt: skip
    assert tops["table"] > max(tops["to beat"], tops["just skated"], tops["takes"], tops["to skate"]), tops
    widest = phone.evaluate("document.documentElement.scrollWidth")
    shot(phone, "live-championship-360")
    assert widest <= 360, f"the live page is {widest} px wide at 360 px"
