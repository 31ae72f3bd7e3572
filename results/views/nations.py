"""Olympic medal tables and a page per nation, counted from the Olympic races held."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from results import caching
from results.display import medals as shown
from results.display.formatting import country_name
from results.queries import nations as queries
from results.sport import medals as rules


def olympic_medals(request, year=None):
    caching.shows(request, caching.RECORDS)
    if year is not None and year not in rules.OLYMPIC_EVENTS:
        raise Http404(_("No Winter Games that year."))
    placings = queries.olympic_placings(year=year)
    return render(request, "results/olympic_medals.html", {
        "year": year, "table": shown.medal_rows(placings), "games": shown.games_held(queries.olympic_races_held(), year),
        "medallists": shown.medallists(placings) if year else [], "years": sorted(rules.OLYMPIC_EVENTS),
    })  # fmt: skip


def nation_detail(request, code):
    code = code.upper()
    caching.shows(request, caching.RECORDS)
    skater_count, skaters = queries.skaters_of(code)
    placings = queries.olympic_placings(nation=code)
    if not skaters and not placings and code not in rules.HISTORIC:
        raise Http404(_("No skaters of this nation here."))
    by_games = {}
    for placing in placings:
        by_games.setdefault(placing.year, []).append(placing)
    before, after = shown.history_of(code)
    return render(request, "results/nation_detail.html", {
        "code": code, "name": country_name(code), "before": before, "after": after,
        "games": [(year, shown.medal_rows(found)[0]) for year, found in by_games.items()],
        "total": shown.medal_rows(placings)[0] if placings else None, "medallists": shown.medallists(placings),
        "records": queries.national_records(code), "best": shown.best_olympians(placings), "skaters": skaters,
        "skater_count": skater_count,
    })  # fmt: skip
