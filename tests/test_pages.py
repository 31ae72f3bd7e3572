import re

import pytest
from django.utils import translation

from results.models import Competition, Race, Result, Skater
from results.sport import timing
from results.sport.timing import season_label
from tests.helpers.builders import BEIJING, make, make_race, make_team_pursuit
from tests.helpers.html import page, row_of, rows


def test_the_beijing_race_shows_the_podium_gap_withdrawals_and_incomplete_field(client, db):
    html = client.get(BEIJING).content.decode()
    assert row_of(html, "Takagi").startswith("1 |")
    assert "1:14.44" in row_of(html, "Takagi")
    assert row_of(html, "Goetz").startswith("2 |") and "1:14.45" in row_of(html, "Goetz")
    leerdam = row_of(html, "Leerdam")
    assert leerdam.startswith("3 |") and "1:14.88" in leerdam and "+0.44" in leerdam
    assert row_of(html, "Femke Kok").startswith("WDR |") and row_of(html, "Fledderus").startswith("WDR |")
    assert '<abbr title="withdrew">WDR</abbr>' in html
    assert "Incomplete field" in html
    assert "/en/competitions/2023-24-world-cup-2-beijing/women-1000m-b/" in html


def test_the_race_page_shows_ages_on_the_race_day(client, db):
    html = client.get(BEIJING).content.decode()
    assert "| 29 |" in row_of(html, "Takagi")
    assert "| 24 |" in row_of(html, "Leerdam")
    assert "| 28 |" in row_of(html, "Rijpma")


def test_the_race_page_uses_dutch_notation_in_dutch(client, db):
    html = client.get(BEIJING.replace("/en/", "/nl/")).content.decode()
    assert "1.14,44" in row_of(html, "Takagi")
    assert "+0,44" in row_of(html, "Leerdam")
    assert '<abbr title="afgemeld">WDR</abbr>' in html


def test_a_full_official_field_is_shown_complete_with_quartet_starts(client, db):
    race = Race.objects.get(
        competition__name="2025-26 ISU Speed Skating World Cup 1 (Salt Lake City)",
        gender="F",
        distance_m=3000,
        division="B",
    )
    html = client.get(race.get_absolute_url()).content.decode()
    assert "Incomplete field" not in html
    finishers = race.results.filter(status="FIN").count()
    assert len([r for r in rows(html) if re.match(r"^\d+ \|", r)]) == finishers
    heat = race.results.values_list("pair", flat=True)
    assert max(list(heat).count(p) for p in set(heat) if p) == 4  # four skaters share a quartet start
    assert row_of(html, "Nadezhda Morozova").startswith("1 |")


