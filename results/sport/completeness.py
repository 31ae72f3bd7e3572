"""Whether a race's rows make a complete field, judged from the rows alone.

Most published results this site holds are partial: a podium, a few places,
places without times. A field counts as complete only when nothing shows a
gap: every finisher has a time and a pair, the ranks are exactly those the
times give, and the pairs are full (a start slot left empty must be explained
by a skater who withdrew or did not start). A race still being skated (a
starter without a time or a status) is not complete yet. Editors can correct
the flag.
"""

from collections import Counter

from results.sport.statuses import FINISHED, NOT_SKATED


def looks_complete(rows):
    """rows: (rank, time_ms, status, pair) tuples of one race."""
    if not rows or any(status == NOT_SKATED for _, _, status, _ in rows):
        return False
    rows = [(rank, time, status == FINISHED, pair) for rank, time, status, pair in rows]
    finishers = [r for r in rows if r[2]]
    if not finishers or any(time is None or pair is None for _, time, _, pair in finishers):
        return False
    times = sorted(time for _, time, _, _ in finishers)
    for rank, time, _, _ in finishers:
        if rank != 1 + sum(1 for t in times if t < time):
            return False
    per_pair = Counter(pair for _, _, _, pair in rows if pair is not None)
    if sorted(per_pair) != list(range(1, max(per_pair) + 1)):
        return False
    slots = 4 if max(per_pair.values()) > 2 else 2
    unexplained = sum(slots - n for p, n in per_pair.items() if p != 1)
    if slots == 4:
        # quartet heats are drawn with three skaters when the field does not divide by four
        unexplained = sum(1 for p, n in per_pair.items() if p != 1 and n < 3)
    unpaired_non_starters = sum(1 for _, _, finished, pair in rows if pair is None and not finished)
    return unexplained <= unpaired_non_starters
