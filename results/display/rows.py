"""The rows of the tables that are only rows (templates/results/tables/), made here in one pass: a page shows up
to a few hundred cells, and the template language costs about 140 µs a row of them."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from results.display.formatting import competitor, country_name, notation, short_date
from results.sport import timing


def row(index, template, *values):
    return format_html('<tr class="{}">' + template + "</tr>\n", "odd" if index % 2 else "even", *values)


def race_winners(rows):
    """(race with its competition, winning result or None) → rows of date, race, winner, time."""
    style = notation()
    return [
        row(
            n,
            '<td>{}</td><td><a href="{}">{}</a> <span class="muted">{}</span></td><td>{}</td><td class="num">{}</td>',
            short_date(race.date),
            race.get_absolute_url(),
            race.title(),
            race.competition.short_name,
            competitor(winner) if winner else "",
            timing.format_time(winner.time_ms, style, tenths=winner.time_in_tenths)
            if winner and winner.time_ms
            else "",
        )  # fmt: skip
        for n, (race, winner) in enumerate(rows)
    ]


def podiums(rows):
    """(race, [its podium results]) → rows of the race (partial or not) and its podium, one place a line."""
    style, partial = notation(), gettext("partial")
    made = []
    for n, (race, podium) in enumerate(rows):
        note = "" if race.field_complete else format_html(' <span class="muted">({})</span>', partial)
        places = format_html_join(
            mark_safe("<br>"), '<span class="podium">{}. {} <span class="num">{}</span></span>',
            ((r.rank, competitor(r), timing.format_time(r.time_ms, style, tenths=r.time_in_tenths)) for r in podium),
        )  # fmt: skip
        made.append(row(n, '<td><a href="{}">{}</a>{}</td><td>{}</td>', race.get_absolute_url(), race.title(), note,
                        places))  # fmt: skip
    return made


def personal_records(records):
    """careers.CareerResult rows → distance, time (linked to the race), date, competition, rink."""
    style = notation()
    return [
        row(
            n,
            '<td>{}</td><td class="num"><a href="{}">{}</a></td><td>{}</td><td>{}</td><td class="lane">{}</td>',
            r.distance_label,
            r.race_url,
            timing.format_time(r.time_ms, style, tenths=r.time_in_tenths),
            short_date(r.date),
            r.competition,
            r.rink,
        )  # fmt: skip
        for n, r in enumerate(records)
    ]


def season_bests(rows):
    """(season label or '', careers.CareerResult) → season, distance, time (linked), date."""
    style = notation()
    return [
        row(
            n,
            '<td>{}</td><td>{}</td><td class="num"><a href="{}">{}</a></td><td>{}</td>',
            label,
            r.distance_label,
            r.race_url,
            timing.format_time(r.time_ms, style, tenths=r.time_in_tenths),
            short_date(r.date),
        )  # fmt: skip
        for n, (label, r) in enumerate(rows)
    ]


def needs(found):
    """What it takes, as the page says it: (skater, time for the lead, leader, what passes the skater ahead, that
    skater)."""
    if not found:
        return []
    needs, named = found
    style = notation()
    rows = []
    for need in needs:
        ahead_of = named.get(need.ahead_id)
        if need.ahead_ms is not None:
            ahead = timing.format_at_most(need.ahead_ms, style)
        elif need.ahead_gap_ms is not None:  # both still to skate: exactly this much faster ties, more passes
            gap = timing.format_time(need.ahead_gap_ms, style, thousandths=True)
            ahead = gettext("more than %(gap)s s faster than %(name)s (that much ties)") % {
                "gap": gap,
                "name": ahead_of.name,
            }
            ahead_of = None
        else:
            ahead = gettext("out of reach") if ahead_of else ""
        lead = (
            timing.format_at_most(need.lead_ms, style)
            if need.lead_ms
            else gettext("out of reach")
            if need.leader_id
            else ""
        )
        rows.append((named[need.skater_id], lead, named.get(need.leader_id), ahead, ahead_of))
    return rows


def race_summary(race, winner):
    """The race in a sentence, for its page's description and link previews: who wins (or leads, while the race
    is provisional) and in what time or with how many points; a team by its country's name; the race and its
    competition when nobody has finished yet."""
    if winner is None:
        return gettext("%(race)s — %(competition)s, %(date)s: start list and results") % {
            "race": race.title(), "competition": race.competition.name, "date": short_date(race.date)}  # fmt: skip
    name = country_name(winner.team) if winner.team else f"{winner.skater.name} ({winner.nationality})"
    if winner.points is not None and race.kind == "mass-start":
        mark = gettext("with %(points)s points") % {"points": winner.points}
    elif winner.time_ms:
        mark = gettext("in %(time)s") % {"time": timing.format_time(winner.time_ms, notation(), tenths=winner.tenths)}
    else:
        mark = ""
    values = {"name": name, "distance": race.distance_label(), "mark": f" {mark}" if mark else ""}
    if race.provisional:
        return gettext("%(name)s leads the %(distance)s%(mark)s (provisional)") % values
    return gettext("%(name)s wins the %(distance)s%(mark)s") % values
