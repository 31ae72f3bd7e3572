"""Read a skater register (CSV: skater, nationality, gender, birth_date, other_names, source): every row checked,
every problem named as `file:line: reason`; `other_names` (separated by ' | ') are the other names and spellings
the skater raced under."""

from datetime import date

from results.imports.sheets import SheetError, csv_rows

REGISTER_COLUMNS = ["skater", "nationality", "gender", "birth_date", "other_names", "source"]


def read_register(text, filename="register"):
    """Check a skater register; return its rows as dicts, or raise SheetError."""
    problems, rows = [], []
    for line, raw in csv_rows(text, filename, REGISTER_COLUMNS):
        if raw is None:
            problems.append(f"{filename}:{line}: the row does not have {len(REGISTER_COLUMNS)} fields")
            continue
        if not raw["skater"]:
            problems.append(f"{filename}:{line}: skater is empty")
        if raw["gender"] not in ("F", "M"):
            problems.append(f"{filename}:{line}: gender '{raw['gender']}' is not F or M")
        if not (len(raw["nationality"]) == 3 and raw["nationality"].isalpha()):
            problems.append(f"{filename}:{line}: nationality '{raw['nationality']}' is not a three-letter IOC code")
        birth_date = None
        if raw["birth_date"]:
            try:
                birth_date = date.fromisoformat(raw["birth_date"])
            except ValueError:
                problems.append(f"{filename}:{line}: birth_date '{raw['birth_date']}' is not an ISO date")
        other_names = [n.strip() for n in raw["other_names"].split("|") if n.strip()]
        rows.append({**raw, "line": line, "birth_date": birth_date, "other_names": other_names})
    if problems:
        raise SheetError(problems)
    return rows
