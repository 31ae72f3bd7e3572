"""Rankings built from the results held: season best lists, the Adelskalender, championship
classifications and World Cup standings.

- Adelskalender: the sum of samalog points of a skater's personal records over the four allround
  distances (men 500/1500/5000/10000 m, women 500/1500/3000/5000 m), as they stood on a date; a
  skater needs a time on all four to be ranked. Lower is better.
- Championship classification: samalog points summed over the distances skated so far, for the
  skaters who have a time on every one of them.
- World Cup standings: points by rank from the season's points table (data, per division and
  distance), summed over the season's World Cup races; a rank the table does not cover gives none.
"""

from dataclasses import dataclass

from results.sport import timing

ALLROUND = {"M": (500, 1500, 5000, 10000), "F": (500, 1500, 3000, 5000)}


@dataclass
class Ranked:
    rank: int
    skater_id: int
    value: int
    detail: object = None


def ranked(values, key=lambda item: item[1]):
    """[(skater_id, value, detail)] sorted by key (then skater, for a stable order), ranked with ties shared."""
    items = sorted(values, key=lambda item: (key(item), item[0]))
    ranks = timing.rank_with_ties([key(item) for item in items])
    return [
        Ranked(rank, item[0], item[1], item[2] if len(item) > 2 else None)
        for rank, item in zip(ranks, items, strict=True)
    ]


def adelskalender(bests, gender):
    """Samalog sum of personal records over the allround distances: bests are (skater, distance, ms) rows."""
    distances = ALLROUND[gender]
    best = {}
    for skater_id, distance, time_ms in bests:
        if distance in distances and ((skater_id, distance) not in best or time_ms < best[(skater_id, distance)]):
            best[(skater_id, distance)] = time_ms
    totals = []
    for skater_id in {skater for skater, _ in best}:
        times = [best.get((skater_id, d)) for d in distances]
        if all(times):
            total = sum(timing.samalog_points(ms, d) for ms, d in zip(times, distances, strict=True))
            totals.append((skater_id, total, times))
    return ranked(totals)


def classification(distances_results):
    """Standings after each distance of a championship.

    distances_results: [(race, {skater_id: time_ms})] in skating order.
    Returns [(race, [Ranked with detail = per-distance points])] after each race.
    """
    standings, points = [], {}
    for n, (race, times) in enumerate(distances_results, start=1):
        for skater_id, time_ms in times.items():
            points.setdefault(skater_id, []).append(timing.samalog_points(time_ms, race.distance_m))
        complete = [(s, sum(p), list(p)) for s, p in points.items() if len(p) == n]
        points = {s: p for s, p in points.items() if len(p) == n}
        standings.append((race, ranked(complete)))
    return standings


def world_cup_standings(starts, points_table):
    """Points per skater: starts are (skater_id, season, division, distance_m, gender, rank)."""
    totals, detail = {}, {}
    for skater_id, season, division, distance_m, gender, rank in starts:
        points = points_table.get((season, division, distance_m, gender, rank), 0)
        totals[skater_id] = totals.get(skater_id, 0) + points
        detail.setdefault(skater_id, []).append(points)
    return ranked([(s, total, detail[s]) for s, total in totals.items() if total > 0], key=lambda item: -item[1])
