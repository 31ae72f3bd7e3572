"""Olympic medal tables and nation pages (issue 24, part 2), counted from the Olympic races held."""

from collections import Counter

import pytest

from results.models import CompetitionKind, Result, Status
from results.sport import medals
from tests.helpers.html import Page, rows

pytestmark = pytest.mark.django_db


def counted_by_hand(year):
    """{(nation, medal): n} of one Games, counted here from its held races' official places."""
    found = Counter()
    results = Result.objects.filter(
        race__competition__kind=CompetitionKind.OLYMPICS, race__competition__season=year - 1, race__published=True,
        race__competition__published=True, status=Status.FINISHED, rank__in=[1, 2, 3],
    ).exclude(race__division="B")  # fmt: skip
    for result in results:
        found[(result.team or result.nationality, {1: "gold", 2: "silver", 3: "bronze"}[result.rank])] += 1
    return found


def table_of(client, address):
    body = Page(client.get(address).content.decode()).tables[0].body
    return {cells[0].split()[-1]: tuple(int(n) for n in cells[1:5]) for cells in body}


@pytest.mark.parametrize("year", [1928, 1988, 2018])
def test_a_games_medal_table_is_the_count_of_its_held_races(client, year):
    expected = counted_by_hand(year)
    nations = {nation for nation, _medal in expected}
    shown = table_of(client, f"/en/olympics/medals/{year}/")
    assert set(shown) == nations
    for nation in nations:
        gold, silver, bronze = (expected[(nation, medal)] for medal in ("gold", "silver", "bronze"))
        assert shown[nation] == (gold, silver, bronze, gold + silver + bronze), nation
    api = client.get("/api/v1/olympics/medals", {"games": year}).json()
    assert {row["nation"]: (row["gold"], row["silver"], row["bronze"], row["total"]) for row in api["table"]} == shown


def test_a_tie_gives_equal_medals_in_1928s_mens_500_m(client):
    race = client.get("/en/competitions/1928-winter-olympics/men-500m/").content.decode()
    assert [row.split(" | ")[0] for row in rows(race)[1:6]] == ["1", "1", "3", "3", "3"]
    medallists = [r for r in rows(client.get("/en/olympics/medals/1928/").content.decode()) if "Men 500 m" in r]
    assert [r.split(" | ")[2] for r in medallists] == ["gold", "gold", "bronze", "bronze", "bronze"]


def test_the_medal_pages_say_which_events_are_not_held(client):
    text = Page(client.get("/en/olympics/medals/2018/").content.decode()).visible_text
    held = Result.objects.filter(race__competition__kind=CompetitionKind.OLYMPICS, race__competition__season=2017)
    races = held.values("race_id").distinct().count()
    missing = medals.OLYMPIC_EVENTS[2018] - races
    assert (
        missing > 0 and f"{races} of 14 speed-skating events held" in text and f"{missing} events not held here" in text
    )
    assert client.get("/api/v1/olympics/medals", {"games": 2018}).json()["events_not_held"] == {"2018": missing}


def test_a_nation_page_adds_up_its_games_and_links_its_medallists(client):
    page = Page(client.get("/en/nations/ned/").content.decode())
    per_games, total = page.tables[0].body[:-1], page.tables[0].body[-1]
    sums = [sum(int(cells[n]) for cells in per_games) for n in range(1, 5)]
    assert total[0] == "Total" and [int(n) for n in total[1:5]] == sums
    assert table_of(client, "/en/olympics/medals/")["NED"] == tuple(sums)
    assert "/en/skaters/sven-kramer/" in page.links and "Most Olympic golds and medals" in page.visible_text
    assert "/en/nations/ned/" in Page(client.get("/en/skaters/jutta-leerdam/").content.decode()).links


def test_a_historic_nation_says_what_came_before_and_after(client):
    soviet = Page(client.get("/en/nations/urs/").content.decode())
    assert "Soviet Union" in soviet.visible_text and "/en/nations/rus/" in soviet.links
    east = Page(client.get("/nl/nations/gdr/").content.decode())
    assert "/nl/nations/ger/" in east.links
    assert "/en/nations/urs/" in Page(client.get("/en/nations/eun/").content.decode()).links
    germany = Page(client.get("/en/nations/ger/").content.decode()).links
    assert "/en/nations/gdr/" in germany and "/en/nations/frg/" in germany  # both came before
    assert client.get("/en/nations/xyz/").status_code == 404


def test_a_race_page_links_each_nationality_to_its_nation(client):
    page = Page(client.get("/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/").content.decode())
    assert "/en/nations/ned/" in page.links and "/en/nations/jpn/" in page.links


def test_the_nation_and_medal_pages_cost_a_few_queries(client, django_assert_max_num_queries):
    for address in ("/en/olympics/medals/", "/en/olympics/medals/1928/", "/en/nations/ned/", "/en/nations/gdr/"):
        with django_assert_max_num_queries(8):
            assert client.get(address).status_code == 200, address
