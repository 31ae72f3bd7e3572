"""The starts behind markers, streaks and talking points, read in one query and turned into plain rows."""

from django.db.models import Q

from results.models import PUBLIC_RESULT, Result
from results.sport.streaks import Start

START_FIELDS = (
    "skater_id", "race_id", "race__date", "race__division", "status", "rank", "time_ms",
    "race__competition__name", "race__competition__rink__city", "race__competition__rink_id",
    "race__competition__season", "race__distance_m", "id",
)  # fmt: skip


def starts_on_distance(race, skater_ids):
    """{skater id: [Start]}: each of these skaters' starts on the race's distance up to and including its day, in
    date order (published races, and this race even when it is a draft an editor is looking at). Read by the
    results' copies of their race's distance and date (index result_skater_distance), so that it costs what these
    skaters skated, not what every skater skated on the distance."""
    found = (
        Result.objects.filter(
            PUBLIC_RESULT | Q(race_id=race.id),
            skater_id__in=skater_ids, race_distance_m=race.distance_m, race_date__lte=race.date,
            race__gender=race.gender, race__kind=race.kind,
        )
        .order_by("race_date", "race_id", "id")
        .values_list(*START_FIELDS)
    )  # fmt: skip
    grouped = {}
    for row in found:
        start = Start._make(row)
        grouped.setdefault(start.skater_id, []).append(start)
    return grouped
