"""Read an official ISU result PDF (made by SCG Visual) into results-sheet rows.

The text layer of some of these PDFs has lost the spaces between words (`JuttaLEERDAM`) and some print a long
name or a lane over two lines, so the page is read as characters with positions (pdfplumber): words are split by
the gaps between characters, each word is placed in the column whose header it sits under, and each line of the
table belongs to the skater whose start number is on it or above it. Footnote marks printed small after a name
or a status (`TRENTINI` + F, `DQ` + T25) are left out.

`read_pdf` refuses anything that is not an ISU result (another document, a scan without text, an encrypted or
broken file, a start list, a file over 10 MB or 20 pages) with PdfRefused, whose message says which and why.
"""

import io
import re
import time
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from datetime import time as datetime_time

import pdfplumber
from django_countries import countries
from pdfminer.pdfparser import PDFSyntaxError

from results.sport import timing
from results.sport.names import is_family_word, written_name

MAX_BYTES = 10 * 1024 * 1024
MAX_PAGES = 20
MAX_SECONDS = 30
SMALLEST_TEXT = 7  # points: lanes are printed at 8, footnote marks at 6
WORD_GAP = 1.5  # points between characters that make a space even where the PDF has none

TITLE = re.compile(
    r"^(?P<number>\d+)\.\s*RESULT\s+(?:(?P<round>1st|2nd)\s+)?(?:(?P<distance>\d+)m|(?P<kind>Mass Start|Team Pursuit))"
    r"\s+(?P<gender>Women|Men)(?P<division>\s+Division\s+B)?\s*$",
    re.IGNORECASE,
)
WORLD_CUP = re.compile(r"WORLD CUP\s*#\s*(\d+)", re.IGNORECASE)
# "Thialf - Heerenveen (NED)", "Olympic Hall - Vikingskipet - Hamar (Nor)": the city is the last part, the rink all
# before it (the rinks know such names: fixtures/rinks.csv)
VENUE = re.compile(r"^(?P<venue>.+)\s+-\s+(?P<city>[^(]+?)\s*\((?P<country>[A-Za-z]{3})\)")
DAY = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})")
# the meeting's days after the venue: "/ 05 - 07 Dec 2025", "/ 28 Nov - 01 Dec 2025", "/ 30 Dec 2025 - 02 Jan 2026"
MEETING_DAYS = re.compile(
    r"/\s*(?P<first>\d{1,2})(?:\s+(?P<first_month>[A-Za-z]{3,}))?(?:\s+(?P<first_year>\d{4}))?"
    r"(?:\s*-\s*(?P<last>\d{1,2}))?\s+(?P<month>[A-Za-z]{3,})\s+(?P<year>\d{4})\s*$"
)
CONDITIONS = re.compile(
    r"^(?P<moment>Start|Interval|End)\s+(?P<clock>\d{1,2}:\d{2}(?:\s*[AP]M)?)\s+(?P<air>-?\d+[.,]\d)\S*\s+"
    r"(?P<humidity>\d+[.,]\d)\S*\s+(?P<ice>-?\d+[.,]\d)",
    re.IGNORECASE,
)
OFFICIALS = re.compile(r"Referee:\s*(?P<referee>.+?\([A-Z]{3}\))\s*/\s*Starter:\s*(?P<starter>.+?\([A-Z]{3}\))")
TIME_CELL = re.compile(r"^(\d{1,2}:)?\d{1,2}\.\d{2}(\(\d\))?$")
STATUSES = ("DNF", "DNS", "DQ", "WDR")
TEAM_NAMES = {"REPUBLIC OF KOREA": "KOR", "UNITED STATES": "USA"}  # ISU names django-countries does not know

INDIVIDUAL_COLUMNS = ("Rnk", "Nr", "Name", "Ctry", "pair", "lane", "Time", "Behind", "Points")
MASS_START_COLUMNS = ("Rnk", "Nr", "Name", "Country", "Laps", "S1", "S2", "S3", "S4", "Total", "Time", "Points")
TEAM_COLUMNS = ("Rnk", "Nr", "Name", "Race", "Straight", "Time", "Behind", "Points")


class PdfRefused(Exception):
    """A file that is not an ISU result PDF this site can read; the message says which file and why."""


@dataclass
class OfficialRow:
    line: int
    rank: str = ""
    start_number: str = ""
    name: str = ""
    nationality: str = ""
    pair: str = ""
    lane: str = ""
    time: str = ""
    status: str = ""
    laps: str = ""
    sprints: list = field(default_factory=list)
    points: str = ""


