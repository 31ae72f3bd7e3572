"""The race page's reads: the race, its results, the records before its day, the winners' ages, the races around."""

from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Exists, OuterRef, Q, Subquery

from results.models import (
    PUBLIC_RACE,
    Race,
    RaceKind,
    RecordEntry,
    RecordScope,
    Result,
    WinnerAge,
    WorldRecord,
    short_competition_name,
)
from results.models.addresses import slug_url
from results.models.public import is_public
from results.queries import sql
from results.queries.starts import starts_on_distance
from results.sport.race_lines import race_lines
from results.sport.records import mark_race


def race_at(competition_slug, race_slug, user):
    """The race at this address with its competition and rink, or None (drafts for editors only)."""
    races = Race.objects.visible_to(user).with_competition()
    return races.filter(competition__slug=competition_slug, slug=race_slug).first()


def race_version(competition_slug, race_slug, user):
    """(id, version) of the race at this address (what the live part's ETag is made of), or None."""
    races = Race.objects.visible_to(user).filter(competition__slug=competition_slug, slug=race_slug)
    return races.values_list("id", "version").first()


def race_entries(race):
    """An individual race's results with their skaters."""
    official = WorldRecord.objects.filter(result=OuterRef("pk"))
    results = list(
        Result.objects.filter(race=race)
        .select_related("skater")
        .annotate(is_world_record=Exists(official))
        .order_by("id")
    )
    for result in results:
        result.race = race
    return results


def record_broken(result):
    """The day of the world record that the list entry of this result broke (None when it is the first)."""
    entry = WorldRecord.objects.filter(result=result).order_by("line").first()
    earlier = WorldRecord.objects.filter(event=entry.event, gender=entry.gender, line__lt=entry.line, status="")
    return earlier.order_by("-line").values_list("date", flat=True).first()


def team_entries(race):
    return list(race.results.select_related("skater").prefetch_related("members__skater"))


def records_before(race, nationalities):
    """(the track record at the race's rink on its distance before its day or None, {nationality: the national
    record before its day}), as stored by results/writes/derived.py."""
    found = (
        RecordEntry.objects.filter(
            Q(scope=RecordScope.TRACK, rink_id=race.competition.rink_id)
            | Q(scope=RecordScope.NATIONAL, nationality__in=sorted(nationalities)),
            gender=race.gender, distance_m=race.distance_m, date__lt=race.date,
        )
        .order_by("-date", "time_ms", "id")
        .values_list("scope", "nationality", "time_ms")
    )  # fmt: skip
    track, national = None, {}
    for scope, nationality, time_ms in found:
        if scope == RecordScope.TRACK:
            track = time_ms if track is None else track  # the latest entry comes first
        else:
            national[nationality] = min(time_ms, national.get(nationality, time_ms))
    return track, national


def winner_ages_queryset(race):
    """What winner_ages reads, as a QuerySet (tests compare the two)."""
    event = WinnerAge.objects.filter(gender=race.gender, distance_m=race.distance_m, kind=race.kind, date__lt=race.date)
    youngest = event.filter(extreme=WinnerAge.Extreme.YOUNGEST).order_by("-date", "age").values("age")[:1]
    oldest = event.filter(extreme=WinnerAge.Extreme.OLDEST).order_by("-date", "-age").values("age")[:1]
    return Race.objects.filter(id=race.id).values_list(Subquery(youngest), Subquery(oldest))


WINNER_AGES = """
    SELECT
      (SELECT age FROM results_winnerage WHERE gender = %s AND distance_m = %s AND kind = %s AND extreme = 'youngest'
         AND date < %s ORDER BY date DESC, age ASC LIMIT 1),
      (SELECT age FROM results_winnerage WHERE gender = %s AND distance_m = %s AND kind = %s AND extreme = 'oldest'
         AND date < %s ORDER BY date DESC, age DESC LIMIT 1)
"""


def winner_ages(race):
    """(youngest, oldest) age of the winners on the race's distance (no division or A) before its day, as held
    (results/writes/derived.py keeps the progressions); None when there were none."""
    event = [race.gender, race.distance_m, race.kind, race.date.isoformat()]
    return tuple(sql.rows(WINNER_AGES, event + event)[0])


class RaceRow(NamedTuple):
    id: int
    competition_id: int
    division: str
    round: int | None
    slug: str
    published: bool
    competition__published: bool
    competition__slug: str
    competition__name: str


@dataclass(frozen=True)
class RaceLink:
    """A link to another race of a race's distance: its title, its address, its competition's short name."""

    title: str
    url: str
    competition: str

    @classmethod
    def of(cls, race, row):
        """From a RaceRow of the same gender, distance and kind as `race`."""
        other = Race(gender=race.gender, distance_m=race.distance_m, kind=race.kind, division=row.division,
                     round=row.round)  # fmt: skip
        url = slug_url("results:race", row.competition__slug, row.slug)
        return cls(other.title(), url, short_competition_name(row.competition__name))


def races_of_distance(race):
    """The public races of the race's season, gender, distance and kind, and the race itself, as RaceRows."""
    races = Race.objects.filter(
        PUBLIC_RACE | Q(id=race.id),
        competition__season=race.competition.season, gender=race.gender, distance_m=race.distance_m, kind=race.kind,
    ).order_by("date", "-division", "round", "id")  # fmt: skip
    return [RaceRow._make(row) for row in races.values_list(*RaceRow._fields)]


def races_around(race):
    """(the other races of this distance in the race's competition, (the previous and the next race of this
    distance and division in the season)) as RaceLinks: one query for both."""
    rows = races_of_distance(race)
    siblings = [
        row for row in rows
        if row.competition_id == race.competition_id and row.id != race.id
        and is_public(row.published, row.competition__published)
    ]  # fmt: skip
    season = [row for row in rows if row.division == race.division]
    at = next(n for n, row in enumerate(season) if row.id == race.id)
    previous, following = season[at - 1] if at > 0 else None, season[at + 1] if at + 1 < len(season) else None
    return (
        [RaceLink.of(race, row) for row in siblings],
        (previous and RaceLink.of(race, previous), following and RaceLink.of(race, following)),
    )


TEAM_KINDS = {RaceKind.TEAM_PURSUIT, RaceKind.TEAM_SPRINT}


def lines_of(race):
    """The race's lines (ranks, gaps, ages), without markers: what an embed or a share card shows."""
    return race_lines(race, team_entries(race) if race.kind in TEAM_KINDS else race_entries(race))


def marked_lines(race):
    """(the race's lines with their PR/SB/TR/NR markers, each skater's starts on the distance): what the race page
    and the API show of a race. Teams have no markers; a mass start's time is no record (it is raced for points)."""
    if race.kind in TEAM_KINDS:
        return lines_of(race), {}
    lines = lines_of(race)
    starts = starts_on_distance(race, [line.result.skater_id for line in lines])
    if race.kind != RaceKind.MASS_START:
        track_record, national_records = records_before(race, {line.nationality for line in lines})
        world_records = {line.result.id for line in lines if line.result.is_world_record}
        mark_race(race, lines, starts, track_record, national_records, world_records)
        if world_records:  # the record it broke (one query, on a record race only)
            for line in lines:
                if line.result.id in world_records:
                    line.result.world_record_since = record_broken(line.result)
    return lines, starts
