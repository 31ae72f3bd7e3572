"""The API's operations: each reads through results/queries and shapes what it read (times as measured)."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Schema
from ninja.decorators import decorate_view
from ninja.pagination import PaginationBase, paginate

from results.api import api, rate_limited
from results.api.schemas import (
    AdelskalenderRow,
    CareerResultOut,
    CompetitionDetail,
    CompetitionOut,
    HeadToHeadOut,
    OlympicMedals,
    RaceDetail,
    RankingRow,
    RecordOut,
    SkaterDetail,
    SkaterOut,
    WorldCupRow,
)
from results.caching import cached_page
from results.models import Competition, Gender, Race, RecordScope, Skater
from results.models.addresses import slug_url
from results.queries import careers, insights, skater_page
from results.queries import nations as nation_queries
from results.queries import race_page as race_queries
from results.queries.head_to_head import meetings_between
from results.queries.insights import current_ranking
from results.queries.lookups import event_or_404, season_or_404, skater_behind
from results.sport import classifications, timing
from results.sport import medals as medal_rules
from results.sport import meetings as meeting_rules

PER_PAGE = 50
# the pages' cache, ETag and 304 (an API answer names no tags: every edit makes it stale), inside the rate limit
cached = decorate_view(cached_page, rate_limited)


def measured(ms, tenths=False):
    """A time as text in the precision it was measured, or None (JSON null) for no time."""
    return None if ms is None else timing.format_measured(ms, tenths=tenths)


class Pages(PaginationBase):
    """?page=N, PER_PAGE items a page, with the addresses of the next and previous pages; `shape` turns each item
    of the page (only those: a QuerySet is sliced first) into what the schema shows."""

    def __init__(self, shape=lambda item: item, shape_page=None, **kwargs):
        super().__init__(**kwargs)
        self.shape_page = shape_page or (lambda items: [shape(item) for item in items])

    class Input(Schema):
        page: int = 1

    class Output(Schema):
        count: int
        next: str | None
        previous: str | None
        items: list

    def paginate_queryset(self, queryset, pagination, request, **params):
        count = len(queryset) if isinstance(queryset, list) else queryset.count()
        page = max(1, pagination.page)
        start = (page - 1) * PER_PAGE
        if start and start >= count:
            raise Http404(f"There is no page {page}.")

        def link(number):
            query = request.GET.copy()
            query["page"] = number
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        return {
            "count": count, "items": self.shape_page(list(queryset[start : start + PER_PAGE])),
            "next": link(page + 1) if start + PER_PAGE < count else None,
            "previous": link(page - 1) if page > 1 else None,
        }  # fmt: skip


def competition_out(c):
    return {
        "slug": c.slug, "name": c.name, "season": c.season_slug, "start_date": c.start_date, "end_date": c.end_date,
        "rink": {"slug": c.rink.slug, "name": c.rink.name, "city": c.rink.city, "country": c.rink.country},
        "url": c.get_absolute_url(),
    }  # fmt: skip


def race_out(race):
    return {
        "slug": race.slug, "title": race.title(), "date": race.date, "gender": race.gender,
        "distance_m": race.distance_m, "kind": race.kind, "division": race.division, "round": race.round,
        "field_complete": race.field_complete, "provisional": race.provisional, "url": race.get_absolute_url(),
    }  # fmt: skip


def skater_out(s):
    return {
        "slug": s.slug, "name": s.name, "nationality": s.nationality, "gender": s.gender,
        "birth_date": s.birth_date, "url": s.get_absolute_url(),
    }  # fmt: skip


@api.api_operation(["GET", "HEAD"], "/competitions", response=list[CompetitionOut], tags=["competitions"])
@cached
@paginate(Pages, shape=competition_out)
def competitions(request, season: str | None = None):
    """Published competitions, newest first; `season` as in the pages' addresses (2023-24)."""
    found = Competition.objects.public().select_related("rink").order_by("-start_date", "name", "id")
    if season:
        found = found.filter(season=season_or_404(season))
    return found


@api.api_operation(["GET", "HEAD"], "/competitions/{slug}", response=CompetitionDetail, tags=["competitions"])
@cached
def competition(request, slug: str):
    c = get_object_or_404(Competition.objects.public().select_related("rink"), slug=slug)
    races = Race.objects.public().filter(competition=c).order_by("date", "gender", "distance_m", "-division", "id")
    return {**competition_out(c), "races": [race_out(race) for race in races]}


