"""Win streaks and talking points: hand-made cases, then the seed story."""

from datetime import date, timedelta

import pytest

from results.queries.race_page import winner_ages
from results.sport import timing
from results.sport.streaks import Start, ended_streaks, streak_before, streaks


def starts(*codes, division=""):
    """One start a day: W win, L finished lower, R withdrew, N did not start, F did not finish, B a win in division B."""
    made = []
    for n, code in enumerate(codes):
        status = {"R": "WDR", "N": "DNS", "F": "DNF", "Q": "DQ"}.get(code, "FIN")
        rank = {"W": 1, "B": 1, "L": 2}.get(code)
        made.append(
            Start(skater_id=1, race_id=n, date=date(2023, 1, 1) + timedelta(days=n), status=status, rank=rank,
                  division="B" if code == "B" else division)
        )  # fmt: skip
    return made


def test_consecutive_wins_make_a_streak():
    assert streaks(starts("W", "W", "W")) == (3, 3)


def test_a_lower_place_breaks_a_streak():
    assert streaks(starts("W", "W", "L", "W")) == (1, 2)


def test_withdrawn_or_not_started_does_not_break_a_streak():
    assert streaks(starts("W", "R", "W", "N", "W")) == (3, 3)


def test_did_not_finish_or_disqualified_breaks_a_streak():
    assert streaks(starts("W", "W", "F", "W")) == (1, 2)
    assert streaks(starts("W", "W", "Q", "W")) == (1, 2)


def test_division_b_races_neither_count_nor_break():
    assert streaks(starts("W", "B", "W")) == (2, 2)


def test_the_streak_before_a_race_names_the_defeat_before_it():
    history = starts("L", "W", "W", "W", "L")
    state = streak_before(history, race_id=4)
    assert state.length == 3
    assert state.started_after.race_id == 0


def test_only_runs_of_three_or_more_count_as_ended():
    ended = ended_streaks({1: starts("W", "W", "L", "W", "W", "W", "R", "L")})
    assert [(start.race_id, length) for start, length, _ in ended] == [(7, 3)]


def test_the_seed_story_race_tells_the_story(client, db):
    html = client.get("/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/").content.decode()
    assert "Miho Takagi ends Jutta Leerdam&#x27;s run of 16 straight 1000 m wins." in html
    assert "first 1000 m defeat since 2022 Winter Olympics (17 Feb 2022)" in html
    assert "Miho Takagi wins in 1:14.44, 0.01 s ahead of Kimi Goetz." in html
    assert "Antoinette Rijpma-de Jong was 1.86 s faster than in Obihiro 8 days earlier (16th there, 5th here)." in html
    assert "Withdrew: Femke Kok, Marrit Fledderus." in html
    assert "Podium ages: Miho Takagi 29, Kimi Goetz 29, Jutta Leerdam 24." in html


def test_the_story_is_told_in_dutch_too(client, db):
    html = client.get("/nl/competitions/2023-24-world-cup-2-beijing/women-1000m-a/").content.decode()
    assert "16" in html and "1,86" in html and "1.14,44" in html


def test_the_home_page_lists_the_streak_takagi_ended(client, db):
    html = client.get("/en/").content.decode()
    assert "Miho Takagi ends Jutta Leerdam's run of 16 straight 1000 m wins" in html


def test_a_first_win_at_a_rink_and_the_youngest_winner_are_told():
    from types import SimpleNamespace

    from results.display.talking_points import _firsts, _winner_age

    race = SimpleNamespace(
        date=date(2024, 1, 10),
        division="A",
        competition=SimpleNamespace(rink_id=2, rink=SimpleNamespace(name="Thialf")),
    )
    winner = SimpleNamespace(rank=1, age=19, skater=SimpleNamespace(id=1, name="Young Star"))
    earlier_win_elsewhere = Start(skater_id=1, race_id=1, date=date(2023, 12, 1), division="A", status="FIN", rank=1,
                                  rink_id=1)  # fmt: skip
    points = _firsts(race, [winner], {1: [earlier_win_elsewhere]}, "1000 m")
    assert points == ["Young Star's first 1000 m win at Thialf, as held in this database."]
    assert _winner_age(winner, (21, 23), "1000 m") == [
        "At 19, Young Star is the youngest 1000 m winner held in this database."
    ]
    assert _winner_age(winner, (18, 30), "1000 m") == []
    assert _winner_age(winner, (None, None), "1000 m") == []


def test_the_youngest_and_oldest_earlier_winners_are_the_ages_on_the_race_days(db):
    from results.models import Race, Result

    race = Race.objects.get(competition__slug="2023-24-world-cup-2-beijing", slug="women-1000m-a")
    ages = [
        timing.age_on(r.skater.birth_date, r.race.date)
        for r in Result.objects.filter(
            rank=1, race__gender="F", race__distance_m=1000, race__kind="individual", race__division__in=["", "A"],
            race__date__lt=race.date, skater__birth_date__isnull=False,
        ).select_related("skater", "race")
    ]  # fmt: skip
    assert len(ages) >= 5 and min(ages) < max(ages)
    assert winner_ages(race) == (min(ages), max(ages))
    first = Race.objects.filter(gender="F", distance_m=1000).order_by("date").first()
    assert winner_ages(first) == (None, None)


def test_the_stored_winner_ages_agree_with_the_results_for_every_seed_race(db):
    from results.models import Race, Result

    told = 0
    for race in Race.objects.all():
        ages = [
            timing.age_on(born, day)
            for day, born in Result.objects.public().filter(
                rank=1, race__gender=race.gender, race__distance_m=race.distance_m, race__kind=race.kind,
                race__division__in=["", "A"], race__date__lt=race.date, skater__birth_date__isnull=False,
            ).values_list("race__date", "skater__birth_date")
        ]  # fmt: skip
        expected = (min(ages), max(ages)) if ages else (None, None)
        assert winner_ages(race) == expected, race
        told += bool(ages)
    assert told >= 50


@pytest.mark.django_db
def test_streaks_of_equal_length_are_listed_by_name_whatever_order_they_were_computed_in():
    from results.queries.insights import streaks

    rows = [(s.longest, s.current, s.skater.name) for s in streaks()]
    ties = [(a, b) for a, b in zip(rows, rows[1:], strict=False) if a[:2] == b[:2]]
    assert len(ties) > 10
    assert all(a[2] <= b[2] for a, b in ties)
