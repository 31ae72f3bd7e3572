"""Atom feeds (Django's syndication framework): the latest races, a competition's races, one skater's results.

Each feed reads its items and what their entries show in a fixed number of queries: no query per entry.
"""

from datetime import UTC, datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from results.display.formatting import notation
from results.models import Competition, Race, Skater
from results.queries import careers
from results.queries.competition_page import podiums
from results.queries.home import latest_competitions, latest_races
from results.sport import timing

FEED_LENGTH = 30


def podium_text(podium):
    style = notation()
    places = [
        f"{r.rank}. {r.competitor} {timing.format_time(r.time_ms, style, tenths=r.time_in_tenths)}".strip()
        for r in podium
    ]
    return " · ".join(places) or _("No results yet.")


class SiteFeed(Feed):
    """What every feed of the site says about itself: Atom, with the site as its author. An entry's id is its
    absolute address (Django's default)."""

    feed_type = Atom1Feed
    author_name = "Skating results"


class RaceFeed(SiteFeed):
    """Races as entries: title, day, podium."""

    def races_with_podiums(self, races):
        found = podiums(races)
        return [(race, found.get(race.id, [])) for race in races]

    def item_title(self, item):
        race, _podium = item
        return f"{race.title()} — {race.competition.short_name}"

    def item_description(self, item):
        return podium_text(item[1])

    def item_link(self, item):
        return item[0].get_absolute_url()

    def item_pubdate(self, item):
        return noon_of(item[0].date)

    def item_updateddate(self, item):
        race = item[0]
        return race.corrected_at or noon_of(race.date)


def noon_of(day):
    """A race day as the moment a feed needs (the day is what is known), in UTC: the local time zone would give a
    1924 race Amsterdam's old mean time (+00:19:32)."""
    return datetime.combine(day, time(12), tzinfo=UTC)


class LatestRacesFeed(RaceFeed):
    def title(self):
        return _("Skating results: the latest races")

    def link(self):
        return reverse("results:home")

    def subtitle(self):
        return _("Each race's podium, as held in this database.")

    def items(self):
        return self.races_with_podiums(latest_races(latest_competitions()))


class CompetitionFeed(RaceFeed):
    def get_object(self, request, slug):
        competition = Competition.objects.public().select_related("rink").filter(slug=slug).first()
        if competition is None:
            raise Http404(_("No competition at this address."))
        return competition

    def title(self, competition):
        return competition.name

    def link(self, competition):
        return competition.get_absolute_url()

    def items(self, competition):
        races = list(Race.objects.public().filter(competition=competition).with_competition().order_by("-date", "id"))
        return self.races_with_podiums(races[:FEED_LENGTH])


class SkaterFeed(SiteFeed):
    """One skater's latest results as entries."""

    def get_object(self, request, slug):
        skater = Skater.objects.filter(slug=slug).first()
        if skater is None:
            raise Http404(_("No skater at this address."))
        return skater

    def title(self, skater):
        return _("%(name)s: results") % {"name": skater.name}

    def link(self, skater):
        return skater.get_absolute_url()

    def items(self, skater):
        return careers.latest_first(careers.career(skater))[:FEED_LENGTH]

    def item_title(self, result):
        return f"{result.distance_label}{' ' + result.division if result.division else ''} — {result.competition}"

    def item_description(self, result):
        if result.status != "FIN":
            return result.status_label
        shown = timing.format_time(result.time_ms, notation(), tenths=result.time_in_tenths) if result.time_ms else ""
        return " ".join(part for part in (f"{result.rank}." if result.rank else "", shown) if part)

    def item_link(self, result):
        return result.race_url

    def item_pubdate(self, result):
        return noon_of(result.date)

    def item_updateddate(self, result):
        return noon_of(result.date)
