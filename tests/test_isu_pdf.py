"""Official ISU result PDFs (seeds/isu-pdf, copied from ../shared/data/isu-pdf): read, checked, imported, shown.

The sheets seeds/sheets/dataset-isu-pdf-*.csv were converted from the same PDFs by another script; for every
individual race they are the answer key.
"""

import csv
import io
import re
from collections import defaultdict
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from results.imports.isu_pdf import OfficialSheet, PdfRefused, read_pdf
from results.imports.sheets import SheetError, name_key
from results.models import Race, RaceKind, Result
from results.sport.names import written_name
from results.writes.pdf_import import checked, import_pdfs, write
from tests.helpers.html import page, row_of
from tests.helpers.pdfs import make_pdf, official

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "seeds" / "isu-pdf").glob("*.pdf"))
ANSWER_KEYS = sorted((ROOT / "seeds" / "sheets").glob("dataset-isu-pdf-*.csv"))
MASS_START_HEERENVEEN = ROOT / "seeds/isu-pdf/20_result_menmassstart_a_1-ondertekend_20251207161020.pdf"
TEAM_PURSUIT_SALT_LAKE = ROOT / "seeds/isu-pdf/23_result_womenteampursuit_a-signed_20251116202424.pdf"
WOMEN_1500_B_CALGARY = ROOT / "seeds/isu-pdf/11_result_women_1500_b-signed_20251123001355.pdf"
WOMEN_1000_B_SALT_LAKE = ROOT / "seeds/isu-pdf/3_result_women_1000_b-signed_20251115174352.pdf"


def race_of(competition, day, gender, distance, division):
    return (competition, str(day), gender, str(distance), division)


def answer_key():
    races = defaultdict(set)
    for path in ANSWER_KEYS:
        for r in csv.DictReader(path.read_text(encoding="utf-8").splitlines()):
            races[race_of(r["competition"], r["date"], r["gender"], r["distance_m"], r["division"])].add(
                (r["rank"], name_key(r["skater"]), r["nationality"], r["time"], r["pair"], r["lane"], r["status"])
            )
    return races


def test_every_individual_race_pdf_gives_exactly_the_rows_of_its_converted_sheet():
    key = answer_key()
    individual = [official(path) for path in PDFS if official(path).kind == RaceKind.INDIVIDUAL]
    for sheet in individual:
        race = race_of(sheet.competition, sheet.date, sheet.gender, sheet.distance, sheet.division)
        rows = {(r.rank, name_key(r.name), r.nationality, r.time, r.pair, r.lane, r.status) for r in sheet.rows}
        assert rows == key[race], sheet.filename
    races = {race_of(s.competition, s.date, s.gender, s.distance, s.division) for s in individual}
    assert races == set(key)  # and every race of the answer key has its PDF


def test_the_header_conditions_and_officials_are_read():
    sheet = official(WOMEN_1000_B_SALT_LAKE)
    assert (sheet.competition, sheet.venue, sheet.city, sheet.country) == (
        "2025-26 ISU Speed Skating World Cup 1 (Salt Lake City)", "Utah Olympic Oval", "Salt Lake City", "USA",
    )  # fmt: skip
    assert (sheet.number, sheet.distance, sheet.gender, sheet.division, str(sheet.date)) == (
        3, "1000", "F", "B", "2025-11-14",
    )  # fmt: skip
    assert sheet.conditions["start"] == {"time": "13:00", "air": 18.7, "humidity": 24.1, "ice": -7.8}
    assert sheet.conditions["end"]["ice"] == -8.1
    assert (sheet.referee, sheet.starter) == ("Susan SANDVIG-SHOBE (USA)", "Yong-Seok OH (KOR)")
    tie = {r.name: r.time for r in sheet.rows if r.rank in ("3", "4")}
    assert tie == {"Min-Sun Kim": "1:14.661", "Kaitlyn McGregor": "1:14.663"}  # thousandths printed for the tie


@pytest.mark.parametrize(
    ("printed", "nationality", "written"),
    [
        ("Antoinette RIJPMA-DE JONG", "NED", "Antoinette Rijpma-de Jong"),
        ("Sanne IN 'T HOF", "NED", "Sanne in 't Hof"),
        ("Daan VAN DER ELST", "BEL", "Daan Van der Elst"),
        ("Kaitlyn MCGREGOR", "SUI", "Kaitlyn McGregor"),
        ("Daniele DI STEFANO", "ITA", "Daniele Di Stefano"),
        ("Gabriel GROß", "GER", "Gabriel Groß"),
        ("Connor Howe", "CAN", "Connor Howe"),
    ],
)
def test_official_names_are_written_as_the_site_writes_them(printed, nationality, written):
    assert written_name(printed, nationality) == written


