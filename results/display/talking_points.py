"""Talking points of a race: short sentences of what makes it news, each computed from the results held.

Ordered by news value: a streak ended, the winner (and a streak extended),
records, improvements, firsts, who was absent, the podium's ages. A sentence is
made only when all of its facts are in the data; every one is "as held in this
database", since older fields are often partial.
"""

from datetime import timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from results.display.formatting import short_date
from results.models import RaceKind
from results.sport import timing
from results.sport.streaks import streak_before

IMPROVEMENT_WINDOW = timedelta(days=60)
MIN_TIME_GAIN_MS = 1000
MIN_PLACE_GAIN = 5


def ordinal(rank, notation):
    if notation == "nl":
        return f"{rank}e"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def seconds(ms, notation, tenths=False):
    text = f"{ms // 1000}.{(ms % 1000) // 100}" if tenths else f"{ms // 1000}.{(ms % 1000) // 10:02d}"
    return text.replace(".", ",") if notation == "nl" else text


def race_story(race, lines, starts, notation, winner_ages=(None, None)):
    """Sentences for a race page. lines: the race's standings; starts: starts by skater on the distance;
    winner_ages: (youngest, oldest) age of the earlier winners on the distance, None when there were none."""
    distance = race.distance_label()
    finishers = [line for line in lines if line.finished and line.rank]
    winner = next((line for line in finishers if line.rank == 1), None)
    second = next((line for line in finishers if line.rank == 2), None)
    points = []
    counts = race.division in ("", "A")

    if counts:
        for line in lines:
            if not line.finished and line.status not in ("DNF", "DQ") or (winner and line is winner):
                continue
            streak = streak_before(starts.get(line.skater.id, []), race.id)
            if streak.length < 3:
                continue
            text = _("%(winner)s ends %(name)s's run of %(n)s straight %(distance)s wins.") % {
                "winner": winner.skater.name if winner else _("This race"), "name": line.skater.name,
                "n": streak.length, "distance": distance,
            }  # fmt: skip
            before = streak.started_after
            if before:
                text += " " + _("It is %(name)s's first %(distance)s defeat since %(competition)s (%(date)s).") % {
                    "name": line.skater.name, "distance": distance, "competition": before.competition,
                    "date": date_format(before.date, "j M Y"),
                }  # fmt: skip
            points.append(text)

    if winner and winner.time_ms:
        if second and second.time_ms and second.time_ms > winner.time_ms:
            margin = timing.hundredths(second.time_ms) - timing.hundredths(winner.time_ms)
            points.append(
                _("%(winner)s wins in %(time)s, %(margin)s s ahead of %(second)s.")
                % {
                    "winner": winner.skater.name,
                    "time": timing.format_time(winner.time_ms, notation, tenths=winner.tenths),
                    "margin": seconds(margin, notation, tenths=winner.tenths or second.tenths),
                    "second": second.skater.name,
                }  # fmt: skip
            )
        else:
            points.append(
                _("%(winner)s wins in %(time)s.")
                % {
                    "winner": winner.skater.name,
                    "time": timing.format_time(winner.time_ms, notation, tenths=winner.tenths),
                }
            )
        if counts:
            run = streak_before(starts.get(winner.skater.id, []), race.id).length + 1
            if run >= 3:
                points.append(
                    _("%(name)s makes it %(n)s straight %(distance)s wins.")
                    % {"name": winner.skater.name, "n": run, "distance": distance}
                )

    for line in lines:
        if "WR" in line.markers:
            since = getattr(line.result, "world_record_since", None)
            values = {"name": line.skater.name, "time": timing.format_time(line.time_ms, notation, tenths=line.tenths),
                      "distance": distance, "date": since and short_date(since)}  # fmt: skip
            points.append(
                _("%(name)s sets a world record: %(time)s, the first on the %(distance)s since %(date)s.") % values
                if since
                else _("%(name)s sets the first world record on the %(distance)s: %(time)s.") % values
            )
        if "TR" in line.markers:
            points.append(
                _("%(name)s sets a track record: %(time)s.")
                % {"name": line.skater.name, "time": timing.format_time(line.time_ms, notation, tenths=line.tenths)}
            )
        if "NR" in line.markers:
            points.append(
                _("%(name)s sets a national record for %(nationality)s: %(time)s.")
                % {
                    "name": line.skater.name,
                    "nationality": line.nationality,
                    "time": timing.format_time(line.time_ms, notation, tenths=line.tenths),
                }
            )
    personal = [line.skater.name for line in lines if "PR" in line.markers]
    if personal:
        points.append(_("Personal records: %(names)s.") % {"names": ", ".join(personal)})

    if race.kind != RaceKind.MASS_START:  # a tactical race: its time says little about the skater's form
        points.extend(_improvements(race, finishers, starts, notation))
    points.extend(_firsts(race, finishers, starts, distance))
    points.extend(_absent(lines))

    podium = [line for line in finishers if line.rank <= 3 and line.age is not None]
    if podium:
        points.append(
            _("Podium ages: %(ages)s.") % {"ages": ", ".join(f"{line.skater.name} {line.age}" for line in podium)}
        )
    if race.division in ("", "A"):
        points.extend(_winner_age(winner, winner_ages, distance))
    return points