@dataclass
class OfficialSheet:
    filename: str
    competition: str
    season: int
    venue: str
    city: str
    country: str
    number: int
    kind: str
    distance: str
    gender: str
    division: str
    date: date
    rows: list
    start_time: datetime_time | None = None
    conditions: dict = field(default_factory=dict)
    referee: str = ""
    starter: str = ""
    meeting_days: tuple | None = None  # (first, last) day of the meeting as the header prints them

    @property
    def race_details(self):
        """What the sheet says of the race beyond its results (Race fields)."""
        return {"number": self.number, "start_time": self.start_time, "conditions": self.conditions,
                "referee": self.referee, "starter": self.starter}  # fmt: skip

    def to_payload(self):
        """Plain data (for a signed form field between preview and confirm); from_payload reads it back."""
        data = asdict(self)
        data["date"] = self.date.isoformat()
        data["start_time"] = self.start_time.isoformat() if self.start_time else None
        data["meeting_days"] = [day.isoformat() for day in self.meeting_days] if self.meeting_days else None
        return data

    @classmethod
    def from_payload(cls, data):
        data = {**data, "date": date.fromisoformat(data["date"]), "rows": [OfficialRow(**r) for r in data["rows"]]}
        data["start_time"] = datetime_time.fromisoformat(data["start_time"]) if data["start_time"] else None
        days = data.get("meeting_days")
        data["meeting_days"] = tuple(date.fromisoformat(day) for day in days) if days else None
        return cls(**data)

    def date_problem(self):
        """Why the race's day cannot be right ("" when it can): outside the meeting's printed days."""
        if self.meeting_days is None or self.meeting_days[0] <= self.date <= self.meeting_days[1]:
            return ""
        first, last = (f"{day.day} {day:%B %Y}" for day in self.meeting_days)
        return (f"{self.filename}: the race's day, {self.date.day} {self.date:%B %Y}, is outside the meeting's "
                f"printed days ({first} to {last}); is the date misread?")  # fmt: skip

    def sheet_rows(self):
        """The rows in the results-sheet format (results/imports/sheets.py checks them as it checks a CSV)."""
        for row in self.rows:
            yield row.line, {
                "competition": self.competition, "season": timing.season_label(self.season), "venue": self.venue,
                "city": self.city, "country_of_venue": self.country, "date": self.date.isoformat(),
                "gender": self.gender, "distance_m": self.distance, "division": self.division,
                "rank": row.rank, "skater": row.name, "nationality": row.nationality, "time": row.time,
                "pair": row.pair, "lane": row.lane, "status": row.status,
                "source": f"official ISU result PDF {self.filename} (SCGVisual.com / www.isuresults.eu)",
                "team": self.kind == "team-pursuit", "points": row.points, "laps": row.laps,
                "sprints": ",".join(row.sprints) if any(row.sprints) else "", "start_number": row.start_number,
            }  # fmt: skip


def read_pdf(data, filename):
    """An OfficialSheet from the bytes of one ISU result PDF, or PdfRefused."""
    if len(data) > MAX_BYTES:
        raise PdfRefused(f"{filename}: the file is over 10 MB; an ISU result PDF is far smaller.")
    if not data.startswith(b"%PDF"):
        raise PdfRefused(f"{filename}: this is not a PDF file.")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise PdfRefused(f"{filename}: the PDF has {len(pdf.pages)} pages; a result sheet has at most 20.")
            return _read_pages(pdf.pages, filename)
    except (PdfRefused, MemoryError, RecursionError):  # the bounds are the reader's (results/imports/pdf_reader.py)
        raise
    except (PDFSyntaxError, ValueError, TypeError, KeyError, AttributeError) as error:
        raise PdfRefused(f"{filename}: the PDF cannot be read ({type(error).__name__}); is it damaged?") from error
    except Exception as error:  # pdfplumber wraps pdfminer's errors: PDFPasswordIncorrect for an encrypted file
        causes = (error, error.__cause__, error.__context__, *error.args)
        bound = next((cause for cause in causes if isinstance(cause, MemoryError | RecursionError)), None)
        if bound is not None:
            raise bound from error
        if any("Password" in type(cause).__name__ for cause in causes):
            raise PdfRefused(f"{filename}: the PDF is encrypted; upload the file as the ISU published it.") from error
        raise PdfRefused(f"{filename}: the PDF cannot be read ({type(error).__name__}); is it damaged?") from error


def _read_pages(pages, filename):
    deadline = time.monotonic() + MAX_SECONDS
    texts, tables = [], []
    for page in pages:
        if time.monotonic() > deadline:
            raise PdfRefused(f"{filename}: reading took over {MAX_SECONDS} s; the file is not a plain result sheet.")
        page = page.filter(lambda obj: obj.get("object_type") != "char" or obj.get("size", 0) >= SMALLEST_TEXT)
        texts.append(page.extract_text(x_tolerance=WORD_GAP) or "")
        tables.append(page.extract_words(x_tolerance=WORD_GAP))
    text = "\n".join(texts)
    if not text.strip():
        raise PdfRefused(f"{filename}: the PDF has no text (a scanned page?); only the ISU's own PDFs can be read.")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    header = _header(lines, filename)
    header["rows"] = _rows(tables, header["kind"], filename)
    header.update(_footer(lines))
    return OfficialSheet(filename=filename, **header)


