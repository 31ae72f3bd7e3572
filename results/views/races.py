from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from results.display.embeds import RACE_HEIGHT, embed_context
from results.display.formatting import notation
from results.display.tables.base import sort_asked
from results.display.tables.races import MassStartTable, RaceResultTable, TeamRaceTable
from results.display.talking_points import race_story
from results.models import RaceKind
from results.queries import race_page as queries

TEAM_KINDS = queries.TEAM_KINDS


def race_detail(request, competition_slug, race_slug):
    race = queries.race_at(competition_slug, race_slug, request.user)
    if race is None:
        raise Http404(_("No race at this address."))
    lines, starts = queries.marked_lines(race)
    if race.kind in TEAM_KINDS:
        story, table_class = [], TeamRaceTable
    else:
        story = race_story(race, lines, starts, notation(), queries.winner_ages(race))
        table_class = MassStartTable if race.kind == RaceKind.MASS_START else RaceResultTable
    table = table_class(lines, order_by=sort_asked(request), caption=_("Results"))
    siblings, (previous_race, next_race) = queries.races_around(race)
    embed_path = reverse("results:race_embed", args=[competition_slug, race_slug])
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
            "table": table,
            "winner": next((line for line in lines if line.rank == 1), None),
            "non_finishers": [line for line in lines if not line.finished],
            "split_tie": any(line.split_tie for line in lines),
            "siblings": siblings,
            "story": story,
            "previous_race": previous_race,
            "next_race": next_race,
        },
    )
