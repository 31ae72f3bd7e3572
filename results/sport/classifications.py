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


def slowest_time_under(points, distance_m):
    """The slowest time (ms) on the distance that scores fewer than `points` (thousandths), or None when no time
    can. Samalog points are truncated, floor(t * 500 / d) < points ⟺ t * 500 < points * d, so the slowest is
    ceil(points * d / 500) - 1 ms: on 1500 m, fewer than 38.665 points takes 1:55.994 or faster (1:55.995 scores
    38.665 exactly, a tie)."""
    slowest = -(-points * distance_m // 500) - 1
    return slowest if slowest > 0 else None


@dataclass(frozen=True)
class Needed:
    """What a skater still to start on the last distance needs: the slowest time that takes the lead of the
    classification from its leader, and the one that passes the nearest skater ranked ahead before the distance who
    skates it too (or,
    when that skater has not skated it yet, by how much she must beat them: the points between them as time on
    the distance, to the millisecond before both times' truncation)."""

    skater_id: int
    leader_id: int | None = None
    lead_ms: int | None = None
    ahead_id: int | None = None
    ahead_ms: int | None = None
    ahead_gap_ms: int | None = None


def what_it_takes(before, finals, distance_m, to_start):
    """before: [Ranked] standings before the last distance (value: points); finals: {skater_id: total} of those who
    have skated it; to_start: the skaters still to start it, in starting order."""
    points = {row.skater_id: row.value for row in before}
    leader = min(finals, key=lambda s: (finals[s], s)) if finals else None
    needs = []
    for skater_id in to_start:
        if skater_id not in points:
            continue  # not classified before the last distance: no total to race for
        mine = points[skater_id]
        needed = {"skater_id": skater_id}
        if leader is not None:
            needed.update(leader_id=leader, lead_ms=slowest_time_under(finals[leader] - mine, distance_m))
        in_race = set(finals) | set(to_start)  # a skater ahead who skips the distance is passed anyway
        ahead = [row for row in before if row.value < mine and row.skater_id in in_race]
        if ahead:
            target = ahead[-1].skater_id
            needed["ahead_id"] = target
            if target in finals:
                needed["ahead_ms"] = slowest_time_under(finals[target] - mine, distance_m)
            elif target in to_start:  # both still to skate: the points between them, as time on the distance
                needed["ahead_gap_ms"] = -(-(mine - points[target]) * distance_m // 500)
        needs.append(Needed(**needed))
    return needs
