"""Olympic medals and a nation's pages, counted from the Olympic races held here."""

from typing import NamedTuple

from django.db.models import Count, Q

from results.models import CompetitionKind, Race, RecordEntry, RecordScope, Result, Skater, Status
from results.models.addresses import slug_url


class Placing(NamedTuple):
    """A medal-winning place of an Olympic race held: the Games' year, the race, the place, who won it."""

    year: int
    competition_slug: str
    race_slug: str
    gender: str
    distance_m: int
    kind: str
    rank: int
    nation: str
    skater_name: str | None
    skater_slug: str | None

    @property
    def race_url(self):
        return slug_url("results:race", self.competition_slug, self.race_slug)


OLYMPIC = Q(race__competition__kind=CompetitionKind.OLYMPICS) & ~Q(race__division="B")


def olympic_placings(year=None, nation=None):
    """[Placing] of the finishers placed 1–3 in the Olympic races held, by Games and race."""
    found = Result.objects.public().filter(OLYMPIC, status=Status.FINISHED, rank__lte=3)
    if year:
        found = found.filter(race__competition__season=year - 1)  # a Winter Games' season starts the year before
    if nation:
        found = found.filter(Q(team=nation) | Q(team="", nationality=nation))
    rows = found.order_by("race__competition__season", "race__date", "race_id", "rank", "id").values_list(
        "race__competition__season", "race__competition__slug", "race__slug", "race__gender", "race__distance_m",
        "race__kind", "rank", "team", "nationality", "skater__name", "skater__slug",
    )  # fmt: skip
    return [
        Placing(season + 1, competition, race, gender, distance, kind, rank, team or nationality, name, slug)
        for season, competition, race, gender, distance, kind, rank, team, nationality, name, slug in rows
    ]


def olympic_races_held():
    """{Games' year: the number of its races held} (A divisions and single races, not the B groups)."""
    races = Race.objects.public().filter(competition__kind=CompetitionKind.OLYMPICS).exclude(division="B")
    return {season + 1: n for season, n in races.values_list("competition__season").annotate(n=Count("id"))}


def national_records(nation):
    return list(
        RecordEntry.objects.filter(scope=RecordScope.NATIONAL, nationality=nation, current=True)
        .select_related("result__skater", "result__race__competition")
        .order_by("gender", "distance_m")
    )


def skaters_of(nation, shown=60):
    """(how many skaters of the nation there are, the first `shown` of them by name as (name, slug))."""
    skaters = Skater.objects.filter(nationality=nation)
    return skaters.count(), list(skaters.order_by("name", "id").values_list("name", "slug")[:shown])
