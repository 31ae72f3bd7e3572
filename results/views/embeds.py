"""Embeds: a race's results and a skater card, light and without navigation, that any site may show in an iframe
(only these pages relax frame-ancestors); and oEmbed, so a CMS that speaks it embeds a pasted link by itself."""

from datetime import date
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override

from results import caching
from results.display.embeds import (
    MAX_WIDTH,
    MIN_HEIGHT,
    MIN_ROWS,
    MIN_WIDTH,
    RACE_HEIGHT,
    RACE_ROWS,
    SKATER_HEIGHT,
    iframe,
    rows_for,
)
from results.queries import careers, skater_page
from results.queries import race_page as queries
from results.queries.lookups import skater_behind
from results.sport import timing

FRAMED_ANYWHERE = {**settings.SECURE_CSP, "frame-ancestors": ["*"]}


def embeddable(view):
    """Any site may frame these pages (outside the page cache, so that a cached page is framable too)."""
    return xframe_options_exempt(csp_override(FRAMED_ANYWHERE)(view))


def race_embed(request, competition_slug, race_slug):
    race = queries.race_at(competition_slug, race_slug, AnonymousUser())  # an embed shows public races only
    if race is not None:
        caching.shows(request, caching.race_tag(race.id))
    if race is None:
        raise Http404(_("No race at this address."))
    lines = queries.lines_of(race)
    try:
        shown = max(MIN_ROWS, min(len(lines), int(request.GET.get("rows", RACE_ROWS))))
    except ValueError:
        shown = RACE_ROWS
    context = {"race": race, "competition": race.competition, "lines": lines[:shown], "more": len(lines) - shown}
    return render(request, "embed/race.html", context)


def skater_embed(request, slug):
    skater = skater_behind(slug)
    caching.shows(request, caching.skater_tag(skater.id))
    results = careers.career(skater)
    latest = careers.latest_first(results)[:1]
    return render(
        request,
        "embed/skater.html",
        {
            "skater": skater,
            "age": timing.age_on(skater.birth_date, date.today()),
            "personal_records": careers.personal_records(results),
            "latest": latest[0] if latest else None,
        },
    )


def embed_of(path):
    """(kind, embed path, title, height) for the public page at this path, or None when it has no embed."""
    language = path.strip("/").split("/")[0]
    with translation.override(language if language in dict(settings.LANGUAGES) else None):
        try:  # in the address's own language: a Dutch address resolves whatever the request's language
            match = resolve(path)
        except Resolver404:
            return None
        if match.view_name == "results:race":
            race = queries.race_at(match.kwargs["competition_slug"], match.kwargs["race_slug"], AnonymousUser())
            if race:
                url = reverse("results:race_embed", kwargs=match.kwargs)
                return "race", url, f"{race.title()} — {race.competition.name}", RACE_HEIGHT
        if match.view_name == "results:skater":
            skater, moved = skater_page.skater_at(match.kwargs["slug"])
            if skater or moved:
                skater = skater or moved
                return (
                    "skater",
                    reverse("results:skater_embed", kwargs={"slug": skater.slug}),
                    skater.name,
                    SKATER_HEIGHT,
                )
    return None


def oembed(request):
    """oEmbed 1.0 (https://oembed.com): JSON only; 404 for an address without an embed, 501 for another format."""
    if request.GET.get("format", "json") != "json":
        return JsonResponse({"error": "Only format=json is offered."}, status=501)
    page = urlsplit(request.GET.get("url", ""))
    if page.netloc and page.netloc != request.get_host():
        raise Http404("Not an address of this site.")
    found = embed_of(page.path)
    if found is None:
        raise Http404("This address has no embed.")
    kind, path, title, full_height = found
    height = full_height
    try:
        height = max(MIN_HEIGHT, min(height, int(request.GET.get("maxheight", height))))
        width = max(MIN_WIDTH, min(MAX_WIDTH, int(request.GET.get("maxwidth", MAX_WIDTH))))
    except ValueError:
        return JsonResponse({"error": "maxwidth and maxheight are whole numbers."}, status=400)
    if kind == "race" and (height, width) != (full_height, MAX_WIDTH):  # the rows that fit, the rest counted
        path += "?" + urlencode({"rows": rows_for(height, width)})
    return JsonResponse(
        {
            "version": "1.0", "type": "rich", "provider_name": "Skating results",
            "provider_url": request.build_absolute_uri("/"), "title": title, "width": width, "height": height,
            "html": iframe(request.build_absolute_uri(path), title, height, width),
        }
    )  # fmt: skip
