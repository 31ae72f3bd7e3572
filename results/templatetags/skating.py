from functools import lru_cache
from html import escape

from django import template
from django.urls import get_script_prefix, reverse, translate_url
from django.utils import translation
from django.utils.dates import MONTHS_3
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.ioc_data import IOC_TO_ISO

from results import timing
from results.addresses import slug_url
from results.html import format_html, format_html_join

register = template.Library()


def notation():
    return "nl" if (get_language() or "en").startswith("nl") else "en"


@register.filter
def racetime(ms, thousandths=False):
    """A time in the page language's notation: 1.14,44 (nl) or 1:14.44 (en)."""
    return timing.format_time(ms, notation(), thousandths=bool(thousandths))


@register.filter
def gap(ms):
    return timing.format_gap(ms, notation())


@register.filter
def points(thousandths):
    return "" if thousandths is None else timing.format_points(thousandths, notation())


@lru_cache(maxsize=16)
def _month_abbreviations(language):
    with translation.override(language):
        return [""] + [str(MONTHS_3[month]).title() for month in range(1, 13)]


@register.filter
def short_date(day, with_year=True, language=None):
    """'19 Nov 2023' (nl: '19 Nov 2023' with Dutch months): date_format's "j M Y" without its per-call cost."""
    month = _month_abbreviations(language or get_language())[day.month]
    return f"{day.day} {month} {day.year}" if with_year else f"{day.day} {month}"


@register.filter
def season_label(start_year):
    return timing.season_label(start_year)


@register.simple_tag(takes_context=True)
def url_in_language(context, code):
    """This page's address in another language: the language prefix swapped (addresses are not translated)."""
    address, prefix = context["request"].get_full_path(), f"/{get_language()}/"
    if address.startswith(prefix):
        return f"/{code}/{address.removeprefix(prefix)}"
    return translate_url(address, code)


@register.simple_tag
def site_navigation():
    """The site's name and main menu, the same on every page of a language: made once per language."""
    return _site_navigation(get_language(), get_script_prefix())


@lru_cache(maxsize=16)
def _site_navigation(language, script_prefix):
    links = [
        ("results:competitions", _("Competitions")),
        ("results:skaters", _("Skaters")),
        ("results:head_to_head_form", _("Head-to-head")),
        ("results:records", _("Records")),
        ("results:streaks", _("Streaks")),
        ("results:adelskalender", _("Adelskalender")),
    ]
    return format_html(
        '<a class="brand" href="{}">{}</a>\n  <nav aria-label="{}">\n{}\n  </nav>',
        reverse("results:home"),
        gettext("Skating results"),
        gettext("Main"),
        format_html_join("\n", '    <a href="{}">{}</a>', ((reverse(name), label) for name, label in links)),
    )


@register.filter
def season_slug(start_year):
    return timing.season_slug(start_year)


@register.simple_tag
def season_nav(seasons, current=None):
    """Links to every season, the current one in bold (built here: there may be a hundred seasons)."""
    links = [
        format_html("<strong>{}</strong>", timing.season_label(season))
        if season == current
        else format_html(
            '<a href="{}">{}</a>', slug_url("results:season", timing.season_slug(season)), timing.season_label(season)
        )  # fmt: skip
        for season in seasons
    ]
    return format_html(
        '<nav class="siblings" aria-label="{}">{}</nav>',
        gettext("Seasons"),
        format_html_join(" · ", "{}", ((link,) for link in links)),
    )


NON_COUNTRIES = {
    "AIN": _("Individual Neutral Athletes"),
    "ROC": _("Russian Olympic Committee"),
    "TPE": _("Chinese Taipei"),
}


@register.filter
def country_name(ioc):
    """The name of the country behind an IOC code, in the page language (the code itself when unknown)."""
    return _country_name(ioc, get_language())


