"""Reads of the stored derived facts behind the records, rankings, Adelskalender, streaks and World Cup pages."""

from dataclasses import dataclass

from django.db.models import F, Min, Window
from django.db.models.functions import Rank

from results.models import (
    AdelskalenderEntry,
    Gender,
    RaceKind,
    RecordEntry,
    Result,
    SeasonBest,
    Status,
    StreakSummary,
    WorldCupPoints,
)
from results.models.addresses import slug_url
from results.sport import classifications, timing
from results.sport.events import event_slug


def held_records(**filters):
    """Stored record entries with their holders and races, oldest first."""
    return (
        RecordEntry.objects.filter(**filters)
        .select_related("result__skater", "result__race__competition__rink")
        .order_by("date", "time_ms")
    )


@dataclass(frozen=True)
class SeasonEvent:
    """One gender and distance raced in a season, with its pages."""

    season: int
    gender: str
    distance_m: int

    @property
    def slug(self):
        return event_slug(self.gender, self.distance_m)

    @property
    def name(self):
        return f"{Gender(self.gender).label} {self.distance_m} m"

    @property
    def ranking_url(self):
        return slug_url("results:season_ranking", timing.season_slug(self.season), self.slug)

    @property
    def world_cup_url(self):
        return slug_url("results:world_cup", timing.season_slug(self.season), self.slug)


def season_events(season):
    """The events with a time held in the season (read from the stored season bests)."""
    rows = (
        SeasonBest.objects.filter(season=season)
        .values_list("gender", "distance_m")
        .distinct()
        .order_by("gender", "distance_m")
    )
    return [SeasonEvent(season, gender, distance) for gender, distance in rows]


SEASON_RANKING_LOOKUPS = {
    "name": F("skater__name"), "slug": F("skater__slug"), "nationality": F("result__nationality"),
    "tenths": F("result__time_in_tenths"),
    "competition_slug": F("result__race__competition__slug"), "race_slug": F("result__race__slug"),
    "rink": F("result__race__competition__rink__name"),
}  # fmt: skip


def season_bests(season, gender, distance_m):
    """The stored season bests of an event."""
    return SeasonBest.objects.filter(season=season, gender=gender, distance_m=distance_m)


def season_ranking(season, gender, distance_m):
    """The season bests of an event as rows (dicts), each with its rank among them (ties share a rank), fastest
    first; the table may order them otherwise (then by skater)."""
    return (
        season_bests(season, gender, distance_m)
        .annotate(rank=Window(Rank(), order_by=F("time_ms").asc()))
        .order_by("time_ms", "skater_id")
        .values("rank", "time_ms", "date", "skater_id", **SEASON_RANKING_LOOKUPS)
    )


def adelskalender_entries(gender):
    """The stored Adelskalender of a gender, lowest points first."""
    return AdelskalenderEntry.objects.filter(gender=gender).select_related("skater").order_by("points", "skater_id")


def places_ahead(gender, points):
    """How many have fewer points (a better place) than these."""
    return AdelskalenderEntry.objects.filter(gender=gender, points__lt=points).count()


def personal_bests_on(gender, distances, day):
    """(skater id, distance, best time) of every skater's personal record on these distances on a past day."""
    return (
        Result.objects.public()
        .filter(race__gender=gender, race__distance_m__in=distances, race__date__lte=day, status=Status.FINISHED)
        .exclude(time_ms=None)
        .values("skater_id", "race__distance_m")
        .annotate(best=Min("time_ms"))
        .values_list("skater_id", "race__distance_m", "best")
    )


def streaks():
    return (
        StreakSummary.objects.filter(longest__gte=2)
        .select_related("skater")
        .order_by("-longest", "-current", "skater__name", "distance_m")
    )


def world_cup_points(season, gender, distance_m):
    """{(season, division, distance, gender, rank): points} of the season's table for this event."""
    return {
        (p.season, p.division, p.distance_m, p.gender, p.rank): p.points
        for p in WorldCupPoints.objects.filter(season=season, gender=gender, distance_m=distance_m)
    }


def world_cup_ranks(season, gender, distance_m):
    """(skater, season, division, distance, gender, rank) of every ranked World Cup start of the event."""
    return (
        Result.objects.public()
        .filter(
            race__competition__season=season, race__competition__kind="world-cup", race__gender=gender,
            race__distance_m=distance_m, race__kind=RaceKind.INDIVIDUAL, rank__isnull=False,
        )
        .values_list(
            "skater_id", "race__competition__season", "race__division", "race__distance_m", "race__gender", "rank"
        )
    )  # fmt: skip


def current_ranking(gender, entries):
    """A page of stored Adelskalender entries as (Ranked, Skater); ranks shared on equal points, the places
    before the page counted in the database."""
    if not entries:
        return []
    ahead = places_ahead(gender, entries[0].points)
    ranks = timing.rank_with_ties([entry.points for entry in entries])
    first_tied = ranks[0]
    return [
        (
            classifications.Ranked(ahead + rank - first_tied + 1, entry.skater_id, entry.points, entry.times),
            entry.skater,
        )
        for rank, entry in zip(ranks, entries, strict=True)
    ]
