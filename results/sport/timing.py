"""Pure rules of long-track timing, with no Django in them.

Times are integers in milliseconds. Pages show them truncated (never rounded)
to hundredths, in Dutch (`1.14,44`, `37,05`) or international (`1:14.44`,
`37.05`) notation, with thousandths only where they decide a tie. A time
measured in tenths (hand timing, before electronic timing) is shown in tenths:
`18:04.8`, `43.4` (Dutch `18.04,8`, `43,4`), never `18:04.80`.
"""

import re
from datetime import date

from results.sport.statuses import DNF, DNS, DQ, FINISHED, NOT_SKATED, WDR

NOTATIONS = ("nl", "en")

_DUTCH = re.compile(r"^(?:(\d{1,2})\.)?(\d{1,2}),(\d{1,3})$")
_INTERNATIONAL = re.compile(r"^(?:(\d{1,2}):)?(\d{1,2})[.,](\d{1,3})$")  # 1:14,20 too (a Dutch keyboard)
_PLAIN = re.compile(r"^(\d{1,4})(?:\.(\d{1,3}))?$")


class TimeFormatError(ValueError):
    """A time that cannot be read; the message says why, for a person to read."""


def parse_time(text):
    """Read a time in any accepted notation and return whole milliseconds.

    Accepted: `1.14,44` and `37,05` (Dutch), `1:14.44` and `37.05`
    (international), `74.44` (plain seconds), each with or without thousandths.
    """
    if text is None or not str(text).strip():
        raise TimeFormatError("The time is empty.")
    text = str(text).strip()
    if text.startswith("-"):
        raise TimeFormatError(f"'{text}' is negative; a time must be positive.")
    match = _DUTCH.match(text) or _INTERNATIONAL.match(text)
    if match:
        minutes, seconds, fraction = match.groups()
        if minutes is not None and len(seconds) != 2:
            raise TimeFormatError(f"'{text}': after the minutes, seconds need two digits.")
    else:
        plain = _PLAIN.match(text)
        if not plain:
            raise TimeFormatError(f"'{text}' is not a time: write it as 1:14.44, 1.14,44, 37.05, 37,05 or 74.44.")
        minutes, (seconds, fraction) = None, plain.groups()
        fraction = fraction or ""
    if minutes is not None and int(seconds) >= 60:
        raise TimeFormatError(f"'{text}' has {seconds} seconds; there are only 59 in a minute.")
    millis = int(fraction.ljust(3, "0")) if fraction else 0
    total = (int(minutes or 0) * 60 + int(seconds)) * 1000 + millis
    if total <= 0:
        raise TimeFormatError(f"'{text}' is zero; a time must be positive.")
    return total


def in_tenths(text):
    """Whether a time as written was measured in tenths: `18:04.8`, `43,4` (one digit after the decimal sign)."""
    match = re.search(r"[.,](\d+)$", str(text or "").strip())
    return bool(match) and len(match.group(1)) == 1


def format_time(ms, notation="en", thousandths=False, tenths=False):
    """Show a time truncated to hundredths (or thousandths, or tenths for a time measured in tenths).

    59.999 s shows as 59.99, never 1:00.00: digits are cut, not rounded.
    """
    if ms is None:
        return ""
    if notation not in NOTATIONS:
        raise ValueError(f"unknown notation {notation!r}")
    minutes, rest = divmod(ms, 60_000)
    seconds, millis = divmod(rest, 1000)
    fraction = f"{millis // 100}" if tenths else f"{millis:03d}" if thousandths else f"{millis // 10:02d}"
    decimal, separator = (",", ".") if notation == "nl" else (".", ":")
    if minutes:
        return f"{minutes}{separator}{seconds:02d}{decimal}{fraction}"
    return f"{seconds}{decimal}{fraction}"


def precision_of(ms, tenths=False):
    """The precision a time was measured in: "tenths" (hand timing), "thousandths" (where they were taken) or
    "hundredths"; None for no time."""
    if ms is None:
        return None
    return "tenths" if tenths else "thousandths" if ms % 10 else "hundredths"


def format_measured(ms, notation="en", tenths=False):
    """A time in the precision it was measured: tenths, hundredths, or the thousandths where they were taken
    (for exports, the API and editors: what was entered comes back as entered)."""
    if ms is None:
        return ""
    return format_time(ms, notation, thousandths=precision_of(ms, tenths) == "thousandths", tenths=tenths)


