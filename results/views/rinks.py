from django.shortcuts import get_object_or_404, render

from results.display import rows
from results.models import Race, RecordScope, Rink
from results.queries.home import winners_of
from results.queries.insights import held_records
from results.views.common import paginate


def rink_detail(request, slug):
    rink = get_object_or_404(Rink, slug=slug)
    races = paginate(
        request,
        Race.objects.public()
        .filter(competition__rink=rink)
        .select_related("competition")
        .order_by("-date", "gender", "id"),
        50,
    )
    winners = winners_of(list(races))
    track_records = list(
        held_records(scope=RecordScope.TRACK, rink=rink, current=True).order_by("gender", "distance_m")
    )
    return render(
        request,
        "results/rink_detail.html",
        {
            "rink": rink,
            "races": rows.race_winners([(race, winners.get(race.id)) for race in races]),
            "page": races,
            "track_records": track_records,
        },
    )
