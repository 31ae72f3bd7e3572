import copy
import inspect
from collections import OrderedDict
from functools import cache

import django_tables2 as tables
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import F
from django.http import Http404
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_tables2.rows import BoundRows
from django_tables2.utils import A, AttributeDict

from results import timing
from results.addresses import slug_url
from results.html import conditional_escape, format_html, format_html_join
from results.models import Gender, Status
from results.templatetags.skating import competitor, country_name, notation, points, racetime, short_date


def valid_order(table_class, value):
    """The `sort` parameter if it names an orderable column of the table, else None."""
    name = (value or "").removeprefix("-")
    column = table_class.base_columns.get(name)
    return value if column is not None and column.orderable is not False else None


def paginate(request, table, per_page=25):
    """Paginate a table from ?page=; an impossible page is a 404, not an error."""
    try:
        table.paginate(page=int(request.GET.get("page", 1)), per_page=per_page)
    except (ValueError, OverflowError, EmptyPage, PageNotAnInteger):
        raise Http404(_("There is no such page.")) from None


def paginate_pages(request, table, pages, per_page):
    """Paginate a table whose rows come from a prepared query's Pages (results/prepared.py): only the page's
    rows are read. The query gives the rows in the table's order; an impossible page is a 404."""
    table.paginator = Paginator(pages, per_page)
    try:
        table.page = table.paginator.page(int(request.GET.get("page", 1)))
    except (ValueError, OverflowError, EmptyPage, PageNotAnInteger):
        raise Http404(_("There is no such page.")) from None
    table.page.object_list = BoundRows(data=table.page.object_list, table=table)  # as tables2's own paginate


CELL_ARGUMENTS = {"value", "record", "column", "bound_column", "table"}


def _steps(accessor):
    """An accessor's lookups, each with its index when it is a number (for tuples and lists)."""
    return [(bit, int(bit) if bit.isdigit() else None) for bit in A(accessor).bits]


def _resolve(record, steps):
    """tables2's Accessor.resolve for the records used here (objects, tuples, dicts), deciding by type
    instead of by trying a lookup and catching the failure: three exceptions a cell for a tuple."""
    for bit, index in steps:
        if isinstance(record, dict):
            record = record[bit]
        elif index is not None and isinstance(record, tuple | list):
            record = record[index]
        else:
            record = getattr(record, bit)
        if callable(record) and not getattr(record, "do_not_call_in_templates", False):
            if getattr(record, "alters_data", False):
                raise ValueError(f"{bit} alters data")
            record = record()
    return record


def _with(query, key, value):
    """The query string with one parameter replaced, escaped for an attribute (as tables2's querystring_replace)."""
    params = dict(query)
    params[key] = value
    return escape("?" + urlencode(params, doseq=True))


class ColumnCopies(OrderedDict):
    """A table class's columns. tables2 deep-copies them for every table it makes (0.1 ms a table; a competition
    page makes a dozen) so that a table may change its columns; the tables here change at most a column's own
    attributes (PairTable's headings), for which a copy of each column is enough."""

    def __deepcopy__(self, memo):
        return OrderedDict((name, copy.copy(column)) for name, column in self.items())


