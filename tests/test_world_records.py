"""The official world-record progressions (seeds/world-records.csv, a copy of ../shared/data/world-records-1891-2020.csv):
imported whole, shown row by row, linked both ways with the races held here, continued from the results held."""

import csv
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from results.display.formatting import short_date
from results.imports.records import NAME_CORRECTIONS, read_records
from results.imports.sheets import SheetError
from results.models import RecordEntry, RecordScope, Skater, WorldRecord
from results.sport import world_records as rules
from results.writes.record_import import import_records
from tests.helpers.html import Page, rows

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "seeds" / "world-records.csv"


def listed():
    return list(csv.DictReader(RECORDS.read_text(encoding="utf-8").splitlines()))


def progression_rows(client, gender, event):
    """The body rows of an event's progression page, oldest first, as {cell texts}."""
    page = Page(client.get(f"/en/records/world/{rules.event_slug(gender, event)}/").content.decode())
    return list(reversed(page.tables[0].body))


@pytest.mark.django_db
def test_every_row_of_the_record_list_is_on_its_progression_page_exactly(client):
    by_event = defaultdict(list)
    for row in listed():
        by_event[(row["gender"], row["event"])].append(row)
    checked = 0
    for (gender, event), expected in by_event.items():
        shown = [
            cells for cells in progression_rows(client, gender, event) if "from the results held here" not in cells[0]
        ]
        assert len(shown) == len(expected), (gender, event)
        for cells, row in zip(shown, expected, strict=True):
            mark, skater, day, rink = cells[:4]
            name = NAME_CORRECTIONS.get(row["skater"], (row["skater"],))[0]
            assert mark.split(" ")[0] == (row["time"] or "—"), (row, mark)
            assert skater.startswith(f"{name} {row['nationality']}".strip()), (row, skater)
            assert day == short_date(date.fromisoformat(row["date"]), language="en"), row
            assert rink.startswith(", ".join(part for part in (row["rink"], row["city"]) if part)), (row, rink)
            if row["elevation_m"]:
                assert f"{row['elevation_m']} m above sea level" in rink, row
            if row["notes"].startswith(("equalled", "unofficial", "SUSPENDED")):
                assert mark.endswith(("equalled", "unofficial", "event suspended")), (row, mark)
            checked += 1
    assert checked == len(listed()) == WorldRecord.objects.count()


def test_the_times_keep_the_precision_they_were_listed_in():
    found = {row.line: row for row in read_records(RECORDS.read_text(encoding="utf-8"), RECORDS.name)}
    oscar = found[2]  # 50.8 in 1891: timed in tenths
    assert (oscar.name, oscar.mark, oscar.decimals) == ("Oscar Grundén", 50_800, 1)
    assert rules.written_mark(oscar.mark, oscar.decimals, False, "nl") == "50,8"
    allround = next(row for row in found.values() if row.event == "allround big")
    assert (allround.mark, allround.decimals) == (188_958, 3)  # Farstad's 188.958 points, 1949


@pytest.mark.django_db
def test_the_import_names_each_correction_of_the_list():
    report = import_records(read_records(RECORDS.read_text(encoding="utf-8"), RECORDS.name), dry_run=True)
    corrected = {text for _line, text in report.corrected}
    assert any("'Niels van der Poel' is Nils van der Poel" in text for text in corrected)
    assert any("'Kornéi Pajor' is Kornel Pajor" in text for text in corrected)
    nils = Skater.objects.get(name="Nils van der Poel")
    assert WorldRecord.objects.filter(skater=nils, event="10000m").count() == 2  # one profile, not two
    assert not Skater.objects.filter(name__in=["Niels van der Poel", "Kornéi Pajor"]).exists()


@pytest.mark.django_db
def test_every_held_record_race_links_both_ways_and_says_the_same_time(client):
    linked = WorldRecord.objects.filter(result__isnull=False).select_related("result__race__competition", "skater")
    assert linked.count() >= 20  # about 25 Olympic races of the list are held
    for record in linked:
        race = record.result.race
        assert record.skater == record.result.skater and record.mark == record.result.time_ms, record
        page_rows = progression_rows(client, record.gender, record.event)
        assert any(
            cells[0].startswith(rules.written_mark(record.mark, record.decimals, False, "en")) for cells in page_rows
        )
        progression = client.get(f"/en/records/world/{rules.event_slug(record.gender, record.event)}/").content.decode()
        assert f'href="{race.get_absolute_url()}"' in progression, record
        race_row = next(row for row in rows(client.get(race.get_absolute_url()).content.decode())
                        if record.result.skater.name in row)  # fmt: skip
        assert "WR" in race_row and rules.written_mark(record.mark, record.decimals, False, "en") in race_row, record


@pytest.mark.django_db
def test_a_skater_spelled_otherwise_in_the_list_is_the_held_races_skater():
    koss = WorldRecord.objects.get(event="10000m", gender="M", date=date(1994, 2, 20))
    assert (koss.mark, koss.result.race.competition.name) == (810_550, "1994 Winter Olympics")
    for listed_name, held_name in [("Jochem Uytdehaage", "Jochen Uytdehaage"), ("Thomas Gustafson", "Tomas Gustafson"),
                                   ("Chris Witty", "Christine Witty")]:  # fmt: skip
        entries = WorldRecord.objects.filter(name=listed_name)
        assert entries.exists() and {entry.skater.name for entry in entries} == {held_name}, listed_name
        assert not Skater.objects.filter(name=listed_name).exists()


