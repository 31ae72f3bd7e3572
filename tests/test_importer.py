from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from results.imports.sheets import SheetError, name_key, read_sheet
from results.models import Competition, Race, Result, Skater, SkaterName
from results.writes.sheet_import import import_sheet
from tests.conftest import SHEETS
from tests.helpers.builders import HEADER, races_in_sheets, row, seed_rows, sheet


def test_the_seeds_load_every_race_and_result(db):
    """Counted from the seed sheets themselves: a new sheet changes both sides."""
    sheet_rows = list(seed_rows())
    races = {
        (r["competition"], r["season"], r["date"], r["gender"], r["distance_m"], r["division"]) for r in sheet_rows
    }
    assert Race.objects.count() == len(races)
    assert Result.objects.count() == len(sheet_rows)
    names = {name_key(name) for name in SkaterName.objects.values_list("name", flat=True)}
    names |= {name_key(name) for name in Skater.objects.values_list("name", flat=True)}
    assert {name_key(r["skater"]) for r in sheet_rows} <= names


def test_a_second_import_changes_nothing(db):
    counts = (Race.objects.count(), Result.objects.count(), Skater.objects.count(), Competition.objects.count())
    for path in SHEETS:
        summary = import_sheet(path.read_text(encoding="utf-8"), path.name)
        assert not summary.changed_anything, (path.name, summary)
    assert counts == (Race.objects.count(), Result.objects.count(), Skater.objects.count(), Competition.objects.count())


def test_a_sheet_with_a_bad_row_is_rejected_whole_naming_the_line(db):
    text = sheet(row(skater="Good One"), row(rank="2", skater="Bad Time", time="1.74,44"))
    with pytest.raises(SheetError) as error:
        import_sheet(text, "cup.csv")
    assert error.value.problems == ["cup.csv:3: time: '1.74,44' has 74 seconds; there are only 59 in a minute."]
    assert not Skater.objects.filter(name="Good One").exists()
    assert not Competition.objects.filter(name="Test Cup").exists()


@pytest.mark.parametrize(
    "bad_row, reason",
    [
        (row(distance="1200"), "distance '1200'"),
        (row(status="OUT"), "status 'OUT'"),
        (row(status="DNF"), "status DNF cannot have a rank"),
        (row(rank="", time=""), "a finisher needs a time or a rank"),
        (row(date="2023-13-01"), "not an ISO date"),
        (row(date="2024-08-01"), "season 2023/24 does not contain"),
        (row(rank="x"), "rank 'x' is not a positive whole number"),
        (row(skater="Nul\x00Byte"), "skater contains a NUL character"),
    ],
)
def test_each_kind_of_bad_row_is_reported(db, bad_row, reason):
    with pytest.raises(SheetError) as error:
        read_sheet(sheet(bad_row), "cup.csv")
    assert error.value.problems[0].startswith("cup.csv:2: ")
    assert reason in error.value.problems[0]


def test_a_missing_column_is_reported(db):
    with pytest.raises(SheetError, match="cup.csv:1: missing column.*source"):
        read_sheet(HEADER.replace(",source", "") + "x\n", "cup.csv")


def test_a_rank_that_contradicts_the_times_is_refused(db):
    text = sheet(row(rank="1", skater="Slow", time="1:15.00"), row(rank="2", skater="Fast", time="1:14.00"))
    with pytest.raises(SheetError, match="cup.csv:3: rank 2 in 1:14.000 contradicts rank 1"):
        read_sheet(text, "cup.csv")


def test_a_skater_twice_in_a_race_is_refused(db):
    text = sheet(row(rank="1", skater="Twice"), row(rank="2", skater="Twice", time="1:15.00"))
    with pytest.raises(SheetError, match="cup.csv:3: Twice is already in this race"):
        read_sheet(text, "cup.csv")


def test_ranks_are_computed_from_times_when_the_sheet_gives_none(db):
    text = sheet(
        row(rank="", skater="A One", time="1:17.94"),
        row(rank="", skater="B Two", time="1:17.50"),
        row(rank="", skater="C Three", time="1:17.94"),
        row(rank="", skater="D Four", time="1:18.10"),
    )
    import_sheet(text, "cup.csv")
    ranks = dict(Result.objects.filter(race__competition__name="Test Cup").values_list("skater__name", "rank"))
    assert ranks == {"B Two": 1, "A One": 2, "C Three": 2, "D Four": 4}


def test_an_earlier_name_in_a_sheet_finds_the_same_skater(db):
    before = Skater.objects.count()
    import_sheet(sheet(row(skater="Antoinette de Jong", time="1:15.00")), "cup.csv")
    assert Skater.objects.count() == before
    result = Result.objects.get(race__competition__name="Test Cup")
    assert result.skater.name == "Antoinette Rijpma-de Jong"


def test_the_renamed_skater_has_one_profile_across_the_seeds(db):
    skater = Skater.objects.get(name="Antoinette Rijpma-de Jong")
    competitions = set(skater.results.values_list("race__competition__name", flat=True))
    assert "2022 Winter Olympics" in competitions
    assert "2023-24 ISU Speed Skating World Cup 2 (Beijing)" in competitions


def test_the_command_exits_non_zero_and_names_the_row(db, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(sheet(row(), row(rank="2", skater="Other", time="abc")), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_results", str(bad))
    assert f"{bad}:3: time: 'abc' is not a time" in capsys.readouterr().err
    assert not Competition.objects.filter(name="Test Cup").exists()


def test_the_sprint_championship_skates_its_1000_m_in_two_rounds(db):
    races = Race.objects.filter(
        competition__name="2022 World Sprint Speed Skating Championships", distance_m=1000
    ).order_by("date")
    assert [(r.round, r.slug) for r in races] == [(1, "women-1000m-1"), (2, "women-1000m-2")]


def test_only_the_official_full_fields_count_as_complete(db):
    complete = Race.objects.filter(field_complete=True).exclude(
        competition__name__contains="Winter Olympics", date__year__lt=2022
    )
    official = races_in_sheets("dataset-isu-pdf-*.csv")  # converted from official PDFs: whole fields with pairs
    hamar = Race.objects.get(competition__name__startswith="2022 World Sprint", distance_m=500)
    assert hamar.field_complete
    assert complete.filter(competition__season=2025).count() == len(official)
    assert complete.count() == len(official) + 1  # and the Hamar sprint's 500 m, printed whole with its pairs
    olympic = Race.objects.filter(competition__name__contains="Winter Olympics", date__year__lt=2022)
    # the Olympic races 1924–2018 are complete too: the sheets are imported as such
    assert olympic.count() == len(races_in_sheets("olympics-*.csv"))
    assert not olympic.filter(field_complete=False).exists()
    assert not Race.objects.get(competition__name="2023 World Single Distances Speed Skating Championships",
                                distance_m=3000).field_complete  # fmt: skip


def test_seed_sheet_paths_exist():
    assert SHEETS and all(Path(p).exists() for p in SHEETS)
