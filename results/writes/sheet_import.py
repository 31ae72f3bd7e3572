"""Write checked sheet rows (results/imports/sheets.py reads and checks them) into the database, whole or not at all.

Importing the same sheet again changes nothing. Skaters are matched by name (earlier names and spellings
included, accents ignored), preferring the same nationality; new competitions, races, rinks and skaters are made
as the rows need them. The results go through the write path (results/writes/path.py) in bulk.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from results.imports.sheets import SheetError, name_key, read_sheet
from results.models import (
    Competition,
    CompetitionKind,
    Race,
    RecordEntry,
    RecordScope,
    Result,
    Rink,
    SkaterName,
    Status,
    short_competition_name,
)
from results.sport import plausibility, timing
from results.sport.completeness import looks_complete
from results.writes import changes as audit
from results.writes import path
from results.writes.matching import SkaterIndex, contradiction, match_rows, unique_slug

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
    new_competitions: list = field(default_factory=list)
    new_rinks: list = field(default_factory=list)
    results_removed: int = 0
    removals: list = field(default_factory=list)  # sentences: each result an official PDF does not list
    would_be_records: list = field(default_factory=list)  # (where, sentence)
    near_new_skaters: list = field(default_factory=list)  # (new skater, [registered skaters with a near name])
    suspicious: list = field(default_factory=list)  # (where, sentence): the doubts of results/sport/plausibility

    @property
    def changed_anything(self):
        return bool(self.rinks or self.competitions or self.races or self.races_changed or self.skaters
                    or self.results_created or self.results_changed or self.results_removed)  # fmt: skip

    def __str__(self):
        return (
            f"{self.results_created} results created, {self.results_changed} changed, "
            f"{self.results_unchanged} unchanged, {self.results_removed} removed; new: {self.races} races, {self.competitions} competitions, "
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


def _rink_for(row, rinks_by_name, summary, by, note):
    rink = rinks_by_name.get(name_key(row.venue))
    if rink is None:
        rink = Rink(
            name=row.venue, city=row.city, country=row.country_of_venue,
            slug=unique_slug(slugify(row.venue), set(Rink.objects.values_list("slug", flat=True))),
        )  # fmt: skip
        path.save(rink, by=by, note=note)
        rinks_by_name[name_key(row.venue)] = rink
        summary.rinks += 1
        summary.new_rinks.append(rink)
    return rink


def _assign_rounds_and_slugs(competition_ids, by, note):
    races = list(Race.objects.filter(competition_id__in=competition_ids).order_by("date", "id"))
    groups = defaultdict(list)
    for race in races:
        groups[(race.competition_id, race.gender, race.distance_m, race.kind, race.division)].append(race)
    changed, befores = [], {}
    for group in groups.values():
        for number, race in enumerate(group, start=1):
            before, snapshot = (race.round, race.slug), audit.snapshot(race)
            race.round = number if len(group) > 1 else None
            if (race.round, race.make_slug()) != before:
                changed.append(race)
                befores[race.id] = snapshot
    # two passes so that swapping slugs between races never breaks the unique constraint
    for race in changed:
        race.slug = f"tmp-{race.id}"
    Race.objects.bulk_update(changed, ["round", "slug"])
    for race in changed:
        race.slug = race.make_slug()
    Race.objects.bulk_update(changed, ["slug"])
    path.races_rewritten([(befores[race.id], race) for race in changed], by=by, note=note)


def _update_completeness(race_ids, official, by, note):
    """A race is a complete field when its rows look like one, or its source says so (`official`)."""
    rows = defaultdict(list)
    for race_id, rank, time_ms, status, pair in Result.objects.filter(race_id__in=race_ids).values_list(
        "race_id", "rank", "time_ms", "status", "pair"
    ):
        rows[race_id].append((rank, time_ms, status, pair))
    complete = {race_id for race_id in race_ids if looks_complete(rows[race_id])} | set(official)
    path.races_updated(set(race_ids) - complete, {"field_complete": False}, by=by, note=note)
    path.races_updated(complete, {"field_complete": True}, by=by, note=note)


def _label(field):
    return "time" if field == "time_ms" else field.replace("_", " ")


def _shown(field, value):
    """A value as an editor reads it in a preview: times in their notation, not milliseconds."""
    if field == "time_ms" and value:
        return timing.format_measured(value)
    return "—" if value in (None, "") else str(value)


def _write_race_details(race, details, summary, by, note):
    """What an official PDF says of the race beyond its results: programme number, start, conditions, officials."""
    before = {name: getattr(race, name) for name in RACE_DETAILS}
    after = {**before, **details}
    if after != before:
        for name, value in after.items():
            setattr(race, name, value)
        path.save(race, by=by, note=note)
        changed = ", ".join(name.replace("_", " ") for name in RACE_DETAILS if before[name] != after[name])
        summary.changes.append(("", f"race details: {race}: {changed}"))
        summary.races_changed += 1


@transaction.atomic
def import_rows(rows, dry_run=False, by=None, note="sheet import", publish=True, race_details=None, complete=False,
                records_confirmed=True):  # fmt: skip
    """Write checked sheet rows; with dry_run, roll everything back and only report.

    race_details: {row.race_key: {field: value}} for the RACE_DETAILS an official PDF gives: its races are complete
    fields, and an official race is exactly what its PDF says (results not in it are removed, in the change log
    and restorable). complete: the source says every race of these rows is a complete field (a sheet without pairs
    cannot show it by itself). records_confirmed: a time that would be a new world record is written (else the
    import is refused naming it; a dry run names it in the summary)."""
    summary = ImportSummary()
    skaters = SkaterIndex(by=by, note=note)
    matched = match_rows(rows, skaters)
    summary.would_be_records = _would_be_records(rows)
    refused = [f"{row.where}: {contradiction(row, other)}" for row, other in matched.contradictions]
    if summary.would_be_records and not (records_confirmed or dry_run):
        refused += [f"{where}: {sentence}; confirm it to import it" for where, sentence in summary.would_be_records]
    if refused:
        raise SheetError(refused)
    summary.inexact_matches = list(matched.inexact)
    known = set(SkaterName.objects.filter(skater__in=[s for _, s in matched.inexact]).values_list("skater_id", "name"))
    for printed, skater in matched.inexact:  # the printed short form is a name they raced under: found by it from now
        if (skater.id, printed) not in known:
            path.save(SkaterName(skater=skater, name=printed, slug=slugify(printed)), by=by, note=note)
    rinks_by_name = {name_key(name): rink for rink in Rink.objects.all() for name in rink.all_names()}
    competitions = {(c.name, c.season): c for c in Competition.objects.all()}
    competition_slugs = {c.slug for c in competitions.values()}
    races = {}
    # only the races of the sheet's competitions: a small sheet must not read a large database
    for race in Race.objects.filter(competition__name__in={row.competition for row in rows}).select_related(
        "competition"
    ):
        c = race.competition
        races[(c.name, c.season, race.gender, race.distance_m, race.kind, race.division, race.date)] = race
    replaced = {races[key].id for key in race_details or {} if key in races}  # held already: made what the PDF says

    touched_competitions = set()
    with_starters_to_skate = {row.race_key for row in rows if row.status == Status.NOT_SKATED}
    for row in rows:
        competition = competitions.get((row.competition, row.season))
        if competition is None:
            competition = Competition(
                name=row.competition, season=row.season, kind=competition_kind(row.competition),
                rink=_rink_for(row, rinks_by_name, summary, by, note), start_date=row.date, end_date=row.date,
                published=publish, slug=unique_slug(competition_slug(row.competition), competition_slugs),
            )  # fmt: skip
            path.save(competition, by=by, note=note)
            competitions[(row.competition, row.season)] = competition
            summary.competitions += 1
            summary.new_competitions.append(competition)
        if row.date < competition.start_date or row.date > competition.end_date:
            competition.start_date = min(competition.start_date, row.date)
            competition.end_date = max(competition.end_date, row.date)
            path.save(competition, by=by, note=note)
        if row.race_key not in races:
            races[row.race_key] = Race(
                competition=competition, date=row.date, gender=row.gender, distance_m=row.distance_m,
                kind=row.kind, division=row.division, slug=f"new-{len(races)}", published=publish,
                provisional=row.race_key in with_starters_to_skate,
            )  # fmt: skip
            path.save(races[row.race_key], by=by, note=note)
            summary.races += 1
            summary.new_races.append(races[row.race_key])
            touched_competitions.add(competition.id)

    for race_key, details in (race_details or {}).items():
        if race_key in races:
            _write_race_details(races[race_key], details, summary, by, note)
    sheet_races = {races[row.race_key].id for row in rows}
    existing = {(r.race_id, r.skater_id or r.team): r for r in Result.objects.filter(race_id__in=sheet_races)}
    to_create, to_update, race_ids, befores, listed = [], [], set(), {}, set()
    for row, skater in zip(rows, matched.skaters, strict=True):
        race = races[row.race_key]
        if not row.team:
            skater = skater or skaters.find(row.skater, row.nationality, row.gender)  # made for an earlier row?
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
            summary.changes.append((row.where, f"new result: {competitor}, {race}: {_standing(result)}"))
        else:
            if not values["rank_is_official"] and result.status == Status.FINISHED:
                values["rank"] = result.rank  # a computed rank is recomputed below
            before = {f: getattr(result, f) for f in values}
            if all(before[f] == values[f] for f in values if f != "source"):  # the same facts from another source
                summary.results_unchanged += 1
                listed.add(key)
                continue
            befores[result.id] = audit.snapshot(result)
            for name, value in values.items():
                setattr(result, name, value)
            to_update.append(result)
            changed = ", ".join(
                f"{_label(f)} {_shown(f, before[f])} → {_shown(f, values[f])}"
                for f in values if f != "source" and before[f] != values[f]
            )  # fmt: skip
            summary.changes.append((row.where, f"changed: {competitor}, {race}: {changed}"))
        listed.add(key)
        race_ids.add(race.id)
    left_out = [result.id for key, result in existing.items() if key[0] in replaced and key not in listed]
    _remove_left_out(left_out, summary, by, note)
    Result.objects.bulk_create(to_create, batch_size=1000)
    Result.objects.bulk_update(to_update, RESULT_FIELDS, batch_size=1000)
    path.results_written(to_create, [(befores[r.id], r) for r in to_update], by, note)
    summary.results_created, summary.results_changed = len(to_create), len(to_update)
    if touched_competitions:
        _assign_rounds_and_slugs(touched_competitions, by, note)
    official = {races[key].id for key in race_details or {} if key in races}  # an official result lists the field
    if complete:
        official |= {races[row.race_key].id for row in rows}
    _update_completeness(race_ids | official, official, by, note)
    if dry_run:
        summary.near_new_skaters = [(new, near) for new in summary.new_skaters if (near := skaters.near(new))]
        summary.suspicious = _suspicious(rows, {where for where, _sentence in summary.would_be_records})
        transaction.set_rollback(True)
    return summary


def _standing(result):
    """A result as the preview lists it: rank and time, or its status."""
    rank = f"rank {result.rank}" if result.rank else ""
    shown = timing.format_measured(result.time_ms, tenths=result.time_in_tenths) if result.time_ms else ""
    status = "" if result.status == Status.FINISHED else str(Status(result.status).label)
    return ", ".join(part for part in (rank, shown, status) if part) or "no time yet"


def _remove_left_out(result_ids, summary, by, note):
    """Results of an official race that its PDF does not list: removed (each in the change log, restorable from
    the race's history); the race is ranked again and its derived facts computed again by the write path."""
    results = Result.objects.filter(id__in=result_ids).select_related("skater", "race__competition")
    for result in sorted(results, key=lambda r: (r.race_id, r.rank or 999)):
        name = result.skater.name if result.skater_id else result.team
        summary.removals.append(f"{name}, {result.race}: {_standing(result)}")
        summary.changes.append(("", f"removed: {name}, {result.race}: {_standing(result)} (not in the official PDF)"))
    path.results_removed(result_ids, by=by, note=note)
    summary.results_removed = len(result_ids)


def _would_be_records(rows):
    """(where, sentence) of each row whose time would be a new world record (plausibility.new_world_record)."""
    timed = [r for r in rows if r.kind == "individual" and r.status == Status.FINISHED and r.time_ms]
    if not timed:
        return []
    held = dict(
        ((gender, distance), ms)
        for gender, distance, ms in RecordEntry.objects.filter(scope=RecordScope.WORLD, current=True).values_list(
            "gender", "distance_m", "time_ms"
        )
    )
    found = []
    for row in timed:
        held_ms = held.get((row.gender, row.distance_m))
        if sentence := plausibility.new_world_record(row.time_ms, gender=row.gender, distance_m=row.distance_m,
                                                    held_ms=held_ms):  # fmt: skip
            found.append((row.where, f"{row.skater} {sentence}"))
    return found


def _suspicious(rows, records):
    """(where, sentence) of the doubts the race-day entry screen would ask about (plausibility.doubts): times
    to look at before confirming, not refusals."""
    by_race = defaultdict(list)
    for row in rows:
        if row.kind == "individual" and row.status == Status.FINISHED and row.time_ms and row.where not in records:
            by_race[row.race_key].append(row)
    found = []
    for race_rows in by_race.values():
        leader = min(row.time_ms for row in race_rows)
        in_hundredths = any(not row.tenths for row in race_rows)
        for row in race_rows:
            for doubt in plausibility.doubts(row.time_ms, gender=row.gender, distance_m=row.distance_m,
                                             tenths=row.tenths, leader_ms=leader, race_in_hundredths=in_hundredths):  # fmt: skip
                found.append((row.where, f"{row.skater}: {doubt}"))
    return found


def import_sheet(text, filename="sheet", dry_run=False, complete=False, records_confirmed=True):
    return import_rows(
        read_sheet(text, filename), dry_run=dry_run, complete=complete, records_confirmed=records_confirmed
    )
