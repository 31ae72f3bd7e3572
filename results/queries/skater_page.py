"""A profile's reads besides the career (results/queries/careers.py): the skater, earlier names, win streaks,
rivals."""

from typing import NamedTuple

from django.db.models import Count

from results.models import SETTLED_RESULT, Result, Rival, Skater, SkaterName, StreakSummary
from results.models.addresses import slug_url

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
    return list(SkaterName.objects.filter(skater=skater).order_by("name", "id").values_list("name", flat=True))


class Streak(NamedTuple):
    distance_m: int
    current: int
    longest: int


def streak_summaries(skater):
    """The skater's current and longest run of wins on each distance, as stored."""
    summaries = StreakSummary.objects.filter(skater=skater).order_by("distance_m")
    return [Streak._make(row) for row in summaries.values_list("distance_m", "current", "longest")]


def rivals_of(skater):
    """The RIVALS other skaters met most in published races, as stored: [{name, slug, url, meetings}]."""
    rows = (
        Rival.objects.filter(skater=skater)
        .order_by("-meetings", "rival__name", "rival_id")
        .values_list("rival__name", "rival__slug", "meetings")
    )
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
