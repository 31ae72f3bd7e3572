"""Official intake you can trust (issue 27, parts 2–4): a PDF is believed only when plausible, an official PDF makes
its race exactly what it says, and the names and places it prints are those the site already knows.

The wrong files are made by each test from a real seed PDF (seeds/isu-pdf), edited as a file that lies would be."""

import io
from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command

from results.imports.isu_pdf import OfficialSheet
from results.imports.sheets import SheetError, name_key
from results.models import Change, Race, RecordEntry, RecordScope, Result, Skater, SkaterName, Status
from results.sport import plausibility
from results.writes import changes as audit
from results.writes.pdf_import import checked, write
from results.writes.restores import restore_change
from tests.helpers.builders import make
from tests.helpers.html import page, row_of
from tests.helpers.pdfs import official
from tests.test_isu_pdf import ROOT

SEEDS = ROOT / "seeds" / "isu-pdf"
WOMEN_1000_A_HEERENVEEN = next(SEEDS.glob("6_result_women_1000_a-signiert*"))
WOMEN_3000_A_SALT_LAKE = SEEDS / "5_result_women_3000_a-signed_20251115174421.pdf"
WOMEN_3000_A_CALGARY = SEEDS / "5_result_women_3000_a-1_20251122031833.pdf"
MEN_1500_B_HEERENVEEN = next(SEEDS.glob("2_result_men_1500_b-ondertekend*"))
MEN_MASS_START_B_HEERENVEEN = next(SEEDS.glob("16_result_menmassstart_b-ondertekend*"))
WOMEN_TEAM_PURSUIT_A_SALT_LAKE = next(SEEDS.glob("23_result_womenteampursuit_a-signed*"))


def copy_of(path):
    """A fresh, editable copy of a seed PDF as read."""
    return OfficialSheet.from_payload(official(path).to_payload())


def race_of(sheet):
    return Race.objects.get(
        competition__name=sheet.competition, date=sheet.date, gender=sheet.gender, distance_m=int(sheet.distance),
        division=sheet.division,
    )  # fmt: skip


@pytest.mark.django_db
def test_a_mens_header_over_womens_rows_is_refused_naming_the_rows_and_makes_no_male_duplicates():
    lying = replace(copy_of(WOMEN_1000_A_HEERENVEEN), gender="M")
    skaters = Skater.objects.count()
    with pytest.raises(SheetError) as refused:
        write(checked([lying]))
    first = refused.value.problems[0]
    assert first.startswith(f"{WOMEN_1000_A_HEERENVEEN.name}:")
    assert "is a woman in the skater register, but the file says this is a men's race" in first
    registered = sum(1 for row in lying.rows if Skater.objects.filter(name=row.name, gender="F").exists())
    assert len(refused.value.problems) == registered >= 15  # every registered woman's row named
    assert Skater.objects.count() == skaters


def test_every_seed_pdf_prints_the_meeting_days_and_its_race_lies_within_them():
    for path in sorted(SEEDS.glob("*.pdf")):
        sheet = official(path)
        assert sheet.meeting_days is not None, path.name
        assert sheet.date_problem() == "", path.name


@pytest.mark.django_db
def test_a_race_day_outside_the_meetings_printed_days_is_refused_and_makes_no_competition():
    real = copy_of(WOMEN_1000_A_HEERENVEEN)
    lying = replace(real, date=real.date.replace(month=12, day=20))
    races = Race.objects.count()
    with pytest.raises(SheetError) as refused:
        write(checked([lying]))
    assert refused.value.problems == [
        f"{WOMEN_1000_A_HEERENVEEN.name}: the race's day, 20 December 2025, is outside the meeting's printed days "
        "(5 December 2025 to 7 December 2025); is the date misread?"
    ]
    assert Race.objects.count() == races


def held_world_record(gender, distance):
    return RecordEntry.objects.get(scope=RecordScope.WORLD, current=True, gender=gender, distance_m=distance).time_ms


