"""Pages of facts derived from all results: records, rankings, the Adelskalender, streaks, World Cup standings."""

import re
from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.db.models import CharField, Count, F, IntegerField, Min, Window
from django.db.models.functions import Rank
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from results import rankings, records, timing
from results.addresses import slug_url
from results.models import (
    DISTANCES,
    AdelskalenderEntry,
    Competition,
    Gender,
    RaceKind,
    RecordScope,
    Result,
    SeasonBest,
    Skater,
    StreakSummary,
    WorldCupPoints,
)
from results.prepared import Pages, Prepared
from results.tables import (
    AdelskalenderTable,
    RecordHistoryTable,
    SeasonRankingTable,
    StreakTable,
    WorldCupTable,
    paginate,
    paginate_pages,
    valid_order,
)

EVENT = re.compile(r"(women|men)-(\d{3,5})m")


def parse_event(event):
    """'women-1000m' → ('F', 1000), or 404."""
    match = EVENT.fullmatch(event)
    if not match or int(match.group(2)) not in DISTANCES:
        raise Http404(_("No such distance."))
    return ("F" if match.group(1) == "women" else "M"), int(match.group(2))


def event_slug(gender, distance_m):
    return f"{'women' if gender == Gender.WOMEN else 'men'}-{distance_m}m"


def records_index(request):
    nationality = request.GET.get("nationality", "").strip().upper()[:3]
    if nationality:
        held = records.held_records(scope=RecordScope.NATIONAL, nationality=nationality, current=True)
    else:
        held = records.held_records(scope=RecordScope.WORLD, current=True)
    current = {(entry.gender, entry.distance_m): entry for entry in held}
    table = [
        (
            distance,
            event_slug("F", distance),
            current.get(("F", distance)),
            event_slug("M", distance),
            current.get(("M", distance)),
        )
        for distance in DISTANCES
    ]
    return render(
        request,
        "results/records.html",
        {"table": table, "nationality": nationality, "nationalities": Skater.objects.nationalities()},
    )


def record_history(request, event):
    gender, distance = parse_event(event)
    nationality = request.GET.get("nationality", "").strip().upper()[:3]
    scope = {"scope": RecordScope.NATIONAL, "nationality": nationality} if nationality else {"scope": RecordScope.WORLD}
    history = list(records.held_records(gender=gender, distance_m=distance, **scope).order_by("-date", "-id"))
    table = RecordHistoryTable(history, order_by=valid_order(RecordHistoryTable, request.GET.get("sort")))
    return render(
        request,
        "results/record_history.html",
        {"gender": gender, "distance": distance, "table": table, "nationality": nationality},
    )


def season_ranking(request, season, event):
    gender, distance = parse_event(event)
    start = _season_or_404(season)
    order = valid_order(SeasonRankingTable, request.GET.get("sort"))
    table = SeasonRankingTable([], order_by=order)
    rows = Pages(SEASON_RANKING[order], SEASON_RANKING_SIZE, season=start, gender=gender, distance=distance)
    paginate_pages(request, table, rows, per_page=50)
    return render(
        request,
        "results/season_ranking.html",
        {"season": start, "gender": gender, "distance": distance, "table": table, "events": season_events(start)},
    )


def _season_ranking(order_by):
    return Prepared(
        lambda season, gender, distance: (
            SeasonBest.objects.filter(season=season, gender=gender, distance_m=distance)
            .annotate(rank=Window(Rank(), order_by=F("time_ms").asc()))  # ties share a rank
            .order_by(*order_by, "skater_id")
            .values(*SeasonRankingTable.FIELDS, **SeasonRankingTable.LOOKUPS)
        ),  # rows, not six model instances each
        season=IntegerField(),
        gender=CharField(),
        distance=IntegerField(),
    )


# A season ranking's queries (results/prepared.py): one for each order the table may be sorted in.
SEASON_RANKING = {
    sort: _season_ranking(order_by)
    for sort, order_by in {
        None: ("time_ms",), "time_ms": ("time_ms",), "-time_ms": ("-time_ms",), "date": ("date",),
        "-date": ("-date",), "skater": ("skater__name",), "-skater": ("-skater__name",),
    }.items()
}  # fmt: skip
SEASON_RANKING_SIZE = Prepared(
    lambda season, gender, distance: (
        SeasonBest.objects.filter(season=season, gender=gender, distance_m=distance)
        .values("season")
        .annotate(n=Count("id"))
        .values_list("n", flat=True)
    ),
    season=IntegerField(),
    gender=CharField(),
    distance=IntegerField(),
)


def _season_or_404(season):
    try:
        start = timing.parse_season(season)
    except ValueError:
        start = None
    if start is None or timing.season_slug(start) != season:
        raise Http404(_("No such season."))
    return start


@dataclass(frozen=True)
class SeasonEvent:
    """One gender and distance raced in a season, with its pages."""

    season: int
    gender: str
    distance_m: int

    @property
    def slug(self):
        return event_slug(self.gender, self.distance_m)

    @property
    def name(self):
        return f"{Gender(self.gender).label} {self.distance_m} m"

    @property
    def ranking_url(self):
        return slug_url("results:season_ranking", timing.season_slug(self.season), self.slug)

    @property
    def world_cup_url(self):
        return slug_url("results:world_cup", timing.season_slug(self.season), self.slug)


