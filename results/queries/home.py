"""The home page's reads: the races live now, the latest competitions and races with their winners, the latest
streaks ended."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from results.models import Competition, Race, Result, Status, StreakEnd

LATEST = 12


def latest_competitions():
    return list(Competition.objects.public().select_related("rink").order_by("-start_date", "name", "id")[:LATEST])


def latest_races(competitions):
    """The latest races, which are those of the latest competitions: starting there spares a scan of every race."""
    return list(
        Race.objects.public()
        .filter(competition__in=competitions)
        .with_competition()
        .order_by("-date", "gender", "distance_m", "-division", "id")[:LATEST]
    )


def winners_of(races):
    """{race id: its winner's result, with the skater}."""
    results = Result.objects.filter(race__in=races, rank=1).select_related("skater").order_by("id")
    return {result.race_id: result for result in results}


def recent_streak_ends():
    """The latest starts that ended a run of three or more wins, with their races and skaters."""
    return list(StreakEnd.objects.select_related("race__competition", "skater").order_by("-date", "-length", "id")[:5])


def live_races():
    """Public races being entered (provisional) today or yesterday, with how many of their starters have skated."""
    since = timezone.localdate() - timedelta(days=1)
    # the recent provisional races first, by the date index, in a query of their own: most days there are none, and
    # the counting query costs the home page a fifth of its time (joined to competitions at once, SQLite also read
    # every competition's races)
    recent = list(Race.objects.filter(provisional=True, date__gte=since).values_list("id", flat=True))
    if not recent:
        return []
    return list(
        Race.objects.public()
        .filter(id__in=recent)
        .with_competition()
        .annotate(starters=Count("results"), to_skate=Count("results", filter=Q(results__status=Status.NOT_SKATED)))
        .order_by("date", "start_time", "number", "id")
    )
