"""Records as held in this database: personal records, season bests and track records.

A marker goes to a time that beats every earlier time held (on earlier days)
for the same skater on the distance (PR), in the same season (SB), or for the
rink (TR). A time that only equals the record is not a new record, and a first
time with nothing earlier to beat gets no marker: the history held is often
incomplete, so only an improvement on a known time is claimed.
"""

PR, SB, TR, NR, WR = "PR", "SB", "TR", "NR", "WR"  # the markers' codes (what they say: results/display/markers.py)


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


def mark_race(race, lines, starts, rink_record_before, national_records_before=None, world_records=()):
    """Set markers on a race's lines; the track record (and each national record) goes to the best time only.
    world_records: the ids of the results that are entries of the official world-record list."""
    season = race.competition.season
    for line in lines:
        if line.finished:
            line.markers = markers_for(race, season, line.time_ms, starts.get(line.skater.id, []))
            if line.result.id in world_records:
                line.markers = [WR, *line.markers]
    national_records_before = national_records_before or {}
    for nationality, record in national_records_before.items():
        timed = [line for line in lines if line.finished and line.time_ms and line.nationality == nationality]
        if timed:
            best = min(timed, key=lambda line: line.time_ms)
            if best.time_ms < record:
                best.markers = [*best.markers, NR]
    timed = [line for line in lines if line.finished and line.time_ms]
    if timed and rink_record_before is not None:
        best = min(timed, key=lambda line: line.time_ms)
        if best.time_ms < rink_record_before:
            best.markers = [TR, *best.markers]


def progression(performances, time=lambda performance: performance.time_ms):
    """The performances that set a record, in date order: each strictly faster than all before it.

    performances must be in date order; equal times do not take the record.
    """
    record, holders = None, []
    for performance in performances:
        if record is None or time(performance) < record:
            record = time(performance)
            holders.append(performance)
    return holders