def _previous_start(race, starts):
    earlier = [s for s in starts if s.date < race.date and race.date - s.date <= IMPROVEMENT_WINDOW]
    same_division = [s for s in earlier if s.division == race.division]
    if same_division:
        return same_division[-1], False
    return (earlier[-1], True) if earlier else (None, False)


def _improvements(race, finishers, starts, notation):
    points = []
    for line in finishers:
        previous, other_division = _previous_start(race, starts.get(line.skater.id, []))
        if previous is None or previous.status != "FIN":
            continue
        time_gain = previous.time_ms - line.time_ms if previous.time_ms and line.time_ms else None
        place_gain = previous.rank - line.rank if previous.rank and line.rank else None
        if not ((time_gain or 0) >= MIN_TIME_GAIN_MS or (place_gain or 0) >= MIN_PLACE_GAIN):
            continue
        days = (race.date - previous.date).days
        values = {
            "name": line.skater.name, "city": previous.city, "days": days,
            "then": ordinal(previous.rank, notation) if previous.rank else "?",
            "now": ordinal(line.rank, notation),
        }  # fmt: skip
        if time_gain and time_gain > 0:
            values["gain"] = seconds(time_gain, notation, tenths=line.tenths)
            text = (
                ngettext(
                    "%(name)s was %(gain)s s faster than in %(city)s a day earlier (%(then)s there, %(now)s here).",
                    "%(name)s was %(gain)s s faster than in %(city)s %(days)s days earlier (%(then)s there, %(now)s here).",
                    days,
                )
                % values
            )
        else:
            text = (
                ngettext(
                    "%(name)s climbed from %(then)s in %(city)s a day earlier to %(now)s.",
                    "%(name)s climbed from %(then)s in %(city)s %(days)s days earlier to %(now)s.",
                    days,
                )
                % values
            )
        if other_division:
            text += " " + _("(That race was in division %(division)s.)") % {"division": previous.division or "—"}
        points.append(text)
    return points


def _firsts(race, finishers, starts, distance):
    points = []
    for line in finishers:
        if line.rank > 3:
            continue
        earlier = [s for s in starts.get(line.skater.id, []) if s.date < race.date and s.counts_for_streaks]
        if line.rank == 1 and race.division in ("", "A") and not any(s.won for s in earlier):
            points.append(
                _("%(name)s's first %(distance)s win, as held in this database.")
                % {"name": line.skater.name, "distance": distance}
            )
        elif line.rank == 1 and race.division in ("", "A"):
            rink_id = race.competition.rink_id
            if not any(s.won for s in earlier if s.rink_id == rink_id):
                points.append(
                    _("%(name)s's first %(distance)s win at %(rink)s, as held in this database.")
                    % {"name": line.skater.name, "distance": distance, "rink": race.competition.rink.name}
                )
        elif race.division in ("", "A") and not any(s.status == "FIN" and s.rank and s.rank <= 3 for s in earlier):
            points.append(
                _("%(name)s's first %(distance)s podium, as held in this database.")
                % {"name": line.skater.name, "distance": distance}
            )
    return points


def _winner_age(winner, winner_ages, distance):
    """The youngest or oldest winner on the distance as held, when this winner is one of them."""
    youngest, oldest = winner_ages
    if winner is None or winner.age is None or youngest is None:
        return []
    values = {"name": winner.skater.name, "age": winner.age, "distance": distance}
    if winner.age < youngest:
        return [_("At %(age)s, %(name)s is the youngest %(distance)s winner held in this database.") % values]
    if winner.age > oldest:
        return [_("At %(age)s, %(name)s is the oldest %(distance)s winner held in this database.") % values]
    return []


def _absent(lines):
    labels = {
        "WDR": _("Withdrew: %(names)s."),
        "DNS": _("Did not start: %(names)s."),
        "DNF": _("Did not finish: %(names)s."),
        "DQ": _("Disqualified: %(names)s."),
    }
    points = []
    for status, label in labels.items():
        names = [line.skater.name for line in lines if line.status == status]
        if names:
            points.append(label % {"names": ", ".join(names)})
    return points
