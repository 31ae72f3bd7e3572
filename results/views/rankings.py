"""Season rankings, the Adelskalender and World Cup standings."""

from datetime import date

from django.shortcuts import render
from django.utils.translation import gettext as _

from results import caching
from results.display.tables.base import paginate_table, sort_asked
from results.display.tables.insights import AdelskalenderTable, SeasonRankingTable, WorldCupTable
from results.models import Competition, CompetitionKind, Skater
from results.queries import insights as queries
from results.queries.lookups import event_or_404, season_or_404
from results.sport import classifications
from results.views.common import paginate


def season_ranking(request, season, event):
    gender, distance = event_or_404(event)
    start = season_or_404(season)
    caching.shows(request, caching.season_tag(start))
    table = SeasonRankingTable(
        queries.season_ranking(start, gender, distance), order_by=sort_asked(request), caption=_("Season bests")
    )
    paginate_table(request, table, per_page=50, counted=queries.season_bests(start, gender, distance))
    return render(
        request,
        "results/season_ranking.html",
        {"season": start, "gender": gender, "distance": distance, "table": table,
         "events": queries.season_events(start)},
    )  # fmt: skip


ADELSKALENDER_PAGE = 50


def adelskalender(request):
    gender = "F" if request.GET.get("gender") == "F" else "M"
    on, problem, today = date.today(), None, True
    if request.GET.get("date"):
        try:
            on = date.fromisoformat(request.GET["date"])
            today = on >= date.today()
        except ValueError:
            problem = _("The date must be written as YYYY-MM-DD, for example 2024-03-01.")
    if today:  # the list as it stands: its bests; an earlier date's list reads every result (shows "any")
        caching.shows(request, caching.BESTS)
    distances = classifications.ALLROUND[gender]
    if problem:
        page, ranking = None, []
    elif today:
        page = paginate(request, queries.adelskalender_entries(gender), ADELSKALENDER_PAGE)
        ranking = queries.current_ranking(gender, list(page))
    else:
        bests = queries.personal_bests_on(gender, distances, on)
        page = paginate(request, classifications.adelskalender(bests, gender), ADELSKALENDER_PAGE)
        skaters = Skater.objects.in_bulk([row.skater_id for row in page])
        ranking = [(row, skaters[row.skater_id]) for row in page]
    return render(
        request,
        "results/adelskalender.html",
        {"gender": gender, "on": on, "problem": problem, "page": page,
         "table": AdelskalenderTable(ranking, distances, caption=_("Adelskalender"))},
        status=400 if problem else 200,
    )  # fmt: skip


def world_cup_standings(request, season, event):
    gender, distance = event_or_404(event)
    start = season_or_404(season)
    caching.shows(request, caching.season_tag(start), caching.COMPETITIONS)
    points_table = queries.world_cup_points(start, gender, distance)
    standings = classifications.world_cup_standings(queries.world_cup_ranks(start, gender, distance), points_table)
    skaters = Skater.objects.in_bulk([row.skater_id for row in standings])
    rows = [(row, skaters[row.skater_id]) for row in standings]
    return render(
        request,
        "results/world_cup_standings.html",
        {
            "season": start,
            "gender": gender,
            "distance": distance,
            "has_table": bool(points_table),
            "table": WorldCupTable(rows, caption=_("World Cup standings")),
            "competitions": Competition.objects.public().filter(season=start, kind=CompetitionKind.WORLD_CUP).count(),
        },
    )
