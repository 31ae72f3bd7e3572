"""What one skater's results add up to: personal records, season bests, podiums and wins.

Computed from the results held, in plain Python over one list of results (with
their races), so a profile costs the same few queries however long the career.
The earliest of equal times holds the record: equalling a record does not take it.
"""

from collections import Counter

from results.charts import progression_chart
from results.history import as_start_of
from results.models import RaceKind, Status
from results.streaks import streaks


def _best_by(results, key):
    best = {}
    for result in sorted(results, key=lambda r: (r.race.date, r.race_id)):
        if result.status != Status.FINISHED or not result.time_ms or result.race.kind != RaceKind.INDIVIDUAL:
            continue
        k = key(result)
        if k not in best or result.time_ms < best[k].time_ms:
            best[k] = result
    return best


def personal_records(results):
    """The best time per distance: [Result], shortest distance first."""
    best = _best_by(results, lambda r: r.race.distance_m)
    return [best[d] for d in sorted(best)]


def season_bests(results):
    """{season: [Result per distance]}, newest season first."""
    best = _best_by(results, lambda r: (r.race.competition.season, r.race.distance_m))
    seasons = {}
    for (season, _distance), result in sorted(best.items(), key=lambda item: (-item[0][0], item[0][1])):
        seasons.setdefault(season, []).append(result)
    return seasons


def medal_counts(results):
    """Wins and podiums per (distance label, competition kind label): [(distance, kind, wins, podiums)]."""
    wins, podiums = Counter(), Counter()
    for result in results:
        if result.status != Status.FINISHED or not result.rank or result.rank > 3 or result.race.division == "B":
            continue
        key = (result.race.distance_m, result.race.distance_label(), result.race.competition.get_kind_display())
        podiums[key] += 1
        if result.rank == 1:
            wins[key] += 1
    return [(label, kind, wins[key], podiums[key]) for key in sorted(podiums) for _, label, kind in [key]]


def record_progression(results, distance_m):
    """[(date, ms)] for each new personal record on a distance, in date order."""
    best, steps = None, []
    for result in sorted(results, key=lambda r: (r.race.date, r.race_id)):
        if result.race.distance_m != distance_m or result.race.kind != RaceKind.INDIVIDUAL:
            continue
        if result.status == Status.FINISHED and result.time_ms and (best is None or result.time_ms < best):
            best = result.time_ms
            steps.append((result.race.date, result.time_ms))
    return steps


def progression_charts(results, personal, bests, notation):
    """One SVG chart per distance with a personal record: season bests as dots, the PR progression as a line."""
    charts = []
    for record in personal:
        distance = record.race.distance_m
        season_points = [
            (r.race.date, r.time_ms) for season in bests.values() for r in season if r.race.distance_m == distance
        ]
        chart = progression_chart(distance, season_points, record_progression(results, distance), notation)
        if chart:
            charts.append(chart)
    return charts


def streak_rows(results):
    """[(distance, current, longest)] for each distance the skater has won on."""
    by_distance = {}
    for result in sorted(results, key=lambda r: (r.race.date, r.race_id)):
        if result.race.kind == RaceKind.INDIVIDUAL:
            by_distance.setdefault(result.race.distance_m, []).append(as_start_of(result))
    rows = [(distance, *streaks(starts)) for distance, starts in sorted(by_distance.items())]
    return [row for row in rows if row[2] > 0]