def _header(lines, filename):
    if not any("ISU" in line for line in lines[:3]):
        raise PdfRefused(f"{filename}: this is not an ISU result PDF (its first lines do not name the ISU).")
    title_at = next((i for i, line in enumerate(lines[:8]) if TITLE.match(line)), None)
    if title_at is None:
        if any("START" in line.upper().replace(" ", "") and "LIST" in line.upper() for line in lines[:8]):
            raise PdfRefused(f"{filename}: this is a start list, not a result; upload the result PDF.")
        raise PdfRefused(f"{filename}: no race title such as '3. RESULT 1000m Women' at the top of the first page.")
    title = TITLE.match(lines[title_at])
    venue = next((VENUE.match(line) for line in lines[:title_at] if VENUE.match(line)), None)
    day = DAY.search(lines[title_at + 1]) if title_at + 1 < len(lines) else None
    if venue is None or day is None:
        raise PdfRefused(f"{filename}: the header does not give the venue and the day of the race.")
    try:
        raced = datetime.strptime(" ".join(day.groups()), "%d %B %Y").date()
    except ValueError as error:
        raise PdfRefused(f"{filename}: '{day.group(0)}' is not a date.") from error
    season = timing.season_of(raced)
    city = venue["city"].strip()
    venue_line = next(line for line in lines[:title_at] if VENUE.match(line))
    world_cup = next((WORLD_CUP.search(line) for line in lines[:title_at] if WORLD_CUP.search(line)), None)
    if world_cup:
        competition = f"{timing.season_slug(season)} ISU Speed Skating World Cup {world_cup[1]} ({city})"
    else:
        competition = f"{timing.season_slug(season)} {lines[0].title()}"
    kind = {"mass start": "mass-start", "team pursuit": "team-pursuit"}.get((title["kind"] or "").lower(), "individual")
    return {
        "competition": competition, "season": season, "venue": venue["venue"].strip(), "city": city,
        "country": venue["country"].upper(), "number": int(title["number"]), "kind": kind,
        "distance": title["distance"] or {"mass-start": "mass start", "team-pursuit": "team pursuit"}[kind],
        "gender": "F" if title["gender"].lower() == "women" else "M", "division": "B" if title["division"] else "A",
        "date": raced, "meeting_days": _meeting_days(venue_line),
    }  # fmt: skip


def _meeting_days(line):
    """(first, last) day of the meeting printed after the venue, or None when the line does not give them."""
    found = MEETING_DAYS.search(line)
    if not found:
        return None
    try:
        last = datetime.strptime(f"{found['last'] or found['first']} {found['month'][:3]} {found['year']}", "%d %b %Y")
        first = datetime.strptime(
            f"{found['first']} {(found['first_month'] or found['month'])[:3]} {found['first_year'] or found['year']}",
            "%d %b %Y",
        )
    except ValueError:
        return None
    return first.date(), last.date()


def _footer(lines):
    found = {"conditions": {}}
    for line in lines:
        conditions = CONDITIONS.match(line)
        if conditions:
            moment = conditions["moment"].lower()
            found["conditions"][moment] = {
                "time": _clock(conditions["clock"]),
                "air": float(conditions["air"].replace(",", ".")),
                "humidity": float(conditions["humidity"].replace(",", ".")),
                "ice": float(conditions["ice"].replace(",", ".")),
            }
            if moment == "start":
                found["start_time"] = datetime_time.fromisoformat(found["conditions"]["start"]["time"])
        officials = OFFICIALS.search(line)
        if officials:
            found["referee"], found["starter"] = _official(officials["referee"]), _official(officials["starter"])
    return found


def _official(printed):
    """An official's name as printed, with the spaces that some PDFs put inside a family name closed up: the
    footer is spaced wider than the table, so 'ZW ITSER' (a fragment of up to three capitals) is 'ZWITSER'."""
    words = printed.split()
    joined = []
    for word in words:
        if joined and is_family_word(joined[-1]) and is_family_word(word) and len(joined[-1]) <= 3 and word[0] != "(":
            joined[-1] += word
        else:
            joined.append(word)
    return " ".join(joined)


def _clock(text):
    text = text.strip().upper()
    if text.endswith("M"):
        return datetime.strptime(text.replace(" ", ""), "%I:%M%p").strftime("%H:%M")
    hours, minutes = text.split(":")
    return f"{int(hours):02d}:{minutes}"


def _header_words(words):
    rank = next((w for w in words if w["text"] == "Rnk"), None)
    if rank is None:
        return None, []
    return rank, sorted((w for w in words if abs(w["top"] - rank["top"]) < 3), key=lambda w: w["x0"])


