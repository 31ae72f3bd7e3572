"""Derived facts stored for speed: record progressions, personal and season bests, win streaks, winner ages,
the rivals met most.

Pages read these tables instead of scanning every result. They are computed by
the same rules as results/sport (records, streaks, rivals), from published results only, and
kept right on every write: the write path (results/writes/path.py) queues the races a change
touches, and when the transaction commits, `refresh` computes again every key they touch
(records of the event, nationalities and rink; the bests and streaks of their skaters on
that distance). `recompute_all` builds everything from scratch; tests compare the two.
"""

from collections import defaultdict
from itertools import groupby
from operator import itemgetter

from django.db import transaction
from django.db.models import Q

from results import caching
from results.models import (
    SETTLED_RESULT,
    AdelskalenderEntry,
    PersonalBest,
    RaceKind,
    RecordEntry,
    RecordScope,
    Result,
    Rival,
    SeasonBest,
    StreakEnd,
    StreakSummary,
    WinnerAge,
)
from results.queries.skater_page import RIVALS, rival_counts
from results.sport.records import progression
from results.sport.rivals import most_met
from results.sport.streaks import Start, ended_streaks, streaks
from results.sport.timing import samalog_points, winner_age_steps

COUNTED = SETTLED_RESULT & Q(race__kind=RaceKind.INDIVIDUAL)
RECORD_FIELDS = ("id", "race__date", "time_ms", "race__gender", "race__distance_m", "nationality",
                 "race__competition__rink_id")  # fmt: skip
START_FIELDS = ("skater_id", "race_id", "race__date", "race__division", "status", "rank", "time_ms",
                "race__distance_m", "id", "race__competition__season")  # fmt: skip

SKATER_FACTS = (PersonalBest, SeasonBest, StreakSummary, StreakEnd)  # in the order _skater_facts makes them

_TIME = itemgetter(2)  # the time in a RECORD_FIELDS row


# --- computing again --------------------------------------------------------------------------


@transaction.atomic
def refresh(race_ids, extra_keys=()):
    """Compute again every derived fact that results in these races (or these keys) take part in. Returns which of
    the facts that list pages show changed: "records" (progressions, winners' ages), "bests" (streaks, the
    Adelskalender)."""
    keys = set(extra_keys)
    for row in Result.objects.filter(race_id__in=race_ids).values_list(
        "skater_id", "race__gender", "race__distance_m", "nationality", "race__competition__rink_id"
    ):
        keys.add(row)
    events = {(g, d) for _, g, d, _, _ in keys}
    skater_ids = {skater for skater, _, _, _, _ in keys if skater}
    before = _shown_facts(events, skater_ids)
    for gender, distance in events:
        _refresh_records(gender, distance, {n for _, g, d, n, _ in keys if (g, d) == (gender, distance)},
                         {r for _, g, d, _, r in keys if (g, d) == (gender, distance)})  # fmt: skip
    by_distance = defaultdict(set)
    for skater, _, distance, _, _ in keys:
        by_distance[distance].add(skater)
    for distance, skaters in by_distance.items():
        _refresh_skaters(skaters, distance)
    _refresh_adelskalender({skater for skater, _, _, _, _ in keys})
    _refresh_rivals({skater for skater, _, _, _, _ in keys if skater})
    for gender, distance in events:
        WinnerAge.objects.filter(gender=gender, distance_m=distance).delete()
        WinnerAge.objects.bulk_create(_winner_ages(race__gender=gender, race__distance_m=distance), batch_size=5000)
    after = _shown_facts(events, skater_ids)
    return {name for name in before if before[name] != after[name]}


