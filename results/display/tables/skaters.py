"""Tables of a skater's page and of two skaters' head-to-head."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from results.display.tables.base import NUM, DateColumn, Table, TimeColumn


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
        template_name = "tables/skater_results.html"


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
        template_name = "tables/meetings.html"