def season_events(season):
    """The events with a time held in the season (read from the stored season bests)."""
    return [SeasonEvent(season, g, d) for g, d in SEASON_EVENTS.rows(season=season)]


SEASON_EVENTS = Prepared(
    lambda season: (
        SeasonBest.objects.filter(season=season)
        .values_list("gender", "distance_m")
        .distinct()
        .order_by("gender", "distance_m")
    ),
    season=IntegerField(),
)


def adelskalender(request):
    gender = "F" if request.GET.get("gender") == "F" else "M"
    on, problem, today = date.today(), None, True
    if request.GET.get("date"):
        try:
            on = date.fromisoformat(request.GET["date"])
            today = on >= date.today()
        except ValueError:
            problem = _("The date must be written as YYYY-MM-DD, for example 2024-03-01.")
    distances = rankings.ALLROUND[gender]
    if problem:
        page, ranking = Paginator([], 100).get_page(1), []
    elif today:
        page, ranking = _current_adelskalender(request, gender)
    else:
        bests = (
            Result.objects.public()
            .filter(race__gender=gender, race__distance_m__in=distances, race__date__lte=on, status="FIN")
            .exclude(time_ms=None)
            .values("skater_id", "race__distance_m")
            .annotate(best=Min("time_ms"))
            .values_list("skater_id", "race__distance_m", "best")
        )
        page = Paginator(rankings.adelskalender(bests, gender), 50).get_page(request.GET.get("page"))
        skaters = Skater.objects.in_bulk([row.skater_id for row in page])
        ranking = [(row, skaters[row.skater_id]) for row in page]
    return render(
        request,
        "results/adelskalender.html",
        {"gender": gender, "on": on, "problem": problem, "page": page, "table": AdelskalenderTable(ranking, distances)},
        status=400 if problem else 200,
    )


def _current_adelskalender(request, gender):
    """A page of the stored Adelskalender; ranks shared on equal points, counted in the database."""
    page = Paginator(Pages(ADELSKALENDER, ADELSKALENDER_SIZE, gender=gender), 50).get_page(request.GET.get("page"))
    rows = list(page)
    if not rows:
        return page, []
    ahead = POINTS_AHEAD.first(gender=gender, points=rows[0].points) or 0
    ranks = timing.rank_with_ties([row.points for row in rows])
    first_tied = ranks[0]
    ranking = [
        (rankings.Ranked(ahead + rank - first_tied + 1, row.skater_id, row.points, row.times), row.skater)
        for rank, row in zip(ranks, rows, strict=True)
    ]
    return page, ranking


# The Adelskalender's queries, compiled once (results/prepared.py).
ADELSKALENDER = Prepared(
    lambda gender: (
        AdelskalenderEntry.objects.filter(gender=gender).select_related("skater").order_by("points", "skater_id")
    ),
    gender=CharField(),
)
ADELSKALENDER_SIZE = Prepared(
    lambda gender: (
        AdelskalenderEntry.objects.filter(gender=gender)
        .values("gender")
        .annotate(n=Count("id"))
        .values_list("n", flat=True)
    ),
    gender=CharField(),
)
POINTS_AHEAD = Prepared(  # how many have fewer points (a better place) than the page's first
    lambda gender, points: (
        AdelskalenderEntry.objects.filter(gender=gender, points__lt=points)
        .values("gender")
        .annotate(n=Count("id"))
        .values_list("n", flat=True)
    ),
    gender=CharField(),
    points=IntegerField(),
)


def streak_list(request):
    """The longest runs of wins as held, and who is on a run now."""
    rows = StreakSummary.objects.filter(longest__gte=2).select_related("skater").order_by("-longest", "-current", "id")
    table = StreakTable(rows, order_by=valid_order(StreakTable, request.GET.get("sort")))
    paginate(request, table, per_page=50)
    return render(request, "results/streaks.html", {"table": table})


def world_cup_standings(request, season, event):
    gender, distance = parse_event(event)
    start = _season_or_404(season)
    table = {
        (p.season, p.division, p.distance_m, p.gender, p.rank): p.points
        for p in WorldCupPoints.objects.filter(season=start, gender=gender, distance_m=distance)
    }
    starts = (
        Result.objects.public()
        .filter(
            race__competition__season=start,
            race__competition__kind="world-cup",
            race__gender=gender,
            race__distance_m=distance,
            race__kind=RaceKind.INDIVIDUAL,
            rank__isnull=False,
        )
        .values_list(
            "skater_id", "race__competition__season", "race__division", "race__distance_m", "race__gender", "rank"
        )
    )
    standings = rankings.world_cup_standings(starts, table)
    skaters = Skater.objects.in_bulk([row.skater_id for row in standings])
    return render(
        request,
        "results/world_cup_standings.html",
        {
            "season": start,
            "gender": gender,
            "distance": distance,
            "has_table": bool(table),
            "table": WorldCupTable([(row, skaters[row.skater_id]) for row in standings]),
            "competitions": Competition.objects.public().filter(season=start, kind="world-cup").count(),
        },
    )