@pytest.mark.django_db
def test_a_time_that_would_be_a_world_record_is_named_and_written_only_when_confirmed(
    django_capture_on_commit_callbacks,
):
    real = copy_of(WOMEN_1000_A_HEERENVEEN)
    winner = next(row for row in real.rows if row.rank == "1")
    record = min(held_world_record("F", 1000), plausibility.fastest_skated("F", 1000))
    winner.time = "1:11.50"
    assert 71_500 < record  # faster than any 1000 m a woman ever skated, but possible
    preview = write(checked([real]), dry_run=True)
    assert [sentence for _where, sentence in preview.would_be_records] == [
        f"{winner.name} would be a new world record: 1:11.50, faster than 1:11.61"
    ]
    with pytest.raises(SheetError, match="would be a new world record: 1:11.50.*confirm it to import it"):
        write(checked([real]))
    assert not Result.objects.filter(time_ms=71_500).exists()
    with django_capture_on_commit_callbacks(execute=True):
        write(checked([real]), records_confirmed=True)
    assert Result.objects.get(time_ms=71_500).skater.name == winner.name
    assert held_world_record("F", 1000) == 71_500


@pytest.mark.django_db
def test_the_command_needs_a_flag_to_write_a_new_world_record(monkeypatch):
    """The table of the fastest times is set back as if written before this race, whose winner then breaks it."""
    sheet = official(WOMEN_1000_A_HEERENVEEN)
    race = race_of(sheet)
    winning = race.results.get(rank=1).time_ms
    RecordEntry.objects.filter(scope=RecordScope.WORLD, gender="F", distance_m=1000, time_ms__lte=winning).delete()
    monkeypatch.setitem(plausibility.FASTEST["F"], 1000, winning + 10)
    RecordEntry.objects.filter(scope=RecordScope.WORLD, gender="F", distance_m=1000).update(time_ms=winning + 10)
    race.results.filter(rank=1).update(time_ms=winning + 20)  # the PDF changes it back to the (record) time
    with pytest.raises(CommandError, match="would be a new world record"):
        call_command("import_pdf", str(WOMEN_1000_A_HEERENVEEN), "--jobs=1", stdout=io.StringIO())
    assert race.results.get(rank=1).time_ms == winning + 20
    out = io.StringIO()
    call_command("import_pdf", str(WOMEN_1000_A_HEERENVEEN), "--jobs=1", "--confirm-records", stdout=out)
    assert "would be a new world record" in out.getvalue()
    assert race.results.get(rank=1).time_ms == winning


def the_race_as_shown(race):
    return {(r.rank, name_key(r.skater.name), r.time_ms, r.status) for r in race.results.select_related("skater")}


def the_race_as_printed(sheet):
    rows = checked([sheet]).rows
    return {(row.rank, name_key(row.skater), row.time_ms, row.status) for row in rows}


@pytest.mark.django_db
def test_the_right_pdf_after_a_wrong_one_leaves_no_trace_of_the_wrong_one(client, django_capture_on_commit_callbacks):
    right = official(WOMEN_3000_A_SALT_LAKE)
    race = race_of(right)
    calgary = official(WOMEN_3000_A_CALGARY)
    # the Calgary race filed as Salt Lake City's: a wrong file whose every time is plausible
    header = {name: getattr(right, name) for name in ("filename", "competition", "season", "venue", "city", "country",
                                                      "number", "date", "meeting_days")}  # fmt: skip
    wrong = replace(calgary, **header)
    only_right = {name_key(r.name) for r in right.rows} - {name_key(r.name) for r in calgary.rows}
    only_wrong = {r.name for r in calgary.rows if name_key(r.name) not in {name_key(s.name) for s in right.rows}}
    assert only_right and only_wrong

    preview = write(checked([wrong]), dry_run=True)
    assert preview.results_removed == len(only_right)
    assert len([text for _where, text in preview.changes if text.endswith("(not in the official PDF)")]) == len(
        only_right
    )
    with django_capture_on_commit_callbacks(execute=True):
        write(checked([wrong]))
    assert the_race_as_shown(race) == the_race_as_printed(wrong)

    with django_capture_on_commit_callbacks(execute=True):
        write(checked([right]))
    assert the_race_as_shown(race) == the_race_as_printed(right)
    assert race.results.count() == len(right.rows)
    ranks = [r.rank for r in race.results.filter(status=Status.FINISHED)]
    assert len(ranks) == len(set(ranks))  # nobody shares a rank that the PDF does not share
    race_page = page(client.get(race.get_absolute_url())).visible_text
    for name in only_wrong:
        assert name not in race_page
        skater = Skater.objects.get(name=name)
        assert race.get_absolute_url() not in client.get(skater.get_absolute_url()).content.decode()
    removals = Change.objects.filter(race=race, model="result", action=Change.Action.DELETE).order_by("id")
    first, last = removals[0], removals.last()  # of a skater back in the race since; of a skater of the wrong file
    assert audit.changed_again(first) == ["skater_id"] and audit.changed_again(last) == []
    restore_change(race, last)  # a removal is in the race's history, and can be undone
    assert race.results.count() == len(right.rows) + 1