def _shown_facts(events, skater_ids):
    """The derived facts of these events and skaters that list pages show, as comparable data."""
    records = Q(pk__in=[])
    for gender, distance in events:
        records |= Q(gender=gender, distance_m=distance)
    return {
        caching.RECORDS: (
            sorted(
                RecordEntry.objects.filter(records).values_list(
                    "scope", "nationality", "rink_id", "result_id", "time_ms", "current"
                )
            ),
            sorted(WinnerAge.objects.filter(records).values_list("kind", "extreme", "result_id", "age")),
        ),  # fmt: skip
        caching.BESTS: (
            sorted(
                StreakSummary.objects.filter(skater_id__in=skater_ids).values_list(
                    "skater_id", "distance_m", "current", "longest"
                )
            ),
            sorted(StreakEnd.objects.filter(skater_id__in=skater_ids).values_list("skater_id", "race_id", "length")),
            sorted(AdelskalenderEntry.objects.filter(skater_id__in=skater_ids).values_list("skater_id", "points")),
        ),  # fmt: skip
    }


PUBLISHED_ENTRIES = SETTLED_RESULT & Q(skater__isnull=False)
ONE_BY_ONE = 100  # up to this many skaters, each one's rivals are counted by the database in a query of its own


def _refresh_rivals(skater_ids):
    """The skaters met most by each of these skaters: every skater in a changed race has met someone more or less
    often. A few skaters (an edit): counted by the database, one query each (queries.skater_page.rival_counts); many (an import):
    the start lists of all their races read once and counted here (rivals.most_met), as recompute_all does."""
    Rival.objects.filter(skater_id__in=skater_ids).delete()
    if len(skater_ids) <= ONE_BY_ONE:
        most = {skater: rival_counts(skater) for skater in skater_ids}
    else:
        their_races = Result.objects.filter(skater_id__in=skater_ids).values("race_id")
        entries = Result.objects.filter(PUBLISHED_ENTRIES, race_id__in=their_races).values_list("race_id", "skater_id")
        most = most_met(entries.iterator(chunk_size=20000), RIVALS)
    _store_rivals({skater: most.get(skater, []) for skater in skater_ids})


def _store_rivals(most):
    Rival.objects.bulk_create(
        [Rival(skater_id=skater, rival_id=rival, meetings=n) for skater, met in most.items() for rival, n in met],
        batch_size=5000,
    )


def _refresh_adelskalender(skater_ids=None):
    """The Adelskalender entries of these skaters (all when None), from their stored personal bests."""
    from results.sport.classifications import ALLROUND

    bests = PersonalBest.objects.filter(distance_m__in={d for ds in ALLROUND.values() for d in ds})
    entries = AdelskalenderEntry.objects.all()
    if skater_ids is not None:
        bests, entries = bests.filter(skater_id__in=skater_ids), entries.filter(skater_id__in=skater_ids)
    entries.delete()
    by_skater = defaultdict(dict)
    genders = {}
    for skater, gender, distance, time_ms in bests.values_list("skater_id", "gender", "distance_m", "time_ms"):
        by_skater[skater][distance] = time_ms
        genders[skater] = gender
    made = []
    for skater, times in by_skater.items():
        distances = ALLROUND[genders[skater]]
        if all(d in times for d in distances):
            points = sum(samalog_points(times[d], d) for d in distances)
            made.append(AdelskalenderEntry(skater_id=skater, gender=genders[skater], points=points,
                                           times=[times[d] for d in distances]))  # fmt: skip
    AdelskalenderEntry.objects.bulk_create(made, batch_size=5000)


def _entries(scope, gender, distance, steps, nationality="", rink_id=None):
    return [
        RecordEntry(scope=scope, gender=gender, distance_m=distance, nationality=nationality, rink_id=rink_id,
                    result_id=row[0], date=row[1], time_ms=row[2], current=n == len(steps) - 1)
        for n, row in enumerate(steps)
    ]  # fmt: skip


def _timed(**filters):
    return (
        Result.objects.filter(COUNTED, status="FIN", time_ms__isnull=False, **filters)
        .order_by("race__date", "race_id", "time_ms", "id")
        .values_list(*RECORD_FIELDS)
    )


