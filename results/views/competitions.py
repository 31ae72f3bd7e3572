from django.db.models import Count
from django.http import Http404
from django.shortcuts import render
from django.utils.html import conditional_escape
from django.utils.translation import gettext as _

from results import caching
from results.display import rows
from results.display.formatting import short_date
from results.display.tables.base import paginate_table, sort_asked
from results.display.tables.races import CompetitionTable
from results.models import CHAMPIONSHIP_KINDS, Competition, CompetitionKind, Gender, RaceKind
from results.queries import competition_page as queries
from results.queries.insights import season_events
from results.queries.lookups import season_or_404
from results.sport import classifications, timing


def competition_list(request):
    caching.shows(request, caching.COMPETITIONS)
    competitions = (
        Competition.objects.public()
        .select_related("rink")
        .annotate(race_count=Count("races"))
        .order_by("-start_date", "name", "id")
    )
    table = CompetitionTable(competitions, order_by=sort_asked(request), caption=_("Competitions"))
    paginate_table(request, table, per_page=50)
    return render(
        request, "results/competition_list.html", {"table": table, "seasons": Competition.objects.public().seasons()}
    )


def competition_detail(request, slug):
    competition = queries.competition_at(slug, request.user)
    if competition is not None:
        caching.shows(request, caching.competition_tag(competition.id))
    if competition is None:
        raise Http404(_("No competition at this address."))
    races = competition.race_list
    podiums = queries.podiums(races)
    days = {}
    for race in races:
        days.setdefault(race.date, []).append((race, podiums.get(race.id, [])))
    days = {day: rows.podiums(races_of_day) for day, races_of_day in days.items()}
    return render(
        request,
        "results/competition_detail.html",
        {"competition": competition, "days": days, "classifications": championship_classifications(competition, races)},
    )


def classification_heading(race):
    """'After the 500 m of 3 Mar'."""
    names = {"race": race.distance_label(), "date": short_date(race.date, with_year=False)}
    return _("After the %(race)s of %(date)s") % {name: conditional_escape(value) for name, value in names.items()}


def championship_classifications(competition, races):
    """Samalog standings after each distance, per gender, for sprint and allround championships."""
    if competition.kind not in CHAMPIONSHIP_KINDS:
        return []
    times = queries.finish_times(races)
    skaters = queries.skater_links({skater_id for by_skater in times.values() for skater_id in by_skater})
    made = []
    for gender in (Gender.WOMEN, Gender.MEN):
        ordered = [r for r in races if r.gender == gender and not r.division and r.kind == RaceKind.INDIVIDUAL]
        if len(ordered) < 2:
            continue
        standings = classifications.classification([(race, times.get(race.id, {})) for race in ordered])
        tables = [
            (classification_heading(race), [(row, skaters[row.skater_id]) for row in table])
            for race, table in standings[1:]
        ]
        made.append((gender, tables, rows.needs(queries.what_it_takes(ordered[-1]))))
    return made


def season_detail(request, season):
    start = season_or_404(season)
    caching.shows(request, caching.season_tag(start), caching.COMPETITIONS)
    competitions = list(
        Competition.objects.public()
        .filter(season=start)
        .select_related("rink")
        .annotate(race_count=Count("races"))
        .order_by("start_date", "id")
    )
    if not competitions:
        raise Http404(_("No competitions in this season yet."))
    table = CompetitionTable(competitions, order_by=sort_asked(request), caption=_("Competitions"))
    return render(
        request,
        "results/season_detail.html",
        {
            "season": start,
            "label": timing.season_label(start),
            "table": table,
            "seasons": Competition.objects.public().seasons(),
            "events": season_events(start),
            "has_world_cup": any(c.kind == CompetitionKind.WORLD_CUP for c in competitions),
        },
    )
