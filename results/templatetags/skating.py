"""The site's template tags and filters; what they show is made in results/display/."""

from functools import lru_cache
from html import escape

from django import template
from django.urls import get_script_prefix, reverse, translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from results.display import formatting
from results.models.addresses import slug_url
from results.sport import timing

register = template.Library()
for name in ("racetime", "points", "short_date", "country_name", "country_abbr", "competitor"):
    register.filter(name, getattr(formatting, name))


@register.simple_tag
def table_row(table, record, index):
    """One row of a RowsTable (results/display/tables/base.py), made by the table."""
    return table.row_html(record, index)


@register.filter
def season_label(start_year):
    return timing.season_label(start_year)


@register.simple_tag(takes_context=True)
def url_in_language(context, code):
    """This page's address in another language: the language prefix swapped (addresses are not translated), with
    the query the page read (never parameters it ignores: the page may be kept for everyone)."""
    request = context["request"]
    query = request.GET.urlencode()
    address, prefix = request.path + (f"?{query}" if query else ""), f"/{get_language()}/"
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
        ("results:olympic_medals", _("Olympics")),
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
