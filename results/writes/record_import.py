"""Write the world-record list (read by results/imports/records.py): every entry's skater found or made, every
entry whose race the site holds linked to its result, the whole list replaced in one transaction.

A skater is the register's or the results' skater of that name first, matched as an official PDF's rows are
(results/writes/matching.py). An entry whose race is held (same gender, distance and day, the same time, a
finisher of the same nationality) is that result's skater even when the two files spell the name differently
('Jochem' and 'Jochen Uytdehaage'): listed as an inexact match, never a second profile. Skaters known only from the
list get a profile under the name and nationality it gives.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from results.models import RaceKind, Result, Status, WorldRecord
from results.sport import world_records as rules
from results.writes import path
from results.writes.matching import SkaterIndex


@dataclass
class RecordImport:
    entries: int = 0
    held: int = 0  # entries linked to a held result
    matched: int = 0  # entries whose skater the site knew
    created: list = field(default_factory=list)  # skaters made from the list
    inexact: list = field(default_factory=list)  # (name as listed, skater) matched by another spelling
    corrected: list = field(default_factory=list)  # (line, what the import corrected)
    changed: bool = False


def held_results(rows):
    """{(gender, distance, day, ms): [Result]} of the finishers whose race day and time a record entry names."""
    days = {row.day for row in rows if row.distance_m and row.mark}
    found = defaultdict(list)
    results = Result.objects.filter(
        race_date__in=days, status=Status.FINISHED, race__kind=RaceKind.INDIVIDUAL, skater__isnull=False
    ).select_related("race", "skater")
    for result in results:
        found[(result.race.gender, result.race.distance_m, result.race_date, result.time_ms)].append(result)
    return found


def held_result(row, held):
    candidates = held.get((row.gender, row.distance_m, row.day, row.mark), [])
    same = [result for result in candidates if result.nationality == row.nationality] or candidates
    return same[0] if len(same) == 1 else None


def find_skater(row, index, report):
    if row.gender not in ("F", "M"):
        return None
    skater = index.find(row.name, row.nationality, row.gender)
    if skater is None:
        skater = index.by_short_form(row.name, row.nationality, row.gender) or index.by_word_order(
            row.name, row.nationality, row.gender
        )
        if skater is not None and (row.name, skater) not in report.inexact:
            report.inexact.append((row.name, skater))
    return skater


def entry_of(row, skater, result):
    return WorldRecord(
        line=row.line, event=row.event, gender=row.gender, distance_m=row.distance_m, skater=skater, name=row.name,
        nationality=row.nationality, members=row.members, mark=row.mark, decimals=row.decimals, date=row.day,
        rink=row.rink, city=row.city, country=row.country, elevation_m=row.elevation_m, indoor=row.indoor,
        status=row.status, notes=row.notes, result=result,
    )  # fmt: skip


def import_records(rows, dry_run=False, by=None, note="record list"):
    """Replace the world-record list with these rows (all or nothing); a RecordImport says what it found and made.
    With dry_run nothing is written."""
    report = RecordImport(entries=len(rows))
    with transaction.atomic():
        index = SkaterIndex(by=by, note=note)
        held = held_results(rows)
        # first the entries whose race is held: the result's skater is that entry's, and the name as listed is
        # theirs for the rest of the list
        linked = {}
        for row in rows:
            result = held_result(row, held) if row.distance_m and row.mark is not None else None
            if result is not None:
                linked[row.line] = result
                report.held += 1
                if index.find(row.name, row.nationality, row.gender) != result.skater:
                    index.add(result.skater, [row.name])
                    if (row.name, result.skater) not in report.inexact:
                        report.inexact.append((row.name, result.skater))
        entries = []
        for row in rows:
            if row.corrected:
                report.corrected.append((row.line, row.corrected))
            result = linked.get(row.line)
            skater = result.skater if result else None
            if skater is None and not row.is_team and row.mark is not None and row.gender in ("F", "M"):
                skater = find_skater(row, index, report)
                if skater is None:
                    skater = index.create(row.name, row.nationality, row.gender)
                    report.created.append(skater)
            report.matched += skater is not None and skater not in report.created
            entries.append(entry_of(row, skater, result))
        mark_current(entries)
        report.changed = stored_list() != [entry_values(entry) for entry in entries]
        if report.changed:
            WorldRecord.objects.all().delete()
            WorldRecord.objects.bulk_create(entries)
            path.queue_refresh(everywhere=True)
        if dry_run:
            transaction.set_rollback(True)
    return report


VALUES = ("line", "event", "gender", "distance_m", "skater_id", "name", "nationality", "members", "mark", "decimals",
          "date", "rink", "city", "country", "elevation_m", "indoor", "status", "notes", "result_id", "current")  # fmt: skip


def mark_current(entries):
    """Mark each event's current record as the list has it (results/sport/world_records.py: steps)."""
    events = {}
    for entry in entries:
        events.setdefault((entry.gender, entry.event), []).append(entry)
    for found in events.values():
        steps = rules.steps([(e.mark, e.date, e.status) for e in found], found[-1].date)
        for entry, step in zip(found, steps, strict=True):
            entry.current = step.current


def entry_values(entry):
    return tuple(getattr(entry, name) for name in VALUES)


def stored_list():
    return list(WorldRecord.objects.order_by("line").values_list(*VALUES))
