"""Share cards (og:image) of a race and a skater, in the page language; cached with the pages (an edit of the race or
the skater draws them again)."""

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from results import caching
from results.display.cards import race_card, skater_card
from results.display.formatting import country_name, notation
from results.models import RaceKind
from results.queries import careers
from results.queries import race_page as queries
from results.queries.lookups import skater_behind
from results.sport import timing


def mark_of(race, line, style):
    """What a podium place is won with: a mass start's points, else the time."""
    if race.kind == RaceKind.MASS_START and line.points is not None:
        return _("%(points)s pts") % {"points": line.points}
    return timing.format_time(line.time_ms, style, tenths=line.tenths) if line.time_ms else ""


def race_card_view(request, competition_slug, race_slug):
    race = queries.race_at(competition_slug, race_slug, AnonymousUser())
    if race is not None:
        caching.shows(request, caching.race_tag(race.id))
    if race is None:
        raise Http404(_("No race at this address."))
    style = notation()
    podium = [
        (line.rank, line.skater.name if line.skater else country_name(line.team), "" if line.team else line.nationality,
         mark_of(race, line, style))
        for line in queries.lines_of(race) if line.finished and line.rank and line.rank <= 3
    ]  # fmt: skip
    subheading = f"{race.competition.name} · {date_format(race.date, 'j F Y')}"
    png = race_card(_("Skating results"), race.title(), subheading, podium)
    return HttpResponse(png, content_type="image/png")


def skater_card_view(request, slug):
    skater = skater_behind(slug)
    caching.shows(request, caching.skater_tag(skater.id))
    style = notation()
    records = [
        (r.distance_label, timing.format_time(r.time_ms, style, tenths=r.time_in_tenths))
        for r in careers.personal_records(careers.career(skater))
    ]
    age = timing.age_on(skater.birth_date, date.today())
    nation = country_name(skater.nationality)
    subheading = _("%(nation)s · %(age)s years") % {"nation": nation, "age": age} if age is not None else nation
    png = skater_card(_("Skating results"), skater.name, subheading, records)
    return HttpResponse(png, content_type="image/png")
