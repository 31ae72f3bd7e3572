"""The public pages on the real seed data: profiles, head-to-head, search, seasons, rinks, sitemap."""

import pytest
from django.db.models import Count

from results.models import Competition, Race, Rink, Skater
from results.sport import timing
from tests.helpers.builders import make_race, seed_races_of, seed_rows
from tests.helpers.html import page, rows


def test_head_to_head_counts_every_meeting_in_the_seeds(client, db):
    races = seed_races_of("Jutta Leerdam", "Miho Takagi")
    both = [r for r in races.values() if len(r) == 2]
    leerdam_wins = sum(
        1 for r in both if r["Jutta Leerdam"]["rank"] and r["Miho Takagi"]["rank"]
        and int(r["Jutta Leerdam"]["rank"]) < int(r["Miho Takagi"]["rank"])
    )  # fmt: skip
    takagi_wins = sum(
        1 for r in both if r["Jutta Leerdam"]["rank"] and r["Miho Takagi"]["rank"]
        and int(r["Jutta Leerdam"]["rank"]) > int(r["Miho Takagi"]["rank"])
    )  # fmt: skip
    html = client.get("/en/head-to-head/jutta-leerdam/miho-takagi/").content.decode()
    assert f"{leerdam_wins} – {takagi_wins}" in html
    meeting_rows = [r for r in rows(html) if "World Cup" in r or "Olympics" in r or "Championships" in r]
    assert len(meeting_rows) == len(both) and len(both) >= 10


def timing_date(iso):
    """A seed date as the meetings table shows it: 2023-11-19 → 19-11-23."""
    return "-".join(reversed(iso[2:].split("-")))


def tally(response):
    overall = response.context["overall"]
    return overall.a, overall.b, overall.undecided


def test_head_to_head_lists_the_meetings_newest_first_a_page_at_a_time(client, db, monkeypatch):
    from results.views import head_to_head as views

    races = seed_races_of("Jutta Leerdam", "Miho Takagi")
    days = sorted((key[1] for key, r in races.items() if len(r) == 2), reverse=True)
    whole = client.get("/en/head-to-head/jutta-leerdam/miho-takagi/")
    monkeypatch.setattr(views, "MEETINGS_PER_PAGE", 4)
    pages = [client.get("/en/head-to-head/jutta-leerdam/miho-takagi/", {"page": n}) for n in (1, 2)]
    for n, response in enumerate(pages):
        shown = page(response).table("Every meeting").body
        assert len(shown) == 4
        assert timing_date(days[4 * n]) == shown[0][0] and timing_date(days[4 * n + 3]) == shown[-1][0]
        assert tally(response) == tally(whole)
    assert client.get("/en/head-to-head/jutta-leerdam/miho-takagi/", {"page": 99}).status_code == 404


def test_head_to_head_in_either_order_gives_the_mirror_tally(client, db):
    a, b, undecided = tally(client.get("/en/head-to-head/jutta-leerdam/miho-takagi/"))
    assert tally(client.get("/en/head-to-head/miho-takagi/jutta-leerdam/")) == (b, a, undecided)
    assert a + b > 0


def test_the_head_to_head_form_finds_two_skaters_or_says_what_is_wrong(client, db):
    response = client.get("/en/head-to-head/", {"a": "leerdam", "b": "miho takagi"})
    assert response.status_code == 302 and response["Location"] == "/en/head-to-head/jutta-leerdam/miho-takagi/"
    response = client.get("/en/head-to-head/", {"a": "leerdam", "b": "nobody-xyz"})
    assert response.status_code == 400
    assert "no skater matches" in response.content.decode()


def test_a_profile_shows_the_personal_records_and_season_bests_from_the_seeds(client, db):
    leerdam = [r for r in seed_rows() if r["skater"] == "Jutta Leerdam" and r["time"] and not r["status"]]
    best_1000 = min(timing.parse_time(r["time"]) for r in leerdam if r["distance_m"] == "1000")
    best_1000_2022 = min(
        timing.parse_time(r["time"]) for r in leerdam if r["distance_m"] == "1000" and r["season"] == "2022/23"
    )
    profile = page(client.get("/en/skaters/jutta-leerdam/"))
    assert timing.format_time(best_1000) in profile.table("Personal records").row_of("1000 m")
    bests = profile.table("Season bests")
    season = next(n for n, row in enumerate(bests.body) if row[0] == "2022/23")
    assert [timing.format_time(best_1000_2022)] == [row[2] for row in bests.body[season:] if row[1] == "1000 m"][:1]
    assert "vs Miho Takagi" in profile.visible_text