def _columns(header, kind):
    """Each column of the table with the span of its header: {name: (x0, x1)}."""
    expected = {"individual": INDIVIDUAL_COLUMNS, "mass-start": MASS_START_COLUMNS}.get(kind, TEAM_COLUMNS)
    spans = {}
    for word in header:
        for name in expected:
            if word["text"].lower().startswith(name.lower()) and name not in spans:
                spans[name] = (word["x0"], word["x1"])
                break
    return spans


def _rows(tables, kind, filename):
    rows = []
    for words in tables:
        rank_header, header = _header_words(words)
        if rank_header is None:
            continue
        spans = _columns(header, kind)
        if "Nr" not in spans or "Name" not in spans:
            raise PdfRefused(f"{filename}: the results table has no 'Nr' and 'Name' columns.")
        end = min((w["top"] for w in words if w["text"].startswith(("Referee", "Conditions", "Created"))), default=1e9)
        body = [w for w in words if rank_header["top"] + 3 < w["top"] < end - 1]
        nr_x0, nr_x1 = spans["Nr"]
        anchors = sorted(
            w["top"] for w in body
            if w["text"].isdigit() and nr_x0 - 12 <= (w["x0"] + w["x1"]) / 2 <= nr_x1 + 12
        )  # fmt: skip
        for i, top in enumerate(anchors):
            below = anchors[i + 1] - 3 if i + 1 < len(anchors) else end
            cells = [w for w in body if top - 3 <= w["top"] < below]
            rows.append(_row(cells, spans, kind, len(rows) + 1))
    if not rows:
        raise PdfRefused(f"{filename}: no result rows were found under the 'Rnk Nr Name' header.")
    return rows


def _column_of(word, spans, name_end):
    centre = (word["x0"] + word["x1"]) / 2
    if centre < spans["Nr"][0] - 8:
        return "Rnk"
    if word["x1"] <= spans["Name"][0]:
        return "Nr"
    if word["x0"] >= spans["Name"][0] - 3 and word["x1"] <= name_end:
        return "Name"
    right = [(name, x0, x1) for name, (x0, x1) in spans.items() if x0 >= spans["Name"][1]]
    return min(right, key=lambda column: abs(centre - (column[1] + column[2]) / 2))[0]


def _row(cells, spans, kind, line):
    country_column = spans.get("Ctry") or spans.get("Country")
    if country_column:
        centre = (country_column[0] + country_column[1]) / 2
        codes = [
            w for w in cells if re.fullmatch(r"[A-Z]{3}", w["text"]) and abs((w["x0"] + w["x1"]) / 2 - centre) < 30
        ]
        name_end = min((w["x0"] for w in codes), default=country_column[0]) - 1
    else:
        codes, team_column = [], min(x0 for name, (x0, _) in spans.items() if x0 > spans["Name"][1])
        name_end = team_column - 5
    by_column = {}
    for word in sorted(cells, key=lambda w: (round(w["top"]), w["x0"])):
        if word in codes:
            by_column.setdefault("Country", []).append(word)
            continue
        by_column.setdefault(_column_of(word, spans, name_end), []).append(word)

    def text(column, joiner=" "):
        return joiner.join(w["text"] for w in by_column.get(column, []))

    name = re.sub(r"-\s+", "-", text("Name"))
    row = OfficialRow(line=line, rank=text("Rnk"), start_number=text("Nr"))
    if kind == "team-pursuit":
        row.nationality = team_code(name)
        row.name = row.nationality
        row.pair = text("Race")
    else:
        row.nationality = text("Country")
        row.name = written_name(name, row.nationality)
        row.pair = text("pair")
        lane = text("lane", joiner="")
        row.lane = "inner" if lane.startswith("I") else "outer" if lane.startswith("O") else ""
    cell = text("Time")
    status = next((s for s in STATUSES if cell.startswith(s)), "")
    if kind == "mass-start":
        row.laps = text("Laps")
        row.sprints = [text(f"S{n}") for n in range(1, 5)]
        row.points = text("Total")
    if status:
        row.status, row.time = status, ""
        if kind != "team-pursuit":  # a team keeps its official place when it fell (8, DNF)
            row.rank = ""
        if status == "WDR":
            row.pair = row.lane = ""  # a withdrawn skater's drawn slot may be skated by a reserve
    elif TIME_CELL.match(cell):
        row.time = re.sub(r"\((\d)\)$", r"\1", cell)
    return row


def team_code(printed):
    """'REPUBLIC OF KOREA' → 'KOR': the IOC code of a team printed by its country's name."""
    name = " ".join(printed.split()).upper()
    if name in TEAM_NAMES:
        return TEAM_NAMES[name]
    code = countries.by_name(name.title())
    return countries.ioc_code(code) if code else name