@pytest.mark.django_db
def test_a_short_form_of_a_registered_name_is_that_skater_listed_as_an_inexact_match():
    mass_start = copy_of(MEN_MASS_START_B_HEERENVEEN)
    by_number = next(row for row in mass_start.rows if row.name == "Afonso Henrique Pestana Silva")
    by_number.name = "Henrique Silva"  # only the start number he wore on the 1500 m says who this is
    summary = write(checked([copy_of(MEN_1500_B_HEERENVEEN), mass_start]), dry_run=True)
    assert not [s for s in summary.new_skaters if "Silva" in s.name]
    assert ("Henrique Silva", Skater.objects.get(name="Afonso Henrique Pestana Silva")) in summary.inexact_matches
    write(checked([copy_of(MEN_1500_B_HEERENVEEN), mass_start]))
    assert not Skater.objects.filter(name="Henrique Silva").exists()
    assert SkaterName.objects.filter(name="Henrique Silva", skater__name="Afonso Henrique Pestana Silva").exists()


@pytest.mark.django_db
def test_a_given_name_and_last_family_name_find_the_registered_skater():
    sheet = copy_of(MEN_MASS_START_B_HEERENVEEN)
    row = next(row for row in sheet.rows if row.name == "Afonso Henrique Pestana Silva")
    row.name, row.start_number = "Afonso Silva", "999"
    summary = write(checked([sheet]), dry_run=True)
    assert not [s for s in summary.new_skaters if "Silva" in s.name]
    assert [printed for printed, skater in summary.inexact_matches] == ["Afonso Silva"]


@pytest.mark.django_db
def test_a_new_skater_whose_name_is_near_a_registered_one_is_flagged():
    sheet = copy_of(WOMEN_1000_A_HEERENVEEN)
    row = next(row for row in sheet.rows if row.name == "Jutta Leerdam")
    row.name = "Jutta Leerdan"
    summary = write(checked([sheet]), dry_run=True)
    assert [(new.name, [s.name for s in near]) for new, near in summary.near_new_skaters] == [
        ("Jutta Leerdan", ["Jutta Leerdam"])
    ]


@pytest.mark.django_db
def test_a_team_that_fell_keeps_its_official_place(client):
    sheet = copy_of(WOMEN_TEAM_PURSUIT_A_SALT_LAKE)
    last = max(sheet.rows, key=lambda row: int(row.rank))
    last.status, last.time = "DNF", ""  # as the ISU prints a team that fell: its place, and DNF
    write(checked([sheet]))
    race = Race.objects.get(competition__name=sheet.competition, kind="team-pursuit", gender="F", division="A")
    team = race.results.get(team=last.nationality)
    assert (team.rank, team.status, team.rank_is_official) == (int(last.rank), Status.DNF, True)
    shown = row_of(client.get(race.get_absolute_url()).content.decode(), last.nationality)
    assert shown.startswith(f"{last.rank} | {last.nationality}") and "DNF" in shown


