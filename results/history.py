"""The starts behind derived facts, read in one query each and turned into plain rows."""

from django.db.models import BigIntegerField, CharField, DateField, IntegerField, Q

from results.models import PUBLIC_RESULT, Result, StreakEnd
from results.prepared import Prepared
from results.streaks import Start

START_FIELDS = (
    "skater_id", "race_id", "race__date", "race__division", "status", "rank", "time_ms",
    "race__competition__name", "race__competition__rink__city", "race__competition__rink_id",
    "race__competition__season", "race__distance_m", "id",
)  # fmt: skip


def _grouped(rows):
    """Rows of START_FIELDS (in date order) as each skater's Starts (a Start's fields are in that order)."""
    grouped = {}
    for row in rows:
        start = Start._make(row)
        grouped.setdefault(start.skater_id, []).append(start)
    return grouped


def distance_history(race, skater_ids):
    """Each of these skaters' starts on the race's distance up to and including its day."""
    return _grouped(
        DISTANCE_HISTORY.rows(
            race=race.id,
            skaters=skater_ids,
            gender=race.gender,
            distance=race.distance_m,
            kind=race.kind,
            date=race.date,
        )  # fmt: skip
    )


DISTANCE_HISTORY = Prepared(  # the race page's query (results/prepared.py)
    lambda race, skaters, gender, distance, kind, date: Result.objects.filter(
        PUBLIC_RESULT | Q(race_id=race),
        skater_id__in=skaters, race__gender=gender, race__distance_m=distance, race__kind=kind, race__date__lte=date,
    ).order_by("race__date", "race_id", "id").values_list(*START_FIELDS),
    race=BigIntegerField(), skaters=[BigIntegerField()], gender=CharField(), distance=IntegerField(), kind=CharField(),
    date=DateField(),
)  # fmt: skip


def recent_streak_ends():
    """The latest races that ended a run of three or more wins: [(race, winner, loser, length)]."""
    ends = LATEST_STREAK_ENDS.objects()
    winners = {r.race_id: r.skater for r in WINNERS_OF.objects(races=[end.race_id for end in ends])}
    return [(end.race, winners.get(end.race_id), end.skater, end.length) for end in ends]


LATEST_STREAK_ENDS = Prepared(  # the home page's (results/prepared.py)
    lambda: StreakEnd.objects.select_related("race__competition", "skater").order_by("-date", "-length", "id")[:5]
)
WINNERS_OF = Prepared(
    lambda races: Result.objects.filter(race_id__in=races, rank=1).select_related("skater").order_by("id"),
    races=[BigIntegerField()],
)
