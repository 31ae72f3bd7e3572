"""Head-to-head between two skaters: every race both skated (same race, so the same division).

The one ranked higher wins; a finisher beats a DNF or DQ; two non-finishers,
or a WDR or DNS on either side, decide nothing. Runs of wins count meetings
that were decided, in date order: an undecided meeting does not break a run.
"""

from dataclasses import dataclass

from django.db.models import BigIntegerField

from results import timing
from results.addresses import slug_url
from results.models import Result, Status, distance_label, short_competition_name
from results.prepared import Prepared

BREAKS = {Status.DNF, Status.DQ}


@dataclass(frozen=True, slots=True)
class Side:
    """One skater's result in a meeting."""

    status: str
    rank: int | None
    time_ms: int | None

    @property
    def finished(self):
        return self.status == Status.FINISHED

    def get_status_display(self):
        return Status(self.status).label


@dataclass(frozen=True, slots=True)
class MeetingRace:
    date: object
    distance_m: int
    kind: str
    division: str
    competition_slug: str
    slug: str
    competition_name: str

    def get_absolute_url(self):
        return slug_url("results:race", self.competition_slug, self.slug)

    def distance_label(self):
        return distance_label(self.kind, self.distance_m)

    @property
    def competition(self):
        return short_competition_name(self.competition_name)


@dataclass
class Meeting:
    race: MeetingRace
    a: Side  # the first skater's result
    b: Side
    winner: str | None  # "a", "b" or None

    @property
    def gap_ms(self):
        if self.a.time_ms and self.b.time_ms:
            return abs(timing.hundredths(self.a.time_ms) - timing.hundredths(self.b.time_ms))
        return None


def decide(a, b):
    """'a', 'b' or None for two results in the same race."""
    if Status.WDR in (a.status, b.status) or Status.DNS in (a.status, b.status):
        return None
    a_done, b_done = a.status == Status.FINISHED, b.status == Status.FINISHED
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


RACE_FIELDS = ("race__date", "race__distance_m", "race__kind", "race__division", "race__competition__slug",
               "race__slug", "race__competition__name")  # fmt: skip


def meetings_between(a, b):
    """Every published race both skaters have a result in, oldest first: one query, a row per meeting."""
    meetings = []
    for row in MEETINGS.rows(a=a.id, b=b.id):
        sa, sb = Side(*row[0:3]), Side(*row[3:6])
        meetings.append(Meeting(race=MeetingRace(*row[6:]), a=sa, b=sb, winner=decide(sa, sb)))
    return meetings


MEETINGS = Prepared(  # the head-to-head page's query (results/prepared.py): the first's rows joined to the second's
    lambda a, b: Result.objects.public()
    .filter(skater_id=a, race__results__skater_id=b)
    .filter(race_id__in=Result.objects.filter(skater_id=b).values("race_id"))  # the shared races first: 4× faster
    .order_by("race__date", "race_id")
    .values_list(
        "status", "rank", "time_ms", "race__results__status", "race__results__rank", "race__results__time_ms",
        *RACE_FIELDS,
    ),
    a=BigIntegerField(),
    b=BigIntegerField(),
)  # fmt: skip


def summary(meetings):
    """The tally overall and per distance label, and the runs of wins."""
    overall, per_distance = Tally(), {}
    for meeting in meetings:
        overall.add(meeting.winner)
        per_distance.setdefault(meeting.race.distance_label(), Tally()).add(meeting.winner)
    current_side, current, longest = runs(meetings)
    return {
        "overall": overall,
        "per_distance": per_distance,
        "current_side": current_side,
        "current": current,
        "longest": longest,
    }
