"""Pages of facts derived from all results: records, rankings, the Adelskalender, streaks, World Cup standings."""

import re
from datetime import date

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from results import rankings, records, timing
from results.history import performances, starts_by_skater_and_distance
from results.models import DISTANCES, Competition, Gender, RaceKind, Result, Skater, WorldCupPoints
from results.streaks import streaks

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
    filters = {"nationality": nationality} if nationality else {}
    held = records.progressions_by(performances(**filters), records.world_key)
    table = [
        (
            distance,
            event_slug("F", distance),
            _last(held.get(("F", distance))),
            event_slug("M", distance),
            _last(held.get(("M", distance))),
        )
        for distance in DISTANCES
    ]
    return render(
        request,
        "results/records.html",
        {"table": table, "nationality": nationality, "nationalities": Skater.objects.nationalities()},
    )


def _last(progression):
    return progression[-1] if progression else None


def record_history(request, event):
    gender, distance = parse_event(event)
    nationality = request.GET.get("nationality", "").strip().upper()[:3]
    filters = {"race__gender": gender, "race__distance_m": distance}
    if nationality:
        filters["nationality"] = nationality
    history = records.progression(performances(**filters))
    return render(
        request,
        "results/record_history.html",
        {"gender": gender, "distance": distance, "history": list(reversed(history)), "nationality": nationality},
    )


def season_ranking(request, season, event):
    gender, distance = parse_event(event)
    start = _season_or_404(season)
    ranking = rankings.season_ranking(
        performances(race__competition__season=start, race__gender=gender, race__distance_m=distance)
    )
    return render(
        request,
        "results/season_ranking.html",
        {"season": start, "gender": gender, "distance": distance, "ranking": ranking, "events": season_events(start)},
    )


def _season_or_404(season):
    try:
        start = timing.parse_season(season)
    except ValueError:
        start = None
    if start is None or timing.season_slug(start) != season:
        raise Http404(_("No such season."))
    return start


def season_events(season):
    return [
        (event_slug(g, d), g, d)
        for g, d in Result.objects.public()
        .filter(race__competition__season=season, race__kind=RaceKind.INDIVIDUAL)
        .values_list("race__gender", "race__distance_m")
        .distinct()
        .order_by("race__gender", "race__distance_m")
    ]


def adelskalender(request):
    gender = "F" if request.GET.get("gender") == "F" else "M"
    on, problem = date.today(), None
    if request.GET.get("date"):
        try:
            on = date.fromisoformat(request.GET["date"])
        except ValueError:
            problem = _("The date must be written as YYYY-MM-DD, for example 2024-03-01.")
    ranking = [] if problem else rankings.adelskalender(performances(race__gender=gender, race__date__lte=on), gender)
    return render(
        request,
        "results/adelskalender.html",
        {"gender": gender, "on": on, "ranking": ranking, "distances": rankings.ALLROUND[gender], "problem": problem},
        status=400 if problem else 200,
    )


def streak_list(request):
    """The longest runs of wins as held, and who is on a run now."""
    starts = starts_by_skater_and_distance(Result.objects.public().filter(race__kind=RaceKind.INDIVIDUAL))
    rows = []
    for (skater_id, distance), skater_starts in starts.items():
        current, longest = streaks(skater_starts)
        if longest >= 2:
            rows.append((longest, current, skater_id, distance))
    rows.sort(key=lambda row: (-row[0], -row[1]))
    rows = rows[:50]
    skaters = Skater.objects.in_bulk([row[2] for row in rows])
    return render(
        request,
        "results/streaks.html",
        {"rows": [(longest, current, skaters[s], d) for longest, current, s, d in rows]},
    )


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
            "standings": [(row, skaters[row.skater_id]) for row in standings],
            "competitions": Competition.objects.public().filter(season=start, kind="world-cup").count(),
        },
    )