@pytest.mark.django_db
def test_importing_every_pdf_over_the_seed_sheets_adds_mass_starts_and_team_pursuits_and_changes_nothing_else():
    read = checked([official(path) for path in PDFS])
    first = write(read)
    assert first.results_changed == 0  # the individual races are the seed sheets' rows exactly
    added = Result.objects.filter(race__kind__in=[RaceKind.MASS_START, RaceKind.TEAM_PURSUIT])
    assert first.results_created == added.count() > 0
    assert len(read.notes) == len(PDFS) - len(read.race_details)  # each duplicate is named
    again = write(checked([official(path) for path in PDFS]))
    assert (again.results_created, again.results_changed, again.races_changed, again.races) == (0, 0, 0, 0)


@pytest.mark.django_db
def test_a_mass_start_keeps_official_ranks_laps_and_sprint_points(client):
    write(checked([official(MASS_START_HEERENVEEN)]))
    race = Race.objects.get(
        kind=RaceKind.MASS_START, competition__name__contains="World Cup 3", gender="M", division="A"
    )
    bergsma, dyrset = (race.results.get(skater__name__startswith=name) for name in ("Jorrit", "Sigurd"))
    assert (bergsma.rank, bergsma.points, bergsma.laps, bergsma.time_ms) == (1, 63, 16, 444_960)
    assert (dyrset.rank, dyrset.laps) == (24, 10)
    response = client.get(race.get_absolute_url())
    assert row_of(response.content.decode(), "Jorrit Bergsma").startswith("1 | Jorrit Bergsma")
    assert "| 16 | 3 + 60 | 63 |" in row_of(response.content.decode(), "Jorrit Bergsma")
    text = page(response).visible_text
    assert "Frank ZWITSER (NED)" in text  # the footer's split family name closed up
    assert race.field_complete and "Incomplete field" not in text  # an official result is the whole field
    assert "faster than" not in text and "Personal records" not in text  # a mass start's time is raced for points


@pytest.mark.django_db
def test_a_team_pursuit_lists_the_countries_with_their_times(client):
    write(checked([official(TEAM_PURSUIT_SALT_LAKE)]))
    race = Race.objects.get(
        kind=RaceKind.TEAM_PURSUIT, competition__name__contains="World Cup 1", gender="F", division="A"
    )
    assert list(race.results.order_by("rank").values_list("team", "time_ms")[:3]) == [
        ("JPN", 172_130), ("CAN", 172_400), ("USA", 174_010),
    ]  # fmt: skip
    assert race.slug == "women-team-pursuit-a"
    response = client.get(race.get_absolute_url())
    assert "Women team pursuit" in page(response).visible_text
    assert row_of(response.content.decode(), "JPN").startswith("1 | JPN")


@pytest.mark.django_db
def test_the_race_page_shows_the_conditions_and_officials_in_the_page_language(client):
    write(checked([official(WOMEN_1000_B_SALT_LAKE)]))
    race = Race.objects.get(
        competition__name__contains="World Cup 1 (Salt", date="2025-11-14", distance_m=1000, division="B", gender="F"
    )
    english = page(client.get(race.get_absolute_url())).visible_text
    assert "-7.8 °C" in english and "Referee: Susan SANDVIG-SHOBE (USA)" in english
    dutch = page(client.get(race.get_absolute_url().replace("/en/", "/nl/"))).visible_text
    assert "-7,8 °C" in dutch


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"competition,season\n", "not a PDF file"),
        (make_pdf([["Dear editor,", "the results follow."]]), "not an ISU result PDF"),
        (make_pdf([[]]), "no text (a scanned page?)"),
        (make_pdf([["ISU SPEED SKATING WORLD CUP #1"]], encrypted=True), "encrypted"),
        (make_pdf([["ISU SPEED SKATING WORLD CUP #1"]])[:300], "cannot be read"),
        (make_pdf([["ISU SPEED SKATING WORLD CUP #1"]] * 21), "21 pages"),
        (b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), "over 10 MB"),
        (
            make_pdf([["ISU SPEED SKATING WORLD CUP #1", "Thialf - Heerenveen (Ned) / 05 - 07 Dec 2025",
                       "3. START LIST 1000m Women", "Friday, 05 December 2025"]]),
            "a start list, not a result",
        ),
    ],
    ids=["csv", "letter", "scan", "encrypted", "broken", "too-many-pages", "too-large", "start-list"],
)  # fmt: skip
def test_a_file_that_is_not_an_isu_result_is_refused_with_the_reason(data, reason):
    with pytest.raises(PdfRefused, match=re.escape(reason)) as refused:
        read_pdf(data, "upload.pdf")
    assert str(refused.value).startswith("upload.pdf: ")


