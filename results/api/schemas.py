"""The API's v1 shapes. A field is never renamed or removed in v1 (tests/test_api.py holds the schema to
docs/api-changes.md)."""

from datetime import date
from typing import Literal

from ninja import Schema

# the precision a time was measured in: hand timing in tenths, the boards' hundredths, thousandths where taken
Precision = Literal["tenths", "hundredths", "thousandths"]


class RinkOut(Schema):
    slug: str
    name: str
    city: str
    country: str


class CompetitionOut(Schema):
    slug: str
    name: str
    season: str
    start_date: date
    end_date: date
    rink: RinkOut
    url: str


class RaceOut(Schema):
    slug: str
    title: str
    date: date
    gender: str
    distance_m: int
    kind: str
    division: str
    round: int | None
    field_complete: bool
    provisional: bool
    url: str


class CompetitionDetail(CompetitionOut):
    races: list[RaceOut]


class SkaterRef(Schema):
    slug: str
    name: str


class ResultOut(Schema):
    rank: int | None
    skater: SkaterRef | None
    team: str | None
    nationality: str
    pair: int | None
    lane: str | None
    time_ms: int | None
    time: str | None
    precision: Precision | None
    gap_ms: int | None
    gap: str | None
    status: str
    markers: list[str]
    points: int | None


class RaceDetail(RaceOut):
    competition: SkaterRef
    results: list[ResultOut]
    conditions: dict
    referee: str
    starter: str


class SkaterOut(Schema):
    slug: str
    name: str
    nationality: str
    gender: str
    birth_date: date | None
    url: str


class BestOut(Schema):
    distance_m: int
    distance: str
    time_ms: int
    time: str
    precision: Precision
    date: date
    competition: str
    race_url: str


class SkaterDetail(SkaterOut):
    other_names: list[str]
    personal_records: list[BestOut]
    season_bests: dict[str, list[BestOut]]


class CareerResultOut(Schema):
    date: date
    competition: str
    distance_m: int
    distance: str
    division: str
    rank: int | None
    status: str
    time_ms: int | None
    time: str | None
    precision: Precision | None
    race_url: str


class MeetingSide(Schema):
    rank: int | None
    status: str
    time_ms: int | None
    time: str | None
    precision: Precision | None


class MeetingOut(Schema):
    date: date
    race_url: str
    distance: str
    a: MeetingSide
    b: MeetingSide
    winner: str | None


class HeadToHeadOut(Schema):
    a: SkaterOut
    b: SkaterOut
    a_wins: int
    b_wins: int
    undecided: int
    meetings: list[MeetingOut]


class RecordOut(Schema):
    scope: str
    gender: str
    distance_m: int
    nationality: str
    time_ms: int
    time: str
    precision: Precision
    date: date
    skater: SkaterRef
    race_url: str


class RankingRow(Schema):
    rank: int
    skater: SkaterRef
    nationality: str
    time_ms: int
    time: str
    precision: Precision
    date: date
    race_url: str


class DistanceTime(Schema):
    distance_m: int
    time_ms: int
    time: str
    precision: Precision


class AdelskalenderRow(Schema):
    rank: int
    skater: SkaterRef
    nationality: str
    points: str
    points_thousandths: int
    times: list[DistanceTime]


class WorldCupRow(Schema):
    rank: int
    skater: SkaterRef
    nationality: str
    points: int
    races: list[int]


class MedalRow(Schema):
    nation: str
    gold: int
    silver: int
    bronze: int
    total: int


class OlympicMedals(Schema):
    games: int | None
    table: list[MedalRow]
    events_not_held: dict[str, int]  # Games' year → speed-skating events not held here (so not counted)


class Problem(Schema):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
