"""Which cached pages an edit makes stale: the tags (results/caching.py) of what it changed.

A change to a race's results shows on the race's page, its competition's and season's pages, the home page, and
the pages of its skaters (their careers, head-to-heads, markers on their other races); on the record and
Adelskalender lists only when a record or a best changed. A race's own details, its creation or deletion show on
the competition lists too. Edits that can show anywhere (a skater's name, a competition, a rink) bump "all".
"""

from django.db.models import Q

from results import caching
from results.models import Race, Result, TeamMember

# an edit of more races than this (a large import) makes every page stale: it shows on most of them anyway, and
# naming each page would cost a query as large as the import
MANY_RACES = 200


def race_change_tags(race_ids, keys=()):
    """The tags of these races, of the skaters in them now and before the change (keys: (skater, gender, distance,
    …) of the results a change moved out), and of the later races of those skaters on the same distance (whose
    markers and stories read their earlier starts)."""
    tags, races = {caching.HOME}, {}
    for race_id, distance, day, competition_id, season in Race.objects.filter(id__in=race_ids).values_list(
        "id", "distance_m", "date", "competition_id", "competition__season"
    ):
        tags |= {caching.race_tag(race_id), caching.competition_tag(competition_id), caching.season_tag(season)}
        races[race_id] = (distance, day)
    starts = set(Result.objects.filter(race_id__in=race_ids).values_list("skater_id", "race_id"))
    starts |= set(TeamMember.objects.filter(result__race_id__in=race_ids).values_list("skater_id", "result__race_id"))
    moved = {(key[0], key[2]) for key in keys if key[0]}
    later = Q(pk__in=[])
    for race_id, (distance, day) in races.items():
        skaters = {skater for skater, race in starts if race == race_id and skater}
        skaters |= {skater for skater, moved_distance in moved if moved_distance == distance}
        later |= Q(skater_id__in=skaters, race_distance_m=distance, race_date__gte=day)
    if races:
        tags |= {caching.race_tag(r) for r in Result.objects.filter(later).exclude(race_id__in=races).values_list(
            "race_id", flat=True).distinct()}  # fmt: skip
    skaters = {skater for skater, _ in starts if skater} | {skater for skater, _ in moved}
    return tags | {caching.skater_tag(skater) for skater in skaters}


def invalidate(race_ids=(), keys=(), facts=(), everywhere=False, lists=False):
    """Bump the tags of what changed. facts: the derived facts that changed ("records", "bests"); lists: a race
    was created, deleted or changed itself (competition lists count races)."""
    everywhere = everywhere or len(race_ids) > MANY_RACES
    tags = {caching.ALL} if everywhere else race_change_tags(race_ids, keys) | set(facts)
    if lists:
        tags.add(caching.COMPETITIONS)
    caching.bump(tags)