class Table(tables.Table):
    """A django-tables2 table rendered in Python, in one pass: `{% table t %}` (templatetags/skating.py).

    tables2 renders each cell through BoundRow, inspecting the render method's signature and
    rebuilding the column's attributes for every cell (about 60 µs a cell), and renders the
    table through a template with a fresh RequestContext (about 0.5 ms a table). Here the
    per-column work (attributes, which render method, what it takes) is done once, each cell
    costs one accessor lookup and one render call, and the header and page links are joined
    as strings. The output is what tables2's own template rendering gives
    (tests/test_tables.py compares them on the seed pages); what it leaves out, no table here
    uses: links on columns (`linkify`), get_FOO_display for choice fields, attributes
    computed per cell, footers and TemplateColumns.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.base_columns = ColumnCopies(cls.base_columns)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the page language and its time notation, asked once: a column need not ask for every cell
        self.language, self.notation = get_language(), notation()

    def as_html(self, request):
        parts = [f'<div class="table-container"><table {self.attrs.as_html()}>\n']
        if self.show_header:
            parts.append(self.header_html(request.GET))
        parts.append(f"<tbody>{self.body_html()}</tbody>\n</table></div>\n")
        if getattr(self, "page", None) and self.paginator.num_pages > 1:
            parts.append(self.pages_html(request.GET))
        return mark_safe("".join(parts))

    def header_html(self, query):
        """The header row: the same for every table of the class with the same headings, order and query (the
        sort links keep the query's other parameters), so it is made once for each."""
        key = (type(self), self.language, tuple(str(column.header) for column in self.columns))
        if any(column.orderable for column in self.columns):
            key += (tuple(str(o) for o in self.order_by or ()), tuple((k, tuple(v)) for k, v in query.lists()))
        if key not in _HEADERS:
            if len(_HEADERS) > 1000:  # any query string makes a key: keep the few seen lately
                _HEADERS.clear()
            _HEADERS[key] = self._header_html(query)
        return _HEADERS[key]

    def _header_html(self, query):
        cells = []
        for column in self.columns:
            header = conditional_escape(column.header)
            if column.orderable:
                link = _with(query, self.prefixed_order_by_field, column.order_by_alias.next)
                header = f'<a href="{link}">{header}</a>'
            cells.append(f"<th {column.attrs['th'].as_html()}>{header}</th>")
        return f"<thead><tr>{''.join(cells)}</tr></thead>\n"

    def pages_html(self, query):
        page, links = self.page, []
        if page.has_previous():
            previous = _with(query, self.prefixed_page_field, page.previous_page_number())
            links.append(format_html('<li><a href="{}">{}</a></li>\n', previous, _("previous")))
        numbers = {"n": page.number, "total": self.paginator.num_pages}
        links.append(format_html("<li>{}</li>\n", _("page %(n)s of %(total)s") % numbers))
        if page.has_next():
            following = _with(query, self.prefixed_page_field, page.next_page_number())
            links.append(format_html('<li><a href="{}">{}</a></li>\n', following, _("next")))
        return format_html('<nav aria-label="{}"><ul class="pagination">\n{}</ul></nav>', _("Pages"),
                           mark_safe("".join(links)))  # fmt: skip

    def body_html(self):
        cells = [self._cell_renderer(bound) for bound in self.columns]
        open_row = self._row_opener()
        html = []
        for record in self.paginated_rows.data:
            html.append(open_row(record, next(self._counter)))
            html.extend(cell(record) for cell in cells)
            html.append("</tr>\n")
        if not html and self.empty_text:
            html.append(format_html('<tr><td colspan="{}">{}</td></tr>', len(cells), self.empty_text))
        return mark_safe("".join(html))

    def _row_opener(self):
        """A function of a record and its row number giving the <tr> tables2 gives: the row attributes and the
        odd/even class."""
        if not self.row_attrs:
            return lambda record, number: '<tr class="odd">' if number % 2 else '<tr class="even">'

        def attribute(value):
            if not callable(value):
                return lambda record: value
            wanted = _arguments(value)
            return lambda record: value(**{k: v for k, v in (("table", self), ("record", record)) if k in wanted})

        attributes = [(name, attribute(value)) for name, value in self.row_attrs.items()]

        def open_row(record, number):
            row = {name: value(record) for name, value in attributes}
            odd_even = "odd" if number % 2 else "even"
            row["class"] = f"{row['class']} {odd_even}" if row.get("class") else odd_even
            return f"<tr {_attributes_html(row)}>"

        return open_row

    def _open_td(self, bound):
        """The column's <td ...>, the same for every table of the class unless its attributes are computed."""
        key = (type(self), bound.name)
        if key in _TD_OPENINGS:
            return _TD_OPENINGS[key]
        opening = f"<td {bound.attrs['td'].as_html()}>"
        if not _computed({**self.attrs, **bound.column.attrs}):
            _TD_OPENINGS[key] = opening
        return opening

    def _cell_renderer(self, bound):
        """A function of a record giving the column's <td>: the column's lookups decided once, not per cell."""
        open_td = self._open_td(bound)
        steps, render, is_empty = _steps(bound.accessor), _render_call(bound, self), _emptiness(bound.column)
        default = f"{open_td}{_cell_html(bound.default)}</td>"

        def cell(record):
            try:
                value = _resolve(record, steps)
            except Exception:
                value = None
            if is_empty(value):
                return default
            return f"{open_td}{_cell_html(render(value, record))}</td>"

        return cell


# made once per table class (and language): a page may make a dozen tables
_HEADERS, _TD_OPENINGS = {}, {}


def _attributes_html(attributes):
    """tables2's AttributeDict(attributes).as_html(), without Django's per-call lazy-string check."""
    return format_html_join(" ", '{}="{}"', (
        (name, value) for name, value in attributes.items()
        if name not in AttributeDict.blacklist and value is not None
    ))  # fmt: skip


def _computed(attributes):
    """Whether any attribute (at any depth) is a function, computed for each table or cell."""
    return any(_computed(value) if isinstance(value, dict) else callable(value) for value in attributes.values())


def _render_call(bound, table):
    """A function of (value, record) calling the column's render method with the arguments it takes."""
    render = bound.render
    if getattr(render, "__func__", None) is tables.Column.render:
        return lambda value, record: value
    arguments = _arguments(render)
    if arguments == {"value"}:
        return lambda value, record: render(value=value)
    if arguments == {"record"}:
        return lambda value, record: render(record=record)
    if arguments == {"value", "record"}:
        return lambda value, record: render(value=value, record=record)
    given = {"column": bound.column, "bound_column": bound, "table": table}
    fixed = {name: given[name] for name in arguments - {"value", "record"}}
    passes_value, passes_record = "value" in arguments, "record" in arguments
    return lambda value, record: render(
        **fixed, **({"value": value} if passes_value else {}), **({"record": record} if passes_record else {})
    )


def _emptiness(column):
    """Whether a value is one of the column's empty values (a cell showing the default), decided without ==
    against a model instance when the empty values are tables2's usual None and ""."""
    empty_values = column.empty_values
    if tuple(empty_values) == (None, ""):
        return lambda value: value is None or (isinstance(value, str) and not value)
    return lambda value: value in empty_values


@cache
def _signature_names(function):
    parameters = inspect.signature(function).parameters
    if any(p.kind == p.VAR_KEYWORD for p in parameters.values()):
        return CELL_ARGUMENTS
    return CELL_ARGUMENTS & set(parameters)


def _arguments(function):
    """Which of tables2's cell arguments (value, record, table, ...) a render method or attribute function takes."""
    return _signature_names(getattr(function, "__func__", function))


def _cell_html(content):
    """A cell's content as the template {{ cell }} shows it: localized unless already text, escaped unless safe."""
    if type(content) is SafeString:
        return content
    if type(content) is int and not settings.USE_THOUSAND_SEPARATOR:
        return str(content)  # what localize gives a whole number then, and nothing to escape
    return conditional_escape(content if isinstance(content, str) else localize(content))


class TimeColumn(tables.Column):
    """A time in the page language's notation, right-aligned."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("attrs", {"td": {"class": "num"}, "th": {"class": "num"}})
        super().__init__(*args, **kwargs)

    def render(self, value, table):
        return timing.format_time(value, table.notation)


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
    """A skater's linked name and the nationality code of one result."""
    return format_html('<a href="{}">{}</a> <abbr class="muted">{}</abbr>', skater.get_absolute_url(), skater.name,
                       nationality)  # fmt: skip


class RaceResultTable(Table):
    rank = tables.Column(
        verbose_name=_("Rank"), empty_values=(), attrs={"td": {"class": "num rank"}, "th": {"class": "num"}}
    )
    pair = tables.Column(verbose_name=_("Pair"), attrs={"td": {"class": "num pair"}, "th": {"class": "num pair"}})
    lane = tables.Column(verbose_name=_("Lane"), attrs={"td": {"class": "lane"}, "th": {"class": "lane"}})
    skater = tables.Column(verbose_name=_("Skater"), order_by=("skater__name",))
    nationality = tables.Column(verbose_name=_("Nat."), attrs={"td": {"class": "nat"}})
    age = tables.Column(verbose_name=_("Age"), attrs={"td": {"class": "num age"}, "th": {"class": "num age"}})
    time_ms = TimeColumn(verbose_name=_("Time"), default="—")
    gap_ms = TimeColumn(verbose_name=_("Gap"), orderable=False)

    class Meta:
        orderable = True
        default = ""
        attrs = {"class": "results"}
        empty_text = _("No results entered yet.")

    def render_rank(self, record):
        if record.finished:
            return record.rank or ""
        return format_html('<abbr title="{}">{}</abbr>', record.result.get_status_display(), record.status)

    def render_lane(self, value):
        return gettext("I") if value == "inner" else gettext("O") if value == "outer" else ""

    def render_skater(self, value, record):
        markers = format_html_join(
            " ", '<abbr class="marker" title="{}">{}</abbr>', ((m.title, m.code) for m in record.markers)
        )
        return format_html('<a href="{}">{}</a> {}', value.get_absolute_url(), value.name, markers)

    def render_nationality(self, value):
        return format_html('<abbr title="{}">{}</abbr>', country_name(value), value)

    def render_time_ms(self, value, record):
        if record.show_thousandths:
            text = timing.format_time(value, self.notation, thousandths=True)
            return format_html("{}<small>{}</small>", text[:-1], text[-1])
        return timing.format_time(value, self.notation)

    def render_gap_ms(self, value):
        return timing.format_gap(value, self.notation) if value else ""


class MassStartTable(RaceResultTable):
    """A mass start: points decide, then the finishing order; no pairs, lanes or gaps."""

    points = tables.Column(verbose_name=_("Points"), attrs={"td": {"class": "num"}, "th": {"class": "num"}})

    class Meta(RaceResultTable.Meta):
        exclude = ("pair", "lane", "gap_ms")
        sequence = ("rank", "skater", "nationality", "age", "points", "time_ms")


class TeamRaceTable(Table):
    """Team pursuit and team sprint: the team, its skaters, the time."""

    rank = RaceResultTable.base_columns["rank"]
    team = tables.Column(verbose_name=_("Team"), attrs={"td": {"class": "nat"}})
    members = tables.Column(verbose_name=_("Skaters"), orderable=False)
    time_ms = TimeColumn(verbose_name=_("Time"), default="—")
    gap_ms = TimeColumn(verbose_name=_("Gap"), orderable=False)

    class Meta:
        attrs = {"class": "results"}
        default = ""
        empty_text = _("No results entered yet.")

    render_rank = RaceResultTable.render_rank
    render_time_ms = RaceResultTable.render_time_ms
    render_gap_ms = RaceResultTable.render_gap_ms

    def render_team(self, value):
        return format_html('<abbr title="{}">{}</abbr>', country_name(value), value)

    def render_members(self, value):
        return format_html_join(", ", '<a href="{}">{}</a>', ((s.get_absolute_url(), s.name) for s in value))


class SkaterResultTable(Table):
    """A skater's results, from the career rows the profile reads (careers.CareerResult)."""

    date = DateColumn(verbose_name=_("Date"))
    competition = tables.Column(accessor="competition_name", verbose_name=_("Competition"))
    race = tables.Column(accessor="race_slug", verbose_name=_("Race"))
    rank = tables.Column(
        verbose_name=_("Rank"), empty_values=(), attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )
    time_ms = TimeColumn(verbose_name=_("Time"))

    class Meta:
        attrs = {"class": "results"}
        orderable = False
        empty_text = _("No results.")

    def render_competition(self, record):
        return format_html('<a href="{}">{}</a>', record.competition_url, record.competition)

    def render_race(self, record):
        division = f" {record.division}" if record.division else ""
        return format_html('<a href="{}">{}{}</a>', record.race_url, record.distance_label, division)

    def render_rank(self, value, record):
        return value if record.status == Status.FINISHED else Status(record.status).label


def competitor_link(skater):
    return format_html(
        '<a href="{}">{}</a> <abbr class="muted" title="{}">{}</abbr>',
        skater.get_absolute_url(), skater.name, country_name(skater.nationality), skater.nationality,
    )  # fmt: skip


NUM = {"td": {"class": "num"}, "th": {"class": "num"}}
SECONDARY = {"td": {"class": "lane"}, "th": {"class": "lane"}}


class SeasonRankingTable(Table):
    """Season bests (stored SeasonBest rows, with a rank annotated by the database), read as dicts."""

    FIELDS = ("rank", "time_ms", "date")
    LOOKUPS = {
        "name": F("skater__name"), "slug": F("skater__slug"), "nationality": F("result__nationality"),
        "competition_slug": F("result__race__competition__slug"), "race_slug": F("result__race__slug"),
        "rink": F("result__race__competition__rink__name"),
    }  # fmt: skip

    rank = tables.Column(verbose_name=_("Rank"), attrs=NUM, orderable=False)
    skater = tables.Column(accessor="name", verbose_name=_("Skater"), order_by=("skater__name",))
    time_ms = TimeColumn(verbose_name=_("Time"))
    date = DateColumn(verbose_name=_("Date"), with_year=False)
    race = tables.Column(verbose_name=_("Race"), accessor="rink", orderable=False, attrs=SECONDARY)

    class Meta:
        attrs = {"class": "results"}
        empty_text = _("No times held yet.")

    def render_skater(self, value, record):
        url = slug_url("results:skater", record["slug"])
        return format_html('<a href="{}">{}</a> <abbr class="muted">{}</abbr>', url, value, record["nationality"])

    def render_race(self, value, record):
        url = slug_url("results:race", record["competition_slug"], record["race_slug"])
        return format_html('<a href="{}">{}</a>', url, value)


class StreakTable(Table):
    skater = tables.Column(verbose_name=_("Skater"), order_by=("skater__name",))
    distance_m = DistanceColumn(verbose_name=_("Distance"))
    longest = tables.Column(verbose_name=_("Longest"), attrs=NUM)
    current = tables.Column(verbose_name=_("Now"), attrs=NUM)

    class Meta:
        attrs = {"class": "results"}

    def render_skater(self, value):
        return competitor_link(value)


class WorldCupTable(Table):
    """Rows are (rankings.Ranked, Skater) pairs."""

    rank = tables.Column(verbose_name=_("Rank"), accessor="0__rank", attrs=NUM)
    skater = tables.Column(verbose_name=_("Skater"), accessor="1", order_by=("1__name",))
    points = tables.Column(verbose_name=_("Points"), accessor="0__value", attrs=NUM)
    races = tables.Column(verbose_name=_("Per race"), accessor="0__detail", orderable=False, attrs=SECONDARY)

    class Meta:
        attrs = {"class": "results"}
        empty_text = _("No points yet.")

    def render_skater(self, value):
        return competitor_link(value)

    def render_races(self, value):
        return " + ".join(str(points) for points in value)


class RecordHistoryTable(Table):
    """Rows are RecordEntry objects with their results, skaters and races."""

    time_ms = TimeColumn(verbose_name=_("Time"))
    skater = tables.Column(verbose_name=_("Skater"), accessor="result__skater", order_by=("result__skater__name",))
    date = DateColumn(verbose_name=_("Date"))
    race = tables.Column(verbose_name=_("Race"), accessor="result__race", orderable=False)

    class Meta:
        attrs = {"class": "results"}
        empty_text = _("No times held yet.")

    def render_skater(self, value, record):
        return skater_with_code(value, record.result.nationality)

    def render_race(self, value):
        return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value.competition.short_name)


