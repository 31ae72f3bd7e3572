from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import quote_etag
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from results import caching
from results.display import rows
from results.display.embeds import RACE_HEIGHT, embed_context
from results.display.formatting import notation
from results.display.tables.base import sort_asked
from results.display.tables.races import MassStartTable, RaceResultTable, TeamRaceTable
from results.display.talking_points import race_story
from results.models import RaceKind
from results.models.public import is_public
from results.queries import competition_page as competition_queries
from results.queries import race_page as queries
from results.sport.race_lines import time_to_beat

TEAM_KINDS = queries.TEAM_KINDS
TABLES = {
    RaceKind.MASS_START: MassStartTable,
    RaceKind.TEAM_PURSUIT: TeamRaceTable,
    RaceKind.TEAM_SPRINT: TeamRaceTable,
}


def live_context(request, race, lines):
    """What changes while a race is skated: the results so far, the pair just skated, the time to beat, the pairs
    still to skate (the race page shows it, and its live part is fetched again by the page's script)."""
    skated = [line for line in lines if not line.to_skate]
    table = TABLES.get(race.kind, RaceResultTable)(skated, order_by=sort_asked(request), caption=_("Results"))
    to_skate = [line for line in lines if line.to_skate]
    last_pair = max((line.pair for line in skated if line.pair), default=None) if race.provisional else None
    return {
        "just_skated": [line for line in skated if last_pair and line.pair == last_pair],
        "table": table if skated or not to_skate else None,
        "winner": next((line for line in skated if line.rank == 1), None),
        "non_finishers": [line for line in skated if not line.finished],
        "split_tie": any(line.split_tie for line in skated),
        "to_skate": to_skate,
        "to_beat": time_to_beat(skated) if race.provisional and to_skate and race.kind == RaceKind.INDIVIDUAL else None,
        "needs": rows.needs(competition_queries.what_it_takes(race)) if to_skate else [],
    }


def race_detail(request, competition_slug, race_slug):
    race = queries.race_at(competition_slug, race_slug, request.user)
    if race is None:
        raise Http404(_("No race at this address."))
    lines, starts = queries.marked_lines(race)
    caching.shows(request, *caching.race_tags(race))
    settled = race.kind not in TEAM_KINDS and not race.provisional  # a provisional race's story is not told yet
    story = race_story(race, lines, starts, notation(), queries.winner_ages(race)) if settled else []
    siblings, (previous_race, next_race) = queries.races_around(race)
    embed_path = reverse("results:race_embed", args=[competition_slug, race_slug])
    live = live_context(request, race, lines)
    return render(
        request,
        "results/race_detail.html",
        {
            **embed_context(request, embed_path, f"{race.title()} — {race.competition.name}", RACE_HEIGHT),
            "race": race,
            "competition": race.competition,
            "conditions": [
                (label, race.conditions[moment])
                for moment, label in (("start", _("Start")), ("interval", _("Interval")), ("end", _("End")))
                if moment in race.conditions
            ],
            **live,
            "summary": rows.race_summary(race, live["winner"]),
            "siblings": siblings,
            "story": story,
            "previous_race": previous_race,
            "next_race": next_race,
        },
    )


def race_live(request, competition_slug, race_slug):
    """The race page's live part, fetched again by its script every two seconds while the race is provisional.
    It changes only when the race is written (every write raises its version, which the ETag carries): a repeat is
    answered 304, and a public race's part is kept for caching.LiveMiddleware, which answers the crowd's next
    requests until the race changes."""
    since = caching.epoch()  # read before the race: a bump after it keeps nothing stale
    race = queries.race_at(competition_slug, race_slug, request.user)
    if race is None:
        raise Http404(_("No race at this address."))
    etag = quote_etag(f"{race.id}-{race.version}-{since or 0}-{get_language()}")  # since: a skater renamed…
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response
    lines, _starts = queries.marked_lines(race)
    context = {"race": race, "competition": race.competition, **live_context(request, race, lines)}
    response = HttpResponse(render_to_string("results/race_live.html", context, request))
    response["ETag"], response["Cache-Control"], response["X-Cache"] = etag, "no-cache", "miss"
    if is_public(race.published, race.competition.published):
        caching.remember_live(request, response, race.id, since)
    return response
