"""Records as held (world, national) and their history; the longest runs of wins."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from results import caching
from results.display import world_records as shown
from results.display.tables.base import paginate_table, sort_asked
from results.display.tables.insights import RecordProgressionTable, StreakTable
from results.models import DISTANCES, RecordScope, Skater
from results.queries import insights as queries
from results.queries import world_records
from results.queries.lookups import event_or_404
from results.sport import world_records as record_rules
from results.sport.events import event_slug


def records_index(request):
    caching.shows(request, caching.RECORDS)
    nationality = request.GET.get("nationality", "").strip().upper()[:3]
    if nationality:
        held = queries.held_records(scope=RecordScope.NATIONAL, nationality=nationality, current=True)
    else:
        held = queries.held_records(scope=RecordScope.WORLD, current=True)
    current = {(entry.gender, entry.distance_m): entry for entry in held}
    table = [
        (distance, event_slug("F", distance), current.get(("F", distance)), event_slug("M", distance),
         current.get(("M", distance)))
        for distance in DISTANCES
    ]  # fmt: skip
    return render(
        request,
        "results/records.html",
        {"table": table, "nationality": nationality, "nationalities": Skater.objects.nationalities(),
         "world_records": [] if nationality else shown.official_table()},
    )  # fmt: skip


def world_record_progression(request, event):
    caching.shows(request, caching.RECORDS)
    found = record_rules.parse_event_slug(event)
    if found is None:
        raise Http404(_("No such event."))
    gender, name = found
    entries, list_ends = world_records.progression(gender, name)
    if not entries:
        raise Http404(_("No such event."))
    rows = [shown.row_of(entry) for entry in reversed(entries)]
    return render(request, "results/world_record_progression.html", {
        "title": shown.event_title(gender, name), "rows": rows, "list_ends": list_ends,
        "in_points": entries[0].record.in_points, "current": next((row for row in rows if row["current"]), None),
    })  # fmt: skip


def record_progression(request, event):
    caching.shows(request, caching.RECORDS)
    gender, distance = event_or_404(event)
    nationality = request.GET.get("nationality", "").strip().upper()[:3]
    scope = {"scope": RecordScope.NATIONAL, "nationality": nationality} if nationality else {"scope": RecordScope.WORLD}
    progression = list(queries.held_records(gender=gender, distance_m=distance, **scope).order_by("-date", "-id"))
    table = RecordProgressionTable(progression, order_by=sort_asked(request), caption=_("Record progression"))
    return render(
        request,
        "results/record_progression.html",
        {"gender": gender, "distance": distance, "table": table, "nationality": nationality},
    )


def streak_list(request):
    caching.shows(request, caching.BESTS)
    """The longest runs of wins as held, and who is on a run now."""
    table = StreakTable(queries.streaks(), order_by=sort_asked(request), caption=_("Win streaks"))
    paginate_table(request, table, per_page=50)
    return render(request, "results/streaks.html", {"table": table})