def _refresh_records(gender, distance, nationalities, rink_ids):
    event = {"race__gender": gender, "race__distance_m": distance}
    RecordEntry.objects.filter(scope=RecordScope.WORLD, gender=gender, distance_m=distance).delete()
    made = _entries(RecordScope.WORLD, gender, distance, progression(_timed(**event), time=_TIME))
    for nationality in nationalities:
        RecordEntry.objects.filter(scope=RecordScope.NATIONAL, gender=gender, distance_m=distance,
                                   nationality=nationality).delete()  # fmt: skip
        steps = progression(_timed(nationality=nationality, **event), time=_TIME)
        made += _entries(RecordScope.NATIONAL, gender, distance, steps, nationality=nationality)
    for rink_id in rink_ids:
        RecordEntry.objects.filter(
            scope=RecordScope.TRACK, gender=gender, distance_m=distance, rink_id=rink_id
        ).delete()
        steps = progression(_timed(race__competition__rink_id=rink_id, **event), time=_TIME)
        made += _entries(RecordScope.TRACK, gender, distance, steps, rink_id=rink_id)
    RecordEntry.objects.bulk_create(made, batch_size=5000)


def _starts(**filters):
    rows = (
        Result.objects.filter(COUNTED, **filters)
        .order_by("skater_id", "race__distance_m", "race__date", "race_id")
        .values_list(*START_FIELDS)
    )
    for skater, race, day, division, status, rank, time_ms, distance, result_id, season in rows.iterator(
        chunk_size=20000
    ):
        yield Start(skater_id=skater, race_id=race, date=day, division=division, status=status, rank=rank,
                    time_ms=time_ms, distance_m=distance, result_id=result_id, season=season)  # fmt: skip


def _skater_facts(starts_by_key, genders):
    """PersonalBest, SeasonBest, StreakSummary and StreakEnd rows for groups of one skater's starts on one distance."""
    bests, season_bests, summaries, ends = [], [], [], []
    for (skater, distance), starts in starts_by_key.items():
        timed = [s for s in starts if s.status == "FIN" and s.time_ms]
        if timed:
            best = min(timed, key=lambda s: s.time_ms)  # the earliest of equal times
            bests.append(PersonalBest(skater_id=skater, gender=genders[skater], distance_m=distance,
                                      result_id=best.result_id, time_ms=best.time_ms, date=best.date))  # fmt: skip
        of_season = {}
        for start in timed:  # in date order: the earliest of equal times stays
            if start.season not in of_season or start.time_ms < of_season[start.season].time_ms:
                of_season[start.season] = start
        for season, best in of_season.items():
            season_bests.append(SeasonBest(skater_id=skater, season=season, gender=genders[skater],
                                           distance_m=distance, result_id=best.result_id, time_ms=best.time_ms,
                                           date=best.date))  # fmt: skip
        current, longest = streaks(starts)
        if longest:
            summaries.append(StreakSummary(skater_id=skater, distance_m=distance, current=current, longest=longest))
        for start, length, _ in ended_streaks({skater: starts}):
            ends.append(StreakEnd(skater_id=skater, distance_m=distance, result_id=start.result_id,
                                  race_id=start.race_id, date=start.date, length=length))  # fmt: skip
    return bests, season_bests, summaries, ends


def _refresh_skaters(skater_ids, distance):
    from results.models import Skater

    grouped = defaultdict(list)
    for start in _starts(skater_id__in=skater_ids, race__distance_m=distance):
        grouped[(start.skater_id, distance)].append(start)
    genders = dict(Skater.objects.filter(id__in=skater_ids).values_list("id", "gender"))
    for model in SKATER_FACTS:
        model.objects.filter(skater_id__in=skater_ids, distance_m=distance).delete()
    for model, made in zip(SKATER_FACTS, _skater_facts(grouped, genders), strict=True):
        model.objects.bulk_create(made, batch_size=5000)


