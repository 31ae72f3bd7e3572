"""Medal tables and a nation's page as shown: names in the page language, the Games' gaps said in words."""

from django.utils.translation import ngettext

from results.display.formatting import country_name
from results.models import Race
from results.sport import medals as rules


def medal_rows(placings):
    """[{nation, name, gold, silver, bronze, total}] of a medal table, most golds first."""
    return [
        {"nation": t.nation, "name": country_name(t.nation), "gold": t.gold, "silver": t.silver, "bronze": t.bronze,
         "total": t.total}
        for t in rules.medal_table((p.nation, p.rank) for p in placings)
    ]  # fmt: skip


def event_of(placing):
    return Race(gender=placing.gender, distance_m=placing.distance_m, kind=placing.kind, division="").title()


def medallists(placings):
    """[{year, event, medal, name, slug, nation, race_url}] in Games and race order."""
    return [
        {"year": p.year, "event": event_of(p), "medal": rules.medal_of(p.rank), "name": p.skater_name,
         "slug": p.skater_slug, "nation": p.nation, "race_url": p.race_url}
        for p in placings
    ]  # fmt: skip


def games_held(held, year=None):
    """[{year, held, events, missing}] of every Winter Games (or one): how many of its speed-skating races are
    held here, of how many there were."""
    years = [year] if year else sorted(rules.OLYMPIC_EVENTS)
    rows = []
    for games in years:
        events, found = rules.OLYMPIC_EVENTS.get(games, 0), held.get(games, 0)
        missing = max(events - found, 0)
        rows.append({"year": games, "held": found, "events": events, "missing": missing,
                     "note": ngettext("%(n)d event not held here", "%(n)d events not held here", missing)
                     % {"n": missing} if missing else ""})  # fmt: skip
    return rows


def history_of(nation):
    """(the nations before, the nations after) of a nation of its time, each (code, name); or of a successor, the
    nation it came from."""
    before, after = rules.HISTORIC.get(nation, ((), ()))
    if not before and not after and nation in rules.SUCCESSORS_OF:
        before = rules.SUCCESSORS_OF[nation]
    return [(code, country_name(code)) for code in before], [(code, country_name(code)) for code in after]


def best_olympians(placings, count=10):
    """[{name, slug, gold, medals}] of the skaters with the most Olympic golds, then medals, in these placings."""
    golds, medals, names = {}, {}, {}
    for p in placings:
        if p.skater_slug:
            names[p.skater_slug] = p.skater_name
            medals[p.skater_slug] = medals.get(p.skater_slug, 0) + 1
            golds[p.skater_slug] = golds.get(p.skater_slug, 0) + (p.rank == 1)
    ranked = sorted(names, key=lambda slug: (-golds[slug], -medals[slug], names[slug]))
    return [{"name": names[s], "slug": s, "gold": golds[s], "medals": medals[s]} for s in ranked[:count]]
