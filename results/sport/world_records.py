"""The world-record progressions' rules, without Django: an event's address, how a mark is written, by how much
an entry improved the record, and how long it stood."""

from dataclasses import dataclass

from results.sport import timing

COMBINATIONS = ("allround big", "allround small", "allround old small", "allround mini", "sprint")
GENDER_WORDS = {"F": "women", "M": "men", "X": "mixed"}
EVENT_ORDER = ("500m", "1000m", "1500m", "3000m", "5000m", "10000m", "2x500m", *COMBINATIONS,
               "team pursuit", "team sprint", "mixed relay")  # fmt: skip


def event_slug(gender, event):
    """('F', '500m') → 'women-500m'; ('M', 'allround big') → 'men-allround-big'; ('X', 'mixed relay') →
    'mixed-relay'."""
    words = event.replace(" ", "-")
    return words if gender == "X" else f"{GENDER_WORDS[gender]}-{words}"


def parse_event_slug(slug):
    """The (gender, event) of an address, or None."""
    for event in EVENT_ORDER:
        for gender in ("F", "M", "X"):
            if (gender == "X") == (event == "mixed relay") and event_slug(gender, event) == slug:
                return gender, event
    return None


def written_mark(mark, decimals, in_points, notation="en"):
    """A mark as the list gives it: points to three decimals, a time in the precision it was timed."""
    if mark is None:
        return ""
    if in_points:
        return timing.format_points(mark, notation)
    return timing.format_time(mark, notation, thousandths=decimals == 3, tenths=decimals == 1)


@dataclass(frozen=True)
class Step:
    """What an entry did to the record: improved it by `improvement` (ms or thousandths of a point; None for the
    first entry, an equalling, a suspension or an unofficial time), and stood `days` until the next record (to
    `today` for the current one)."""

    improvement: int | None
    days: int | None
    current: bool


def steps(entries, today):
    """A Step for each entry, in order. entries: (mark, day, status) in the progression's order; status "" for a
    record, "equalled", "suspended" or "unofficial". A suspension ends the record before it; only records and
    equallings count as the record."""
    counted = [n for n, (_mark, _day, status) in enumerate(entries) if status in ("", "equalled")]
    ends = [n for n, (_mark, _day, status) in enumerate(entries) if status in ("", "suspended")]
    found, record = [], None
    for n, (mark, day, status) in enumerate(entries):
        if status == "":
            improvement = record - mark if record is not None and mark is not None else None
        else:
            improvement = None
        if status in ("", "equalled") and mark is not None:
            record = mark if record is None else min(record, mark)
        if status == "suspended":
            record = None
        following = next((entries[m][1] for m in ends if m > n), None)
        is_current = n == (counted[-1] if counted else None) and not any(m > n for m in ends)
        if status in ("", "equalled"):
            days = ((following or today) - day).days
        else:
            days = None
        found.append(Step(improvement, days, is_current))
    return found


def stood(days):
    """(years, days) of a span of days."""
    years, rest = divmod(days, 365)
    return years, rest
