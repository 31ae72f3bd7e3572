"""Read results sheets and skater registers (CSV, the formats in DESIGN.md) into the database.

A sheet is checked whole before anything is written: every bad row is reported
as `file:line: reason`, and a sheet with any bad row writes nothing. Importing
the same sheet again changes nothing. Skaters are matched by name (earlier
names and spellings included, accents ignored), preferring the same nationality.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from results.models import (
    DISTANCES,
    RaceKind,
    Status,
    fold,
)
from results.sport import plausibility, timing
from results.sport.formats import SHEET_COLUMNS
from results.sport.race_ranks import rank_contradictions

TEAM_PURSUIT_DISTANCES = {"F": 2400, "M": 3200}


class SheetError(Exception):
    """A sheet that cannot be imported; `problems` lists every `file:line: reason`. An upload form may say what it
    keeps for the next try (`kept`: the names of files read without a problem; `keep`: the form's initial values
    that carry them)."""

    def __init__(self, problems, kept=(), keep=None):
        super().__init__("\n".join(problems))
        self.problems = problems
        self.kept, self.keep = list(kept), keep or {}


@dataclass(frozen=True)
class SheetRow:
    line: int
    competition: str
    season: int
    venue: str
    city: str
    country_of_venue: str
    date: date
    gender: str
    distance_m: int
    kind: str
    division: str
    rank: int | None
    skater: str
    nationality: str
    time_ms: int | None
    pair: int | None
    lane: str
    status: str
    source: str
    team: str = ""  # the IOC code of a team pursuit team (then `skater` is empty)
    points: int | None = None  # mass start: sprint points in all
    laps: int | None = None
    sprints: str = ""  # mass start: the points of each sprint, comma-separated
    tenths: bool = False  # the time was written in tenths (hand timing): `18:04.8`
    file: str = ""  # the sheet or PDF the row comes from: problems and previews name it with the line
    start_number: str = ""  # an official PDF's start number: one skater's at the whole meeting

    @property
    def where(self):
        return f"{self.file}:{self.line}"

    @property
    def race_key(self):
        return (self.competition, self.season, self.gender, self.distance_m, self.kind, self.division, self.date)


def name_key(name):
    """How names are compared: case and accents ignored, spaces folded."""
    return " ".join(fold(name).split())


def csv_rows(text, filename, columns):
    """(line, row) of a CSV with these columns, separated by commas or (as Dutch Excel saves it) semicolons."""
    text = text.lstrip("\ufeff")
    header = text.split("\n", 1)[0]
    reader = csv.DictReader(io.StringIO(text), delimiter=";" if header.count(";") > header.count(",") else ",")
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise SheetError([f"{filename}:1: missing column(s): {', '.join(missing)}"])
    for row in reader:
        if None in row or any(value is None for value in row.values()):
            yield reader.line_num, None
        else:
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items()}


def _parse_row(raw, line, filename=""):
    """One sheet row as a SheetRow, or a list of reasons why it is bad."""
    reasons = [f"{column} contains a NUL character" for column, value in raw.items() if "\x00" in str(value)]

    def need(column):
        if not raw[column]:
            reasons.append(f"{column} is empty")
        return raw[column]

    team = raw.get("team") is True
    for column in ("competition", "venue", "city") if team else ("competition", "venue", "city", "skater"):
        need(column)
    try:
        day = date.fromisoformat(raw["date"])
    except ValueError:
        day = None
        reasons.append(f"date '{raw['date']}' is not an ISO date (YYYY-MM-DD)")
    try:
        season = timing.parse_season(raw["season"])
        if day and timing.season_of(day) != season:
            reasons.append(f"season {raw['season']} does not contain the date {day}")
    except ValueError as error:
        season = None
        reasons.append(str(error))
    if raw["gender"] not in ("F", "M"):
        reasons.append(f"gender '{raw['gender']}' is not F or M")
    kind, distance = RaceKind.INDIVIDUAL, None
    if raw["distance_m"].lower() == "mass start":
        kind, distance = RaceKind.MASS_START, 6400
    elif raw["distance_m"].lower() == "team pursuit":
        kind, distance = RaceKind.TEAM_PURSUIT, TEAM_PURSUIT_DISTANCES.get(raw["gender"], 3200)
    elif raw["distance_m"].isdigit() and int(raw["distance_m"]) in DISTANCES:
        distance = int(raw["distance_m"])
    else:
        reasons.append(f"distance '{raw['distance_m']}' is not one of {', '.join(map(str, DISTANCES))} or mass start")
    if raw["division"] not in ("", "A", "B"):
        reasons.append(f"division '{raw['division']}' is not A, B or empty")
    for column in ("nationality", "country_of_venue"):
        if not (len(raw[column]) == 3 and raw[column].isalpha() and raw[column].isupper()):
            reasons.append(f"{column} '{raw[column]}' is not a three-letter IOC code")
    status = raw["status"].upper() or Status.FINISHED
    if status not in Status.values or (raw["status"] and status == Status.FINISHED):
        reasons.append(f"status '{raw['status']}' is not empty or one of DNS, DNF, DQ, WDR, NYS (to skate)")
        return reasons
    time_ms = None
    if raw["time"]:
        try:
            time_ms = timing.parse_time(raw["time"])
        except timing.TimeFormatError as error:
            reasons.append(f"time: {error}")
    rank = pair = None
    for column in ("rank", "pair"):
        if raw[column] and not (raw[column].isdigit() and int(raw[column]) > 0):
            reasons.append(f"{column} '{raw[column]}' is not a positive whole number")
    if raw["rank"].isdigit():
        rank = int(raw["rank"])
    if raw["pair"].isdigit():
        pair = int(raw["pair"])
    if raw["lane"] not in ("", "inner", "outer"):
        reasons.append(f"lane '{raw['lane']}' is not inner, outer or empty")
    extras = {}
    for column in ("points", "laps"):
        value = str(raw.get(column) or "")
        if value and not value.isdigit():
            reasons.append(f"{column} '{value}' is not a whole number")
        extras[column] = int(value) if value.isdigit() else None
    if status == Status.FINISHED and time_ms is None and rank is None and not raw["status"]:
        if pair is None:
            reasons.append("a finisher needs a time or a rank (a start list row without them needs its pair)")
        status = Status.NOT_SKATED  # a start list: drawn in a pair, not skated yet
    if status != Status.FINISHED and rank is not None and not team:  # a team keeps its official place when it fell
        reasons.append(f"a skater with status {status} cannot have a rank")
    if status != Status.FINISHED and time_ms is not None:
        reasons.append(f"a skater with status {status} cannot have a time")
    if reasons:
        return reasons
    return SheetRow(
        line=line, competition=raw["competition"], season=season, venue=raw["venue"], city=raw["city"],
        country_of_venue=raw["country_of_venue"], date=day, gender=raw["gender"], distance_m=distance,
        kind=kind, division=raw["division"], rank=rank, skater=raw["skater"],
        nationality=raw["nationality"], time_ms=time_ms, pair=pair, lane=raw["lane"], status=status,
        source=raw["source"], team=raw["nationality"] if team else "", sprints=raw.get("sprints") or "",
        tenths=timing.in_tenths(raw["time"]), file=filename, start_number=raw.get("start_number") or "", **extras,
    )  # fmt: skip


def _race_problems(rows):
    """(line, reason) for problems only visible across the rows of one race."""
    problems = []
    seen = {}
    for row in rows:
        key = row.team or name_key(row.skater)
        if key in seen:
            problems.append((row.line, f"{row.skater} is already in this race (line {seen[key]})"))
        seen[key] = row.line
    for row in rows:
        if row.kind == RaceKind.INDIVIDUAL and row.status == Status.FINISHED:
            if reason := plausibility.impossible(row.time_ms, gender=row.gender, distance_m=row.distance_m):
                problems.append((row.line, reason))
    by_line = {row.line: row for row in rows}
    if rows[0].kind == RaceKind.MASS_START:
        return problems  # ranked by sprint points, then by the finish: a better rank may have a slower time
    finishers = [(row.line, row.rank, row.time_ms) for row in rows if row.rank is not None and row.time_ms is not None]
    for line, other in rank_contradictions(finishers):
        worse, better = by_line[line], by_line[other]
        if worse.rank == better.rank:
            problems.append((line, f"shares rank {worse.rank} with line {other} but has another time"))
        else:
            problems.append(
                (
                    line,
                    f"rank {worse.rank} in {timing.format_time(worse.time_ms, thousandths=True)} contradicts "
                    f"rank {better.rank} in {timing.format_time(better.time_ms, thousandths=True)} (line {other})",
                )
            )
    return problems


def read_sheet(text, filename="sheet"):
    """Check a whole sheet; return its rows, or raise SheetError naming every bad row."""
    return check_rows(csv_rows(text, filename, SHEET_COLUMNS), filename)


def check_rows(raw_rows, filename):
    """Check (line, row) pairs in the sheet's columns, from a CSV or an official PDF, as one sheet."""
    problems, rows = [], []
    for line, raw in raw_rows:
        if raw is None:
            problems.append((line, f"the row does not have {len(SHEET_COLUMNS)} fields"))
            continue
        parsed = _parse_row(raw, line, filename)
        if isinstance(parsed, list):
            problems.extend((line, reason) for reason in parsed)
        else:
            rows.append(parsed)
    by_race = defaultdict(list)
    for row in rows:
        by_race[row.race_key].append(row)
    for race_rows in by_race.values():
        problems.extend(_race_problems(race_rows))
    if not rows and not problems:
        problems.append((1, "the sheet has no rows"))
    if problems:
        raise SheetError([f"{filename}:{line}: {reason}" for line, reason in sorted(problems)])
    return rows
