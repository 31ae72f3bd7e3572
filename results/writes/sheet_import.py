"""Write checked sheet rows (results/writes/sheets.py reads and checks them) into the database, whole or not at all.

Importing the same sheet again changes nothing. Skaters are matched by name (earlier names and spellings
included, accents ignored), preferring the same nationality; new competitions, races, rinks and skaters are made
as the rows need them. The results go through the write path (results/writes/path.py) in bulk.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from results.models import (
    Competition,
    CompetitionKind,
    Race,
    Result,
    Rink,
    Skater,
    SkaterName,
    Status,
    short_competition_name,
)
from results.sport import timing
from results.sport.completeness import looks_complete
from results.writes import changes as audit
from results.writes import path
from results.writes.sheets import name_key, read_sheet

RESULT_FIELDS = [
    "nationality", "time_ms", "time_in_tenths", "status", "rank", "rank_is_official", "pair", "lane", "source", "points", "laps",
    "sprint_points",
]  # fmt: skip
RACE_DETAILS = ["number", "start_time", "conditions", "referee", "starter"]


@dataclass
class ImportSummary:
    rinks: int = 0
    competitions: int = 0
    races: int = 0
    races_changed: int = 0
    skaters: int = 0
    results_created: int = 0
    results_changed: int = 0
    results_unchanged: int = 0
    changes: list = field(default_factory=list)
    new_skaters: list = field(default_factory=list)
    new_races: list = field(default_factory=list)
    inexact_matches: list = field(default_factory=list)  # (name as written in the source, Skater) not spelled alike

    @property
    def changed_anything(self):
        return bool(self.rinks or self.competitions or self.races or self.races_changed or self.skaters
                    or self.results_created or self.results_changed)  # fmt: skip

    def __str__(self):
        return (
            f"{self.results_created} results created, {self.results_changed} changed, "
            f"{self.results_unchanged} unchanged; new: {self.races} races, {self.competitions} competitions, "
            f"{self.skaters} skaters, {self.rinks} rinks; {self.races_changed} races' details changed"
        )


def competition_kind(name):
    lowered = name.lower()
    if "olympic" in lowered:
        return CompetitionKind.OLYMPICS
    if "knsb" in lowered or "national" in lowered or "dutch" in lowered:
        return CompetitionKind.NATIONAL
    if "world cup" in lowered:
        return CompetitionKind.WORLD_CUP
    if "single distances" in lowered:
        return CompetitionKind.SINGLE_DISTANCES
    if "world sprint" in lowered:
        return CompetitionKind.WORLD_SPRINT
    if "allround" in lowered and "world" in lowered:
        return CompetitionKind.WORLD_ALLROUND
    if "european" in lowered:
        return CompetitionKind.EUROPEAN
    return CompetitionKind.OTHER


def competition_slug(name):
    return slugify(short_competition_name(name))


def unique_slug(base, taken):
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


class SkaterIndex:
    """Every skater by every name they raced under, for matching sheet rows."""

    def __init__(self):
        self.by_name = defaultdict(list)
        self.slugs = set(Skater.objects.values_list("slug", flat=True))
        skaters = {s.id: s for s in Skater.objects.all()}
        for skater in skaters.values():
            self.by_name[name_key(skater.name)].append(skater)
        for skater_id, name in SkaterName.objects.values_list("skater_id", "name"):
            if skaters[skater_id] not in self.by_name[name_key(name)]:
                self.by_name[name_key(name)].append(skaters[skater_id])

    def find(self, name, nationality, gender):
        candidates = [s for s in self.by_name.get(name_key(name), []) if s.gender == gender]
        same_country = [s for s in candidates if s.nationality == nationality]
        if same_country:
            return same_country[0]
        # one person under this name who now races for another country
        return candidates[0] if len(candidates) == 1 else None

    def add(self, skater, other_names=()):
        for name in (skater.name, *other_names):
            if skater not in self.by_name[name_key(name)]:
                self.by_name[name_key(name)].append(skater)

    def create(self, name, nationality, gender, birth_date=None):
        skater = Skater.objects.create(
            name=name, nationality=nationality, gender=gender, birth_date=birth_date,
            slug=unique_slug(slugify(name) or "skater", self.slugs),
        )  # fmt: skip
        self.add(skater)
        return skater


def _rink_for(row, rinks_by_name, summary):
    rink = rinks_by_name.get(name_key(row.venue))
    if rink is None:
        rink = Rink.objects.create(
            name=row.venue, city=row.city, country=row.country_of_venue,
            slug=unique_slug(slugify(row.venue), set(Rink.objects.values_list("slug", flat=True))),
        )  # fmt: skip
        rinks_by_name[name_key(row.venue)] = rink
        summary.rinks += 1
    return rink


def _assign_rounds_and_slugs(competition_ids):
    races = list(Race.objects.filter(competition_id__in=competition_ids).order_by("date", "id"))
    groups = defaultdict(list)
    for race in races:
        groups[(race.competition_id, race.gender, race.distance_m, race.kind, race.division)].append(race)
    changed = []
    for group in groups.values():
        for number, race in enumerate(group, start=1):
            before = (race.round, race.slug)
            race.round = number if len(group) > 1 else None
            if (race.round, race.make_slug()) != before:
                changed.append(race)
    # two passes so that swapping slugs between races never breaks the unique constraint
    for race in changed:
        race.slug = f"tmp-{race.id}"
    Race.objects.bulk_update(changed, ["round", "slug"])
    for race in changed:
        race.slug = race.make_slug()
    Race.objects.bulk_update(changed, ["slug"])


def _update_completeness(race_ids):
    rows = defaultdict(list)
    for race_id, rank, time_ms, status, pair in Result.objects.filter(race_id__in=race_ids).values_list(
        "race_id", "rank", "time_ms", "status", "pair"
    ):
        rows[race_id].append((rank, time_ms, status, pair))
    complete = [race_id for race_id in race_ids if looks_complete(rows[race_id])]
    Race.objects.filter(id__in=race_ids).exclude(id__in=complete).update(field_complete=False)
    Race.objects.filter(id__in=complete).update(field_complete=True)


def _label(field):
    return "time" if field == "time_ms" else field.replace("_", " ")


def _shown(field, value):
    """A value as an editor reads it in a preview: times in their notation, not milliseconds."""
    if field == "time_ms" and value:
        return timing.format_measured(value)
    return "—" if value in (None, "") else str(value)


def _write_race_details(race, details, summary):
    """What an official PDF says of the race beyond its results: programme number, start, conditions, officials."""
    before = {name: getattr(race, name) for name in RACE_DETAILS}
    after = {**before, **details}
    if after != before:
        for name, value in after.items():
            setattr(race, name, value)
        race.save(update_fields=RACE_DETAILS)
        changed = ", ".join(name.replace("_", " ") for name in RACE_DETAILS if before[name] != after[name])
        summary.changes.append((0, f"race details: {race}: {changed}"))
        summary.races_changed += 1


@transaction.atomic
def import_rows(rows, dry_run=False, user=None, note="sheet import", publish=True, race_details=None, complete=False):
    """Write checked sheet rows; with dry_run, roll everything back and only report.

    race_details: {row.race_key: {field: value}} for the RACE_DETAILS an official PDF gives, whose races are
    complete fields; complete: the source says every race of these rows is a complete field (a sheet without
    pairs cannot show it by itself)."""
    summary = ImportSummary()
    rinks_by_name = {name_key(name): rink for rink in Rink.objects.all() for name in rink.all_names()}
    skaters = SkaterIndex()
    competitions = {(c.name, c.season): c for c in Competition.objects.all()}
    competition_slugs = {c.slug for c in competitions.values()}
    races = {}
    # only the races of the sheet's competitions: a small sheet must not read a large database
    for race in Race.objects.filter(competition__name__in={row.competition for row in rows}).select_related(
        "competition"
    ):
        c = race.competition
        races[(c.name, c.season, race.gender, race.distance_m, race.kind, race.division, race.date)] = race

    touched_competitions = set()
    with_starters_to_skate = {row.race_key for row in rows if row.status == Status.NOT_SKATED}
    for row in rows:
        competition = competitions.get((row.competition, row.season))
        if competition is None:
            competition = Competition.objects.create(
                name=row.competition, season=row.season, kind=competition_kind(row.competition),
                rink=_rink_for(row, rinks_by_name, summary), start_date=row.date, end_date=row.date, published=publish,
                slug=unique_slug(competition_slug(row.competition), competition_slugs),
            )  # fmt: skip
            competitions[(row.competition, row.season)] = competition
            summary.competitions += 1
        if row.date < competition.start_date or row.date > competition.end_date:
            competition.start_date = min(competition.start_date, row.date)
            competition.end_date = max(competition.end_date, row.date)
            competition.save(update_fields=["start_date", "end_date"])
        if row.race_key not in races:
            races[row.race_key] = Race.objects.create(
                competition=competition, date=row.date, gender=row.gender, distance_m=row.distance_m,
                kind=row.kind, division=row.division, slug=f"new-{len(races)}", published=publish,
                provisional=row.race_key in with_starters_to_skate,
            )  # fmt: skip
            summary.races += 1
            summary.new_races.append(races[row.race_key])
            touched_competitions.add(competition.id)

    for race_key, details in (race_details or {}).items():
        if race_key in races:
            _write_race_details(races[race_key], details, summary)
    sheet_races = {races[row.race_key].id for row in rows}
    existing = {(r.race_id, r.skater_id or r.team): r for r in Result.objects.filter(race_id__in=sheet_races)}
    to_create, to_update, race_ids, befores = [], [], set(), {}
    for row in rows:
        race = races[row.race_key]
        skater = None
        if not row.team:
            skater = skaters.find(row.skater, row.nationality, row.gender)
            if skater is not None and row.skater != skater.name and (row.skater, skater) not in summary.inexact_matches:
                summary.inexact_matches.append((row.skater, skater))
            if skater is None:
                skater = skaters.create(row.skater, row.nationality, row.gender)
                summary.skaters += 1
                summary.new_skaters.append(skater)
        values = {
            "nationality": row.nationality, "time_ms": row.time_ms, "time_in_tenths": row.tenths, "status": row.status,
            "rank": row.rank,
            "rank_is_official": row.rank is not None, "pair": row.pair, "lane": row.lane, "source": row.source,
        }  # fmt: skip
        if row.points is not None or row.laps is not None or row.sprints:  # a sheet without them keeps them
            values.update(points=row.points, laps=row.laps, sprint_points=row.sprints)
        competitor = skater.name if skater else row.team
        key = (race.id, skater.id if skater else row.team)
        result = existing.get(key)
        if result is None:
            result = Result(race=race, skater=skater, team=row.team, race_date=race.date,
                            race_distance_m=race.distance_m, **values)  # fmt: skip
            existing[key] = result
            to_create.append(result)
            summary.changes.append((row.line, f"new result: {competitor}, {race}"))
        else:
            if not values["rank_is_official"] and result.status == Status.FINISHED:
                values["rank"] = result.rank  # a computed rank is recomputed below
            before = {f: getattr(result, f) for f in values}
            if all(before[f] == values[f] for f in values if f != "source"):  # the same facts from another source
                summary.results_unchanged += 1
                continue
            befores[result.id] = audit.snapshot(result)
            for name, value in values.items():
                setattr(result, name, value)
            to_update.append(result)
            changed = ", ".join(
                f"{_label(f)} {_shown(f, before[f])} → {_shown(f, values[f])}"
                for f in values if f != "source" and before[f] != values[f]
            )  # fmt: skip
            summary.changes.append((row.line, f"changed: {competitor}, {race}: {changed}"))
        race_ids.add(race.id)
    Result.objects.bulk_create(to_create, batch_size=1000)
    Result.objects.bulk_update(to_update, RESULT_FIELDS, batch_size=1000)
    path.results_written(to_create, [(befores[r.id], r) for r in to_update], user, note)
    summary.results_created, summary.results_changed = len(to_create), len(to_update)
    if touched_competitions:
        _assign_rounds_and_slugs(touched_competitions)
    if race_ids:
        _update_completeness(race_ids)
    official = {races[key].id for key in race_details or {} if key in races}
    if complete:
        official |= {races[row.race_key].id for row in rows}
    Race.objects.filter(id__in=official).update(field_complete=True)  # an official result lists the whole field
    if dry_run:
        transaction.set_rollback(True)
    return summary


def import_sheet(text, filename="sheet", dry_run=False, complete=False):
    return import_rows(read_sheet(text, filename), dry_run=dry_run, complete=complete)
