"""Progression charts drawn as SVG on the server: no JavaScript, readable on a phone.

One small chart per distance: every season best as a dot, the personal-record
progression as a step line. Faster is higher. Pure: takes (date, ms) points.
"""

from dataclasses import dataclass
from datetime import date

from results.queries.careers import record_progression
from results.sport import timing

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_Y = 320, 140, 52, 10, 16


@dataclass
class Chart:
    distance_m: int
    season_bests: list  # [(x, y, label)]
    record_path: str
    y_labels: list  # [(y, label)]
    x_labels: list  # [(x, label)]
    width: int = WIDTH
    height: int = HEIGHT


def progression_chart(distance_m, season_bests, records, notation="en", in_tenths=frozenset()):
    """season_bests: [(date, ms)] one per season; records: [(date, ms)] each a new PR, in date order; in_tenths:
    the times (ms) that were measured in tenths, labelled so."""

    def label(ms):
        return timing.format_time(ms, notation, tenths=ms in in_tenths)

    points = season_bests + records
    if len(points) < 2:
        return None
    days = [p[0].toordinal() for p in points]
    times = [p[1] for p in points]
    first, last = min(days), max(days)
    fastest, slowest = min(times), max(times)
    span_x, span_y = max(last - first, 1), max(slowest - fastest, 1)

    def x(day):
        return round(PAD_LEFT + (day.toordinal() - first) * (WIDTH - PAD_LEFT - PAD_RIGHT) / span_x, 1)

    def y(ms):
        return round(PAD_Y + (ms - fastest) * (HEIGHT - 2 * PAD_Y) / span_y, 1)

    path, previous = [], None
    for day, ms in records:
        if previous is None:
            path.append(f"M{x(day)},{y(ms)}")
        else:
            path.append(f"H{x(day)}V{y(ms)}")
        previous = ms
    if records:
        path.append(f"H{WIDTH - PAD_RIGHT}")
    season_starts = [
        date(year, 7, 1) for year in range(min(p[0].year for p in points), max(p[0].year for p in points) + 1)
    ]
    ticks = [day for day in season_starts if first <= day.toordinal() <= last] or [min(p[0] for p in points)]
    return Chart(
        distance_m=distance_m,
        season_bests=[(x(day), y(ms), label(ms)) for day, ms in season_bests],
        record_path="".join(path),
        y_labels=[
            (y(fastest), label(fastest)),
            (y(slowest), label(slowest)),
        ],
        x_labels=[(x(day), timing.season_label(timing.season_of(day))) for day in ticks],
    )


def progression_charts(results, personal, bests, notation):
    """One SVG chart per distance with a personal record: season bests as dots, the PR progression as a line."""
    by_distance = {}
    for result in results:
        if result.timed_individual:
            by_distance.setdefault(result.distance_m, []).append(result)
    charts = []
    for record in personal:
        distance = record.distance_m
        season_points = [(r.date, r.time_ms) for season in bests.values() for r in season if r.distance_m == distance]
        in_tenths = {r.time_ms for r in by_distance[distance] if r.time_in_tenths}
        chart = progression_chart(
            distance, season_points, record_progression(by_distance[distance], distance), notation, in_tenths
        )
        if chart:
            charts.append(chart)
    return charts