class AdelskalenderTable(Table):
    """Rows are (rankings.Ranked, Skater); one time column per allround distance."""

    rank = tables.Column(verbose_name=_("Rank"), accessor="0__rank", attrs=NUM, orderable=False)
    skater = tables.Column(verbose_name=_("Skater"), accessor="1", orderable=False)
    points = tables.Column(verbose_name=_("Points"), accessor="0__value", attrs=NUM, orderable=False)

    class Meta:
        attrs = {"class": "results"}
        empty_text = _("No skater has a time on all four distances yet.")

    def __init__(self, data, distances, **kwargs):
        extra = [
            (f"d{n}", TimeColumn(verbose_name=f"{d} m", accessor=f"0__detail__{n}", orderable=False,
                                 attrs={"td": {"class": "num lane"}, "th": {"class": "num lane"}}))
            for n, d in enumerate(distances)
        ]  # fmt: skip
        super().__init__(data, extra_columns=extra, sequence=("rank", "skater", "...", "points"), **kwargs)

    def render_skater(self, value):
        return competitor_link(value)

    def render_points(self, value):
        return points(value)


class PairTable(Table):
    """A table with a column for each of two skaters ("a" and "b"), headed by their names."""

    def __init__(self, data, a, b, **kwargs):
        super().__init__(data, **kwargs)
        self.columns["a"].column.verbose_name = a.name
        self.columns["b"].column.verbose_name = b.name


