"""What the page views share: one rule for pagination, and addresses' seasons and events read or 404."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from results.display.tables.base import page_number
from results.sport import timing
from results.sport.events import parse_event_slug


def paginate(request, items, per_page, paginator_class=Paginator):
    """The page of `items` that ?page= asks for; an impossible page is a 404 (tables too: paginate_table)."""
    try:
        return paginator_class(items, per_page).page(page_number(request))
    except (EmptyPage, PageNotAnInteger):
        raise Http404(_("There is no such page.")) from None


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
