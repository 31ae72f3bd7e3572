"""The site's tables, as django-tables2 classes rendered by {% render_table %} through templates/tables/table.html
(headers with scope and aria-sort, a caption, sort links that keep the query, the shared pagination)."""

import re

import django_tables2 as tables
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import F
from django.http import Http404
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from results.display.addresses import slug_url
from results.display.formatting import competitor, country_name, notation, points, racetime, short_date
from results.display.markers import MARKER_TITLES
from results.models import Gender, Status
from results.sport import timing


def page_number(request):
    """The ?page= asked for (1 when none); anything but a page number is a 404, like a page past the end."""
    value = request.GET.get("page", "1")
    if not (value.isascii() and value.isdigit()):
        raise Http404(_("There is no such page."))
    return int(value)


def paginate_table(request, table, per_page=25):
    """Paginate a table from ?page=; an impossible page is a 404 (as for every paginated page: views/common.py)."""
    try:
        table.paginate(page=page_number(request), per_page=per_page)
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


def rank_column():
    return tables.Column(
        verbose_name=_("Rank"), empty_values=(), attrs={"td": {"class": "num rank"}, "th": {"class": "num"}}
    )


class RaceResultTable(Table):
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

    rank = rank_column()
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
            text = Status(result.status).label
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
            mark_safe("<br>"), '<span class="podium">{}. {} <span class="num">{}</span></span>',
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
