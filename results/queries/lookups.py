"""What an address names, found or 404: a season, an event, a skater (at their address or an earlier name's). Used
by the page views and the API alike."""

from django.http import Http404
from django.utils.translation import gettext as _

from results.queries.skater_page import skater_at
from results.sport import timing
from results.sport.events import parse_event_slug


def season_or_404(slug):
    """'2023-24' → 2023; anything else (or a season written another way) is a 404."""
    try:
        start = timing.parse_season(slug)
    except ValueError:
        start = None
    if start is None or timing.season_slug(start) != slug:
        raise Http404(_("No such season."))
    return start


def event_or_404(slug):
    """'women-1000m' → ('F', 1000), or 404."""
    event = parse_event_slug(slug)
    if event is None:
        raise Http404(_("No such distance."))
    return event


def skater_or_404(slug):
    """(the skater at this address, None), or (None, the skater) when it is the address of an earlier name."""
    skater, moved = skater_at(slug)
    if skater is None and moved is None:
        raise Http404(_("No skater with this address."))
    return skater, moved


def skater_behind(slug):
    """The skater at this address or at an earlier name's address (for embeds, cards and the API, which answer
    without redirecting), or 404."""
    skater, moved = skater_or_404(slug)
    return skater or moved
