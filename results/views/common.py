"""What the page views share: one rule for pagination."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from results.display.tables.base import page_number


def paginate(request, items, per_page, paginator_class=Paginator):
    """The page of `items` that ?page= asks for; an impossible page is a 404 (tables too: paginate_table)."""
    try:
        return paginator_class(items, per_page).page(page_number(request))
    except (EmptyPage, PageNotAnInteger):
        raise Http404(_("There is no such page.")) from None
