"""What it takes to win a championship: the time a skater still to start on the last distance needs to take the
lead of the samalog classification, and to pass the skater ahead. Cases computed by hand, then the real 2022 World
Sprint in Hamar replayed with its last pairs still to skate."""

from results.models import Race, Status
from results.queries.competition_page import what_it_takes
from results.sport import timing
from results.sport.classifications import Needed, Ranked, slowest_time_under
from results.sport.classifications import what_it_takes as needs_for
from results.writes import path as write_path

# Women's allround before the 5000 m (points in thousandths): A 120.000, B 120.500, C 121.300.
BEFORE = [Ranked(1, 1, 120_000), Ranked(2, 2, 120_500), Ranked(3, 3, 121_300)]


def test_what_it_takes_on_the_last_5000_m_worked_out_by_hand():
    # A skated 6:55.00: 415.00 s / 10 = 41.500 points, 161.500 in all.
    finals = {1: 120_000 + 41_500}
    b, c = needs_for(BEFORE, finals, 5000, [2, 3])
    # B has 120.500: she needs fewer than 161.500 - 120.500 = 41.000 points, 410.00 s / 10: 6:49.99 (409.999 s
    # scores 40.999, and every time shown as 6:49.99 does); 6:50.00 would tie. A is also the skater ahead of her.
    assert b == Needed(skater_id=2, leader_id=1, lead_ms=409_999, ahead_id=1, ahead_ms=409_999)
    assert timing.format_at_most(b.lead_ms) == "6:49.99" and timing.format_at_most(b.lead_ms, "nl") == "6.49,99"
    # C has 121.300: fewer than 40.200 points, so 6:41.999 or faster; ahead of her is B, who skates later:
    # 0.800 points between them is 8.000 s on 5000 m.
    assert c == Needed(skater_id=3, leader_id=1, lead_ms=401_999, ahead_id=2, ahead_gap_ms=8_000)


def test_a_needed_time_on_a_truncation_boundary_is_given_to_the_thousandth():
    # Sprint, last 1000 m: points are seconds / 2, truncated. The leader has 149.000 in all; D has 111.889 before
    # the 1000 m, so she needs fewer than 37.111 points: 74.221 s scores 37.110 (74.221 / 2 = 37.1105, truncated),
    # 74.222 s scores 37.111, a tie. Both show as 1:14.22, so the needed time is given as 1:14.221.
    [d] = needs_for([Ranked(1, 9, 110_000), Ranked(2, 4, 111_889)], {9: 149_000}, 1000, [4])
    assert d.lead_ms == 74_221
    assert timing.samalog_points(74_221, 1000) == 37_110 and timing.samalog_points(74_222, 1000) == 37_111
    assert timing.format_at_most(d.lead_ms) == "1:14.221"


def test_out_of_reach_and_before_anyone_has_skated():
    assert slowest_time_under(0, 500) is None
    a, b = needs_for(BEFORE, {}, 5000, [1, 2])  # nobody has skated the 5000 m yet
    assert a == Needed(skater_id=1)  # the leader: nothing to beat yet
    assert b == Needed(skater_id=2, ahead_id=1, ahead_gap_ms=5_000)  # 0.500 points is 5.000 s on 5000 m
    # C's skater ahead, B, withdraws from the 5000 m: A is the one to pass
    [c] = needs_for(BEFORE, {1: 161_500}, 5000, [3])
    assert (c.ahead_id, c.ahead_ms) == (1, 401_999)


def hamar_with_last_pairs_to_skate(pairs=3):
    """The real women's 1000 m of the 2022 World Sprint's first day, as it was skated: the championship's last
    distance so far (the second day's races taken out), made provisional with its last pairs back on the start
    list. Returns the race and {skater id: the time she really skated}."""
    race = Race.objects.get(competition__name="2022 World Sprint Speed Skating Championships", date="2022-03-03",
                            gender="F", distance_m=1000)  # fmt: skip
    write_path.delete_all(Race.objects.filter(competition=race.competition, date__gt=race.date))
    last = max(race.results.values_list("pair", flat=True))
    waiting = race.results.filter(pair__gt=last - pairs)
    real = dict(waiting.values_list("skater_id", "time_ms"))
    waiting.update(status=Status.NOT_SKATED, time_ms=None, rank=None, rank_is_official=False)
    Race.objects.filter(pk=race.pk).update(provisional=True)
    race.refresh_from_db()
    return race, real