class MeetingsTable(PairTable):
    """Every meeting of two skaters (headtohead.Meeting rows); the columns are named after them."""

    date = tables.Column(verbose_name=_("Date"), accessor="race__date", attrs=NUM)
    race = tables.Column(verbose_name=_("Race"), orderable=False)
    a = tables.Column(attrs={"td": {"class": "num wrap"}, "th": {"class": "num wrap"}}, orderable=False)
    b = tables.Column(attrs={"td": {"class": "num wrap"}, "th": {"class": "num wrap"}}, orderable=False)
    gap_ms = TimeColumn(
        verbose_name=_("Gap"), orderable=False, attrs={"td": {"class": "num age"}, "th": {"class": "num age"}}
    )

    class Meta:
        attrs = {"class": "results"}
        row_attrs = {"class": lambda record: f"won-{record.winner}" if record.winner else ""}

    def render_date(self, value):
        return f"{value.day:02}-{value.month:02}-{value.year % 100:02}"  # date_format's "d-m-y", without its cost

    def render_race(self, value):
        division = f" {value.division}" if value.division else ""
        return format_html(
            '<a href="{}">{}{}</a> <span class="muted lane">{}</span>', value.get_absolute_url(),
            value.distance_label(), division, value.competition,
        )  # fmt: skip

    def _side(self, result, won):
        if result.finished:
            time = timing.format_time(result.time_ms, self.notation)
            text = f"{result.rank}. {time}".strip() if result.rank else time
        else:
            text = result.get_status_display()
        return format_html("<strong>{}</strong>", text) if won else text

    def render_a(self, record):
        return self._side(record.a, record.winner == "a")

    def render_b(self, record):
        return self._side(record.b, record.winner == "b")

    def render_gap_ms(self, value):
        return timing.format_gap(value, self.notation) if value else ""


