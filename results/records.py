"""Records as held in this database: personal records, season bests and track records.

A marker goes to a time that beats every earlier time held (on earlier days)
for the same skater on the distance (PR), in the same season (SB), or for the
rink (TR). A time that only equals the record is not a new record, and a first
time with nothing earlier to beat gets no marker: the history held is often
incomplete, so only an improvement on a known time is claimed.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Marker:
    code: str
    title: str


PR = Marker("PR", _("personal record, as held in this database"))
SB = Marker("SB", _("season best, as held in this database"))
TR = Marker("TR", _("track record, as held in this database"))


def markers_for(race, season, time_ms, earlier_starts):
    """PR and SB markers for one time, given the skater's earlier starts on the distance."""
    if time_ms is None:
        return []
    earlier = [s for s in earlier_starts if s.date < race.date and s.status == "FIN" and s.time_ms]
    found = []
    if earlier and time_ms < min(s.time_ms for s in earlier):
        found.append(PR)
    this_season = [s for s in earlier if s.season == season]
    if this_season and time_ms < min(s.time_ms for s in this_season):
        found.append(SB)
    return found


def mark_race(race, lines, history, rink_record_before):
    """Set markers on a race's lines; the track record goes to the race's best time only."""
    season = race.competition.season
    for line in lines:
        if line.finished:
            line.markers = markers_for(race, season, line.time_ms, history.get(line.skater.id, []))
    timed = [line for line in lines if line.finished and line.time_ms]
    if timed and rink_record_before is not None:
        best = min(timed, key=lambda line: line.time_ms)
        if best.time_ms < rink_record_before:
            best.markers = [TR, *best.markers]