def upload(client, *files, **data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    chosen = [SimpleUploadedFile(name, content, content_type="application/pdf") for name, content in files]
    return client.post("/admin/results/race/upload-pdfs/", {"pdfs": chosen, "publish": "on", **data})


def pdf_file(path, name=None):
    return (name or path.name, path.read_bytes())


@pytest.mark.django_db
def test_the_admin_preview_lists_removals_and_a_world_record_needs_the_tick(client, editor, monkeypatch):
    """The preview names what will change; a would-be world record is confirmed by a tick, without which the
    preview comes back with the reason and nothing is saved."""
    client.force_login(editor)
    race = race_of(official(WOMEN_1000_A_HEERENVEEN))
    winner = race.results.get(rank=1)
    extra = make(Result, race=race, skater=Skater.objects.get(name="Afonso Henrique Pestana Silva"),
                                  nationality="POR", time_ms=90_000, status=Status.FINISHED)  # fmt: skip
    RecordEntry.objects.filter(scope=RecordScope.WORLD, gender="F", distance_m=1000).update(time_ms=winner.time_ms + 10)
    monkeypatch.setitem(plausibility.FASTEST["F"], 1000, winner.time_ms + 10)
    preview = upload(client, pdf_file(WOMEN_1000_A_HEERENVEEN))
    assert preview.status_code == 200
    html = preview.content.decode()
    assert f"{winner.skater.name} would be a new world record" in row_of(html, f"{WOMEN_1000_A_HEERENVEEN.name}:")
    assert "Afonso Henrique Pestana Silva, Women 1000 m" in page(preview).visible_text  # the removal
    assert 'name="records_confirmed" required' in html
    payload = preview.context["payload"]
    refused = client.post("/admin/results/race/upload-pdfs/", {"payload": payload, "confirm": "1"})
    assert refused.status_code == 400
    assert "confirm it to import it" in page(refused).visible_text and refused.context["payload"] == payload
    assert Result.objects.filter(pk=extra.pk).exists()
    saved = client.post(
        "/admin/results/race/upload-pdfs/", {"payload": payload, "confirm": "1", "records_confirmed": "on"}
    )
    assert saved.status_code == 302
    assert not Result.objects.filter(pk=extra.pk).exists()


@pytest.mark.django_db
def test_after_a_refusal_the_files_read_without_a_problem_are_kept(client, editor):
    from tests.helpers.pdfs import make_pdf

    client.force_login(editor)
    refused = upload(client, pdf_file(MEN_1500_B_HEERENVEEN), ("letter.pdf", make_pdf([["Dear editor"]])))
    assert refused.status_code == 400
    assert refused.context["kept"] == [MEN_1500_B_HEERENVEEN.name]
    assert "Kept, read without a problem: 1 file." in page(refused).visible_text
    kept = refused.context["form"].initial["kept"]
    again = upload(client, pdf_file(MEN_MASS_START_B_HEERENVEEN), kept=kept)  # only the corrected file chosen
    assert again.status_code == 200
    assert again.context["name"] == f"{MEN_1500_B_HEERENVEEN.name}, {MEN_MASS_START_B_HEERENVEEN.name}"


@pytest.mark.django_db
def test_an_over_long_file_name_gets_the_admins_own_error(client, editor):
    client.force_login(editor)
    response = upload(client, pdf_file(MEN_1500_B_HEERENVEEN, name="x" * 240 + ".pdf"))
    assert response.status_code == 400
    assert "Ensure this filename has at most 200 characters (it has 244)." in page(response).visible_text


def test_the_reader_keeps_the_printed_place_of_a_team_that_fell():
    from results.imports.isu_pdf import _rows

    def word(text, x0, x1, top):
        return {"text": text, "x0": x0, "x1": x1, "top": top}

    header = [word(text, x0, x0 + 20, 100) for text, x0 in
              (("Rnk", 20), ("Nr", 45), ("Name", 70), ("Race", 200), ("Straight", 240), ("Time", 300),
               ("Behind", 340), ("Points", 400))]  # fmt: skip
    finished = [word("7", 25, 30, 120), word("4", 50, 55, 120), word("CANADA", 70, 100, 120),
                word("3:05.12", 300, 330, 120)]  # fmt: skip
    fell = [word("8", 25, 30, 140), word("5", 50, 55, 140), word("ITALY", 70, 95, 140), word("DNF", 302, 318, 140)]
    rows = _rows([header + finished + fell], "team-pursuit", "team.pdf")
    assert [(row.rank, row.nationality, row.status, row.time) for row in rows] == [
        ("7", "CAN", "", "3:05.12"), ("8", "ITA", "DNF", ""),
    ]  # fmt: skip


@pytest.mark.django_db
def test_a_preview_payload_posted_as_kept_files_is_refused_with_a_sentence(client, editor):
    client.force_login(editor)
    preview = upload(client, pdf_file(MEN_MASS_START_B_HEERENVEEN))
    forged = client.post("/admin/results/race/upload-pdfs/", {"kept": preview.context["payload"], "publish": "on"})
    assert forged.status_code == 400
    assert "The kept files have expired; choose them again." in page(forged).visible_text
