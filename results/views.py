import re
from datetime import date

from django.core.paginator import Paginator
from django.db.models import BigIntegerField, Count, F
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from results import careers, exporter, headtohead, rankings, records, timing
from results.filters import SkaterResultFilter
from results.history import WINNERS_OF, distance_history, recent_streak_ends
from results.insight_views import season_events
from results.models import (
    FINISH_TIMES,
    OTHER_NAMES,
    PODIUMS,
    SKATER_LINKS,
    STREAK_SUMMARIES,
    Competition,
    CompetitionKind,
    Gender,
    Race,
    RaceKind,
    RecordScope,
    Result,
    Rink,
    Skater,
    SkaterLink,
    SkaterName,
)
from results.prepared import Prepared
from results.records import mark_race
from results.standings import race_lines
from results.stories import race_story
from results.tables import (
    ClassificationTable,
    CompetitionTable,
    MassStartTable,
    MedalTable,
    MeetingsTable,
    PersonalRecordTable,
    PodiumTable,
    RaceResultTable,
    RaceWinnerTable,
    SeasonBestTable,
    SkaterResultTable,
    TallyTable,
    TeamRaceTable,
    TrackRecordTable,
    WinStreakTable,
    paginate,
    valid_order,
)
from results.templatetags.skating import notation, short_date


def visible(request, queryset):
    """Editors see drafts too; everyone else sees what is published."""
    return queryset if request.user.is_staff else queryset.public()


SEASON_SLUG = re.compile(r"\d{4}-\d{2}")
TEAM_KINDS = {RaceKind.TEAM_PURSUIT, RaceKind.TEAM_SPRINT}


