"""Results as sheets again: CSV in the import format (so export → import changes nothing) and JSON.

Only an official rank is written; a computed rank is left out and computed again
on import. Text cells that a spreadsheet would run as a formula are escaped.
"""

import csv
import io

from results.models import RaceKind, Status
from results.sport import timing
from results.sport.formats import SHEET_COLUMNS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise spreadsheet formula injection: '=HYPERLINK(…)' is written as \"'=HYPERLINK(…)\"."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def sheet_row(result):
    race, competition = result.race, result.race.competition
    return {
        "competition": competition.name,
        "season": timing.season_label(competition.season),
        "venue": competition.rink.name,
        "city": competition.rink.city,
        "country_of_venue": competition.rink.country,
        "date": race.date.isoformat(),
        "gender": race.gender,
        "distance_m": "mass start" if race.kind == RaceKind.MASS_START else race.distance_m,
        "division": race.division,
        "rank": result.rank if result.rank_is_official else "",
        "skater": result.competitor,
        "nationality": result.nationality or (result.skater.nationality if result.skater else result.team),
        "time": timing.format_measured(result.time_ms, tenths=result.time_in_tenths),
        "pair": result.pair or "",
        "lane": result.lane,
        "status": "" if result.status == Status.FINISHED else result.status,
        "source": result.source,
    }


def as_csv(results):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SHEET_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        if result.skater_id:  # the sheet format has no teams: team results are in the JSON export
            writer.writerow({key: safe_cell(value) for key, value in sheet_row(result).items()})
    return out.getvalue()


def as_json(results):
    rows = []
    for result in results:
        row = sheet_row(result)
        row["time_ms"] = result.time_ms
        row["rank"] = result.rank
        row["rank_is_official"] = result.rank_is_official
        row["skater_slug"] = result.skater.slug if result.skater else None
        row["team"] = result.team
        row["members"] = [member.skater.name for member in result.members.all()]
        rows.append(row)
    return {"columns": SHEET_COLUMNS, "results": rows}
