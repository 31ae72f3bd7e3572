"""Every race, competition and skater page's data as CSV (the import format) and JSON."""

from django.db.models import F
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404

from results import caching
from results.display import export as exporter
from results.models import Competition, Race, Result, Skater

EXPORT_ORDER = (
    "race__date", "race__gender", "race__distance_m", "-race__division", "race_id",
    F("rank").asc(nulls_last=True), "pair", "id",
)  # fmt: skip


def export(results, filename, fmt):
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
    race = get_object_or_404(Race.objects.visible_to(request.user), competition__slug=competition_slug, slug=race_slug)
    caching.shows(request, caching.race_tag(race.id))
    return export(race.results.all(), f"{competition_slug}-{race_slug}", fmt)


def competition_export(request, slug, fmt):
    competition = get_object_or_404(Competition.objects.visible_to(request.user), slug=slug)
    caching.shows(request, caching.competition_tag(competition.id))
    return export(Result.objects.filter(race__in=competition.races.visible_to(request.user)), slug, fmt)


def skater_export(request, slug, fmt):
    skater = get_object_or_404(Skater, slug=slug)
    caching.shows(request, caching.skater_tag(skater.id))
    return export(Result.objects.public().filter(skater=skater), slug, fmt)
