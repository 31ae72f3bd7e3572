from django.shortcuts import render
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from results.display import rows
from results.queries import home as queries


def home(request):
    competitions = queries.latest_competitions()
    latest_races = queries.latest_races(competitions)
    winners = queries.winners_of(latest_races)
    return render(
        request,
        "results/home.html",
        {
            "streak_ends": [
                (race, streak_end(winner, loser, length, race))
                for race, winner, loser, length in queries.recent_streak_ends()
            ],
            "competitions": competitions,
            "latest_races": rows.race_winners([(race, winners.get(race.id)) for race in latest_races]),
        },
    )


def streak_end(winner, loser, length, race):
    """'Takagi ends Leerdam's run of 16 straight 1000 m wins' (the names escaped, the sentence safe)."""
    names = {"name": loser.name, "n": length, "distance": race.distance_label()}
    if winner:
        message = _("%(winner)s ends %(name)s's run of %(n)s straight %(distance)s wins")
        names["winner"] = winner.name
    else:
        message = _("%(name)s's run of %(n)s straight %(distance)s wins ends")
    return mark_safe(message % {name: conditional_escape(value) for name, value in names.items()})