def home(request):
    competitions = LATEST_COMPETITIONS.objects()
    # the latest races are those of the latest competitions: starting there spares a scan of every race
    latest_races = LATEST_RACES.objects(competitions=[competition.id for competition in competitions])
    winners = {r.race_id: r for r in WINNERS_OF.objects(races=[race.id for race in latest_races])}
    return render(
        request,
        "results/home.html",
        {
            "streak_ends": [
                (race, streak_end(winner, loser, length, race)) for race, winner, loser, length in recent_streak_ends()
            ],  # fmt: skip
            "competitions": competitions,
            "latest_races": RaceWinnerTable([(race, winners.get(race.id)) for race in latest_races]),
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


# The home page's queries, compiled once (results/prepared.py).
LATEST_COMPETITIONS = Prepared(
    lambda: Competition.objects.public().select_related("rink").order_by("-start_date", "name", "id")[:12]
)
LATEST_RACES = Prepared(
    lambda competitions: (
        Race.objects.public()
        .filter(competition_id__in=competitions)
        .with_competition()
        .order_by("-date", "gender", "distance_m", "-division", "id")[:12]
    ),
    competitions=[BigIntegerField()],
)


def competition_list(request):
    competitions = (
        Competition.objects.public()
        .select_related("rink")
        .annotate(race_count=Count("races"))
        .order_by("-start_date", "name", "id")
    )
    table = CompetitionTable(competitions, order_by=valid_order(CompetitionTable, request.GET.get("sort")))
    paginate(request, table, per_page=50)
    return render(
        request, "results/competition_list.html", {"table": table, "seasons": Competition.objects.public().seasons()}
    )


def competition_detail(request, slug):
    competition = Competition.objects.for_page(slug, drafts=request.user.is_staff)
    if competition is None:
        raise Http404(_("No competition at this address."))
    races = competition.race_list
    podiums = {}
    for result in PODIUMS.objects(races=[race.id for race in races]):
        podiums.setdefault(result.race_id, []).append(result)
    days = {}
    for race in races:
        days.setdefault(race.date, []).append((race, podiums.get(race.id, [])))
    days = {day: PodiumTable(rows) for day, rows in days.items()}
    return render(
        request,
        "results/competition_detail.html",
        {"competition": competition, "days": days, "classifications": championship_classifications(competition, races)},
    )


def classification_heading(race):
    """'After the 500 m of 3 Mar'."""
    names = {"race": race.distance_label(), "date": short_date(race.date, with_year=False)}
    return _("After the %(race)s of %(date)s") % {name: conditional_escape(value) for name, value in names.items()}


CHAMPIONSHIPS = {CompetitionKind.WORLD_SPRINT, CompetitionKind.WORLD_ALLROUND, CompetitionKind.EUROPEAN}


def championship_classifications(competition, races):
    """Samalog standings after each distance, per gender, for sprint and allround championships."""
    if competition.kind not in CHAMPIONSHIPS:
        return []
    times = {}
    for race_id, skater_id, time_ms in FINISH_TIMES.rows(races=[race.id for race in races]):
        times.setdefault(race_id, {})[skater_id] = time_ms
    classified = sorted({skater_id for by_skater in times.values() for skater_id in by_skater})
    skaters = {row[0]: SkaterLink._make(row) for row in SKATER_LINKS.rows(skaters=classified)}
    made = []
    for gender in (Gender.WOMEN, Gender.MEN):
        ordered = [r for r in races if r.gender == gender and not r.division and r.kind == "individual"]
        if len(ordered) < 2:
            continue
        standings = rankings.classification([(race, times.get(race.id, {})) for race in ordered])
        made.append(
            (
                gender,
                [
                    (
                        classification_heading(race),
                        ClassificationTable([(row, skaters[row.skater_id]) for row in table]),
                    )
                    for race, table in standings[1:]
                ],
            )  # fmt: skip
        )
    return made


def race_detail(request, competition_slug, race_slug):
    race = Race.objects.for_page(competition_slug, race_slug, drafts=request.user.is_staff)
    if race is None:
        raise Http404(_("No race at this address."))
    if race.kind in TEAM_KINDS:
        lines = race_lines(race, list(race.results.select_related("skater").prefetch_related("members__skater")))
        story, table_class = [], TeamRaceTable
    else:
        lines = race_lines(race, race.entries())
        history = distance_history(race, [line.result.skater_id for line in lines])
        track_record, national_records = Race.objects.records_before(race, {line.nationality for line in lines})
        mark_race(race, lines, history, track_record, national_records)
        story = race_story(race, lines, history, notation(), Race.objects.winner_ages(race))
        table_class = MassStartTable if race.kind == RaceKind.MASS_START else RaceResultTable
    table = table_class(lines, order_by=valid_order(table_class, request.GET.get("sort")))
    siblings, (previous_race, next_race) = Race.objects.around(race)
    return render(
        request,
        "results/race_detail.html",
        {
            "race": race,
            "competition": race.competition,
            "table": table,
            "winner": next((line for line in lines if line.rank == 1), None),
            "non_finishers": [line for line in lines if not line.finished],
            "siblings": siblings,
            "story": story,
            "previous_race": previous_race,
            "next_race": next_race,
        },
    )


def skater_or_redirect(slug):
    """(the skater at this address, None), or (None, the skater) when it is the address of an earlier name."""
    skater = Skater.objects.at(slug)
    if skater is None:
        earlier = SkaterName.objects.filter(slug=slug).select_related("skater").first()
        if earlier is None:
            raise Http404(_("No skater with this address."))
        return None, earlier.skater
    return skater, None


LATEST_RESULTS = 10  # on the profile; every result is on the skater's results page


def skater_detail(request, slug):
    skater, moved = skater_or_redirect(slug)
    if moved:
        return redirect(moved, permanent=True)
    results = careers.career(skater)
    personal = careers.personal_records(results)
    bests = careers.season_bests(results)
    recent = [
        (timing.season_label(season) if n == 0 else "", result)
        for season in list(bests)[: careers.RECENT_SEASONS]
        for n, result in enumerate(bests[season])
    ]
    medals = careers.medal_counts(results)
    streaks = STREAK_SUMMARIES.objects(skater=skater.id)
    return render(
        request,
        "results/skater_detail.html",
        {
            "skater": skater,
            "age": timing.age_on(skater.birth_date, date.today()),
            "other_names": OTHER_NAMES.objects(skater=skater.id),
            "latest": SkaterResultTable(careers.latest_first(results)[:LATEST_RESULTS]),
            "result_count": len(results),
            "personal_records": PersonalRecordTable(personal) if personal else None,
            "season_bests": SeasonBestTable(recent) if recent else None,
            "earlier_seasons": len(bests) > careers.RECENT_SEASONS,
            "recent_seasons": careers.RECENT_SEASONS,
            "charts": careers.progression_charts(results, personal, bests, notation()),
            "streaks": WinStreakTable(streaks) if streaks else None,
            "medals": MedalTable(medals) if medals else None,
            "rivals": Result.objects.rivals_of(skater),
        },
    )


def skater_results(request, slug):
    """Every result of a skater, newest first, by season and distance."""
    skater, moved = skater_or_redirect(slug)
    if moved:
        return redirect("results:skater_results", moved.slug, permanent=True)
    results = careers.career(skater)
    seasons = sorted({r.season for r in results}, reverse=True)
    filterset = SkaterResultFilter(request.GET, queryset=Result.objects.none(), seasons=seasons)
    chosen = filterset.form.cleaned_data if filterset.is_valid() else {}
    table = SkaterResultTable(
        careers.latest_first(
            results,
            season=int(chosen["season"]) if chosen.get("season") else None,
            distance_m=int(chosen["distance"]) if chosen.get("distance") else None,
        )
    )
    paginate(request, table)
    return render(request, "results/skater_results.html", {"skater": skater, "table": table, "filter": filterset})


class CappedPaginator(Paginator):
    """Counts matches only up to CAP: a search for two letters need not count every skater there is."""

    CAP = 1000

    @cached_property
    def count(self):
        found = self.object_list.order_by()[: self.CAP + 1].count()
        self.more = found > self.CAP
        return min(found, self.CAP)


SKATERS_PER_PAGE = 50


def skater_list(request):
    query = request.GET.get("q", "").strip()[:100]
    nationality = request.GET.get("nationality", "").strip().upper()[:3]
    skaters = Skater.objects.all()
    if query:
        skaters = skaters.search(query)
    if nationality:
        skaters = skaters.filter(nationality=nationality)
    page = CappedPaginator(skaters, SKATERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "results/skater_list.html",
        {
            "query": query,
            "nationality": nationality,
            "page": page,
            "nationalities": Skater.objects.nationalities(),
        },
    )


MEETINGS_PER_PAGE = 25


def head_to_head(request, slug_a, slug_b):
    a, b = Skater.objects.at(slug_a), Skater.objects.at(slug_b)
    if a is None or b is None:
        raise Http404(_("No skater with this address."))
    if a == b:
        raise Http404(_("A head-to-head needs two different skaters."))
    meetings = headtohead.meetings_between(a, b)
    summary = headtohead.summary(meetings)
    table = MeetingsTable(meetings[::-1], a, b)
    paginate(request, table, per_page=MEETINGS_PER_PAGE)
    return render(
        request,
        "results/head_to_head.html",
        {"a": a, "b": b, "table": table, **summary, "tally": TallyTable(list(summary["per_distance"].items()), a, b)},
    )


def head_to_head_form(request):
    a_name, b_name = request.GET.get("a", "").strip()[:100], request.GET.get("b", "").strip()[:100]
    problems, found = [], []
    if a_name or b_name:
        for label, name in ((_("First skater"), a_name), (_("Second skater"), b_name)):
            matches = list(Skater.objects.search(name)[:2]) if name else []
            if len(matches) != 1:
                problems.append(
                    _("%(label)s: no skater matches '%(name)s'.") % {"label": label, "name": name}
                    if not matches
                    else _("%(label)s: more than one skater matches '%(name)s'; type more of the name.")
                    % {"label": label, "name": name}
                )
            else:
                found.append(matches[0])
        if not problems and found[0] != found[1]:
            return redirect("results:head_to_head", found[0].slug, found[1].slug)
        if not problems:
            problems.append(_("Pick two different skaters."))
    status = 400 if problems else 200
    return render(
        request, "results/head_to_head_form.html", {"a": a_name, "b": b_name, "problems": problems}, status=status
    )


def season_detail(request, season):
    try:
        start = timing.parse_season(season) if SEASON_SLUG.fullmatch(season) else None
    except ValueError:
        start = None
    if start is None or timing.season_slug(start) != season:
        raise Http404(_("No such season."))
    competitions = list(
        Competition.objects.public()
        .filter(season=start)
        .select_related("rink")
        .annotate(race_count=Count("races"))
        .order_by("start_date", "id")
    )
    if not competitions:
        raise Http404(_("No competitions in this season yet."))
    table = CompetitionTable(competitions, order_by=valid_order(CompetitionTable, request.GET.get("sort")))
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


EXPORT_ORDER = (
    "race__date", "race__gender", "race__distance_m", "-race__division", "race_id",
    F("rank").asc(nulls_last=True), "pair", "id",
)  # fmt: skip


def export(request, results, filename, fmt):
    results = (
        results.select_related("race__competition__rink", "skater")
        .prefetch_related("members__skater")
        .order_by(*EXPORT_ORDER)
    )
    if fmt == "json":
        response = JsonResponse(exporter.as_json(results), json_dumps_params={"ensure_ascii": False})
    else:
        response = HttpResponse(exporter.as_csv(results), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def race_export(request, competition_slug, race_slug, fmt):
    race = get_object_or_404(visible(request, Race.objects.all()), competition__slug=competition_slug, slug=race_slug)
    return export(request, race.results.all(), f"{competition_slug}-{race_slug}", fmt)


def competition_export(request, slug, fmt):
    competition = get_object_or_404(visible(request, Competition.objects.all()), slug=slug)
    return export(request, Result.objects.filter(race__in=visible(request, competition.races.all())), slug, fmt)


def skater_export(request, slug, fmt):
    skater = get_object_or_404(Skater, slug=slug)
    return export(request, Result.objects.public().filter(skater=skater), slug, fmt)


def rink_detail(request, slug):
    rink = get_object_or_404(Rink, slug=slug)
    races = Paginator(
        Race.objects.public()
        .filter(competition__rink=rink)
        .select_related("competition")
        .order_by("-date", "gender", "id"),
        50,
    ).get_page(request.GET.get("page"))
    winners = {r.race_id: r for r in Result.objects.filter(race__in=list(races), rank=1).select_related("skater")}
    track_records = records.held_records(scope=RecordScope.TRACK, rink=rink, current=True).order_by(
        "gender", "distance_m"
    )
    return render(
        request,
        "results/rink_detail.html",
        {
            "rink": rink,
            "races": RaceWinnerTable(
                [(race, winners.get(race.id)) for race in races], empty_text=_("No races held here yet.")
            ),
            "page": races,
            "track_records": TrackRecordTable(track_records) if track_records else None,
        },
    )
