"""Which cached pages an edit makes stale: the tags (results/caching.py) of what it changed.

A change to a race's results shows on the race's page, its competition's and season's pages, the home page, and
the pages of its skaters (their careers, head-to-heads, markers on their other races); on the record and
Adelskalender lists only when a record or a best changed. A race's own details, its creation or deletion show on
the competition lists too. Edits that can show anywhere (a skater's name, a competition, a rink) bump "all".
"""

from results import caching
from results.models import Race, Result, TeamMember


def race_change_tags(race_ids, keys=()):
    """The tags of these races and of the skaters in them now and before the change (keys: (skater, gender,
    distance, …) of the results a change moved out): their careers, and their starts on the race's distance."""
    tags, distances = {"home"}, {}
    for race_id, distance, competition_id, season in Race.objects.filter(id__in=race_ids).values_list(
        "id", "distance_m", "competition_id", "competition__season"
    ):
        tags |= {f"race:{race_id}", f"competition:{competition_id}", f"season:{season}"}
        distances[race_id] = distance
    starts = set(Result.objects.filter(race_id__in=race_ids).values_list("skater_id", "race_id"))
    starts |= set(TeamMember.objects.filter(result__race_id__in=race_ids).values_list("skater_id", "result__race_id"))
    skaters = {(skater, distances[race_id]) for skater, race_id in starts if skater}
    skaters |= {(key[0], key[2]) for key in keys if key[0]}
    return tags | {f"skater:{skater}" for skater, _ in skaters} | {f"skater:{s}:{d}" for s, d in skaters}


def invalidate(race_ids=(), keys=(), facts=(), everywhere=False, lists=False):
    """Bump the tags of what changed. facts: the derived facts that changed ("records", "bests"); lists: a race
    was created, deleted or changed itself (competition lists count races)."""
    if everywhere:
        caching.bump([caching.ALL])
        return
    tags = race_change_tags(race_ids, keys) | set(facts)
    if lists:
        tags.add("competitions")
    caching.bump(tags)