@api.api_operation(["GET", "HEAD"], "/races/{competition_slug}/{race_slug}", response=RaceDetail, tags=["races"])
@cached
def race(request, competition_slug: str, race_slug: str):
    """Every result of a race, as the race page shows it: official or computed rank, time as measured, gap,
    status, and the markers (PR, SB, TR, NR) as held in this database."""
    found = race_queries.race_at(competition_slug, race_slug, AnonymousUser())
    if found is None:
        raise Http404("No race at this address.")
    lines, _starts = race_queries.marked_lines(found)
    results = [
        {
            "rank": line.rank,
            "skater": {"slug": line.skater.slug, "name": line.skater.name} if line.skater else None,
            "team": line.team or None,
            "nationality": line.nationality,
            "pair": line.pair,
            "lane": line.lane or None,
            "time_ms": line.time_ms,
            "time": measured(line.time_ms, line.tenths),
            "precision": timing.precision_of(line.time_ms, line.tenths),
            "gap_ms": line.gap_ms,
            "gap": "+" + measured(line.gap_ms, line.tenths) if line.gap_ms else None,
            "status": line.status,
            "markers": list(line.markers),
            "points": line.points,
        }  # fmt: skip
        for line in lines
    ]
    competition = found.competition
    return {
        **race_out(found), "competition": {"slug": competition.slug, "name": competition.name}, "results": results,
        "conditions": found.conditions, "referee": found.referee, "starter": found.starter,
    }  # fmt: skip


@api.api_operation(["GET", "HEAD"], "/skaters", response=list[SkaterOut], tags=["skaters"])
@cached
@paginate(Pages, shape=skater_out)
def skaters(request, q: str = "", nationality: str = ""):
    """Skaters by name (earlier names and spellings too, accents ignored) and nationality."""
    found = Skater.objects.search(q[:100]) if q.strip() else Skater.objects.order_by("name", "id")
    if nationality:
        found = found.filter(nationality=nationality.upper()[:3])
    return found


def best_out(r):
    return {
        "distance_m": r.distance_m, "distance": r.distance_label, "time_ms": r.time_ms,
        "time": measured(r.time_ms, r.time_in_tenths), "precision": timing.precision_of(r.time_ms, r.time_in_tenths), "date": r.date, "competition": r.competition,
        "race_url": r.race_url,
    }  # fmt: skip


@api.api_operation(["GET", "HEAD"], "/skaters/{slug}", response=SkaterDetail, tags=["skaters"])
@cached
def skater(request, slug: str):
    """A skater with personal records and season bests in official results (an earlier name's slug gives the same
    skater)."""
    found = skater_behind(slug)
    personal, seasons = careers.stored_bests(found)
    return {
        **skater_out(found), "other_names": skater_page.other_names(found),
        "personal_records": [best_out(r) for r in personal],
        "season_bests": {timing.season_slug(season): [best_out(r) for r in bests] for season, bests in seasons.items()},
    }  # fmt: skip


class ResultFilter(Schema):
    season: str | None = None
    distance: int | None = None


def career_result_out(r):
    return {
        "date": r.date, "competition": r.competition, "distance_m": r.distance_m, "distance": r.distance_label,
        "division": r.division, "rank": r.rank, "status": r.status, "time_ms": r.time_ms,
        "time": measured(r.time_ms, r.time_in_tenths), "precision": timing.precision_of(r.time_ms, r.time_in_tenths), "race_url": r.race_url,
    }  # fmt: skip


@api.api_operation(["GET", "HEAD"], "/skaters/{slug}/results", response=list[CareerResultOut], tags=["skaters"])
@cached
@paginate(Pages, shape=career_result_out)
def skater_results(request, slug: str, filters: Query[ResultFilter]):
    """A skater's results, newest first; filter by `season` (2023-24) and `distance` (metres)."""
    found = skater_behind(slug)
    season = season_or_404(filters.season) if filters.season else None
    return careers.latest_first(careers.career(found), season, filters.distance)


def side(result):
    return {"rank": result.rank, "status": result.status, "time_ms": result.time_ms,
            "time": measured(result.time_ms, result.tenths), "precision": timing.precision_of(result.time_ms, result.tenths)}  # fmt: skip


@api.api_operation(["GET", "HEAD"], "/head-to-head/{a}/{b}", response=HeadToHeadOut, tags=["head-to-head"])
@cached
def head_to_head(request, a: str, b: str):
    """Every race two skaters were both in, oldest first, and who finished ahead (as the head-to-head page)."""
    first, second = skater_behind(a), skater_behind(b)
    if first == second:
        raise Http404("A head-to-head needs two different skaters.")
    meetings = meetings_between(first, second)
    tally = meeting_rules.summary(meetings)["overall"]
    return {
        "a": skater_out(first), "b": skater_out(second), "a_wins": tally.a, "b_wins": tally.b,
        "undecided": tally.undecided,
        "meetings": [
            {"date": m.race.date, "race_url": m.race.get_absolute_url(), "distance": m.race.distance_label(),
             "a": side(m.a), "b": side(m.b), "winner": m.winner}
            for m in meetings
        ],
    }  # fmt: skip


