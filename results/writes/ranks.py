"""Ranks written back to the database after a race's results change (the rule: results/sport/race_ranks.py)."""

from results.models import Race, RaceKind, Result
from results.sport.race_ranks import computed_ranks


def rerank_races(race_ids):
    """Recompute the ranks of these races in one read and one bulk write."""
    by_race = {}
    for result in Result.objects.filter(race_id__in=race_ids).only(
        "id", "race_id", "status", "time_ms", "points", "rank", "rank_is_official", "team"
    ):
        by_race.setdefault(result.race_id, []).append(result)
    mass_starts = set(Race.objects.filter(id__in=race_ids, kind=RaceKind.MASS_START).values_list("id", flat=True))
    changed = [r for race_id, results in by_race.items() for r in computed_ranks(results, race_id in mass_starts)]
    Result.objects.bulk_update(changed, ["rank"], batch_size=1000)
    return len(changed)