class CompetitionTable(Table):
    start_date = DateColumn(verbose_name=_("Date"))
    name = tables.Column(verbose_name=_("Competition"))
    rink = tables.Column(verbose_name=_("Rink"), order_by=("rink__name",), attrs=SECONDARY)
    race_count = tables.Column(verbose_name=_("Races"), attrs=NUM)

    class Meta:
        attrs = {"class": "results"}

    def render_name(self, value, record):
        return format_html('<a href="{}">{}</a>', record.get_absolute_url(), record.short_name)

    def render_rink(self, value):
        return format_html('<a href="{}">{}</a>, {}', value.get_absolute_url(), value.name, value.city)


def race_time_link(result, notation):
    return format_html('<a href="{}">{}</a>', result.race_url, timing.format_time(result.time_ms, notation))


class PersonalRecordTable(Table):
    """A skater's best time on each distance (careers.CareerResult rows)."""

    distance = tables.Column(accessor="distance_label", verbose_name=_("Distance"))
    time_ms = TimeColumn(verbose_name=_("Time"))
    date = DateColumn(verbose_name=_("Date"))
    competition = tables.Column(verbose_name=_("Competition"))
    rink = tables.Column(verbose_name=_("Rink"), attrs=SECONDARY)

    class Meta:
        attrs = {"class": "list"}
        orderable = False

    def render_time_ms(self, record):
        return race_time_link(record, self.notation)


