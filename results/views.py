from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from results.history import distance_history, recent_streak_ends
from results.models import Competition, Race, Result, Rink, Skater, SkaterName, Status
from results.records import mark_race
from results.standings import race_lines
from results.stories import race_story
from results.tables import RaceResultTable, SkaterResultTable
from results.templatetags.skating import notation


def home(request):
    competitions = Competition.objects.select_related("rink")[:12]
    latest_races = list(Race.objects.with_competition().order_by("-date", "gender", "distance_m", "-division")[:12])
    winners = {
        r.race_id: r
        for r in Result.objects.filter(race__in=[race.id for race in latest_races], rank=1).select_related("skater")
    }
    return render(
        request,
        "results/home.html",
        {
            "streak_ends": recent_streak_ends(),
            "competitions": competitions,
            "latest_races": [(race, winners.get(race.id)) for race in latest_races],
        },
    )


def competition_list(request):
    competitions = Competition.objects.select_related("rink").annotate(race_count=Count("races"))
    return render(request, "results/competition_list.html", {"competitions": competitions})


def competition_detail(request, slug):
    competition = get_object_or_404(Competition.objects.select_related("rink"), slug=slug)
    races = list(competition.races.all())
    podiums = {}
    for result in (
        Result.objects.filter(race__competition=competition, rank__lte=3, status=Status.FINISHED)
        .select_related("skater")
        .order_by("rank", "time_ms")
    ):
        podiums.setdefault(result.race_id, []).append(result)
    days = {}
    for race in races:
        days.setdefault(race.date, []).append((race, podiums.get(race.id, [])))
    return render(request, "results/competition_detail.html", {"competition": competition, "days": days})


def race_detail(request, competition_slug, race_slug):
    race = get_object_or_404(Race.objects.with_competition(), competition__slug=competition_slug, slug=race_slug)
    results = list(race.results.select_related("skater"))
    lines = race_lines(race, results)
    history = distance_history(race, [r.skater_id for r in results])
    mark_race(race, lines, history, Race.objects.track_record_before(race))
    story = race_story(race, lines, history, notation())
    table = RaceResultTable(lines, order_by=request.GET.get("sort"))
    siblings = list(
        Race.objects.filter(
            competition=race.competition, gender=race.gender, distance_m=race.distance_m, kind=race.kind
        )
        .exclude(id=race.id)
        .select_related("competition")
    )
    winner = next((line for line in lines if line.rank == 1), None)
    return render(
        request,
        "results/race_detail.html",
        {
            "race": race,
            "competition": race.competition,
            "table": table,
            "winner": winner,
            "non_finishers": [line for line in lines if not line.finished],
            "siblings": siblings,
            "story": story,
        },
    )


def skater_detail(request, slug):
    skater = Skater.objects.filter(slug=slug).first()
    if skater is None:
        earlier = SkaterName.objects.filter(slug=slug).select_related("skater").first()
        if earlier is None:
            raise Http404(_("No skater with this address."))
        return redirect(earlier.skater, permanent=True)
    results = Result.objects.filter(skater=skater).with_race().order_by("-race__date", "race__distance_m")
    table = SkaterResultTable(results)
    return render(
        request,
        "results/skater_detail.html",
        {"skater": skater, "table": table, "other_names": list(skater.other_names.all())},
    )


def rink_detail(request, slug):
    rink = get_object_or_404(Rink, slug=slug)
    competitions = rink.competitions.annotate(race_count=Count("races"))
    return render(request, "results/rink_detail.html", {"rink": rink, "competitions": competitions})
