"""Rows and requests the tests build: seed races named by who and where, small races of their own, admin forms,
results sheets. Every test module imports these from here, never from another test module."""

import csv
from collections import defaultdict

from results.models import Competition, Race, Result, Skater
from results.writes import path as write_path
from tests.conftest import SHEETS

BEIJING_CUP = "2023-24 ISU Speed Skating World Cup 2 (Beijing)"

BEIJING = "/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/"


def make_race(size):
    """A race of `size` results in a new competition, for query counting."""
    competition = make(Competition,
        name=f"Count Cup {size}", slug=f"count-cup-{size}", kind="other", season=2024,
        rink_id=Competition.objects.first().rink_id, start_date="2024-12-01", end_date="2024-12-01",
    )  # fmt: skip
    race = make(Race, competition=competition, date="2024-12-01", gender="F", distance_m=500)
    for n, skater in enumerate(Skater.objects.filter(gender="F")[:size]):
        make(Result, race=race, skater=skater, time_ms=38000 + n * 10, rank=n + 1, pair=n // 2 + 1)
    return race


def make_team_pursuit():
    from results.models import RaceKind, TeamMember
    from results.writes.ranks import rerank_races

    competition = Competition.objects.get(name="2023-24 ISU Speed Skating World Cup 2 (Beijing)")
    race = make(
        Race, competition=competition, date="2023-11-19", gender="F", distance_m=2400, kind=RaceKind.TEAM_PURSUIT
    )
    teams = {
        "JPN": (176000, ["Miho Takagi", "Ayano Sato"]),
        "NED": (175500, ["Antoinette Rijpma-de Jong", "Marrit Fledderus"]),
    }
    for team, (time_ms, names) in teams.items():
        result = make(Result, race=race, team=team, nationality=team, time_ms=time_ms)
        for position, name in enumerate(names, start=1):
            make(TeamMember, result=result, skater=Skater.objects.get(name=name), position=position)
    rerank_races([race.id])
    return race


def race_form(race, rows):
    data = {
        "competition": race.competition_id,
        "date": race.date.isoformat(),
        "gender": race.gender,
        "distance_m": race.distance_m,
        "kind": race.kind,
        "division": race.division,
        "round": "",
        "published": "on",
        "results-TOTAL_FORMS": len(rows),
        "results-INITIAL_FORMS": 0,
        "results-MIN_NUM_FORMS": 0,
        "results-MAX_NUM_FORMS": 1000,
    }
    for n, (pair, lane, skater, time, status) in enumerate(rows):
        data.update(
            {
                f"results-{n}-pair": pair,
                f"results-{n}-lane": lane,
                f"results-{n}-skater": skater.id,
                f"results-{n}-time_ms": time,
                f"results-{n}-status": status,
                f"results-{n}-race": race.id,
            }
        )
    return data


def skaters(*names):
    return [Skater.objects.get(name=name) for name in names]


HEADER = (
    "competition,season,venue,city,country_of_venue,date,gender,distance_m,division,rank,skater,nationality,"
    "time,pair,lane,status,source\n"
)


def sheet(*rows):
    return HEADER + "".join(row + "\n" for row in rows)


def row(rank="1", skater="Test Skater", time="1:14.44", distance="1000", status="", date="2023-11-18", pair=""):
    return f'Test Cup,2023/24,Thialf,Heerenveen,NED,{date},F,{distance},A,{rank},{skater},NED,"{time}",{pair},,{status},test'


def seed_rows():
    for path in SHEETS:
        with path.open(encoding="utf-8") as sheet:
            yield from csv.DictReader(sheet)


def races_in_sheets(*patterns):
    """The distinct races (competition, date, gender, distance, division) of the seed sheets whose names match."""
    races = set()
    for path in SHEETS:
        if any(path.match(pattern) for pattern in patterns):
            with path.open(encoding="utf-8") as sheet:
                races |= {(r["competition"], r["date"], r["gender"], r["distance_m"], r["division"])
                          for r in csv.DictReader(sheet)}  # fmt: skip
    return races


def seed_races_of(*names):
    """Races in the raw seed sheets, keyed by what makes a race, with the rows of these skaters."""
    races = defaultdict(dict)
    for row in seed_rows():
        if row["skater"] in names:
            key = (row["competition"], row["date"], row["gender"], row["distance_m"], row["division"])
            races[key][row["skater"]] = row
    return races


def beijing_a():
    return Race.objects.get(competition__name=BEIJING_CUP, division="A")


def post_race(client, race, rows, seen_version, **extra):
    data = race_form(race, [])
    data.update(
        {
            "seen_version": seen_version,
            "results-TOTAL_FORMS": len(rows),
            "results-INITIAL_FORMS": len(rows),
        }
    )
    for n, result in enumerate(rows):
        data.update(
            {
                f"results-{n}-id": result.id,
                f"results-{n}-race": race.id,
                f"results-{n}-pair": result.pair or "",
                f"results-{n}-lane": result.lane,
                f"results-{n}-skater": result.skater_id,
                f"results-{n}-time_ms": f"{result.time_ms / 1000:.3f}" if result.time_ms else "",
                f"results-{n}-status": result.status,
            }
        )
    data.update(extra)
    return client.post(f"/admin/results/race/{race.id}/change/", data)


WC3_WOMEN_500 = ("2025-26 ISU Speed Skating World Cup 3 (Heerenveen)", "F", 500, "A")


def real_race(competition, gender, distance, division):
    """The first race of this distance and division in a seeded competition."""
    races = Race.objects.filter(competition__name=competition, gender=gender, distance_m=distance, division=division)
    return races.order_by("date", "id").first()


def start_list_from(source, pairs=8, competition="Race Day Cup", day="2026-01-10"):
    """A start list made from a real race: the skaters and lanes of its first `pairs` pairs, no times, imported as
    a sheet of a new competition. Returns (the new race, {skater name: what the real race gave them, as typed})."""
    from results.sport import timing
    from results.writes.sheet_import import import_sheet

    drawn = list(source.results.filter(pair__lte=pairs).select_related("skater").order_by("pair", "lane"))
    lines = [
        f"{competition},2025/26,Thialf,Heerenveen,NED,{day},{source.gender},{source.distance_m},,,"
        f"{r.skater.name},{r.nationality},,{r.pair},{r.lane},,test"
        for r in drawn
    ]
    import_sheet(sheet(*lines), "start-list.csv")
    race = Race.objects.get(competition__name=competition, gender=source.gender, distance_m=source.distance_m)
    typed = {r.skater.name: timing.format_measured(r.time_ms) if r.time_ms else r.status for r in drawn}
    return race, typed


def make(model, **fields):
    """A row made as the site makes one: through the write path (logged, ranked, its derived facts queued)."""
    obj = model(**fields)
    write_path.save(obj)
    return obj
