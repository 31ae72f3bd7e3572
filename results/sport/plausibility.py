"""Whether a time is plausible for its race, before anybody believes it: the rules every intake asks (the race-day
entry screen first). A doubt is a sentence saying how the time was read and why it looks wrong; it never refuses a
time by itself (falls, hand timing and new records happen), it makes a person confirm it once.

The doubts:
- faster than the fastest time ever skated on the distance (a new world record, or a mistyped time);
- more than half again as slow as that (`116.20` on a women's 1000 m reads as 1:56.20);
- far behind the race's leader (more than a fifth of the leader's time);
- in tenths on a race whose other times are in hundredths (`1.16,2` for `1.16,20`?);
- seconds alone where minutes were probably meant (`1.14` on a 1000 m is 1.14 seconds).

Sheets and official PDFs, which no one confirms pair by pair, refuse a time that is `impossible`: far faster than
anyone ever skated the distance.
"""

from results.sport.timing import format_gap, format_measured

# The fastest time skated on each distance when this table was written (the world records at the end of 2025, and
# the seed results faster than them), per gender: {distance in m: ms}. A faster time is a doubt, not an error.
FASTEST = {
    "M": {500: 33_610, 1000: 65_370, 1500: 100_170, 3000: 217_280, 5000: 360_230, 10000: 748_050},
    "F": {500: 36_090, 1000: 71_610, 1500: 109_840, 3000: 232_020, 5000: 399_020, 10000: 828_330},
}
SLOWEST_FACTOR = 1.5  # half again the fastest time: slower than anyone who did not fall or stop
IMPOSSIBLE_FACTOR = 0.9  # a tenth faster than the fastest time ever: another distance, or a misread time
BEHIND_LEADER_FACTOR = 0.2  # a fifth of the leader's time: 14 s on a 1000 m


def fastest_skated(gender, distance_m):
    """The fastest time skated on the distance (ms), or None where no table is kept (mass start, team events)."""
    return FASTEST.get(gender, {}).get(distance_m)


def impossible(time_ms, *, gender, distance_m):
    """Why a time cannot be a finish on this distance (far faster than anyone ever skated it: a women's 3000 m of
    1:14.39 is a 1000 m, a 1000 m won in 9.00 a misread), or "" when it can. Sheets and PDFs refuse such a time;
    the entry screen, where a person typed it, asks about it (it is faster than the fastest, a doubt)."""
    fastest = fastest_skated(gender, distance_m)
    if time_ms is None or not fastest or time_ms >= fastest * IMPOSSIBLE_FACTOR:
        return ""
    return (f"{format_measured(time_ms)} cannot be a finish on this distance: the fastest time ever skated on it is "
            f"{format_measured(fastest)}; is the distance or the time misread?")  # fmt: skip


def new_world_record(time_ms, *, gender, distance_m, held_ms=None):
    """The sentence naming a time that would become a world record (faster than the fastest time ever skated, and
    than the best the site holds, `held_ms`), or "". An import names it and writes it only when a person confirms
    it: a record is believed once someone has looked."""
    known = [ms for ms in (fastest_skated(gender, distance_m), held_ms) if ms]
    if time_ms is None or not known or time_ms >= min(known):
        return ""
    return f"would be a new world record: {format_measured(time_ms)}, faster than {format_measured(min(known))}"


def doubts(time_ms, *, gender, distance_m, typed="", tenths=False, leader_ms=None, race_in_hundredths=False):
    """The reasons to doubt a finisher's time, as sentences (empty when it is plausible). `typed` is the text as
    written, `leader_ms` the race's best time so far (from others), `race_in_hundredths` whether the race's other
    times were measured to the hundredth."""
    if time_ms is None:
        return []
    read = format_measured(time_ms, tenths=tenths)
    found = []
    fastest = fastest_skated(gender, distance_m)
    if fastest and time_ms < fastest:
        found.append(
            f"{read} is faster than the fastest time ever skated on this distance ({format_measured(fastest)})."
        )
        if distance_m >= 1000 and time_ms < 60_000 and ":" not in typed and typed.count(".") + typed.count(",") == 1:
            found.append(f"'{typed}' reads as {read} seconds; minutes and seconds are written 1:14.20 or 1.14,20.")
    elif fastest and time_ms > fastest * SLOWEST_FACTOR:
        found.append(
            f"{read} is more than half again as slow as the fastest time on this distance ({format_measured(fastest)})."
        )
    if leader_ms and time_ms - leader_ms > leader_ms * BEHIND_LEADER_FACTOR:
        found.append(
            f"{read} is {format_gap(time_ms - leader_ms)[1:]} s behind the leader ({format_measured(leader_ms)})."
        )
    if tenths and race_in_hundredths:
        found.append(f"{read} is in tenths, but this race is timed to the hundredth.")
    return found
