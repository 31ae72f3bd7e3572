"""Tables of the records, rankings, Adelskalender, streaks and World Cup pages."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from results.display.formatting import country_name, short_date
from results.display.tables.base import (
    NUM,
    SECONDARY,
    DateColumn,
    DistanceColumn,
    RowsTable,
    Table,
    TimeColumn,
    competitor_link,
    skater_with_code,
)
from results.models.addresses import slug_url
from results.sport import timing


class SeasonRankingTable(RowsTable):
    """Season bests (stored SeasonBest rows, with a rank annotated by the database), read as dicts."""

    rank = tables.Column(verbose_name=_("Rank"), attrs=NUM, orderable=False)
    skater = tables.Column(accessor="name", verbose_name=_("Skater"), order_by=("skater__name",))
    time_ms = TimeColumn(verbose_name=_("Time"))
    date = DateColumn(verbose_name=_("Date"), with_year=False)
    race = tables.Column(verbose_name=_("Race"), accessor="rink", orderable=False, attrs=SECONDARY)

    class Meta:
        attrs = {"class": "results"}
        empty_text = _("No times held yet.")

    def row_cells(self, r):
        return format_html(
            '<td class="num">{}</td><td><a href="{}">{}</a> <abbr class="muted" title="{}">{}</abbr></td>'
            '<td class="num">{}</td><td>{}</td><td class="lane"><a href="{}">{}</a></td>',
            r["rank"], slug_url("results:skater", r["slug"]), r["name"], country_name(r["nationality"]),
            r["nationality"], timing.format_time(r["time_ms"], self.notation, tenths=r["tenths"]),
            short_date(r["date"], with_year=False, language=self.language),
            slug_url("results:race", r["competition_slug"], r["race_slug"]), r["rink"],
        )  # fmt: skip


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


class RecordProgressionTable(Table):
    """Rows are RecordEntry objects with their results, skaters and races."""

    time_ms = TimeColumn(verbose_name=_("Time"), tenths="result__time_in_tenths")
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


class AdelskalenderTable(RowsTable):
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

    def row_cells(self, record):
        ranked, skater = record
        # a formatted time is digits and separators only: nothing in it to escape
        times = mark_safe(
            "".join(f'<td class="lane num">{timing.format_time(ms, self.notation)}</td>' for ms in ranked.detail)
        )
        return format_html(
            '<td class="num">{}</td><td><a href="{}">{}</a> <abbr class="muted" title="{}">{}</abbr></td>{}'
            '<td class="num">{}</td>',
            ranked.rank, skater.get_absolute_url(), skater.name, country_name(skater.nationality),
            skater.nationality, times, timing.format_points(ranked.value, self.notation),
        )  # fmt: skip