def test_thousandths_are_shown_only_where_they_decide_a_tie(client, db):
    results = list(Result.objects.filter(time_ms__isnull=False).select_related("race", "skater"))
    by_hundredths = {}
    for r in results:
        by_hundredths.setdefault((r.race_id, r.time_ms // 10), set()).add(r.time_ms)
    tied = next(r for r in results if len(by_hundredths[(r.race_id, r.time_ms // 10)]) > 1)
    alone = next(r for r in results if r.time_ms % 10 and len(by_hundredths[(r.race_id, r.time_ms // 10)]) == 1)
    with translation.override("en"):
        tied_html = client.get(tied.race.get_absolute_url()).content.decode()
        alone_html = client.get(alone.race.get_absolute_url()).content.decode()
    assert f"{timing.format_time(tied.time_ms)}<small>{tied.time_ms % 10}</small>" in tied_html
    assert f"{timing.format_time(alone.time_ms)}<small>" not in alone_html
    assert timing.format_time(alone.time_ms) in alone_html


def test_a_skaters_results_page_lists_every_result_and_the_profile_the_latest(client, db):
    from results.views.skaters import LATEST_RESULTS

    skater = Skater.objects.get(slug="jutta-leerdam")
    count = skater.results.count()
    assert count > LATEST_RESULTS
    listed = client.get("/en/skaters/jutta-leerdam/results/").content.decode()
    rows = listed.split("<tbody>")[1].split("</tbody>")[0]
    assert rows.count("<tr") == min(count, 25)
    profile = client.get("/en/skaters/jutta-leerdam/").content.decode()
    assert "30 December 1998" in profile
    latest = profile.split('id="results"')[1].split("</tbody>")[0]
    assert latest.count("<tr") == LATEST_RESULTS + 1  # and the heading's
    newest = skater.results.order_by("-race__date").select_related("race__competition").first()
    assert newest.race.get_absolute_url() in latest
    assert f"All {count} results, by season and distance" in profile
    assert "/en/skaters/jutta-leerdam/results/" in profile


def test_an_earlier_names_results_address_redirects_permanently(client, db):
    response = client.get("/en/skaters/antoinette-de-jong/results/")
    assert response.status_code == 301
    assert response["Location"] == "/en/skaters/antoinette-rijpma-de-jong/results/"


def test_an_earlier_name_redirects_permanently_to_the_profile(client, db):
    response = client.get("/en/skaters/antoinette-de-jong/")
    assert response.status_code == 301
    assert response["Location"] == "/en/skaters/antoinette-rijpma-de-jong/"


@pytest.mark.parametrize(
    "url",
    [
        "/en/skaters/nobody-at-all/",
        "/en/competitions/no-such-cup/",
        "/en/competitions/2023-24-world-cup-2-beijing/men-1m/",
    ],
)
def test_unknown_slugs_are_404(client, db, url):
    assert client.get(url).status_code == 404


def test_the_competition_page_shows_each_podium(client, db):
    day = page(client.get("/en/competitions/2023-24-world-cup-2-beijing/")).table("18 Nov 2023")
    podium = day.row_of("Women 1000 m division A")[1].split("\n")
    assert podium[0] == "1. Miho Takagi 1:14.44" and podium[1].startswith("2. Kimi Goetz 1:14.45")


@pytest.mark.parametrize("size", [1, 30])
def test_pages_cost_a_fixed_number_of_queries(client, db, django_assert_max_num_queries, size):
    race = make_race(size)
    # race: the race with its competition and rink, its results with skaters, the skaters' history on the
    # distance, the track and national records before the race, the ages of the distance's winners, the
    # races of the distance in the season (its competition's among them)
    with django_assert_max_num_queries(6):
        assert client.get(race.get_absolute_url()).status_code == 200
    # competition: the competition, its races, the podiums
    with django_assert_max_num_queries(3):
        assert client.get(race.competition.get_absolute_url()).status_code == 200
    # home: are races live now (none), competitions, latest races, the latest streaks ended (stored), their winners
    with django_assert_max_num_queries(5):
        assert client.get("/en/").status_code == 200
    # competitions: count, the page with race counts, the seasons
    with django_assert_max_num_queries(3):
        assert client.get("/en/competitions/").status_code == 200


def test_a_mass_start_is_ranked_by_points_then_finishing_order(client, db):
    from results.models import RaceKind
    from results.writes.ranks import rerank_races

    competition = Competition.objects.get(name="2023-24 ISU Speed Skating World Cup 2 (Beijing)")
    race = make(Race, competition=competition, date="2023-11-19", gender="F", distance_m=6400, kind=RaceKind.MASS_START)
    rows = [("Irene Schouten", 60, 500000), ("Ivanie Blondin", 40, 499000), ("Marijke Groenewoud", 60, 500500)]
    for name, points, time_ms in rows:
        make(Result, race=race, skater=Skater.objects.get(name=name), points=points, time_ms=time_ms)
    rerank_races([race.id])
    html = client.get(race.get_absolute_url()).content.decode()
    assert row_of(html, "Schouten").startswith("1 | Irene Schouten")
    assert row_of(html, "Groenewoud").startswith("2 |") and row_of(html, "Blondin").startswith("3 |")
    assert "Points" in html and "Pair" not in html


def test_a_team_pursuit_shows_teams_with_their_skaters(client, db, django_assert_max_num_queries):
    race = make_team_pursuit()
    url = race.get_absolute_url()
    # the race, the team results, their members with skaters, the other races of the distance, the season's
    with django_assert_max_num_queries(6):
        html = client.get(url).content.decode()
    assert (
        row_of(html, "NED")
        .replace(" ,", ",")
        .startswith("1 | NED | Antoinette Rijpma-de Jong, Marrit Fledderus | 2:55.50")
    )
    assert row_of(html, "JPN").replace(" ,", ",").startswith("2 | JPN | Miho Takagi, Ayano Sato | 2:56.00 | +0.50")
    assert "/en/skaters/miho-takagi/" in html
    competition_page = client.get(race.competition.get_absolute_url()).content.decode()
    assert '1. <abbr title="Netherlands">NED</abbr>' in competition_page


def test_team_results_are_left_out_of_the_csv_sheet_but_in_the_json(client, db):
    import json

    race = make_team_pursuit()
    assert client.get(f"{race.get_absolute_url()}results.csv").content.decode().count("\n") == 1
    data = json.loads(client.get(f"{race.get_absolute_url()}results.json").content)
    assert {row["team"]: row["members"] for row in data["results"]}["JPN"] == ["Miho Takagi", "Ayano Sato"]


def test_nationalities_name_their_country_in_the_page_language(client, db):
    assert '<abbr title="Japan">JPN</abbr>' in client.get(BEIJING).content.decode()
    assert '<abbr title="Nederland">NED</abbr>' in client.get(BEIJING.replace("/en/", "/nl/")).content.decode()


def test_a_profile_lists_the_latest_season_bests_and_charts_every_season(client, db, monkeypatch):
    from results.queries import careers

    seasons = sorted({r.season for r in careers.career(Skater.objects.get(slug="jutta-leerdam"))}, reverse=True)
    assert len(seasons) >= 3
    monkeypatch.setattr(careers, "RECENT_SEASONS", 2)
    response = client.get("/en/skaters/jutta-leerdam/")
    profile = page(response)
    labels = [row[0] for row in profile.table("Season bests").body if row[0]]
    assert labels == [season_label(s) for s in seasons[:2]]
    assert "The latest 2 seasons; every season best is a dot in the charts above." in profile.visible_text
    assert response.content.decode().count('class="sb"') >= len(seasons)


def test_the_profile_filter_form_is_what_django_renders(client, db):
    from results.queries import careers
    from results.views.filters import SkaterResultFilter

    leerdam = Skater.objects.get(slug="jutta-leerdam")
    seasons = sorted({r.season for r in careers.career(leerdam)}, reverse=True)
    assert len(seasons) >= 3
    for query in ({}, {"season": str(seasons[1]), "distance": "1000"}, {"season": "1800"}):
        page = client.get("/en/skaters/jutta-leerdam/results/", query).content.decode()
        django_html = SkaterResultFilter(query, queryset=Result.objects.none(), seasons=seasons).form.as_div()
        for name in ("season", "distance"):
            pattern = rf'<select name="{name}".*?</select>'
            ours, djangos = (re.sub(r">\s+<", "><", re.search(pattern, h, re.S).group(0)) for h in (page, django_html))
            assert ours == djangos and "<option" in ours
        assert ("Select a valid choice" in page) == (query.get("season") == "1800")


def test_the_new_sentences_are_in_dutch_on_dutch_pages(client, db):
    assert (
        "Op de pagina van elk toernooi staat het podium van elke rit."
        in client.get("/nl/seasons/2023-24/").content.decode()
    )
    profile = client.get("/nl/skaters/jutta-leerdam/").content.decode()
    assert "seizoensbesten (stippen)" in profile
