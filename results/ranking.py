"""Ranks of a race: the official rank where a sheet gave one, else computed from the times.

A computed rank is 1 + the number of finishers strictly faster, so equal times
share a rank and the next rank skips (1, 2, 2, 4). Non-finishers have no rank.
"""

from results.models import Result, Status


def computed_ranks(results):
    """Set `rank` on each result in place; returns the results whose rank changed."""
    times = sorted(r.time_ms for r in results if r.status == Status.FINISHED and r.time_ms is not None)
    changed = []
    for result in results:
        if result.status != Status.FINISHED:
            rank = None
        elif result.rank_is_official:
            rank = result.rank
        elif result.time_ms is None:
            rank = None
        else:
            rank = 1 + sum(1 for t in times if t < result.time_ms)
        if rank != result.rank:
            result.rank = rank
            changed.append(result)
    return changed


def rerank_races(race_ids):
    """Recompute the ranks of these races in one read and one bulk write."""
    by_race = {}
    for result in Result.objects.filter(race_id__in=race_ids).only(
        "id", "race_id", "status", "time_ms", "rank", "rank_is_official"
    ):
        by_race.setdefault(result.race_id, []).append(result)
    changed = [r for results in by_race.values() for r in computed_ranks(results)]
    Result.objects.bulk_update(changed, ["rank"], batch_size=1000)
    return len(changed)