class SeasonBestTable(Table):
    """Rows are (season label, careers.CareerResult): the label on a season's first row only."""

    season = tables.Column(accessor="0", verbose_name=_("Season"))
    distance = tables.Column(accessor="1__distance_label", verbose_name=_("Distance"))
    time_ms = TimeColumn(accessor="1__time_ms", verbose_name=_("Time"))
    date = DateColumn(accessor="1__date", verbose_name=_("Date"))

    class Meta:
        attrs = {"class": "list"}
        orderable = False
        default = ""

    def render_time_ms(self, record):
        return race_time_link(record[1], self.notation)


class MedalTable(Table):
    """Rows are careers.medal_counts tuples: (distance, competition kind, wins, podiums)."""

    distance = tables.Column(accessor="0", verbose_name=_("Distance"))
    kind = tables.Column(accessor="1", verbose_name=_("Competition"))
    wins = tables.Column(accessor="2", verbose_name=_("Wins"), attrs=NUM)
    podiums = tables.Column(accessor="3", verbose_name=_("Podiums"), attrs=NUM)

    class Meta:
        attrs = {"class": "list"}
        orderable = False


class WinStreakTable(Table):
    """Rows are a skater's StreakSummary rows."""

    distance_m = DistanceColumn(verbose_name=_("Distance"))
    current = tables.Column(verbose_name=_("Now"), attrs=NUM)
    longest = tables.Column(verbose_name=_("Longest"), attrs=NUM)

    class Meta:
        attrs = {"class": "list"}
        orderable = False