@transaction.atomic
def recompute_all():
    """Every derived fact from scratch, in a few full passes over the results."""
    from results.models import Skater

    for model in (RecordEntry, *SKATER_FACTS, AdelskalenderEntry):
        model.objects.all().delete()
    by_key = defaultdict(list)
    for row in _timed().iterator(chunk_size=20000):
        _, _, _, gender, distance, nationality, rink_id = row
        by_key[(RecordScope.WORLD, gender, distance, "", None)].append(row)
        by_key[(RecordScope.NATIONAL, gender, distance, nationality, None)].append(row)
        by_key[(RecordScope.TRACK, gender, distance, "", rink_id)].append(row)
    made = []
    for (scope, gender, distance, nationality, rink_id), rows in by_key.items():
        made += _entries(
            scope, gender, distance, progression(rows, time=_TIME), nationality=nationality, rink_id=rink_id
        )
    RecordEntry.objects.bulk_create(made, batch_size=5000)
    del by_key, made

    genders = dict(Skater.objects.values_list("id", "gender"))
    made = [[] for _ in SKATER_FACTS]
    # _starts() comes ordered by skater and distance: one group at a time keeps memory small
    for key, group in groupby(_starts(), key=lambda start: (start.skater_id, start.distance_m)):
        for rows, new_rows in zip(made, _skater_facts({key: list(group)}, genders), strict=True):
            rows += new_rows
    for model, rows in zip(SKATER_FACTS, made, strict=True):
        model.objects.bulk_create(rows, batch_size=5000)
    _refresh_adelskalender()
    Rival.objects.all().delete()
    entries = Result.objects.filter(PUBLISHED_ENTRIES).values_list("race_id", "skater_id")
    _store_rivals(most_met(entries.iterator(chunk_size=20000), RIVALS))
    WinnerAge.objects.all().delete()
    WinnerAge.objects.bulk_create(_winner_ages(), batch_size=5000)


def _winner_ages(**filters):
    """WinnerAge rows: each event's youngest and oldest winner (no division or A) as they were set, in date order."""
    rows = (
        Result.objects.filter(SETTLED_RESULT, rank=1, race__division__in=["", "A"], skater__birth_date__isnull=False,
                              **filters)
        .order_by("race__date", "race_id")
        .values_list("id", "race__date", "race__gender", "race__distance_m", "race__kind", "skater__birth_date")
    )  # fmt: skip
    wins = (
        (id, day, (gender, distance, kind), born)
        for id, day, gender, distance, kind, born in rows.iterator(chunk_size=20000)
    )
    return [
        WinnerAge(
            gender=gender, distance_m=distance, kind=kind, extreme=extreme, result_id=result_id, date=day, age=age
        )
        for extreme, result_id, day, (gender, distance, kind), age in winner_age_steps(wins)
    ]


def snapshot():
    """Every stored derived fact as comparable plain data (for tests and checks)."""
    return {
        "records": sorted(
            RecordEntry.objects.values_list(
                "scope", "gender", "distance_m", "nationality", "rink_id", "result_id", "time_ms", "date", "current"
            )
        ),  # fmt: skip
        "bests": sorted(PersonalBest.objects.values_list("skater_id", "distance_m", "result_id", "time_ms")),
        "season_bests": sorted(
            SeasonBest.objects.values_list("skater_id", "season", "gender", "distance_m", "result_id", "time_ms")
        ),
        "streaks": sorted(StreakSummary.objects.values_list("skater_id", "distance_m", "current", "longest")),
        "ends": sorted(StreakEnd.objects.values_list("skater_id", "distance_m", "result_id", "length")),
        "adelskalender": sorted(AdelskalenderEntry.objects.values_list("skater_id", "gender", "points")),
        "rivals": sorted(Rival.objects.values_list("skater_id", "rival_id", "meetings")),
        "winner_ages": sorted(
            WinnerAge.objects.values_list("gender", "distance_m", "kind", "extreme", "result_id", "date", "age")
        ),
    }
