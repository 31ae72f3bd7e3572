"""Read the world-record progressions (seeds/world-records.csv, from ../shared/data/world-records-1891-2020.csv):
every row checked, every problem named as `file:line: reason`. Writes nothing (results/writes/record_import.py).

A row is one entry of one event's progression, in the list's order: a single distance (time in the precision it
was timed: `50.8`, `1:13.60`), a combination in samalog points to three decimals, 2×500 m (the sum of two 500 m in
seconds), team pursuit, team sprint or mixed relay (a country, its skaters in `members`). Notes mark an entry that
only equalled the record, the suspension of an event (no skater, no time) and unofficial times after one.
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from results.imports.sheets import SheetError
from results.sport import timing

RECORD_COLUMNS = ["event", "gender", "distance_m", "skater", "nationality", "time", "date", "rink", "city",
                  "country_of_rink", "elevation_m", "indoor", "members", "notes", "source"]  # fmt: skip
DISTANCES = {"500m": 500, "1000m": 1000, "1500m": 1500, "3000m": 3000, "5000m": 5000, "10000m": 10000}
COMBINATIONS = {"allround big", "allround small", "allround old small", "allround mini", "sprint"}
TEAMS = {"team pursuit", "team sprint", "mixed relay"}
EVENTS = {*DISTANCES, *COMBINATIONS, "2x500m", *TEAMS}
POINTS = re.compile(r"^\d{2,3}\.\d{3}$")

# Where the list is wrong against another source in ../shared/data, the file is kept as it is and the import
# corrects the name here (tests/test_world_records.py names each correction): the name as listed → (the name, the
# source that says so).
NAME_CORRECTIONS = {
    "Kornéi Pajor": ("Kornel Pajor", "the Olympic result sheets (1948, 1952)"),
    "Niels van der Poel": ("Nils van der Poel", "the skater register and the 2022 Olympic results"),
}


class Status:
    RECORD = ""
    EQUALLED = "equalled"
    SUSPENDED = "suspended"
    UNOFFICIAL = "unofficial"


@dataclass(frozen=True)
class RecordRow:
    line: int
    event: str
    gender: str
    distance_m: int | None
    name: str  # the skater, or the country of a team
    nationality: str
    mark: int | None  # milliseconds, or thousandths of a samalog point for a combination
    decimals: int  # digits after the decimal point as listed: 1 for tenths, 2 for hundredths, 3 for thousandths
    day: date
    rink: str
    city: str
    country: str
    elevation_m: int | None
    indoor: bool | None
    members: str
    status: str
    notes: str
    corrected: str  # what the import corrected of the listed row ("" when nothing)

    @property
    def is_team(self):
        return self.event in TEAMS

    @property
    def in_points(self):
        return self.event in COMBINATIONS


def status_of(notes):
    head = notes.split(":", 1)[0].strip().lower()
    return {"equalled": Status.EQUALLED, "suspended": Status.SUSPENDED, "unofficial": Status.UNOFFICIAL}.get(head, "")


def read_mark(text, event):
    """(the mark as an integer, its decimals as listed)."""
    if event in COMBINATIONS:
        if not POINTS.match(text):
            raise ValueError(f"'{text}' is not samalog points to three decimals (160.807)")
        whole, fraction = text.split(".")
        return int(whole) * 1000 + int(fraction), 3
    ms = timing.parse_time(text)
    return ms, len(text.rsplit(".", 1)[1]) if "." in text else 0


def read_records(text, filename):
    """[RecordRow] in the file's order, or SheetError naming every bad row."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [column for column in RECORD_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise SheetError([f"{filename}:1: missing columns: {', '.join(missing)}"])
    rows, problems = [], []
    for line, raw in enumerate(reader, start=2):
        raw = {key: (value or "").strip() for key, value in raw.items() if key}
        corrected = ""
        if raw.get("skater") in NAME_CORRECTIONS:
            name, source = NAME_CORRECTIONS[raw["skater"]]
            corrected = f"'{raw['skater']}' is {name} (as {source} write him)"
            raw["skater"] = name
        try:
            rows.append(read_row(line, raw, corrected))
        except ValueError as error:
            problems.append(f"{filename}:{line}: {error}")
    if problems:
        raise SheetError(problems)
    return rows


def read_row(line, raw, corrected):
    event, gender, status = raw["event"], raw["gender"], status_of(raw["notes"])
    if event not in EVENTS:
        raise ValueError(f"event '{event}' is not one of {', '.join(sorted(EVENTS))}")
    if gender not in ("F", "M", "X") or (gender == "X") != (event == "mixed relay"):
        raise ValueError(f"gender '{gender}' does not fit the event {event} (F, M, or X for the mixed relay)")
    distance = DISTANCES.get(event)
    if raw["distance_m"] and raw["distance_m"] != str(distance):
        raise ValueError(f"distance_m '{raw['distance_m']}' is not the distance of the event {event}")
    try:
        day = date.fromisoformat(raw["date"])
    except ValueError:
        raise ValueError(f"date '{raw['date']}' is not a date (YYYY-MM-DD)") from None
    if status == Status.SUSPENDED:
        if raw["skater"] or raw["time"]:
            raise ValueError("a suspension names no skater and no time")
        mark, decimals = None, 0
    else:
        if not raw["skater"]:
            raise ValueError("no skater (or country, for a team)")
        if not re.fullmatch(r"[A-Z]{3}", raw["nationality"]):
            raise ValueError(f"nationality '{raw['nationality']}' is not a three-letter code")
        try:
            mark, decimals = read_mark(raw["time"], event)
        except timing.TimeFormatError as error:
            raise ValueError(f"time: {error}") from None
    if raw["elevation_m"] and not re.fullmatch(r"-?\d{1,4}", raw["elevation_m"]):
        raise ValueError(f"elevation_m '{raw['elevation_m']}' is not a whole number of metres")
    if raw["indoor"] not in ("yes", "no", ""):
        raise ValueError(f"indoor '{raw['indoor']}' is not yes, no or empty")
    return RecordRow(
        line=line, event=event, gender=gender, distance_m=distance, name=raw["skater"],
        nationality=raw["nationality"], mark=mark, decimals=decimals, day=day, rink=raw["rink"], city=raw["city"],
        country=raw["country_of_rink"], elevation_m=int(raw["elevation_m"]) if raw["elevation_m"] else None,
        indoor={"yes": True, "no": False}.get(raw["indoor"]), members=raw["members"], status=status,
        notes=raw["notes"], corrected=corrected,
    )  # fmt: skip
