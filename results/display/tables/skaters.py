"""Tables of a skater's page and of two skaters' head-to-head."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from results.display.formatting import short_date
from results.display.tables.base import NUM, DateColumn, RowsTable, TimeColumn
from results.models import Status
from results.sport import timing


class SkaterResultTable(RowsTable):
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

    def row_cells(self, r):
        division = f" {r.division}" if r.division else ""
        rank = ("" if r.rank is None else r.rank) if r.status == Status.FINISHED else r.status_label
        time = timing.format_time(r.time_ms, self.notation, tenths=r.time_in_tenths) if r.time_ms else "—"
        return format_html(
            '<td>{}</td><td><a href="{}">{}</a></td><td><a href="{}">{}{}</a></td><td class="num">{}</td>'
            '<td class="num">{}</td>',
            short_date(r.date, language=self.language), r.competition_url, r.competition, r.race_url,
            r.distance_label, division, rank, time,
        )  # fmt: skip


class PairTable(RowsTable):
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

    def row_class(self, meeting):
        return f"won-{meeting.winner}" if meeting.winner else ""

    def row_cells(self, m):
        race, day = m.race, m.race.date
        division = f" {race.division}" if race.division else ""
        tenths = m.a.tenths or m.b.tenths
        gap = "—" if m.gap_ms is None else timing.format_gap(m.gap_ms, self.notation, tenths=tenths) if m.gap_ms else ""
        return format_html(
            '<td class="num">{}</td><td><a href="{}">{}{}</a> <span class="muted lane">{}</span></td>'
            '<td class="num wrap">{}</td><td class="num wrap">{}</td><td class="age num">{}</td>',
            f"{day.day:02}-{day.month:02}-{day.year % 100:02}", race.get_absolute_url(), race.distance_label(),
            division, race.competition, self.side(m.a, m.a_won), self.side(m.b, m.b_won), gap,
        )  # fmt: skip

    def side(self, result, won):
        """One skater's result in a meeting: '2. 1:14.45', or the status; in bold for the winner."""
        if result.finished:
            time = timing.format_time(result.time_ms, self.notation, tenths=result.tenths)
            text = f"{result.rank}. {time}".strip() if result.rank else time
        else:
            text = Status(result.status).label
        return format_html("<strong>{}</strong>", text) if won else text
