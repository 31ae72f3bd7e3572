"""What one skater's results add up to: personal records, season bests, podiums and wins.

A career is read in one query as plain rows (CareerResult), not model instances, so a
profile costs the same few queries however long the career, and little per result.
The earliest of equal times holds the record: equalling a record does not take it.
"""

from collections import Counter
from datetime import date
from typing import NamedTuple

from django.db.models import BooleanField, ExpressionWrapper, IntegerField, Q, Value

from results.models import (
    CompetitionKind,
    PersonalBest,
    RaceKind,
    Result,
    SeasonBest,
    Status,
    distance_label,
    short_competition_name,
)
from results.models.addresses import slug_url
from results.models.public import public_race_sql
from results.queries import sql

RECENT_SEASONS = 5  # season bests listed on a profile; the chart shows every season

CAREER_FIELDS = (
    "race_id", "race__date", "race__distance_m", "race__kind", "race__division", "race__competition__season",
    "race__competition__kind", "status", "rank", "time_ms", "time_in_tenths", "race__competition__slug", "race__slug",
    "race__competition__name", "race__competition__rink__name",
)  # fmt: skip


class RaceShown:
    """What a row shows of its race (a row with kind, distance_m, competition_name, competition_slug, race_slug)."""

    __slots__ = ()

    @property
    def distance_label(self):
        return distance_label(self.kind, self.distance_m)

    @property
    def competition(self):
        return short_competition_name(self.competition_name)

    @property
    def race_url(self):
        return slug_url("results:race", self.competition_slug, self.race_slug)

    @property
    def competition_url(self):
        return slug_url("results:competition", self.competition_slug)


class CareerRow(NamedTuple):
    race_id: int
    date: date
    distance_m: int
    kind: str
    division: str
    season: int
    competition_kind: str
    status: str
    rank: int | None
    time_ms: int | None
    time_in_tenths: bool
    competition_slug: str
    race_slug: str
    competition_name: str
    rink: str
    timed_individual: bool  # a finish with a time in an individual race (counted by the database)


class CareerResult(CareerRow, RaceShown):
    """One result of a skater's, with what a profile shows of its race (a tuple: a long career has hundreds)."""

    __slots__ = ()

    @property
    def status_label(self):
        return Status(self.status).label


class BestRow(NamedTuple):
    season: int | None  # None: a personal record
    distance_m: int
    kind: str
    time_ms: int
    time_in_tenths: bool
    date: date
    competition_name: str
    competition_slug: str
    race_slug: str


class Best(BestRow, RaceShown):
    """A stored personal record or season best (results/writes/derived.py) with what is shown of its race."""

    __slots__ = ()


STORED_BESTS = """
    SELECT NULL, b.distance_m, ra.kind, b.time_ms, r.time_in_tenths, b.date, c.name, c.slug, ra.slug
    FROM results_personalbest b
    JOIN results_result r ON r.id = b.result_id
    JOIN results_race ra ON ra.id = r.race_id
    JOIN results_competition c ON c.id = ra.competition_id
    WHERE b.skater_id = %s
    UNION ALL
    SELECT b.season, b.distance_m, ra.kind, b.time_ms, r.time_in_tenths, b.date, c.name, c.slug, ra.slug
    FROM results_seasonbest b
    JOIN results_result r ON r.id = b.result_id
    JOIN results_race ra ON ra.id = r.race_id
    JOIN results_competition c ON c.id = ra.competition_id
    WHERE b.skater_id = %s
"""


def stored_bests_querysets(skater):
    """What stored_bests reads, as QuerySets in its order (tests compare the two): (personal records, season
    bests) as BestRow values."""
    shown = ("distance_m", "result__race__kind", "time_ms", "result__time_in_tenths", "date",
             "result__race__competition__name", "result__race__competition__slug", "result__race__slug")  # fmt: skip
    personal = (
        PersonalBest.objects.filter(skater=skater)
        .order_by("distance_m")
        .values_list(Value(None, IntegerField()), *shown)
    )
    seasons = SeasonBest.objects.filter(skater=skater).order_by("-season", "distance_m").values_list("season", *shown)
    return personal, seasons