def test_a_skaters_results_filter_by_season_and_distance(client, db):
    html = client.get("/en/skaters/jutta-leerdam/results/", {"season": "2022", "distance": "500"}).content.decode()
    table = html.split("<tbody")[1]
    assert "2022-23" not in table or "No results." in table
    html = client.get("/en/skaters/jutta-leerdam/results/", {"season": "2022", "distance": "1000"}).content.decode()
    body = html.split("<tbody")[1]
    assert "2022-23 World Cup 1 (Stavanger)" in body
    assert "2025-26" not in body


def test_search_ignores_accents_and_finds_earlier_names(client, db):
    assert "Ireen Wüst" in client.get("/en/skaters/", {"q": "Wust"}).content.decode()
    assert "Martina Sáblíková" in client.get("/en/skaters/", {"q": "sablikova"}).content.decode()
    assert "Antoinette Rijpma-de Jong" in client.get("/en/skaters/", {"q": "antoinette de jong"}).content.decode()


def test_skaters_are_listed_by_nationality(client, db):
    html = client.get("/en/skaters/", {"nationality": "JPN", "q": "takagi"}).content.decode()
    assert "Miho Takagi" in html and "Jutta Leerdam" not in html
    assert "Jutta Leerdam" in client.get("/en/skaters/", {"nationality": "NED", "q": "leerdam"}).content.decode()


def test_the_season_page_lists_its_competitions_and_rankings(client, db):
    html = client.get("/en/seasons/2023-24/").content.decode()
    competitions = Competition.objects.filter(season=2023).annotate(n=Count("races"))
    assert len(competitions) >= 3
    for competition in competitions:
        assert f'<a href="{competition.get_absolute_url()}">{competition.short_name}</a>' in html
    beijing = competitions.get(slug="2023-24-world-cup-2-beijing")
    row = html[html.index(beijing.get_absolute_url()) :].split("</tr>")[0]
    assert f'<td class="num">{beijing.n}</td>' in row
    assert '<a href="/en/rankings/2023-24/women-1000m/">Women 1000 m</a>' in html
    assert "<strong>2023/24</strong>" in html and '<a href="/en/seasons/2022-23/">2022/23</a>' in html
    assert client.get("/en/seasons/1900-01/").status_code == 404


def test_the_rink_page_lists_the_races_held_there(client, db):
    html = client.get("/en/rinks/national-speed-skating-oval/").content.decode()
    assert "2022 Winter Olympics" in html and "Beijing" in html
    count = Race.objects.filter(competition__rink__slug="national-speed-skating-oval").count()
    assert html.count("/en/competitions/") >= count


def test_the_race_page_links_the_previous_and_next_race_of_the_distance(client, db):
    html = client.get("/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/").content.decode()
    assert 'rel="prev" href="/en/competitions/2023-24-world-cup-1-obihiro/women-1000m-a/"' in html
    assert 'rel="next" href="/en/competitions/2023-24-world-cup-3-stavanger/women-1000m-a/"' in html


def test_pages_carry_canonical_and_sharing_tags(client, db):
    html = client.get("/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/").content.decode()
    assert (
        '<link rel="canonical" href="http://testserver/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/">'
        in html
    )
    assert '<meta property="og:description" content="Miho Takagi (JPN) wins the 1000 m in 1:14.44">' in html
    assert 'hreflang="nl"' in html


def test_the_sitemap_lists_skaters_and_races_in_both_languages(client, db):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/en/skaters/jutta-leerdam/" in xml and "/nl/skaters/jutta-leerdam/" in xml
    assert "/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/" in xml
    pages = Skater.objects.count() + Race.objects.count() + Competition.objects.count() + Rink.objects.count()
    assert xml.count("<url>") == 2 * pages


def test_dutch_pages_use_dutch_dates_and_labels(client, db):
    html = client.get("/nl/skaters/jutta-leerdam/").content.decode()
    assert "Persoonlijke records" in html and "december 1998" in html
    assert "Laatste uitslagen" in html and "uitslagen, per seizoen en afstand" in html
    assert "<h1>Jutta Leerdam: uitslagen</h1>" in client.get("/nl/skaters/jutta-leerdam/results/").content.decode()


