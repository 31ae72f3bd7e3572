"""Records, rankings, the Adelskalender, classifications, World Cup standings and charts."""

import csv
from datetime import date
from types import SimpleNamespace

import pytest
from django.utils.html import escape

from results.display import charts
from results.models import Skater
from results.sport import classifications as rankings
from results.sport import records, timing
from tests.conftest import ROOT
from tests.helpers.builders import make_race, seed_rows
from tests.helpers.html import page as parsed
from tests.helpers.html import rows


def perf(skater_id, ms, day):
    return SimpleNamespace(skater_id=skater_id, time_ms=ms, date=date(2024, 1, day))


def test_a_time_that_equals_the_record_does_not_take_it():
    history = records.progression([perf(1, 74000, 1), perf(2, 74000, 2), perf(3, 73990, 3), perf(4, 74500, 4)])
    assert [p.skater_id for p in history] == [1, 3]


def test_national_and_track_records_are_kept_apart(db):
    from results.models import RecordEntry, RecordScope

    current = RecordEntry.objects.filter(current=True, gender="F", distance_m=1000)
    world = current.get(scope=RecordScope.WORLD)
    japan = current.get(scope=RecordScope.NATIONAL, nationality="JPN")
    thialf = current.get(scope=RecordScope.TRACK, rink__slug="thialf")
    assert world.time_ms <= japan.time_ms and world.time_ms <= thialf.time_ms
    assert japan.result.nationality == "JPN" and japan.result.race.competition.rink.slug != ""


