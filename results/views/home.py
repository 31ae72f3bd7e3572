from django.shortcuts import render
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from results import caching
from results.display import rows
from results.queries import home as queries


def home(request):
    caching.shows(request, caching.HOME)
    competitions = queries.latest_competitions()
    latest_races = queries.latest_races(competitions)
    ends = queries.recent_streak_ends()
    winners = queries.winners_of([race.id for race in latest_races] + [end.race_id for end in ends])
    return render(
        request,
        "results/home.html",
        {
            "live_races": queries.live_races(),
            "streak_ends": [
                (end.race, streak_end(winners.get(end.race_id), end.skater, end.length, end.race)) for end in ends
            ],
            "competitions": competitions,
            "latest_races": rows.race_winners([(race, winners.get(race.id)) for race in latest_races]),
        },
    )


def streak_end(winning_result, loser, length, race):
    """'Takagi ends Leerdam's run of 16 straight 1000 m wins' (the names escaped, the sentence safe)."""
    names = {"name": loser.name, "n": length, "distance": race.distance_label()}
    if winning_result and winning_result.skater_id:
        message = _("%(winner)s ends %(name)s's run of %(n)s straight %(distance)s wins")
        names["winner"] = winning_result.skater.name
    else:
        message = _("%(name)s's run of %(n)s straight %(distance)s wins ends")
    return mark_safe(message % {name: conditional_escape(value) for name, value in names.items()})
