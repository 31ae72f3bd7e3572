"""What every table shares: the base class (page language, caption), time and date columns, sorting and
pagination read from the request (an impossible page is a 404)."""

import re

import django_tables2 as tables
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from results.display.formatting import country_abbr, notation, short_date
from results.sport import timing


def page_number(request):
    """The ?page= asked for (1 when none); anything but a page number is a 404, like a page past the end."""
    value = request.GET.get("page", "1")
    if not (value.isascii() and value.isdigit()):
        raise Http404(_("There is no such page."))
    return int(value)


class CountedPaginator(Paginator):
    """A Paginator that counts the rows with a narrower query than the one that reads them (a ranking's rows join
    five tables and carry a window function; counting them needs neither)."""

    def __init__(self, object_list, per_page, counted=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.counted = counted

    @cached_property
    def count(self):
        return self.counted.count() if self.counted is not None else super().count


def paginate_table(request, table, per_page=25, counted=None):
    """Paginate a table from ?page=; an impossible page is a 404 (as for every paginated page: views/common.py).
    counted: a QuerySet of the same rows, narrower, to count them with."""
    try:
        table.paginate(paginator_class=CountedPaginator, page=page_number(request), per_page=per_page, counted=counted)
    except (EmptyPage, PageNotAnInteger):
        raise Http404(_("There is no such page.")) from None


SORT = re.compile(r"-?[a-z_]{1,40}")


def sort_asked(request):
    """The ?sort= asked for when it can name a column (tables2 then ignores a column the table lacks)."""
    value = request.GET.get("sort", "")
    return value if SORT.fullmatch(value) else None


class Table(tables.Table):
    """A table of this site: times in the page language's notation, and a caption for screen readers."""

    caption = ""

    def __init__(self, *args, caption=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language, self.notation = get_language(), notation()
        if caption is not None:
            self.caption = caption


class RowsTable(Table):
    """A table whose header, sorting and pages are django-tables2's and whose rows are made by its own
    `row_cells(record)` (templates/tables/rows.html): the template language costs about 140 µs a row of
    cells, a page may show fifty rows."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("template_name", "tables/rows.html")
        super().__init__(*args, **kwargs)

    def row_class(self, record):
        """Classes of the row besides even/odd."""
        return ""

    def row_html(self, record, index):
        parity = "odd" if index % 2 else "even"
        extra = self.row_class(record)
        return format_html('<tr class="{}">{}</tr>\n', f"{extra} {parity}" if extra else parity, self.row_cells(record))

    def row_cells(self, record):
        raise NotImplementedError


class TimeColumn(tables.Column):
    """A time in the page language's notation, right-aligned; `tenths`: the accessor of the row's "measured in
    tenths" flag, for a column whose rows may hold hand-timed times (shown 18:04.8, not 18:04.80)."""

    def __init__(self, *args, tenths=None, **kwargs):
        kwargs.setdefault("attrs", {"td": {"class": "num"}, "th": {"class": "num"}})
        super().__init__(*args, **kwargs)
        self.tenths = tables.A(tenths) if tenths else None

    def render(self, value, record, table):
        tenths = bool(self.tenths.resolve(record)) if self.tenths else False
        return timing.format_time(value, table.notation, tenths=tenths)


class DateColumn(tables.Column):
    """A day as '19 Nov 2023' (or '19 Nov') in the page language."""

    def __init__(self, *args, with_year=True, **kwargs):
        self.with_year = with_year
        super().__init__(*args, **kwargs)

    def render(self, value, table):
        return short_date(value, with_year=self.with_year, language=table.language)


class DistanceColumn(tables.Column):
    def render(self, value):
        return f"{value} m"


def skater_with_code(skater, nationality):
    """A skater's linked name and the nationality code of one result (the country's name on hover)."""
    return format_html(
        '<a href="{}">{}</a> {}', skater.get_absolute_url(), skater.name, country_abbr(nationality, "muted")
    )


def competitor_link(skater):
    return format_html(
        '<a href="{}">{}</a> {}', skater.get_absolute_url(), skater.name, country_abbr(skater.nationality, "muted")
    )


NUM = {"td": {"class": "num"}, "th": {"class": "num"}}


SECONDARY = {"td": {"class": "lane"}, "th": {"class": "lane"}}
