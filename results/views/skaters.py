from datetime import date

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from results import caching
from results.display import rows
from results.display import world_records as world_record_rows
from results.display.charts import progression_charts
from results.display.embeds import SKATER_HEIGHT, embed_context
from results.display.formatting import notation
from results.display.tables.base import paginate_table
from results.display.tables.skaters import (
    SkaterResultTable,
)
from results.models import Result, Skater
from results.queries import careers
from results.queries import skater_page as queries
from results.queries.lookups import skater_or_404
from results.sport import timing
from results.views.common import paginate
from results.views.filters import SkaterResultFilter

LATEST_RESULTS = 10  # on the profile; every result is on the skater's results page


def skater_detail(request, slug):
    skater, moved = skater_or_404(slug)
    if moved:
        return redirect(moved, permanent=True)
    caching.shows(request, caching.skater_tag(skater.id))
    results = careers.career(skater)
    personal = careers.personal_records(results)
    bests = careers.season_bests(results)
    recent = [
        (timing.season_label(season) if n == 0 else "", result)
        for season in list(bests)[: careers.RECENT_SEASONS]
        for n, result in enumerate(bests[season])
    ]
    medals = careers.medal_counts(results)
    streaks = queries.streak_summaries(skater)
    embed_path = reverse("results:skater_embed", args=[skater.slug])
    return render(
        request,
        "results/skater_detail.html",
        {
            **embed_context(request, embed_path, skater.name, SKATER_HEIGHT),
            "skater": skater,
            "age": timing.age_on(skater.birth_date, date.today()),
            "other_names": queries.other_names(skater),
            "latest": SkaterResultTable(careers.latest_first(results)[:LATEST_RESULTS], caption=_("Latest results")),
            "result_count": len(results),
            "personal_records": rows.personal_records(personal),
            "season_bests": rows.season_bests(recent),
            "earlier_seasons": len(bests) > careers.RECENT_SEASONS,
            "recent_seasons": careers.RECENT_SEASONS,
            "charts": progression_charts(results, personal, bests, notation()),
            "streaks": streaks,
            "medals": medals,
            "rivals": queries.rivals_of(skater),
            "world_records": world_record_rows.skater_records(skater),
        },
    )


def skater_results(request, slug):
    """Every result of a skater, newest first, by season and distance."""
    skater, moved = skater_or_404(slug)
    if moved:
        return redirect("results:skater_results", moved.slug, permanent=True)
    caching.shows(request, caching.skater_tag(skater.id))
    results = careers.career(skater)
    seasons = sorted({r.season for r in results}, reverse=True)
    filterset = SkaterResultFilter(request.GET, queryset=Result.objects.none(), seasons=seasons)
    chosen = filterset.form.cleaned_data if filterset.is_valid() else {}
    table = SkaterResultTable(
        careers.latest_first(
            results,
            season=int(chosen["season"]) if chosen.get("season") else None,
            distance_m=int(chosen["distance"]) if chosen.get("distance") else None,
        ),
        caption=_("Results"),
    )
    paginate_table(request, table)
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
    # a search counts its matches only up to a cap; the whole list (or a country's) is counted, every page reachable
    page = paginate(request, skaters, SKATERS_PER_PAGE, paginator_class=CappedPaginator if query else Paginator)
    return render(
        request,
        "results/skater_list.html",
        {"query": query, "nationality": nationality, "page": page, "nationalities": Skater.objects.nationalities()},
    )
