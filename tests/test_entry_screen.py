"""The race-day entry screen writes only what the editor typed, asks once about a time that looks wrong, and says
what a save did. Made from real races: the 2022 World Sprint women's 1000 m (a pair whose finisher has a published
place but no time) and World Cup 3's women's 500 m drawn as a new start list."""

import pytest

from results.admin.entry import shown
from results.models import Result
from results.sport import plausibility
from tests.helpers.builders import WC3_WOMEN_500, real_race, start_list_from


def entry_url(race):
    return f"/admin/results/race/{race.id}/entry/"


def screen_form(race, pair, changed=None):
    """A pair's form as the screen shows it, with `changed` ({skater name: text}) typed over it."""
    data = {}
    for result in race.results.filter(pair=pair).select_related("skater"):
        data[f"r{result.id}"] = (changed or {}).get(result.skater.name, shown(result))
        data[f"seen{result.id}"] = f"{result.status}:{result.time_ms or ''}"
        data[f"was{result.id}"] = shown(result)
    return data


@pytest.fixture
def sprint_1000(db):
    """2022 World Sprint, women's 1000 m of the first day: pair 6 is Rio Yamada (1:17.04) and Martine Ripsrud,
    placed 12th with no time published."""
    ripsrud = Result.objects.select_related("race").get(
        skater__name="Martine Ripsrud", race__competition__name="2022 World Sprint Speed Skating Championships",
        race__distance_m=1000, race__date="2022-03-03")  # fmt: skip
    return ripsrud.race


@pytest.fixture
def drawn(db):
    return start_list_from(real_race(*WC3_WOMEN_500))


def pair_state(race, pair):
    return sorted(race.results.filter(pair=pair).values_list("skater__name", "status", "time_ms", "rank",
                                                             "rank_is_official"))  # fmt: skip


def test_enter_on_an_untouched_pair_of_an_official_race_changes_nothing(client, editor, sprint_1000):
    before, logged = pair_state(sprint_1000, 6), sprint_1000.changes.count()
    assert ("Martine Ripsrud", "FIN", None, 12, True) in before
    client.force_login(editor)
    response = client.post(entry_url(sprint_1000), screen_form(sprint_1000, 6), headers={"X-Entry-Fetch": "1"})
    assert response.status_code == 200
    assert pair_state(sprint_1000, 6) == before
    assert "Pair 6: nothing was typed, nothing saved." in response.content.decode()
    assert sprint_1000.changes.count() == logged


def test_a_correction_of_one_skater_leaves_the_other_of_the_pair_as_it_was(client, editor, sprint_1000):
    client.force_login(editor)
    response = client.post(entry_url(sprint_1000), screen_form(sprint_1000, 6, {"Rio Yamada": "1:17.05"}))
    assert response.status_code == 302
    after = dict((name, (status, time, rank)) for name, status, time, rank, _o in pair_state(sprint_1000, 6))
    assert after["Martine Ripsrud"] == ("FIN", None, 12)
    assert after["Rio Yamada"][1] == 77050


def test_a_pair_with_one_lane_typed_names_the_empty_lane(client, editor, drawn):
    race, typed = drawn
    client.force_login(editor)
    response = client.post(entry_url(race), screen_form(race, 1, {"Rio Yamada": typed["Rio Yamada"]}),
                           headers={"X-Entry-Fetch": "1"})  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pair 1 saved; still empty: outer (Brooklyn McDougall)." in html
    assert race.results.get(skater__name="Brooklyn McDougall").status == "NYS"


