"""How values are shown in the page language: times, gaps, points, dates, countries, competitors."""

from functools import lru_cache

from django.utils import translation
from django.utils.dates import MONTHS_3
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.ioc_data import IOC_TO_ISO

from results.models.addresses import slug_url
from results.sport import timing


def notation():
    return "nl" if (get_language() or "en").startswith("nl") else "en"


def racetime(ms, tenths=False):
    """A time in the page language's notation: 1.14,44 (nl) or 1:14.44 (en); 18.04,8 for a time in tenths."""
    return timing.format_time(ms, notation(), tenths=bool(tenths))


def points(thousandths):
    return "" if thousandths is None else timing.format_points(thousandths, notation())


@lru_cache(maxsize=16)
def _month_abbreviations(language):
    with translation.override(language):
        return [""] + [str(MONTHS_3[month]).title() for month in range(1, 13)]


def short_date(day, with_year=True, language=None):
    """'19 Nov 2023' (nl: '19 Nov 2023' with Dutch months): date_format's "j M Y" without its per-call cost."""
    month = _month_abbreviations(language or get_language())[day.month]
    return f"{day.day} {month} {day.year}" if with_year else f"{day.day} {month}"


NON_COUNTRIES = {
    "AIN": _("Individual Neutral Athletes"),
    "ROC": _("Russian Olympic Committee"),
    "TPE": _("Chinese Taipei"),
    # nations of their time, which django-countries (today's countries) does not know
    "URS": _("Soviet Union"),
    "GDR": _("East Germany"),
    "FRG": _("West Germany"),
    "EUN": _("Unified Team"),
    "TCH": _("Czechoslovakia"),
    "YUG": _("Yugoslavia"),
}


def country_name(ioc):
    """The name of the country behind an IOC code, in the page language (the code itself when unknown)."""
    return _country_name(ioc, get_language())


@lru_cache(maxsize=2048)
def _country_name(ioc, language):  # language: the active one, the cache's key
    if ioc in NON_COUNTRIES:
        return str(NON_COUNTRIES[ioc])
    iso = IOC_TO_ISO.get(ioc)
    return str(countries.name(iso)) if iso else ioc


def competitor(result):
    """A result's skater, linked, or its team's code (with the country on hover)."""
    if result.skater_id:
        return format_html('<a href="{}">{}</a>', result.skater.get_absolute_url(), result.skater.name)
    return format_html('<abbr title="{}">{}</abbr>', country_name(result.team), result.team)


def country_abbr(ioc, css=""):
    """An IOC code linked to its nation's page, with the country's name on hover and for screen readers."""
    if not ioc:
        return ""
    return format_html('<a class="nation" href="{}"><abbr{} title="{}">{}</abbr></a>', slug_url("results:nation", ioc.lower()),
                       format_html(' class="{}"', css) if css else "", country_name(ioc), ioc)  # fmt: skip