@pytest.mark.parametrize("size", [1, 30])
def test_the_public_pages_cost_a_fixed_number_of_queries(client, db, django_assert_max_num_queries, size):
    race = make_race(size)
    skater = race.results.first().skater
    rival = race.results.last().skater
    rink_url = race.competition.rink.get_absolute_url()
    # profile: skater, the career, streak summaries, other names, the stored rivals with their names, world records
    with django_assert_max_num_queries(6):
        assert client.get(skater.get_absolute_url()).status_code == 200
    # a skater's results: skater, the career
    with django_assert_max_num_queries(2):
        assert client.get(f"/en/skaters/{skater.slug}/results/", {"distance": 500}).status_code == 200
    # head-to-head: both skaters, the meetings
    with django_assert_max_num_queries(3):
        client.get(f"/en/head-to-head/{skater.slug}/{rival.slug}/")
    # season: competitions, winners, the list of seasons, the distances skated
    with django_assert_max_num_queries(4):
        assert client.get("/en/seasons/2024-25/").status_code == 200
    # rink: rink, races count and page, their winners, the stored track records
    with django_assert_max_num_queries(5):
        assert client.get(rink_url).status_code == 200
    # skater search: count, page, nationalities
    with django_assert_max_num_queries(3):
        assert client.get("/en/skaters/", {"q": "a"}).status_code == 200


def test_a_search_matching_very_many_skaters_lists_the_first_and_says_so(client, db, monkeypatch):
    from results.views import skaters as views

    matching = Skater.objects.search("an").count()
    assert matching > 4
    monkeypatch.setattr(views.CappedPaginator, "CAP", 4)
    monkeypatch.setattr(views, "SKATERS_PER_PAGE", 2)
    first, second = (client.get("/en/skaters/", {"q": "an", "page": n}).content.decode() for n in (1, 2))
    assert "More than 4 skaters match: only the first 4 are listed. Type more of the name." in first
    assert "page 1 of 2" in first and "page 2 of 2" in second
    names = [s.name for s in Skater.objects.search("an").order_by("name")[:4]]
    assert all(name in first for name in names[:2]) and all(name in second for name in names[2:])
    exact = client.get("/en/skaters/", {"q": "leerdam"}).content.decode()
    assert "More than" not in exact and "Jutta Leerdam" in exact


def test_every_skater_of_the_whole_list_is_on_a_page(client, db):
    skaters = list(Skater.objects.order_by("name").values_list("name", flat=True))
    assert len(skaters) > 1000  # the seed register: more than a search would count
    last = -(-len(skaters) // 50)
    html = client.get("/en/skaters/", {"page": last}).content.decode()
    assert f"page {last} of {last}" in html and skaters[-1] in html and "More than" not in html


def test_a_profile_links_the_rivals_met_most_with_the_count_of_races(client, db):
    from collections import Counter

    races = Race.objects.filter(results__skater__slug="jutta-leerdam", published=True)
    met = Counter(
        name for name in Skater.objects.filter(results__race__in=races).exclude(slug="jutta-leerdam")
        .values_list("name", flat=True)
    )  # fmt: skip
    expected = sorted(met.items(), key=lambda item: (-item[1], item[0]))[:8]
    shown = client.get("/en/skaters/jutta-leerdam/").context["rivals"]
    assert [(rival["name"], rival["meetings"]) for rival in shown] == expected
    assert expected[0][1] >= 10


def test_a_profile_counts_wins_and_podiums_per_distance_and_competition_kind(client, db):
    from django.db.models import Q

    from results.models import CompetitionKind, Result

    counts = (
        Result.objects.filter(skater__slug="jutta-leerdam", status="FIN", rank__lte=3, race__kind="individual")
        .exclude(race__division="B")
        .values_list("race__distance_m", "race__competition__kind")
        .annotate(wins=Count("id", filter=Q(rank=1)), podiums=Count("id"))
    )
    expected = sorted(
        (f"{d} m", str(CompetitionKind(kind).label), str(wins), str(podiums)) for d, kind, wins, podiums in counts
    )
    shown = page(client.get("/en/skaters/jutta-leerdam/")).table("Wins and podiums").body
    assert sorted(tuple(row) for row in shown) == expected and len(expected) >= 4