class RaceWinnerTable(Table):
    """Races with their winners (the home page, a rink's races): rows are (Race with its competition, Result or None)."""

    date = DateColumn(accessor="0__date", verbose_name=_("Date"))
    race = tables.Column(accessor="0", verbose_name=_("Race"))
    winner = tables.Column(accessor="1", verbose_name=_("Winner"))
    time_ms = TimeColumn(accessor="1__time_ms", verbose_name=_("Time"))

    class Meta:
        attrs = {"class": "list"}
        orderable = False
        default = ""

    def render_race(self, value):
        return format_html(
            '<a href="{}">{}</a> <span class="muted">{}</span>', value.get_absolute_url(), value.title(),
            value.competition.short_name,
        )  # fmt: skip

    def render_winner(self, value):
        return competitor(value)


class TrackRecordTable(Table):
    """A rink's current track records: RecordEntry rows with their results, skaters and races."""

    event = tables.Column(accessor="distance_m", verbose_name=_("Distance"))
    time_ms = TimeColumn(verbose_name=_("Time"))
    skater = tables.Column(accessor="result__skater", verbose_name=_("Skater"))
    date = DateColumn(verbose_name=_("Date"))

    class Meta:
        attrs = {"class": "list"}
        orderable = False

    def render_event(self, value, record):
        return f"{Gender(record.gender).label} {value} m"

    def render_time_ms(self, value, record):
        return format_html('<a href="{}">{}</a>', record.result.race.get_absolute_url(), racetime(value))

    def render_skater(self, value, record):
        return skater_with_code(value, record.result.nationality)


class PodiumTable(Table):
    """One day of a competition: rows are (Race, [its podium Results])."""

    race = tables.Column(accessor="0", verbose_name=_("Race"))
    podium = tables.Column(accessor="1", verbose_name=_("Podium"))

    class Meta:
        attrs = {"class": "list podiums"}
        orderable = False

    def render_race(self, value):
        partial = format_html(' <span class="muted">({})</span>', _("partial")) if not value.field_complete else ""
        return format_html('<a href="{}">{}</a>{}', value.get_absolute_url(), value.title(), partial)

    def render_podium(self, value):
        return format_html_join(
            "<br>", '<span class="podium">{}. {} <span class="num">{}</span></span>',
            ((result.rank, competitor(result), racetime(result.time_ms)) for result in value),
        )  # fmt: skip


class ClassificationTable(Table):
    """A championship's standings after a distance: rows are (rankings.Ranked, Skater)."""

    rank = tables.Column(accessor="0__rank", verbose_name=_("Rank"), attrs=NUM)
    skater = tables.Column(accessor="1", verbose_name=_("Skater"))
    points = tables.Column(accessor="0__value", verbose_name=_("Points"), attrs=NUM)

    class Meta:
        attrs = {"class": "results"}
        orderable = False
        empty_text = _("Nobody has a time on every distance so far.")

    def render_skater(self, value):
        return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value.name)

    def render_points(self, value):
        return points(value)


class TallyTable(PairTable):
    """A head-to-head's wins per distance: rows are (distance label, headtohead.Tally); columns named after the two."""

    distance = tables.Column(accessor="0", verbose_name=_("Distance"))
    a = tables.Column(accessor="1__a", attrs=NUM)
    b = tables.Column(accessor="1__b", attrs=NUM)

    class Meta:
        attrs = {"class": "list"}
        orderable = False
