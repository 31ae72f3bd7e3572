"""The competition page's reads: the competition with its races, their podiums, and the times behind a
championship's classifications."""

from typing import NamedTuple

from results.models import CHAMPIONSHIP_KINDS, Competition, Race, RaceKind, Result, Rink, Skater, Status
from results.models.addresses import slug_url
from results.models.public import public_competition_sql, public_race_sql
from results.queries import sql
from results.sport import classifications


def competition_at_queryset(slug, user):
    """What competition_at reads, as QuerySets (tests compare the two): the competition, its races."""
    competition = Competition.objects.visible_to(user).select_related("rink").filter(slug=slug).first()
    return competition, competition and competition.races.visible_to(user).order_by(*Race._meta.ordering, "id")


COMPETITION_AT = """
    SELECT {competition}, {rink} FROM results_competition c JOIN results_rink rk ON rk.id = c.rink_id
    WHERE c.slug = %s {public}
"""
RACES_OF = """
    SELECT {race} FROM results_race ra JOIN results_competition c ON c.id = ra.competition_id
    WHERE ra.competition_id = %s {public}
    ORDER BY ra.date, ra.gender, ra.distance_m, ra.division DESC, ra.round, ra.id
"""


def competition_at(slug, user):
    """The competition at this address with its rink and (as race_list) its races, or None; drafts for editors.
    Raw queries (queries/sql.py), as the race page's: the QuerySets' compilation cost this page a fifth of its time."""
    query = COMPETITION_AT.format(
        competition=sql.columns(Competition, "c"), rink=sql.columns(Rink, "rk", "rink"),
        public="" if user.is_staff else f"AND {public_competition_sql('c')}",
    )  # fmt: skip
    competition = next(iter(Competition.objects.raw(query, [slug])), None)
    if competition is not None:
        competition.rink = sql.related(competition, Rink, "rink")
        races = RACES_OF.format(
            race=sql.columns(Race, "ra"), public="" if user.is_staff else f"AND {public_race_sql('ra', 'c')}"
        )
        competition.race_list = list(Race.objects.raw(races, [competition.id]))
        for race in competition.race_list:
            race.competition = competition
    return competition


def podiums(races):
    """{race id: [its podium results with their skaters]}."""
    found = {}
    results = (
        Result.objects.filter(race__in=races, rank__lte=3, status=Status.FINISHED)
        .select_related("skater")
        .order_by("rank", "time_ms", "id")
    )
    for result in results:
        found.setdefault(result.race_id, []).append(result)
    return found


def finish_times(races):
    """{race id: {skater id: time}} of the timed finishers."""
    times = {}
    rows = Result.objects.filter(race__in=races, status=Status.FINISHED, time_ms__isnull=False).order_by("id")
    for race_id, skater_id, time_ms in rows.values_list("race_id", "skater_id", "time_ms"):
        times.setdefault(race_id, {})[skater_id] = time_ms
    return times


class SkaterLink(NamedTuple):
    """What a link to a skater's profile needs (a championship's classification links to a few hundred)."""

    id: int
    name: str
    slug: str
    nationality: str

    def get_absolute_url(self):
        return slug_url("results:skater", self.slug)


def skater_links(skater_ids):
    """{skater id: SkaterLink}."""
    rows = Skater.objects.filter(id__in=skater_ids).values_list(*SkaterLink._fields)
    return {row[0]: SkaterLink._make(row) for row in rows}


def what_it_takes(race):
    """While the last distance of a sprint or allround championship is skated (the race provisional): for each
    skater still to start, the times that take the lead and pass the skater ahead ([Needed]), with the skaters
    named ({id: SkaterLink}); None for any other race."""
    if not race.provisional or race.kind != RaceKind.INDIVIDUAL or race.competition.kind not in CHAMPIONSHIP_KINDS:
        return None
    races = list(Race.objects.filter(competition_id=race.competition_id, gender=race.gender, division="",
                                     kind=RaceKind.INDIVIDUAL))  # fmt: skip
    if len(races) < 2 or races[-1].id != race.id:
        return None
    times = finish_times(races)
    standings = classifications.classification([(r, times.get(r.id, {})) for r in races])
    before = standings[-2][1]
    finals = {row.skater_id: row.value for row in standings[-1][1]}
    waiting = race.results.to_skate().order_by("pair", "lane", "id").values_list("skater_id", flat=True)
    needs = classifications.what_it_takes(before, finals, race.distance_m, list(waiting))
    named = skater_links({n.skater_id for n in needs} | {n.leader_id for n in needs} | {n.ahead_id for n in needs})
    return needs, named