@pytest.mark.parametrize(
    "season, gender, distance, url",
    [
        ("2023/24", "F", "1000", "/en/rankings/2023-24/women-1000m/"),
        ("2021/22", "F", "500", "/en/rankings/2021-22/women-500m/"),  # with tied times
        ("2025/26", "M", "500", "/en/rankings/2025-26/men-500m/"),  # 64 skaters, 6 tied: two pages
    ],
)
def test_the_season_ranking_is_each_skaters_best_of_the_seed_sheets_with_ties_shared(
    client, db, season, gender, distance, url
):
    best = {}
    for row in seed_rows():
        if (row["season"], row["gender"], row["distance_m"]) == (season, gender, distance) and row["time"]:
            if row["status"] in ("", "FIN"):
                ms = timing.parse_time(row["time"])
                best[row["skater"]] = min(ms, best.get(row["skater"], ms))
    times = sorted(best.values())
    expected = [
        (str(rank), timing.format_time(ms, "en")) for rank, ms in zip(timing.rank_with_ties(times), times, strict=True)
    ]
    assert len(set(rank for rank, _ in expected)) < len(expected) or season == "2023/24"
    shown = []
    for page in range(1, (len(expected) - 1) // 50 + 2):
        table = parsed(client.get(url, {"page": page})).table("Season bests")
        shown += [(row[0], row[2]) for row in table.body]
    assert shown == expected


def test_the_adelskalender_sums_truncated_samalog_points_of_all_four_records():
    bests = [
        (1, 500, 37050),
        (1, 1500, 106123),
        (1, 5000, 375555),
        (1, 10000, 784670),
        (1, 500, 37100),
        (2, 500, 36000),
    ]
    table = rankings.adelskalender(bests, "M")
    expected = 37050 + 106123 * 500 // 1500 + 375555 * 500 // 5000 + 39233
    assert [(r.skater_id, r.value) for r in table] == [(1, expected)]  # skater 2 lacks three distances


def test_a_classification_counts_only_skaters_with_every_distance():
    races = [SimpleNamespace(distance_m=500), SimpleNamespace(distance_m=1000), SimpleNamespace(distance_m=500)]
    standings = rankings.classification(
        [(races[0], {1: 37000, 2: 38000}), (races[1], {1: 75000}), (races[2], {1: 37100, 2: 37000})]
    )
    after_two = standings[1][1]
    assert [(r.skater_id, r.value) for r in after_two] == [(1, 37000 + 37500)]
    assert [(r.skater_id, r.value) for r in standings[2][1]] == [(1, 37000 + 37500 + 37100)]


def test_world_cup_points_come_from_the_table_and_ties_share():
    table = {(2025, "A", 1000, "F", 1): 60, (2025, "A", 1000, "F", 2): 54}
    starts = [
        (1, 2025, "A", 1000, "F", 1),
        (2, 2025, "A", 1000, "F", 2),
        (2, 2025, "A", 1000, "F", 1),
        (3, 2025, "A", 1000, "F", 30),
    ]
    standings = rankings.world_cup_standings(starts, table)
    assert [(r.rank, r.skater_id, r.value) for r in standings] == [(1, 2, 114), (2, 1, 60)]


def test_the_chart_puts_faster_times_higher():
    chart = charts.progression_chart(
        1000, [(date(2023, 1, 1), 75000)], [(date(2022, 1, 1), 76000), (date(2024, 1, 1), 74000)]
    )
    ys = {label: y for x, y, label in chart.season_bests}
    assert chart.record_path.startswith("M")
    assert ys["1:15.00"] > charts.PAD_Y  # slower than the record: lower on the chart
    assert charts.progression_chart(1000, [], [(date(2022, 1, 1), 76000)]) is None


def test_the_world_cup_standings_match_the_seed_sheets_and_points_table(client, db):
    table = {}
    with (ROOT / "fixtures" / "world-cup-points.csv").open(encoding="utf-8") as sheet:
        for row in csv.DictReader(sheet):
            if row["division"] == "A":
                table[int(row["rank"])] = int(row["points"])
    leerdam = sum(
        table.get(int(r["rank"]), 0) for r in seed_rows()
        if r["skater"] == "Jutta Leerdam" and r["season"] == "2025/26" and r["distance_m"] == "1000" and r["rank"]
    )  # fmt: skip
    html = client.get("/en/world-cup/2025-26/women-1000m/").content.decode()
    row = next(line for line in html.split("<tr>") if "Jutta Leerdam" in line)
    assert f'<td class="num">{leerdam}</td>' in row


def test_the_records_page_shows_the_fastest_seed_time(client, db):
    fastest = min(
        (timing.parse_time(r["time"]), r["skater"]) for r in seed_rows()
        if r["gender"] == "F" and r["distance_m"] == "1000" and r["time"] and not r["status"]
    )  # fmt: skip
    html = client.get("/en/records/").content.decode()
    assert timing.format_time(fastest[0]) in html and fastest[1] in html


def test_record_progression_lists_each_improvement_newest_first(client, db):
    seeded = sorted(
        (r["date"], timing.parse_time(r["time"]), timing.in_tenths(r["time"])) for r in seed_rows()
        if r["gender"] == "F" and r["distance_m"] == "1000" and r["time"] and not r["status"]
    )  # fmt: skip
    expected, best = [], None
    for _day, ms, tenths in seeded:
        if best is None or ms < best:
            best = ms
            expected.append(timing.format_time(ms, tenths=tenths))  # as measured: 1:32.6 in 1960
    html = client.get("/en/records/women-1000m/").content.decode()
    shown = [row.split(" | ")[0] for row in rows(html)[1:]]
    assert shown == list(reversed(expected))


def test_the_adelskalender_ranks_someone_on_the_seed_data(client, db):
    html = client.get("/en/adelskalender/", {"gender": "F"}).content.decode()
    assert "Nadezhda Morozova" in html
    before = client.get("/en/adelskalender/", {"gender": "F", "date": "2024-01-01"}).content.decode()
    assert "Nadezhda Morozova" not in before


def test_the_streaks_page_and_profile_show_leerdams_16(client, db):
    html = client.get("/en/streaks/").content.decode()
    row = next(line for line in html.split("<tr>") if "Jutta Leerdam" in line and "1000 m" in line)
    assert '<td class="num">16</td>' in row
    profile = client.get("/en/skaters/jutta-leerdam/").content.decode()
    assert "Win streaks" in profile and "<svg" in profile


def test_a_sprint_championship_shows_its_classification(client, db):
    html = client.get("/en/competitions/2022-world-sprint-championships/").content.decode()
    assert "Classification" in html
    standings = html.split("Classification")[1]
    assert standings.index("Jutta Leerdam") < standings.index("Femke Kok")


def test_the_rink_page_shows_track_records(client, db):
    html = client.get("/en/rinks/thialf/").content.decode()
    assert "Track records" in html


@pytest.mark.parametrize("size", [1, 30])
def test_insight_pages_cost_a_fixed_number_of_queries(client, db, django_assert_max_num_queries, size):
    make_race(size)
    for url, budget in [
        (
            "/en/records/",
            5,
        ),  # current records held, nationalities; the world-record list, its current entries, the current held
        ("/en/records/women-500m/", 1),
        ("/en/rankings/2024-25/women-500m/", 3),  # count, the page of season bests, distances of the season
        ("/en/adelskalender/?gender=F", 3),  # count, the page of stored entries with skaters, the number ahead
        ("/en/adelskalender/?gender=F&date=2024-01-01", 2),  # best times up to the date, the skaters
        ("/en/streaks/", 2),  # count, the page of stored streaks with skaters
        ("/en/world-cup/2025-26/women-1000m/", 4),  # points table, starts, skaters, competition count
    ]:
        with django_assert_max_num_queries(budget):
            assert client.get(url).status_code == 200, url


def test_a_national_record_is_marked_and_told(client, db):
    from results.models import Race, RecordEntry, RecordScope

    entries = RecordEntry.objects.filter(scope=RecordScope.NATIONAL).select_related("result__skater")
    by_key = {}
    for entry in entries.order_by("date", "time_ms"):
        by_key.setdefault((entry.gender, entry.distance_m, entry.nationality), []).append(entry)
    later = next(
        steps[n] for steps in by_key.values() for n in range(1, len(steps)) if steps[n].date > steps[n - 1].date
    )
    race = Race.objects.select_related("competition").get(pk=later.result.race_id)
    html = client.get(race.get_absolute_url()).content.decode()
    assert escape(f"{later.result.skater.name} sets a national record for {later.nationality}") in html
    assert 'title="national record, as held in this database">NR</abbr>' in html


def test_the_adelskalender_womens_second_page_lists_women_and_its_links_keep_the_gender(client, db, monkeypatch):
    from results.views import rankings as views
    from tests.factories import AdelskalenderEntryFactory, SkaterFactory
    from tests.helpers.html import page

    monkeypatch.setattr(views, "ADELSKALENDER_PAGE", 2)
    for gender in ("F", "M", "F", "M", "F", "M", "F"):
        AdelskalenderEntryFactory(skater=SkaterFactory(gender=gender))
    women = set(Skater.objects.filter(gender="F").values_list("name", flat=True))
    second = page(client.get("/en/adelskalender/", {"gender": "F", "page": 2}))
    listed = [row[1].rsplit(" ", 1)[0] for row in second.table("Adelskalender").body]  # the name, not the code
    assert len(listed) == 2 and all(name in women for name in listed)
    page_links = [link for link in second.links if "page=" in link]
    assert page_links and all("gender=F" in link for link in page_links)


def test_no_page_shows_escaped_markup_as_text(client, db):
    from tests.helpers.html import page

    for url in ("/en/competitions/2023-24-world-cup-2-beijing/", "/nl/competitions/2024-world-sprint-championships/"):
        shown = page(client.get(url))
        assert "<br>" not in shown.visible_text and "<" not in shown.visible_text, url
        podiums = [cell for table in shown.tables for row in table.body for cell in row if "1. " in cell]
        assert podiums and all("\n2. " in cell for cell in podiums if "2. " in cell)
