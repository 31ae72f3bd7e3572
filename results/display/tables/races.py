"""Tables of races: a race's results (individual, mass start, team), races with winners or podiums, a
championship's classification, competitions."""

import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from results.display.formatting import country_abbr, short_date
from results.display.markers import MARKER_TITLES
from results.display.tables.base import NUM, SECONDARY, DateColumn, RowsTable, Table, TimeColumn
from results.models import Status
from results.sport import timing


def rank_column():
    return tables.Column(
        verbose_name=_("Rank"), empty_values=(), attrs={"td": {"class": "num rank"}, "th": {"class": "num"}}
    )


SPLIT_TIE = _("equal printed times, different official ranks: a finer time decided, not published")


class RaceResultTable(RowsTable):
    """An individual race's lines (sport/race_lines.Line): the header and sorting by tables2, the rows by a plain
    loop in templates/tables/race_results.html (a race page shows hundreds of cells)."""

    rank = rank_column()
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

    def row_cells(self, line):
        if line.finished:
            rank = "" if line.rank is None else line.rank
        else:
            rank = format_html('<abbr title="{}">{}</abbr>', Status(line.status).label, line.status)
        markers = format_html_join(
            " ", '<abbr class="marker" title="{}">{}</abbr>', ((MARKER_TITLES[code], code) for code in line.markers)
        )
        return format_html(
            '<td class="num rank">{}</td><td class="num pair">{}</td><td class="lane">{}</td>'
            '<td><a href="{}">{}</a> {}</td><td class="nat">{}</td><td class="age num">{}</td>'
            '<td class="num">{}</td><td class="num">{}</td>',
            rank, "" if line.pair is None else line.pair, self.render_lane(line.lane), line.skater.get_absolute_url(),
            line.skater.name, markers, country_abbr(line.nationality), "" if line.age is None else line.age,
            "—" if line.time_ms is None else self.render_time_ms(line.time_ms, line),
            self.render_gap_ms(line.gap_ms, line),
        )  # fmt: skip

    def render_rank(self, record):
        if record.finished:
            return record.rank or ""
        return format_html('<abbr title="{}">{}</abbr>', record.result.get_status_display(), record.status)

    def render_lane(self, value):
        return gettext("I") if value == "inner" else gettext("O") if value == "outer" else ""

    def render_skater(self, value, record):
        markers = format_html_join(
            " ", '<abbr class="marker" title="{}">{}</abbr>', ((MARKER_TITLES[code], code) for code in record.markers)
        )
        return format_html('<a href="{}">{}</a> {}', value.get_absolute_url(), value.name, markers)

    def render_nationality(self, value):
        return country_abbr(value)

    def render_time_ms(self, value, record):
        if record.show_thousandths:
            text = timing.format_time(value, self.notation, thousandths=True)
            time = format_html("{}<small>{}</small>", text[:-1], text[-1])
        else:
            time = timing.format_time(value, self.notation, tenths=record.tenths)
        if record.split_tie:
            return format_html('{}<sup><abbr title="{}">*</abbr></sup>', time, SPLIT_TIE)
        return time

    def render_gap_ms(self, value, record):
        return timing.format_gap(value, self.notation, tenths=record.tenths) if value else ""


class MassStartTable(RaceResultTable):
    """A mass start: points decide, then the finishing order; no pairs, lanes or gaps (cells by django-tables2)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("template_name", "tables/table.html")
        super().__init__(*args, **kwargs)

    laps = tables.Column(
        verbose_name=_("Laps"), accessor="result__laps", attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )
    sprints = tables.Column(verbose_name=_("Sprints"), accessor="result__sprint_points", orderable=False)
    points = tables.Column(verbose_name=_("Points"), attrs={"td": {"class": "num"}, "th": {"class": "num"}})

    class Meta(RaceResultTable.Meta):
        exclude = ("pair", "lane", "gap_ms")
        sequence = ("rank", "skater", "nationality", "age", "laps", "sprints", "points", "time_ms")

    def render_sprints(self, value):
        """'0,0,3,60' → '3 + 60': the sprints that gave points, in order."""
        return " + ".join(points for points in value.split(",") if points.strip("0")) or "—"


class TeamRaceTable(Table):
    """Team pursuit and team sprint: the team, its skaters, the time."""

    rank = rank_column()
    team = tables.Column(verbose_name=_("Team"), attrs={"td": {"class": "nat"}})
    members = tables.Column(verbose_name=_("Skaters"), orderable=False)
    time_ms = TimeColumn(verbose_name=_("Time"), empty_values=())
    gap_ms = TimeColumn(verbose_name=_("Gap"), orderable=False)

    class Meta:
        attrs = {"class": "results"}
        default = ""
        empty_text = _("No results entered yet.")

    render_gap_ms = RaceResultTable.render_gap_ms

    def render_rank(self, record):
        if record.finished or record.rank is None:
            return RaceResultTable.render_rank(self, record)
        return record.rank  # a team that fell keeps its official place; the time column says why it has no time

    def render_time_ms(self, value, record):
        if record.finished or record.rank is None:
            return "—" if value is None else RaceResultTable.render_time_ms(self, value, record)
        return format_html('<abbr title="{}">{}</abbr>', record.result.get_status_display(), record.status)

    def render_team(self, value):
        return country_abbr(value)

    def render_members(self, value):
        return format_html_join(", ", '<a href="{}">{}</a>', ((s.get_absolute_url(), s.name) for s in value))


class CompetitionTable(RowsTable):
    start_date = DateColumn(verbose_name=_("Date"))
    name = tables.Column(verbose_name=_("Competition"))
    rink = tables.Column(verbose_name=_("Rink"), order_by=("rink__name",), attrs=SECONDARY)
    race_count = tables.Column(verbose_name=_("Races"), attrs=NUM)

    class Meta:
        attrs = {"class": "results"}

    def row_cells(self, c):
        return format_html(
            '<td>{}</td><td><a href="{}">{}</a></td><td class="lane"><a href="{}">{}</a>, {}</td>'
            '<td class="num">{}</td>',
            short_date(c.start_date, language=self.language), c.get_absolute_url(), c.short_name,
            c.rink.get_absolute_url(), c.rink.name, c.rink.city, c.race_count,
        )  # fmt: skip