def record_out(entry):
    result = entry.result
    return {
        "scope": entry.scope, "gender": entry.gender, "distance_m": entry.distance_m,
        "nationality": entry.nationality or result.nationality, "time_ms": entry.time_ms,
        "time": measured(entry.time_ms, result.time_in_tenths), "precision": timing.precision_of(entry.time_ms, result.time_in_tenths), "date": entry.date,
        "skater": {"slug": result.skater.slug, "name": result.skater.name},
        "race_url": result.race.get_absolute_url(),
    }  # fmt: skip


@api.api_operation(["GET", "HEAD"], "/records", response=list[RecordOut], tags=["records"])
@cached
def records(request, scope: RecordScope = RecordScope.WORLD, nationality: str = "", event: str = ""):
    """Records as held in this database (before 2022 it holds only Olympic races): the current ones, or with
    `event` (women-1000m) the whole history, oldest first. `scope`: world, national (with `nationality`), track."""
    filters = {"scope": scope}
    if nationality:
        filters["nationality"] = nationality.upper()[:3]
    if event:
        filters["gender"], filters["distance_m"] = event_or_404(event)
    else:
        filters["current"] = True
    return [record_out(entry) for entry in insights.held_records(**filters)]


@api.api_operation(["GET", "HEAD"], "/rankings/{season}/{event}", response=list[RankingRow], tags=["rankings"])
@cached
def season_ranking(request, season: str, event: str):
    """Each skater's season best on a distance, fastest first (ties share a rank)."""
    gender, distance = event_or_404(event)
    rows = insights.season_ranking(season_or_404(season), gender, distance)
    return [
        {
            "rank": r["rank"],
            "skater": {"slug": r["slug"], "name": r["name"]},
            "nationality": r["nationality"],
            "time_ms": r["time_ms"],
            "time": measured(r["time_ms"], r["tenths"]),
            "precision": timing.precision_of(r["time_ms"], r["tenths"]),
            "date": r["date"],
            "race_url": slug_url("results:race", r["competition_slug"], r["race_slug"]),
        }  # fmt: skip
        for r in rows
    ]


def adelskalender_page(entries):
    gender = entries[0].gender if entries else "M"
    return [
        {
            "rank": row.rank,
            "skater": {"slug": skater.slug, "name": skater.name},
            "nationality": skater.nationality,
            "points": timing.format_points(row.value),
            "points_thousandths": row.value,
            "times": [
                {"distance_m": distance, "time_ms": ms, "time": measured(ms), "precision": timing.precision_of(ms)}
                for distance, ms in zip(classifications.ALLROUND[gender], row.detail, strict=True)
            ],
        }  # fmt: skip
        for row, skater in current_ranking(gender, entries)
    ]


@api.api_operation(["GET", "HEAD"], "/adelskalender", response=list[AdelskalenderRow], tags=["rankings"])
@cached
@paginate(Pages, shape_page=adelskalender_page)
def adelskalender(request, gender: Gender = Gender.MEN):
    """The all-time ranking by the samalog sum of the four allround distances' personal bests (all four needed),
    lowest first, as held in this database."""
    return insights.adelskalender_entries(gender)


@api.api_operation(["GET", "HEAD"], "/world-cup/{season}/{event}", response=list[WorldCupRow], tags=["rankings"])
@cached
def world_cup(request, season: str, event: str):
    """World Cup standings of a season and distance: points per skater from the season's points table."""
    gender, distance = event_or_404(event)
    start = season_or_404(season)
    table = insights.world_cup_points(start, gender, distance)
    standings = classifications.world_cup_standings(insights.world_cup_ranks(start, gender, distance), table)
    skaters = Skater.objects.in_bulk([row.skater_id for row in standings])
    return [
        {
            "rank": row.rank,
            "skater": {"slug": skaters[row.skater_id].slug, "name": skaters[row.skater_id].name},
            "nationality": skaters[row.skater_id].nationality,
            "points": row.value,
            "races": row.detail,
        }  # fmt: skip
        for row in standings
    ]


@api.api_operation(["GET", "HEAD"], "/olympics/medals", response=OlympicMedals, tags=["records"])
@cached
def olympic_medals(request, games: int | None = None):
    """The Olympic medal table by nation, of all Games or of one (`games=1928`), counted from the Olympic races
    held here by official place (a tie gives equal medals), with how many events of each Games are not held (and
    so not counted)."""
    if games is not None and games not in medal_rules.OLYMPIC_EVENTS:
        raise Http404("No Winter Games that year.")
    placings = nation_queries.olympic_placings(year=games)
    held = nation_queries.olympic_races_held()
    years = [games] if games else sorted(medal_rules.OLYMPIC_EVENTS)
    return {
        "games": games,
        "table": [
            {"nation": t.nation, "gold": t.gold, "silver": t.silver, "bronze": t.bronze, "total": t.total}
            for t in medal_rules.medal_table((p.nation, p.rank) for p in placings)
        ],
        "events_not_held": {str(y): max(medal_rules.OLYMPIC_EVENTS[y] - held.get(y, 0), 0) for y in years},
    }
