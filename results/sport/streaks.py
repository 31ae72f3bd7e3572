"""Win streaks: a skater's consecutive wins on one distance, in date order.

Counted are first places in races without divisions or in division A; races
in division B are left out entirely. A race the skater did not enter, withdrew
from (WDR), did not start (DNS) or has not skated yet does not break a streak; a finished race that
is not a win, a DNF or a DQ does. Partial fields are read as held: a skater
whose row is missing from a race did not, as far as we know, race it.
"""

from dataclasses import dataclass
from typing import NamedTuple

from results.sport.statuses import DECIDE_NOTHING


class Start(NamedTuple):
    """One skater's row in one race, with what streaks, records and stories need of the race (a tuple: a race
    page reads a few hundred)."""

    skater_id: int
    race_id: int
    date: object
    division: str
    status: str
    rank: int | None
    time_ms: int | None = None
    competition: str = ""
    city: str = ""
    rink_id: int | None = None
    season: int | None = None
    distance_m: int | None = None
    result_id: int | None = None

    @property
    def won(self):
        return self.status == "FIN" and self.rank == 1

    @property
    def counts_for_streaks(self):
        return self.division in ("", "A")


@dataclass
class StreakState:
    length: int = 0
    started_after: Start | None = None  # the last start before the streak that was not a win


def streak_before(starts, race_id):
    """The run of wins a skater brought into a race, and the defeat before it.

    starts: one skater's starts on one distance, in date order.
    """
    state = StreakState()
    for start in starts:
        if start.race_id == race_id:
            return state
        _advance(state, start)
    return state


def _advance(state, start):
    if not start.counts_for_streaks or start.status in DECIDE_NOTHING:
        return
    if start.won:
        state.length += 1
    else:
        state.length = 0
        state.started_after = start


def streaks(starts):
    """(current, longest) run of wins over one skater's starts on one distance, in date order."""
    state, longest = StreakState(), 0
    for start in starts:
        _advance(state, start)
        longest = max(longest, state.length)
    return state.length, longest


def ended_streaks(starts_by_skater, minimum=3):
    """Every start that ended a run of at least `minimum` wins: [(start, length, defeat_before)]."""
    ended = []
    for starts in starts_by_skater.values():
        state = StreakState()
        for start in starts:
            if start.counts_for_streaks and start.status not in DECIDE_NOTHING and not start.won:
                if state.length >= minimum:
                    ended.append((start, state.length, state.started_after))
            _advance(state, start)
    return ended