def test_on_the_real_sprint_each_needed_time_is_exactly_what_takes_the_lead(db):
    race, real = hamar_with_last_pairs_to_skate()
    needs, named = what_it_takes(race)
    assert needs and {need.skater_id for need in needs} <= set(real)
    five_hundred = dict(
        Race.objects.get(competition=race.competition, date="2022-03-03", gender="F", distance_m=500)
        .results.filter(status="FIN", time_ms__isnull=False)
        .values_list("skater_id", "time_ms")
    )
    skated = dict(race.results.filter(status="FIN", time_ms__isnull=False).values_list("skater_id", "time_ms"))
    # samalog by hand: a 500 m time in seconds is its points; a 1000 m time is halved, truncated to thousandths
    totals = {s: five_hundred[s] + (skated[s] * 500) // 1000 for s in skated if s in five_hundred}
    leader_total = min(totals.values())
    for need in needs:
        mine = five_hundred[need.skater_id]
        # her real 1000 m takes the lead exactly when it is no slower than the time needed
        took_lead = mine + (real[need.skater_id] * 500) // 1000 < leader_total
        assert (real[need.skater_id] <= need.lead_ms) == took_lead, named[need.skater_id].name
        assert need.leader_id in totals and totals[need.leader_id] == leader_total


def test_the_live_race_page_and_the_classification_show_what_it_takes(client, db):
    race, real = hamar_with_last_pairs_to_skate()
    needs, named = what_it_takes(race)
    first = needs[0]
    live = client.get(race.get_absolute_url() + "live").content.decode()
    competition = client.get(race.competition.get_absolute_url()).content.decode()
    for html in (live, competition):
        section = html.split('id="needs-title"')[1].split("</section>")[0]
        assert named[first.skater_id].name in section
        assert timing.format_at_most(first.lead_ms) in section and named[first.leader_id].name in section
        assert section.count("<tr>") == len(needs) + 1  # the header and each skater still to start
    official = client.get(race.get_absolute_url()).content.decode()
    Race.objects.filter(pk=race.pk).update(provisional=False)
    assert "needs-title" in official  # while provisional
    assert "needs-title" not in client.get(race.competition.get_absolute_url()).content.decode()


def test_on_a_skated_race_what_a_fan_follows_comes_before_the_full_table(client, db):
    race, _real = hamar_with_last_pairs_to_skate()
    html = client.get(race.get_absolute_url()).content.decode()
    last_skated = max(race.results.exclude(status=Status.NOT_SKATED).values_list("pair", flat=True))
    order = [html.index(mark) for mark in ("Time to beat", f"Just skated: pair {last_skated}", 'id="needs-title"',
                                           "Still to skate", "visually-hidden\">Results<")]  # fmt: skip
    assert order == sorted(order)
    Race.objects.filter(pk=race.pk).update(provisional=False)  # official: the table first, no pair highlighted
    official = client.get(race.get_absolute_url()).content.decode()
    assert "Just skated" not in official


def test_a_gap_that_gives_equal_points_is_said_to_tie_not_to_pass():
    from results.display.rows import needs
    from results.queries.competition_page import SkaterLink

    named = {1: SkaterLink(1, "Anna A", "anna-a", "NED"), 2: SkaterLink(2, "Bea B", "bea-b", "NOR")}
    [(_skater, _lead, _leader, ahead, _ahead_of)] = needs(
        ([Needed(skater_id=2, ahead_id=1, ahead_gap_ms=5_000)], named)
    )
    assert ahead == "more than 5.000 s faster than Anna A (that much ties)"
