"""A profile's reads besides the career (results/queries/careers.py): the skater, earlier names, win streaks,
rivals."""

from typing import NamedTuple

from django.db.models import Count

from results.models import SETTLED_RESULT, Result, Rival, Skater, SkaterName
from results.models.addresses import slug_url
from results.queries import sql

RIVALS = 8  # the most-met skaters a profile lists (and results/writes/derived.py stores)


def skater_at(slug):
    """(the skater at this address, None), or (None, the skater) when it is the address of an earlier name, or
    (None, None)."""
    skater = Skater.objects.filter(slug=slug).first()
    if skater is not None:
        return skater, None
    earlier = SkaterName.objects.filter(slug=slug).select_related("skater").first()
    return None, earlier.skater if earlier else None


def other_names(skater):
    """The names the skater raced under besides the current one."""
    return [name for (name,) in sql.rows(OTHER_NAMES, [skater.id])]


OTHER_NAMES = "SELECT name FROM results_skatername WHERE skater_id = %s ORDER BY name, id"


class Streak(NamedTuple):
    distance_m: int
    current: int
    longest: int


def streak_summaries(skater):
    """The skater's current and longest run of wins on each distance, as stored."""
    return [Streak._make(row) for row in sql.rows(STREAKS, [skater.id])]


STREAKS = "SELECT distance_m, current, longest FROM results_streaksummary WHERE skater_id = %s ORDER BY distance_m"


def rivals_queryset(skater):
    """What rivals_of reads, as a QuerySet (tests compare the two)."""
    return (
        Rival.objects.filter(skater=skater)
        .order_by("-meetings", "rival__name", "rival_id")
        .values_list("rival__name", "rival__slug", "meetings")
    )


RIVALS_OF = """
    SELECT s.name, s.slug, rv.meetings FROM results_rival rv JOIN results_skater s ON s.id = rv.rival_id
    WHERE rv.skater_id = %s ORDER BY rv.meetings DESC, s.name, rv.rival_id
"""


def rivals_of(skater):
    """The RIVALS other skaters met most in published races, as stored: [{name, slug, url, meetings}]."""
    rows = sql.rows(RIVALS_OF, [skater.id])
    return [
        {"name": name, "slug": slug, "url": slug_url("results:head_to_head", skater.slug, slug), "meetings": meetings}
        for name, slug, meetings in rows
    ]


def rival_counts(skater_id):
    """[(other skater id, meetings)] of the RIVALS skaters met most in published races, counted by the database
    (results/writes/derived.py stores them)."""
    return list(
        Result.objects.filter(SETTLED_RESULT, race__results__skater_id=skater_id, skater__isnull=False)
        .exclude(skater_id=skater_id)
        .values_list("skater_id")
        .annotate(meetings=Count("id"))  # one result per skater per race
        .order_by("-meetings", "skater_id")[:RIVALS]
    )