@lru_cache(maxsize=2048)
def _country_name(ioc, language):  # language: the active one, the cache's key
    if ioc in NON_COUNTRIES:
        return str(NON_COUNTRIES[ioc])
    iso = IOC_TO_ISO.get(ioc)
    return str(countries.name(iso)) if iso else ioc


@register.filter
def competitor(result):
    """A result's skater, linked, or its team's code (with the country on hover)."""
    if result.skater_id:
        return format_html('<a href="{}">{}</a>', result.skater.get_absolute_url(), result.skater.name)
    return format_html('<abbr title="{}">{}</abbr>', country_name(result.team), result.team)


@register.simple_tag
def progression_chart(chart):
    """A charts.Chart as inline SVG (built here rather than in a template: a profile may draw seven). Coordinates
    are numbers and go in as they are; only the text is escaped."""
    title = gettext("%(d)s m: season bests (dots) and personal-record progression (line)") % {"d": chart.distance_m}
    grid = "".join(
        f'<line x1="50" x2="{chart.width}" y1="{y}" y2="{y}" class="grid"/>'
        f'<text x="48" y="{y}" dy="4" text-anchor="end">{escape(label)}</text>'
        for y, label in chart.y_labels
    )
    seasons = "".join(
        f'<text x="{x}" y="{chart.height}" dy="-2" text-anchor="middle">{escape(label)}</text>'
        for x, label in chart.x_labels
    )
    line = f'<path d="{escape(chart.record_path)}" class="pr"/>' if chart.record_path else ""
    dots = "".join(
        f'<circle cx="{x}" cy="{y}" r="3.5" class="sb"><title>{escape(label)}</title></circle>'
        for x, y, label in chart.season_bests
    )
    d = chart.distance_m
    return mark_safe(
        f'<figure class="chart">\n<svg viewBox="0 0 {chart.width} {chart.height}" role="img" '
        f'aria-labelledby="chart-{d}" width="100%">\n<title id="chart-{d}">{escape(title)}</title>\n{grid}\n'
        f"{seasons}\n{line}\n{dots}\n</svg>\n<figcaption>{d} m</figcaption>\n</figure>"
    )


@register.simple_tag
def rival_list(rivals):
    """A profile's rivals, each linked to the head-to-head, with the number of races met (built here: a loop of
    translated sentences in a template costs more than the rest of the list)."""
    items = "".join(
        format_html(
            '<li><a href="{}">{}</a> <span class="muted">({})</span></li>',
            rival["url"],
            gettext("vs %(name)s") % {"name": rival["name"]},
            ngettext("%(n)s race", "%(n)s races", rival["meetings"]) % {"n": rival["meetings"]},
        )
        for rival in rivals
    )
    return mark_safe(f'<ul class="plain columns">{items}</ul>')


@register.simple_tag(takes_context=True)
def table(context, table):
    """A results.tables.Table, rendered by itself (in place of tables2's {% render_table %})."""
    return table.as_html(context["request"])


@register.simple_tag
def select_fields(form):
    """A form of choice fields as labelled selects, as form.as_div gives them but built here:
    Django renders every <option> through a template, and a long career has many seasons."""
    parts = []
    for field in form:
        current = "" if field.value() is None else str(field.value())
        options = format_html_join(
            "", '<option value="{}"{}>{}</option>',
            ((value, " selected" if str(value) == current else "", label) for value, label in field.field.choices),
        )  # fmt: skip
        errors, invalid = "", ""
        if field.errors:
            items = format_html_join("", "<li>{}</li>", ((error,) for error in field.errors))
            errors = format_html('<ul class="errorlist" id="{}_error">{}</ul>', field.auto_id, items)
            invalid = format_html(' aria-invalid="true" aria-describedby="{}_error"', field.auto_id)
        parts.append(
            format_html(
                '<div>{}{}<select name="{}"{} id="{}">{}</select></div>',
                field.label_tag(),
                errors,
                field.html_name,
                invalid,
                field.auto_id,
                options,
            )  # fmt: skip
        )
    return mark_safe("".join(parts))
