"""Ranks of a race: the official rank where a sheet gave one, else computed.

A computed rank is 1 + the number of finishers strictly better, so equals share
a rank and the next rank skips (1, 2, 2, 4). Better means faster; in a mass
start, more points, then the finishing order (the time). Non-finishers have no rank, except a team's official
place: a team pursuit team that fell is still placed (8th, DNF) by the result sheet.
"""

from results.sport.statuses import FINISHED
from results.sport.timing import hundredths


def standing(result, mass_start):
    if mass_start:
        return (-(result.points or 0), result.time_ms if result.time_ms is not None else float("inf"))
    return (result.time_ms,)


def computed_ranks(results, mass_start=False):
    """Set `rank` on each result in place; returns the results whose rank changed."""
    scores = sorted(
        standing(r, mass_start) for r in results if r.status == FINISHED and (r.time_ms is not None or mass_start)
    )
    changed = []
    for result in results:
        if result.status != FINISHED:
            rank = result.rank if result.rank_is_official and getattr(result, "team", "") else None
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


def rank_contradictions(finishers):
    """Where ranks and times disagree. finishers: (key, rank, time_ms) of the finishers with both known. Returns
    (key, other key) for each neighbour in rank order that has a better rank and a slower time, or shares a rank
    with another time (to the hundredth). Equal times with different ranks agree: official ranks may have been
    split by thousandths that were not printed."""
    ranked = sorted(finishers, key=lambda finisher: (finisher[1], finisher[2]))
    found = []
    for better, worse in zip(ranked, ranked[1:], strict=False):
        if better[1] < worse[1] and better[2] > worse[2]:
            found.append((worse[0], better[0]))
        elif better[1] == worse[1] and hundredths(better[2]) != hundredths(worse[2]):
            found.append((worse[0], better[0]))
    return found
