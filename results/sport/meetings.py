"""Head-to-head between two skaters: every race both skated (same race, so the same division).

The one ranked higher wins; a finisher beats a DNF or DQ; two non-finishers,
or a WDR, a DNS or a race not skated yet on either side, decide nothing. Runs of wins count meetings
that were decided, in date order: an undecided meeting does not break a run.
"""

from dataclasses import dataclass

from results.sport import timing
from results.sport.statuses import DECIDE_NOTHING, DNF, DQ, FINISHED

BREAKS = {DNF, DQ}


@dataclass(frozen=True, slots=True)
class Side:
    """One skater's result in a meeting."""

    status: str
    rank: int | None
    time_ms: int | None
    tenths: bool = False  # the time was measured in tenths

    @property
    def finished(self):
        return self.status == FINISHED


@dataclass
class Meeting:
    race: object  # what the page shows of the race
    a: Side  # the first skater's result
    b: Side
    winner: str | None  # "a", "b" or None

    @property
    def a_won(self):
        return self.winner == "a"

    @property
    def b_won(self):
        return self.winner == "b"

    @property
    def gap_ms(self):
        if self.a.time_ms and self.b.time_ms:
            return abs(timing.hundredths(self.a.time_ms) - timing.hundredths(self.b.time_ms))
        return None


def decide(a, b):
    """'a', 'b' or None for two results in the same race."""
    if a.status in DECIDE_NOTHING or b.status in DECIDE_NOTHING:
        return None
    a_done, b_done = a.status == FINISHED, b.status == FINISHED
    if a_done and b_done:
        if a.rank and b.rank and a.rank != b.rank:
            return "a" if a.rank < b.rank else "b"
        if a.time_ms and b.time_ms and a.time_ms != b.time_ms and not (a.rank and b.rank):
            return "a" if a.time_ms < b.time_ms else "b"
        return None
    if a_done and b.status in BREAKS:
        return "a"
    if b_done and a.status in BREAKS:
        return "b"
    return None


@dataclass
class Tally:
    a: int = 0
    b: int = 0
    undecided: int = 0

    def add(self, winner):
        if winner == "a":
            self.a += 1
        elif winner == "b":
            self.b += 1
        else:
            self.undecided += 1


def runs(meetings):
    """Current run (who, length) and the longest run of each side, over decided meetings in date order."""
    current_side, current, longest = None, 0, {"a": 0, "b": 0}
    for meeting in meetings:
        if meeting.winner is None:
            continue
        current = current + 1 if meeting.winner == current_side else 1
        current_side = meeting.winner
        longest[current_side] = max(longest[current_side], current)
    return current_side, current, longest


def summary(meetings, label=lambda meeting: meeting.race.distance_label()):
    """The tally overall and per distance label, and the runs of wins."""
    overall, per_distance = Tally(), {}
    for meeting in meetings:
        overall.add(meeting.winner)
        per_distance.setdefault(label(meeting), Tally()).add(meeting.winner)
    current_side, current, longest = runs(meetings)
    return {
        "overall": overall,
        "per_distance": per_distance,
        "current_side": current_side,
        "current": current,
        "longest": longest,
    }
