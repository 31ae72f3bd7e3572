"""The head-to-head page's read: every published race both skaters have a result in, a row per meeting, decided
by the rules in results/sport/meetings.py."""

from dataclasses import dataclass

from results.models import Result, distance_label, short_competition_name
from results.models.addresses import slug_url
from results.sport.meetings import Meeting, Side, decide


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


RACE_FIELDS = ("race__date", "race__distance_m", "race__kind", "race__division", "race__competition__slug",
               "race__slug", "race__competition__name")  # fmt: skip


def meetings_between(a, b):
    """Every published race both skaters have a result in, oldest first: one query, the first's rows joined to
    the second's."""
    rows = (
        Result.objects.public()
        .filter(skater=a, race__results__skater=b)
        .filter(race_id__in=Result.objects.filter(skater=b).values("race_id"))  # the shared races first: 4× faster
        .order_by("race__date", "race_id")
        .values_list(
            "status",
            "rank",
            "time_ms",
            "time_in_tenths",
            "race__results__status",
            "race__results__rank",
            "race__results__time_ms",
            "race__results__time_in_tenths",
            *RACE_FIELDS,
        )
    )
    meetings = []
    for row in rows:
        sa, sb = Side(*row[0:4]), Side(*row[4:8])
        meetings.append(Meeting(race=MeetingRace(*row[8:]), a=sa, b=sb, winner=decide(sa, sb)))
    return meetings
