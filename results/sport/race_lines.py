"""The lines of a race as the results page shows them: ranked finishers first, then the others.

Gaps are the difference of the times as shown (truncated hundredths), so
`1:14.88` behind `1:14.44` reads `+0.44`. Thousandths are shown only for the
times whose hundredths tie with another, different, time in the race.
"""

from dataclasses import dataclass, field

from results.sport import timing
from results.sport.statuses import DNF, DNS, DQ, FINISHED, NOT_SKATED, WDR

STATUS_ORDER = {DNF: 0, DQ: 1, DNS: 2, WDR: 3, NOT_SKATED: 4}


@dataclass
class Line:
    result: object
    skater: object
    rank: int | None
    time_ms: int | None
    pair: int | None
    lane: str
    nationality: str
    status: str
    age: int | None
    points: int | None = None
    team: str = ""
    members: list = field(default_factory=list)
    show_thousandths: bool = False
    tenths: bool = False  # the time (and so the gap) was measured in tenths
    split_tie: bool = False  # the same printed time as another finisher, another official rank
    gap_ms: int | None = None
    markers: list = field(default_factory=list)

    @property
    def finished(self):
        return self.status == FINISHED

    @property
    def to_skate(self):
        return self.status == NOT_SKATED


def race_lines(race, results):
    """Finishers by rank (time where unranked), then non-finishers by status, then the pairs still to skate; with
    ages and gaps."""
    finishers = sorted(
        (r for r in results if r.status == FINISHED),
        key=lambda r: (r.rank is None, r.rank or 0, r.time_ms is None, r.time_ms or 0, r.competitor),
    )
    others = sorted(
        (r for r in results if r.status != FINISHED),
        key=lambda r: (STATUS_ORDER.get(r.status, 9), r.pair or 999, r.lane != "inner", r.competitor),
    )
    tied = timing.ties_needing_thousandths([r.time_ms for r in finishers])
    ranks_by_time = {}
    for r in finishers:
        if r.time_ms is not None and r.rank is not None:
            ranks_by_time.setdefault(r.time_ms, set()).add(r.rank)
    winner = next((r.time_ms for r in finishers if r.rank == 1 and r.time_ms), None)
    lines = []
    for r in finishers + others:
        gap = None
        if winner is not None and r.time_ms is not None and r.status == FINISHED and r.rank != 1:
            gap = timing.hundredths(r.time_ms) - timing.hundredths(winner)
        lines.append(
            Line(
                result=r, skater=r.skater, rank=r.rank, time_ms=r.time_ms, pair=r.pair, lane=r.lane,
                nationality=r.nationality or (r.skater.nationality if r.skater else r.team), status=r.status,
                age=timing.age_on(r.skater.birth_date, race.date) if r.skater else None,
                show_thousandths=r.time_ms in tied, gap_ms=gap, points=r.points, team=r.team,
                tenths=r.time_in_tenths, split_tie=len(ranks_by_time.get(r.time_ms, ())) > 1,
                members=[m.skater for m in r.members.all()] if r.team else [],
            )
        )  # fmt: skip
    return lines


@dataclass(frozen=True)
class ToBeat:
    """What a skater still to start must beat: the leader's time for the lead, the third's for the podium
    (None: any finish is enough). An equal time shares the place."""

    lead: Line | None
    podium: Line | None


def time_to_beat(lines):
    """lines: a race's skated lines in rank order (race_lines)."""
    timed = [line for line in lines if line.finished and line.rank and line.time_ms]
    third = [line for line in timed if line.rank <= 3]
    return ToBeat(lead=timed[0] if timed else None, podium=third[-1] if len(third) >= 3 else None)