def test_a_time_too_slow_for_the_distance_is_asked_about_once_then_saved_as_read(client, editor, sprint_1000):
    client.force_login(editor)
    form = screen_form(sprint_1000, 6, {"Rio Yamada": "116.20"})
    response = client.post(entry_url(sprint_1000), form, headers={"X-Entry-Fetch": "1"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "1:56.20 is more than half again as slow" in html and "behind the leader" in html
    assert sprint_1000.results.get(skater__name="Rio Yamada").time_ms == 77040  # nothing saved yet
    yamada = sprint_1000.results.get(skater__name="Rio Yamada")
    assert f'name="sure{yamada.id}" value="116.20"' in html
    again = client.post(entry_url(sprint_1000), {**form, f"sure{yamada.id}": "116.20"})
    assert again.status_code == 302
    assert sprint_1000.results.get(skater__name="Rio Yamada").time_ms == 116200


def test_seconds_typed_for_minutes_and_tenths_on_a_hundredths_race_are_asked_about(client, editor, sprint_1000):
    client.force_login(editor)
    minutes = client.post(entry_url(sprint_1000), screen_form(sprint_1000, 6, {"Rio Yamada": "1.14"}))
    assert minutes.status_code == 400
    assert "&#x27;1.14&#x27; reads as 1.14 seconds" in minutes.content.decode()
    tenths = client.post(entry_url(sprint_1000), screen_form(sprint_1000, 6, {"Rio Yamada": "1.16,2"}))
    assert tenths.status_code == 400
    assert "1:16.2 is in tenths, but this race is timed to the hundredth" in tenths.content.decode()
    assert sprint_1000.results.get(skater__name="Rio Yamada").time_ms == 77040


def test_the_screen_names_who_saved_a_pair_and_goes_to_a_pair_by_number(client, editor, drawn):
    race, typed = drawn
    client.force_login(editor)
    client.post(entry_url(race), screen_form(race, 1, typed))
    screen = client.get(entry_url(race) + "?pair=5").content.decode()
    assert '<span class="entry-by">ed ' in screen
    fifth = race.results.filter(pair=5).order_by("lane").first()
    assert screen.index("autofocus") > screen.index(f'id="r{fifth.id}"')
    assert "Alt+G" in screen


@pytest.mark.parametrize(
    "gender, distance, typed, ms, doubted",
    [
        ("F", 1000, "1:14.20", 74_200, False),
        ("F", 1000, "116.20", 116_200, True),  # 1:56.20
        ("F", 1000, "1.14", 1_140, True),
        ("M", 500, "33.50", 33_500, True),  # faster than anyone ever
        ("M", 500, "34.50", 34_500, False),
        ("M", 10000, "12:40.00", 760_000, False),
    ],
)
def test_plausible_times_by_distance_and_gender(gender, distance, typed, ms, doubted):
    assert bool(plausibility.doubts(ms, gender=gender, distance_m=distance, typed=typed)) is doubted


def test_a_time_far_behind_the_leader_and_tenths_among_hundredths_are_doubted():
    assert plausibility.doubts(92_000, gender="F", distance_m=1000, leader_ms=74_000) == [
        "1:32.00 is 18.00 s behind the leader (1:14.00)."
    ]
    assert plausibility.doubts(76_200, gender="F", distance_m=1000, tenths=True, race_in_hundredths=True)
    assert not plausibility.doubts(76_200, gender="F", distance_m=1000, tenths=True, race_in_hundredths=False)


def test_every_seed_world_cup_time_skated_without_a_fall_is_plausible(db):
    """The rules doubt no time of the 2025/26 World Cups that is within a fifth of its race's winner."""
    results = Result.objects.filter(status="FIN", time_ms__isnull=False, race__kind="individual",
                                    race__date__year=2025).select_related("race")  # fmt: skip
    best = {}
    for result in results:
        best[result.race_id] = min(best.get(result.race_id, result.time_ms), result.time_ms)
    doubted = [
        (result.race_id, result.time_ms) for result in results
        if result.time_ms <= best[result.race_id] * 1.2
        and plausibility.doubts(result.time_ms, gender=result.race.gender, distance_m=result.race.distance_m)
    ]  # fmt: skip
    assert len(best) > 50 and doubted == []
