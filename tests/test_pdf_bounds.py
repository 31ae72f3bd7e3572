"""A PDF is read within bounds (issue 27, part 1): each in a reader process of its own whose memory may grow by at
most 512 MB and which is killed after 30 s, so that a hostile file costs the site neither its memory nor its time.
The hostile files are made by the tests (tests/helpers/hostile_pdf.py), a few kB each."""

import time

import pytest

from results.imports import pdf_reader
from results.imports.isu_pdf import PdfRefused
from results.imports.pdf_reader import read_bounded, status_kb
from tests.helpers import hostile_pdf
from tests.test_isu_pdf import MASS_START_HEERENVEEN

PEAK_MB, SECONDS = 600, 35


@pytest.mark.parametrize(
    "make, bound",
    [
        (hostile_pdf.string_bomb, "used more than 512 MB while being read: not an ISU result sheet."),
        (hostile_pdf.flate_bomb, "used more than 512 MB while being read: not an ISU result sheet."),
        (hostile_pdf.deeply_nested, "not an ISU result sheet."),
    ],
    ids=["a million-character string", "a Flate bomb of a gigabyte", "arrays nested 200,000 deep"],
)
def test_a_hostile_pdf_is_refused_within_the_bounds_naming_the_file_and_the_bound(make, bound):
    data = make()
    assert len(data) < 4096
    started = time.perf_counter()
    reading = read_bounded(data, "hostile.pdf")
    seconds = time.perf_counter() - started
    assert isinstance(reading.outcome, PdfRefused)
    assert str(reading.outcome).startswith("hostile.pdf: ") and str(reading.outcome).endswith(bound)
    assert seconds <= SECONDS and reading.peak_kb <= PEAK_MB * 1024, (seconds, reading.peak_kb)


def test_a_pdf_that_reads_too_long_is_killed_at_the_wall_clock_bound(monkeypatch):
    started = time.perf_counter()
    reading = read_bounded(hostile_pdf.string_bomb(), "slow.pdf", memory_mb=4096, seconds=1)
    assert time.perf_counter() - started < 5
    assert str(reading.outcome) == "slow.pdf: took more than 1 s to read: not an ISU result sheet."


def test_a_real_pdf_reads_the_same_within_the_bounds():
    from results.imports.isu_pdf import read_pdf

    data = MASS_START_HEERENVEEN.read_bytes()
    reading = read_bounded(data, MASS_START_HEERENVEEN.name)
    assert reading.outcome == read_pdf(data, MASS_START_HEERENVEEN.name)
    assert reading.peak_kb < 200 * 1024


@pytest.mark.django_db
def test_the_admin_upload_of_a_bomb_is_refused_and_the_worker_keeps_its_memory(client, editor):
    client.force_login(editor)
    before = status_kb("VmRSS")
    from django.core.files.uploadedfile import SimpleUploadedFile

    bomb = SimpleUploadedFile("bomb.pdf", hostile_pdf.string_bomb(), content_type="application/pdf")
    response = client.post("/admin/results/race/upload-pdfs/", {"pdfs": [bomb]})
    html = response.content.decode()
    assert "bomb.pdf: used more than 512 MB while being read: not an ISU result sheet." in html
    assert status_kb("VmRSS") - before < 100 * 1024  # the worker never held the decompressed content


def test_parallel_readers_are_bounded_by_memory_as_well_as_cores(monkeypatch):
    monkeypatch.setattr(pdf_reader, "available_memory_mb", lambda: 1300)
    monkeypatch.setattr(pdf_reader.os, "cpu_count", lambda: 8)
    assert pdf_reader.reader_count(8, 20) == 2  # 1300 MB free: two readers at their bound
    monkeypatch.setattr(pdf_reader, "available_memory_mb", lambda: 100_000)
    assert pdf_reader.reader_count(8, 20) == 8 and pdf_reader.reader_count(8, 3) == 3


def edited_pdf_rows(path, **header):
    """The rows of a real official PDF as read, with header fields changed (as a file edited to lie would say)."""
    from dataclasses import replace

    from results.imports.isu_pdf import read_pdf

    return replace(read_pdf(path.read_bytes(), path.name), **header)


@pytest.mark.django_db
def test_a_1000_m_pdf_edited_to_say_3000_m_is_refused_row_by_row():
    from results.imports.sheets import SheetError
    from results.writes.pdf_import import checked
    from tests.test_isu_pdf import ROOT

    women_1000 = next((ROOT / "seeds/isu-pdf").glob("*result_women_1000_a*"))
    lying = edited_pdf_rows(women_1000, distance="3000")
    with pytest.raises(SheetError) as refused:
        checked([lying])
    first = refused.value.problems[0]
    assert first.startswith(f"{women_1000.name}:") and "cannot be a finish on this distance" in first
    assert "the fastest time ever skated on it is 3:52.02" in first
    assert len(refused.value.problems) >= 15  # every finisher's row named


def test_the_plausibility_rules_know_an_impossible_time_from_a_record():
    from results.sport import plausibility

    assert plausibility.impossible(74_390, gender="F", distance_m=3000)
    assert plausibility.impossible(9_000, gender="M", distance_m=1000)
    assert not plausibility.impossible(65_000, gender="M", distance_m=1000)  # a new world record is possible
    assert not plausibility.impossible(None, gender="M", distance_m=1000)


@pytest.mark.parametrize(
    "printed, venue, city",
    [
        ("Thialf - Heerenveen (NED)", "Thialf", "Heerenveen"),
        ("Olympic Hall - Vikingskipet - Hamar (Nor)", "Olympic Hall - Vikingskipet", "Hamar"),
        ("Utah Olympic Oval - Salt Lake City (USA)", "Utah Olympic Oval", "Salt Lake City"),
    ],
)
def test_a_venue_printed_as_hall_rink_and_city_gives_the_city_last(printed, venue, city):
    from results.imports.isu_pdf import VENUE

    found = VENUE.match(printed)
    assert (found["venue"], found["city"]) == (venue, city)


@pytest.mark.django_db
def test_the_hamar_venue_string_resolves_to_the_rink_vikingskipet():
    from results.models import Competition, Rink
    from results.writes.pdf_import import checked, write
    from tests.test_isu_pdf import ROOT

    women_1000 = next((ROOT / "seeds/isu-pdf").glob("*result_women_1000_a*"))
    in_hamar = edited_pdf_rows(
        women_1000, venue="Olympic Hall - Vikingskipet", city="Hamar", country="NOR",
        competition="2025-26 ISU Speed Skating World Cup 4 (Hamar)",
    )  # fmt: skip
    rinks = Rink.objects.count()
    write(checked([in_hamar]))
    assert Rink.objects.count() == rinks
    hamar = Competition.objects.get(name="2025-26 ISU Speed Skating World Cup 4 (Hamar)")
    assert hamar.rink.name == "Vikingskipet"
