"""Ranks of a race: the official rank where a sheet gave one, else computed.

A computed rank is 1 + the number of finishers strictly better, so equals share
a rank and the next rank skips (1, 2, 2, 4). Better means faster; in a mass
start, more points, then the finishing order (the time). Non-finishers have no rank.
"""

from results.models import Race, RaceKind, Result, Status


def standing(result, mass_start):
    if mass_start:
        return (-(result.points or 0), result.time_ms if result.time_ms is not None else float("inf"))
    return (result.time_ms,)


def computed_ranks(results, mass_start=False):
    """Set `rank` on each result in place; returns the results whose rank changed."""
    scores = sorted(
        standing(r, mass_start)
        for r in results
        if r.status == Status.FINISHED and (r.time_ms is not None or mass_start)
    )
    changed = []
    for result in results:
        if result.status != Status.FINISHED:
            rank = None
        elif result.rank_is_official:
            rank = result.rank
        elif result.time_ms is None and not mass_start:
            rank = None
        else:
            score = standing(result, mass_start)
            rank = 1 + sum(1 for s in scores if s < score)
        if rank != result.rank:
            result.rank = rank
            changed.append(result)
    return changed


def rerank_races(race_ids):
    """Recompute the ranks of these races in one read and one bulk write."""
    by_race = {}
    for result in Result.objects.filter(race_id__in=race_ids).only(
        "id", "race_id", "status", "time_ms", "points", "rank", "rank_is_official"
    ):
        by_race.setdefault(result.race_id, []).append(result)
    mass_starts = set(Race.objects.filter(id__in=race_ids, kind=RaceKind.MASS_START).values_list("id", flat=True))
    changed = [r for race_id, results in by_race.items() for r in computed_ranks(results, race_id in mass_starts)]
    Result.objects.bulk_update(changed, ["rank"], batch_size=1000)
    return len(changed)
