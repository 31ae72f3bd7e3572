"""Olympic medals and a nation's pages, counted from the Olympic races held here."""

from typing import NamedTuple

from django.db.models import Count, Q

from results.models import CompetitionKind, Race, RecordEntry, RecordScope, Result, Skater, Status
from results.models.addresses import slug_url
from results.models.public import public_races


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


def best_skaters(nation, count=10):
    """The nation's skaters with the most wins, then podiums, in the races held (A divisions): [(skater, wins,
    podiums)]."""
    placed = (
        Q(results__status=Status.FINISHED, results__nationality=nation)
        & ~Q(results__race__division="B")
        & public_races("results__race__")
    )
    skaters = (
        Skater.objects.annotate(
            wins=Count("results", filter=placed & Q(results__rank=1)),
            podiums=Count("results", filter=placed & Q(results__rank__lte=3)),
        )
        .filter(podiums__gt=0)
        .order_by("-wins", "-podiums", "name")[:count]
    )
    return [(skater, skater.wins, skater.podiums) for skater in skaters]


def skaters_of(nation):
    return list(Skater.objects.filter(nationality=nation).order_by("name").values_list("name", "slug"))