@pytest.mark.django_db
def test_after_the_list_ends_a_faster_held_time_is_the_next_record(client):
    lee = WorldRecord.objects.filter(event="500m", gender="F").order_by("line").last()
    assert (lee.name, lee.mark) == ("Lee Sang-hwa", 36_360)
    faster = RecordEntry.objects.filter(scope=RecordScope.WORLD, gender="F", distance_m=500, date__gt=lee.date,
                                        time_ms__lt=lee.mark).order_by("time_ms").first()  # fmt: skip
    assert faster is not None  # the seed results hold a faster women's 500 m since 2013
    newest = progression_rows(client, "F", "500m")[-1]
    assert "from the results held here" in newest[0] and newest[1].startswith(faster.result.skater.name)
    records_page = client.get("/en/records/").content.decode()
    women_500 = next(row for row in rows(records_page) if row.startswith("500 m |"))
    assert faster.result.skater.name in women_500 and "from the results held here" in women_500


@pytest.mark.django_db
def test_a_second_import_changes_nothing_and_a_dry_run_writes_nothing(capsys):
    before = list(WorldRecord.objects.values_list("line", "skater_id", "mark", "result_id"))
    skaters = Skater.objects.count()
    call_command("import_records", str(RECORDS))
    assert "(unchanged)" in capsys.readouterr().out
    WorldRecord.objects.all().delete()
    call_command("import_records", str(RECORDS), "--dry-run")
    assert "would change" in capsys.readouterr().out and not WorldRecord.objects.exists()
    call_command("import_records", str(RECORDS))
    assert list(WorldRecord.objects.values_list("line", "skater_id", "mark", "result_id")) == before
    assert Skater.objects.count() == skaters


@pytest.mark.django_db
def test_a_bad_row_is_refused_with_file_line_and_reason_and_nothing_changes(tmp_path, capsys):
    text = RECORDS.read_text(encoding="utf-8").splitlines()
    text[3] = text[3].replace(",49.4,", ",49.4.2,")  # line 4: Alfred Næss's 500 m
    text[9] = text[9].replace(",M,", ",Q,", 1)
    bad = tmp_path / "records.csv"
    bad.write_text("\n".join(text), encoding="utf-8")
    before = WorldRecord.objects.count()
    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_records", str(bad))
    errors = capsys.readouterr().err
    assert f"{bad}:4: time:" in errors and f"{bad}:10: gender 'Q'" in errors
    assert WorldRecord.objects.count() == before
    with pytest.raises(SheetError):
        read_records("event,gender\n500m,M\n", "short.csv")


def test_an_equalled_record_or_a_suspension_is_never_an_improvement():
    day = date(2000, 1, 1)
    entries = [(40_000, day, ""), (39_500, date(2001, 1, 1), ""), (39_500, date(2002, 1, 1), "equalled"),
               (None, date(2003, 1, 1), "suspended"), (38_000, date(2004, 1, 1), "unofficial")]  # fmt: skip
    steps = rules.steps(entries, date(2005, 1, 1))
    assert [step.improvement for step in steps] == [None, 500, None, None, None]
    assert steps[1].days == (date(2003, 1, 1) - date(2001, 1, 1)).days  # stood until the suspension
    assert steps[2].days == (date(2003, 1, 1) - date(2002, 1, 1)).days
    assert [step.current for step in steps] == [False] * 5  # a suspended event has no record now
    assert rules.steps(entries[:3], date(2005, 1, 1))[2].current


@pytest.mark.django_db
def test_the_record_pages_cost_a_few_queries(client, django_assert_max_num_queries):
    for address in ("/en/records/", "/en/records/world/men-10000m/", "/nl/records/world/women-500m/",
                    "/en/records/world/men-allround-big/", "/en/records/world/mixed-relay/"):  # fmt: skip
        with django_assert_max_num_queries(8):
            assert client.get(address).status_code == 200, address
    assert client.get("/en/records/world/women-50000m/").status_code == 404


@pytest.mark.django_db
def test_a_record_race_tells_the_record_and_a_profile_lists_the_skaters_world_records(client):
    koss = WorldRecord.objects.get(event="10000m", gender="M", date=date(1994, 2, 20))
    broken = WorldRecord.objects.filter(event="10000m", gender="M", line__lt=koss.line, status="").last()
    race = client.get(koss.result.race.get_absolute_url()).content.decode()
    assert (
        f"Johann Olav Koss sets a world record: 13:30.55, the first on the 10000 m since {short_date(broken.date, language='en')}."
        in race
    )
    profile = Page(client.get(koss.skater.get_absolute_url()).content.decode())
    assert "World records" in profile.visible_text
    listed_for_koss = WorldRecord.objects.filter(skater=koss.skater).count()
    links = [link for link in profile.links if "/records/world/" in link]
    assert len(links) == listed_for_koss > 1
    dutch = client.get(koss.result.race.get_absolute_url().replace("/en/", "/nl/")).content.decode()
    assert "Johann Olav Koss rijdt een wereldrecord: 13.30,55" in dutch


@pytest.mark.django_db
def test_each_event_has_its_current_record_and_a_suspended_event_none():
    current = {(r.gender, r.event): r for r in WorldRecord.objects.filter(current=True)}
    assert (current[("M", "500m")].name, current[("M", "500m")].mark) == ("Pavel Kulizhnikov", 33_610)
    assert ("F", "10000m") not in current  # suspended in 1953; the times after it are unofficial
    events = {(row["gender"], row["event"]) for row in listed()}
    assert set(current) == events - {("F", "10000m")} - {
        key for key in events if WorldRecord.objects.filter(gender=key[0], event=key[1]).last().status == "suspended"
    }
