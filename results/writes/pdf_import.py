"""Official ISU result PDFs into the database, through the same checks and the same write as a results sheet.

Several PDFs are read and checked together and written in one transaction: all or nothing. Two PDFs of the same
race (a signed re-publication, a copy) count once: the one named later wins, and the summary says so.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from results.imports.isu_pdf import PdfRefused
from results.imports.pdf_reader import read_bounded, reader_count
from results.imports.sheets import SheetError, check_rows
from results.writes.sheet_import import import_rows


@dataclass
class ReadPdfs:
    rows: list = field(default_factory=list)
    race_details: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)  # sentences for the editor: replaced duplicates


def read_pdfs(files, jobs=1):
    """files: [(name, bytes)]. Returns ReadPdfs, or raises SheetError naming every file that cannot be used.

    Each PDF is read in a reader process of its own, within bounds of memory and time (results/imports/pdf_reader.py);
    reading one costs about half a second of CPU, so several are read at once: as many as asked, and as the cores
    and the free memory allow."""
    readers = reader_count(jobs, len(files))
    with ThreadPoolExecutor(max_workers=readers) as pool:
        read = [reading.outcome for reading in pool.map(lambda file: read_bounded(file[1], file[0]), files)]
    problems = [str(one) for one in read if isinstance(one, PdfRefused)]
    sheets = [one for one in read if not isinstance(one, PdfRefused)]
    if problems:
        raise SheetError(problems)
    return checked(sheets)


def checked(sheets):
    """The rows of read OfficialSheets, checked as one sheet each; of two sheets of one race, the later counts."""
    by_race, problems, read = {}, [], ReadPdfs()
    for sheet in sheets:
        race = (sheet.competition, sheet.date, sheet.gender, sheet.distance, sheet.division)
        replaced = by_race[race][1] + [by_race[race][0].filename] if race in by_race else []
        by_race[race] = (sheet, replaced)
    for sheet, replaced in by_race.values():
        if sheet.date_problem():
            problems.append(sheet.date_problem())
            continue
        try:
            rows = check_rows(sheet.sheet_rows(), sheet.filename)
        except SheetError as error:
            problems.extend(error.problems)
            continue
        read.rows.extend(rows)
        read.race_details[rows[0].race_key] = sheet.race_details
        if replaced:
            read.notes.append(f"{', '.join(replaced)}: the same race as {sheet.filename}, which is used.")
    if problems:
        raise SheetError(problems)
    return read


def import_pdfs(files, dry_run=False, by=None, publish=True, jobs=1, records_confirmed=False):
    """Read, check and write PDFs ([(name, bytes)]): (ImportSummary, notes), or SheetError with nothing written.
    A time that would be a new world record is written only when records_confirmed (someone has looked at it)."""
    read = read_pdfs(files, jobs=jobs)
    return write(read, dry_run=dry_run, by=by, publish=publish, records_confirmed=records_confirmed), read.notes


def write(read, dry_run=False, by=None, publish=True, records_confirmed=False):
    return import_rows(
        read.rows, dry_run=dry_run, by=by, note="official PDF import", publish=publish,
        race_details=read.race_details, records_confirmed=records_confirmed,
    )  # fmt: skip