def stored_bests(skater):
    """(personal records shortest distance first, {season: season bests} newest season first) as stored: official
    results of published races, so an API read costs a row a distance and season, not a row a result."""
    rows = [
        Best(*row[:4], bool(row[4]), sql.as_date(row[5]), *row[6:]) for row in sql.rows(STORED_BESTS, [skater.id] * 2)
    ]
    personal = sorted((row for row in rows if row.season is None), key=lambda row: row.distance_m)
    seasons = {}
    for row in sorted((row for row in rows if row.season is not None), key=lambda row: (-row.season, row.distance_m)):
        seasons.setdefault(row.season, []).append(row)
    return personal, seasons


def career_queryset(skater):
    """What career reads, as a QuerySet (tests compare the two)."""
    return (
        Result.objects.public()
        .filter(skater=skater)
        .annotate(timed_individual=TIMED_INDIVIDUAL)
        .order_by("race__date", "race_id")
        .values_list(*CAREER_FIELDS, "timed_individual")
    )


CAREER = f"""
    SELECT r.race_id, ra.date, ra.distance_m, ra.kind, ra.division, c.season, c.kind, r.status, r.rank, r.time_ms,
           r.time_in_tenths, c.slug, ra.slug, c.name, rk.name,
           CASE WHEN r.status = 'FIN' AND r.time_ms IS NOT NULL AND ra.kind = 'individual' THEN 1 ELSE 0 END
    FROM results_result r
    JOIN results_race ra ON ra.id = r.race_id
    JOIN results_competition c ON c.id = ra.competition_id
    JOIN results_rink rk ON rk.id = c.rink_id
    WHERE {public_race_sql("ra", "c")} AND r.skater_id = %s
    ORDER BY ra.date, r.race_id
"""


def career(skater):
    """Every published result of a skater as CareerResult rows, in date order (a profile's main read, written out
    in SQL: results/queries/sql.py)."""
    return [
        CareerResult(row[0], sql.as_date(row[1]), *row[2:10], bool(row[10]), *row[11:15], bool(row[15]))
        for row in sql.rows(CAREER, [skater.id])
    ]


TIMED_INDIVIDUAL = ExpressionWrapper(
    Q(status=Status.FINISHED, time_ms__isnull=False, race__kind=RaceKind.INDIVIDUAL), output_field=BooleanField()
)


def latest_first(results, season=None, distance_m=None):
    """The results of a season and a distance (either may be None: all), newest first, shortest distance first."""
    chosen = [
        r for r in results
        if (season is None or r.season == season) and (distance_m is None or r.distance_m == distance_m)
    ]  # fmt: skip
    return sorted(chosen, key=lambda r: (-r.date.toordinal(), r.distance_m))


def _best_by(results, key):
    best = {}
    for result in results:
        if result.timed_individual:
            k = key(result)
            if k not in best or result.time_ms < best[k].time_ms:
                best[k] = result
    return best


def personal_records(results):
    """The best time per distance: [CareerResult], shortest distance first."""
    best = _best_by(results, lambda r: r.distance_m)
    return [best[d] for d in sorted(best)]


def season_bests(results):
    """{season: [CareerResult per distance]}, newest season first."""
    best = _best_by(results, lambda r: (r.season, r.distance_m))
    seasons = {}
    for (season, _distance), result in sorted(best.items(), key=lambda item: (-item[0][0], item[0][1])):
        seasons.setdefault(season, []).append(result)
    return seasons


def medal_counts(results):
    """Wins and podiums per (distance label, competition kind label): [(distance, kind, wins, podiums)]."""
    wins, podiums = Counter(), Counter()
    for result in results:
        if result.status != Status.FINISHED or not result.rank or result.rank > 3 or result.division == "B":
            continue
        key = (result.distance_m, result.distance_label, result.competition_kind)
        podiums[key] += 1
        if result.rank == 1:
            wins[key] += 1
    labelled = sorted((distance, label, str(CompetitionKind(kind).label), kind) for distance, label, kind in podiums)
    return [
        (label, kind_label, wins[(d, label, kind)], podiums[(d, label, kind)])
        for d, label, kind_label, kind in labelled
    ]


def record_progression(results, distance_m):
    """[(date, ms)] for each new personal record on a distance, in date order."""
    best, steps = None, []
    for result in results:
        if result.distance_m == distance_m and result.timed_individual and (best is None or result.time_ms < best):
            best = result.time_ms
            steps.append((result.date, result.time_ms))
    return steps