def format_at_most(ms, notation="en"):
    """The slowest time that does (a time needed): in hundredths when every time shown so does, else to the
    thousandth (1:14.221 when 1:14.222 would not do)."""
    return format_time(ms, notation, thousandths=ms % 10 != 9)


def format_gap(ms, notation="en", tenths=False):
    """A gap behind the winner, as `+0.44` or `+0,44` (or `+1:02.10`; `+3.0` between times in tenths)."""
    if ms is None:
        return ""
    return "+" + format_time(ms, notation, tenths=tenths)


def hundredths(ms):
    """The time as a timing board shows it: truncated to hundredths (in ms)."""
    return ms - ms % 10


def ties_needing_thousandths(times):
    """The times whose hundredths equal another, different, time's hundredths.

    Only for these does the page print the thousandths: 1:45.006 and 1:45.009
    both show 1:45.00, so the thousandths say who was faster.
    """
    by_hundredths = {}
    for ms in times:
        if ms is not None:
            by_hundredths.setdefault(hundredths(ms), set()).add(ms)
    return {ms for group in by_hundredths.values() if len(group) > 1 for ms in group}


def rank_with_ties(values):
    """Competition ranking of values, smaller is better: 1, 2, 2, 4.

    Returns the ranks in the order of the values given; None stays unranked.
    """
    ranked = sorted(v for v in values if v is not None)
    first_place = {}
    for position, value in enumerate(ranked, start=1):
        first_place.setdefault(value, position)
    return [None if v is None else first_place[v] for v in values]


def samalog_points(ms, distance_m):
    """Samalog points in thousandths of a point (an exact integer).

    Seconds divided by (distance / 500), truncated to three decimals:
    1000 m in 1:14.44 gives 37220 (37.220); 10000 m in 13:04.67 gives 39233.
    """
    if distance_m <= 0:
        raise ValueError("distance must be positive")
    return (ms * 500) // distance_m


def format_points(thousandths, notation="en"):
    text = f"{thousandths // 1000}.{thousandths % 1000:03d}"
    return text.replace(".", ",") if notation == "nl" else text


def season_of(day: date):
    """The season a date belongs to, as its start year: 1 July to 30 June."""
    return day.year if day.month >= 7 else day.year - 1


def season_label(start_year):
    """`2023/24` for the season that starts in 2023."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def season_slug(start_year):
    """`2023-24` for URLs."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


_SEASON = re.compile(r"^(\d{4})[/-](\d{2}|\d{4})$")


def parse_season(text):
    """Read `2023/24`, `2023-24` or `2023/2024` as a start year.

    A bare end year (`2024`, as some official sources name a season) is read
    as the season that ends in it, 2023/24.
    """
    text = (text or "").strip()
    if re.fullmatch(r"\d{4}", text):
        return int(text) - 1
    match = _SEASON.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a season: write it as 2023/24.")
    start, end = int(match.group(1)), match.group(2)
    if int(end) % 100 != (start + 1) % 100:
        raise ValueError(f"'{text}' is not a season: the years must follow each other.")
    return start


def age_on(birth_date, day):
    """Whole years of age on a day."""
    if birth_date is None or day is None:
        return None
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def winner_age_steps(wins):
    """Each time an event's youngest or oldest winner was set: wins are (result, day, event, birth date) in date
    order; yields (extreme, result, day, event, age) with extreme "youngest" or "oldest". An equal age sets
    nothing: the earlier winner holds it."""
    youngest, oldest = {}, {}
    for result, day, event, born in wins:
        age = age_on(born, day)
        if age < youngest.get(event, age + 1):
            youngest[event] = age
            yield "youngest", result, day, event, age
        if age > oldest.get(event, age - 1):
            oldest[event] = age
            yield "oldest", result, day, event, age


TYPED_STATUSES = (WDR, DNF, DQ, DNS)


def read_entry(text):
    """What an editor typed in a race-day field: a time in any notation, one of the statuses, or nothing (not
    skated yet). Returns (status, time in ms or None, measured in tenths); raises TimeFormatError."""
    text = str(text or "").strip()
    if not text:
        return NOT_SKATED, None, False
    if text.upper() in TYPED_STATUSES:
        return text.upper(), None, False
    try:
        return FINISHED, parse_time(text), in_tenths(text)
    except TimeFormatError as error:
        raise TimeFormatError(f"{error} Or type one of {', '.join(TYPED_STATUSES)}.") from None