@pytest.mark.django_db
def test_one_refused_file_among_good_ones_writes_nothing():
    races = Race.objects.count()
    files = [(MASS_START_HEERENVEEN.name, MASS_START_HEERENVEEN.read_bytes()), ("letter.pdf", make_pdf([["Hello"]]))]
    with pytest.raises(SheetError, match="letter.pdf: this is not an ISU result PDF"):
        import_pdfs(files)
    assert Race.objects.count() == races


@pytest.mark.django_db
def test_the_command_dry_run_reports_and_writes_nothing():
    results, out = Result.objects.count(), io.StringIO()
    call_command("import_pdf", str(MASS_START_HEERENVEEN), "--dry-run", stdout=out)
    assert "dry run, nothing written: 1 PDF(s)" in out.getvalue() and "24 results created" in out.getvalue()
    assert Result.objects.count() == results


def upload_pdfs(client, *paths):
    files = [SimpleUploadedFile(p.name, p.read_bytes(), content_type="application/pdf") for p in paths]
    return client.post("/admin/results/race/upload-pdfs/", {"pdfs": files, "publish": "on"})


@pytest.mark.django_db
def test_the_admin_preview_of_several_pdfs_writes_nothing_and_lists_inexact_name_matches(client, editor):
    client.force_login(editor)
    races, results = Race.objects.count(), Result.objects.count()
    preview = upload_pdfs(client, WOMEN_1500_B_CALGARY, MASS_START_HEERENVEEN)
    assert preview.status_code == 200
    assert (Race.objects.count(), Result.objects.count()) == (races, results)
    assert "Valerie Maltais | Valérie Maltais (CAN)" in row_of(
        preview.content.decode(), "Valerie Maltais"
    )  # printed without the accent
    confirm = client.post("/admin/results/race/upload-pdfs/", {"payload": preview.context["payload"], "confirm": "1"})
    assert confirm.status_code == 302
    assert Race.objects.count() == races + 1  # the mass start; the 1500 m was there already
    race = Race.objects.get(
        competition__name__contains="World Cup 2", date="2025-11-22", distance_m=1500, division="B", gender="F"
    )
    assert race.referee == "Amy SANNES (USA)"
    assert race.conditions["interval"] == {"time": "16:01", "air": 16.9, "humidity": 30.0, "ice": -8.0}


@pytest.mark.django_db
def test_an_admin_upload_with_a_bad_file_says_which_and_saves_nothing(client, editor):
    client.force_login(editor)
    results = Result.objects.count()
    bad = SimpleUploadedFile("notes.pdf", make_pdf([["Meeting notes"]]), content_type="application/pdf")
    good = SimpleUploadedFile(MASS_START_HEERENVEEN.name, MASS_START_HEERENVEEN.read_bytes())
    response = client.post("/admin/results/race/upload-pdfs/", {"pdfs": [good, bad]})
    assert response.status_code == 400
    assert "notes.pdf: this is not an ISU result PDF" in page(response).visible_text
    assert Result.objects.count() == results


@pytest.mark.django_db
def test_a_corrected_republication_shows_exactly_what_changes():
    original = official(WOMEN_1000_B_SALT_LAKE)
    corrected = OfficialSheet.from_payload(original.to_payload())
    winner = next(r for r in corrected.rows if r.rank == "1")
    winner.time = "1:14.50"  # the ISU re-publishes the race with the winner's time corrected
    summary = write(checked([corrected]), dry_run=True)
    assert summary.results_changed == 1
    assert [text for _line, text in summary.changes if text.startswith("changed")] == [
        "changed: Ellia Smeding, Women 1000 m — 2025-26 ISU Speed Skating World Cup 1 (Salt Lake City), division B: "
        "time 1:14.54 → 1:14.50"
    ]


def test_a_sheet_kept_from_an_earlier_read_is_the_sheet_a_fresh_read_gives():
    for path in (MASS_START_HEERENVEEN, TEAM_PURSUIT_SALT_LAKE, WOMEN_1500_B_CALGARY):
        official(path)  # read and kept, or taken from what was kept
        kept = official.__wrapped__(path)  # certainly from what was kept now
        assert kept == read_pdf(path.read_bytes(), path.name), path.name
