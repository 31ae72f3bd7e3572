"""How a world-record progression is shown: an event's name, a mark in its own precision, the improvement and how
long an entry stood, in the page language."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from results.display.formatting import notation
from results.queries import world_records
from results.sport import world_records as rules


def event_title(gender, event):
    distance = event.removesuffix("m")
    names = {
        "2x500m": _("2 × 500 m"), "allround big": _("allround, big combination"),
        "allround small": _("allround, small combination"), "allround old small": _("allround, old small combination"),
        "allround mini": _("allround, mini combination"), "sprint": _("sprint combination"),
        "team pursuit": _("team pursuit"), "team sprint": _("team sprint"), "mixed relay": _("mixed relay"),
    }  # fmt: skip
    name = names.get(event) or f"{distance} m"
    if gender == "X":
        return name[:1].upper() + name[1:]
    return (_("Women %(event)s") if gender == "F" else _("Men %(event)s")) % {"event": name}


def mark_text(record):
    return rules.written_mark(record.mark, record.decimals, record.as_number, notation())


def held_mark_text(held):
    return rules.written_mark(held.time_ms, 1 if held.result.time_in_tenths else 2 + bool(held.time_ms % 10), False,
                              notation())  # fmt: skip


def improvement_text(improvement, in_points, decimals):
    if improvement is None:
        return ""
    if in_points:
        return "−" + rules.written_mark(improvement, 3, True, notation())
    return "−" + rules.written_mark(improvement, max(decimals, 2 if improvement % 100 else 1), False, notation())


def stood_text(days):
    if days is None:
        return ""
    years, rest = rules.stood(days)
    day_words = ngettext("%(n)d day", "%(n)d days", rest) % {"n": rest}
    if not years:
        return day_words
    return ngettext("%(n)d year", "%(n)d years", years) % {"n": years} + (f", {day_words}" if rest else "")


def official_table():
    """[(event title, [(gender word, cell or None)])] of the official world records now, by event."""
    current = world_records.current_records()
    rows = []
    for event in rules.EVENT_ORDER:
        cells = [(gender, cell_of(current.get((gender, event)), gender, event)) for gender in ("F", "M", "X")
                 if (gender == "X") == (event == "mixed relay")]  # fmt: skip
        if any(cell for _gender, cell in cells):
            rows.append((event_title("X", event), cells))
    return rows


def cell_of(entry, gender, event):
    if entry is None:
        return None
    slug = rules.event_slug(gender, event)
    if entry.record:
        record = entry.record
        return {"mark": mark_text(record), "name": record.name, "skater": record.skater,
                "nationality": record.nationality, "date": record.date, "slug": slug, "held": False}  # fmt: skip
    held = entry.held
    return {"mark": held_mark_text(held), "name": held.result.skater.name, "skater": held.result.skater,
            "nationality": held.result.nationality, "date": held.date, "slug": slug, "held": True}  # fmt: skip


def row_of(entry):
    step = entry.step
    if entry.record:
        record = entry.record
        race = record.result.race if record.result_id else None
        return {"mark": mark_text(record), "name": record.name, "skater": record.skater,
                "nationality": record.nationality, "members": record.members, "date": record.date,
                "rink": record.rink, "city": record.city, "country": record.country,
                "elevation_m": record.elevation_m, "indoor": record.indoor, "status": record.status,
                "status_label": record.get_status_display() if record.status else "", "notes": record.notes,
                "race": race, "held": False, "current": step.current,
                "improvement": improvement_text(step.improvement, record.as_number, record.decimals),
                "stood": stood_text(step.days)}  # fmt: skip
    held = entry.held
    race = held.result.race
    rink = race.competition.rink
    return {"mark": held_mark_text(held), "name": held.result.skater.name, "skater": held.result.skater,
            "nationality": held.result.nationality, "members": "", "date": held.date, "rink": rink.name,
            "city": rink.city, "country": rink.country, "elevation_m": rink.altitude_m, "indoor": rink.indoor, "status": "",
            "status_label": "", "notes": "", "race": race, "held": True, "current": step.current,
            "improvement": improvement_text(step.improvement, False, 2), "stood": stood_text(step.days)}  # fmt: skip


def skater_records(skater):
    """[{event, mark, date, slug, status_label}] of the skater's world records, oldest first."""
    return [
        {"event": event_title(record.gender, record.event), "mark": mark_text(record), "date": record.date,
         "slug": rules.event_slug(record.gender, record.event), "points": record.in_points,
         "status_label": record.get_status_display() if record.status else ""}
        for record in world_records.of_skater(skater)
    ]  # fmt: skip
