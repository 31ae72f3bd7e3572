"""The official world-record progressions (results.models.WorldRecord) and their continuation from the results
held here: after the list's last entry for a distance, a faster time in a held race is the next record."""

from dataclasses import dataclass
from datetime import date

from results.models import RecordEntry, RecordScope, WorldRecord
from results.sport import world_records as rules


@dataclass
class ProgressionEntry:
    """An entry of a progression as a page shows it: the list's (`record`), or a held result's after the list ends
    (`held`)."""

    record: WorldRecord | None
    held: RecordEntry | None
    step: rules.Step | None = None

    @property
    def mark(self):
        return self.record.mark if self.record else self.held.time_ms

    @property
    def day(self):
        return self.record.date if self.record else self.held.date

    @property
    def status(self):
        return self.record.status if self.record else ""


def list_entries(gender, event):
    return list(
        WorldRecord.objects.filter(gender=gender, event=event)
        .select_related("skater", "result__race__competition")
        .order_by("line")
    )


def held_after(gender, distance_m, last):
    """The held world-record steps (fastest times held) after the list's last record `last`, faster than it."""
    if last is None or last.mark is None:
        return []
    return list(
        RecordEntry.objects.filter(
            scope=RecordScope.WORLD, gender=gender, distance_m=distance_m, date__gt=last.date, time_ms__lt=last.mark
        )
        .select_related("result__skater", "result__race__competition__rink")
        .order_by("date", "time_ms")
    )


def progression(gender, event, today=None):
    """[ProgressionEntry] of an event, oldest first, each with its Step, and the day the list ends."""
    entries = [ProgressionEntry(record, None) for record in list_entries(gender, event)]
    ends = entries[-1].day if entries else None
    distance = entries[0].record.distance_m if entries else None
    if distance:
        last = next((e.record for e in reversed(entries) if e.status in ("", "equalled")), None)
        entries += [ProgressionEntry(None, held) for held in held_after(gender, distance, last)]
    steps = rules.steps([(e.mark, e.day, e.status) for e in entries], today or date.today())
    for entry, step in zip(entries, steps, strict=True):
        entry.step = step
    return entries, ends


def current_records():
    """{(gender, event): the current ProgressionEntry} of every event of the list: its current entry, or the
    fastest time held after it when that is faster (two queries)."""
    held = RecordEntry.objects.filter(scope=RecordScope.WORLD, current=True).select_related("result__skater")
    held = {(entry.gender, entry.distance_m): entry for entry in held}
    current = {}
    for record in WorldRecord.objects.filter(current=True).select_related("skater"):
        newer = held.get((record.gender, record.distance_m)) if record.distance_m else None
        if newer is not None and newer.date > record.date and newer.time_ms < record.mark:
            current[(record.gender, record.event)] = ProgressionEntry(None, newer)
        else:
            current[(record.gender, record.event)] = ProgressionEntry(record, None)
    return current


def of_skater(skater):
    """The skater's entries of the world-record list, oldest first."""
    return list(WorldRecord.objects.filter(skater=skater).order_by("date", "line"))
