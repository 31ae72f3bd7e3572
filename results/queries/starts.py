"""The starts behind markers, streaks and talking points, read in one query and turned into plain rows."""

from django.db.models import Q

from results.models import PUBLIC_RESULT, Result
from results.models.public import public_race_sql
from results.queries import sql
from results.sport.streaks import Start

START_FIELDS = (
    "skater_id", "race_id", "race__date", "race__division", "status", "rank", "time_ms",
    "race__competition__name", "race__competition__rink__city", "race__competition__rink_id",
    "race__competition__season", "race__distance_m", "id",
)  # fmt: skip


def starts_on_distance_queryset(race, skater_ids):
    """What starts_on_distance reads, as a QuerySet (tests compare the two)."""
    return (
        Result.objects.filter(
            PUBLIC_RESULT | Q(race_id=race.id),
            skater_id__in=skater_ids, race_distance_m=race.distance_m, race_date__lte=race.date,
            race__gender=race.gender, race__kind=race.kind,
        )
        .order_by("race_date", "race_id", "id")
        .values_list(*START_FIELDS)
    )  # fmt: skip


DISTANCE_HISTORY = """
    SELECT r.skater_id, r.race_id, ra.date, ra.division, r.status, r.rank, r.time_ms, c.name, rk.city, c.rink_id,
           c.season, ra.distance_m, r.id
    FROM results_result r
    JOIN results_race ra ON ra.id = r.race_id
    JOIN results_competition c ON c.id = ra.competition_id
    JOIN results_rink rk ON rk.id = c.rink_id
    WHERE ({public} OR r.race_id = %s) AND {skaters}
      AND r.race_distance_m = %s AND r.race_date <= %s AND ra.gender = %s AND ra.kind = %s
    ORDER BY r.race_date, r.race_id, r.id
"""


def starts_on_distance(race, skater_ids):
    """{skater id: [Start]}: each of these skaters' starts on the race's distance up to and including its day, in
    date order (published races, and this race even when it is a draft an editor is looking at). Read by the
    results' copies of their race's distance and date (index result_skater_distance), so that it costs what these
    skaters skated, not what every skater skated on the distance."""
    skaters, skater_params = sql.one_of("r.skater_id", skater_ids)
    found = sql.rows(
        DISTANCE_HISTORY.format(skaters=skaters, public=public_race_sql("ra", "c")),
        [race.id, *skater_params, race.distance_m, race.date.isoformat(), race.gender, race.kind],
    )
    grouped = {}
    for row in found:
        start = Start._make((*row[:2], sql.as_date(row[2]), *row[3:]))
        grouped.setdefault(start.skater_id, []).append(start)
    return grouped
