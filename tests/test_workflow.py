"""Editors' workflow: upload with preview, export round trip, drafts, history and undo, no lost updates."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from results.display.export import safe_cell
from results.models import Change, Competition, Race, Result
from results.writes import path as write_path
from results.writes.sheet_import import import_sheet
from tests.conftest import SHEETS
from tests.helpers.builders import BEIJING_CUP, beijing_a, post_race, row, sheet


def upload(client, text, name="sheet.csv", publish=True):
    data = {"sheet": SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")}
    if publish:
        data["publish"] = "on"
    return client.post("/admin/results/race/upload/", data)


def counts():
    return (Race.objects.count(), Result.objects.count(), Change.objects.count())


def test_the_preview_of_a_real_sheet_writes_nothing(client, editor):
    client.force_login(editor)
    write_path.delete_all(Competition.objects.filter(name__startswith="2024 World Sprint"))
    before = counts()
    path = next(p for p in SHEETS if "2024-world-sprint" in p.name)
    response = upload(client, path.read_text(encoding="utf-8"), path.name)
    assert response.status_code == 200
    html = response.content.decode()
    assert "15 results created" in html and "Nothing has been saved yet." in html
    assert counts() == before


def test_a_sheet_with_one_bad_row_saves_nothing_and_names_the_row(client, editor):
    client.force_login(editor)
    before = counts()
    response = upload(client, sheet(row(skater="First One"), row(rank="2", skater="Second", time="1:7x.00")), "bad.csv")
    assert response.status_code == 400
    assert "bad.csv:3: time: &#x27;1:7x.00&#x27; is not a time" in response.content.decode()
    assert counts() == before


def test_a_file_that_is_not_utf8_is_refused_clearly(client, editor):
    client.force_login(editor)
    response = client.post("/admin/results/race/upload/", {"sheet": SimpleUploadedFile("x.csv", b"\xff\xfe\x00bad")})
    assert response.status_code == 400
    assert "not UTF-8 text" in response.content.decode()


def test_confirming_the_preview_imports_the_sheet_and_the_race_is_public(client, editor):
    client.force_login(editor)
    preview = upload(client, sheet(row(skater="New Skater A"), row(rank="2", skater="New Skater B", time="1:15.00")))
    payload = preview.context["payload"]
    response = client.post("/admin/results/race/upload/", {"payload": payload, "confirm": "1"})
    assert response.status_code == 302
    race = Race.objects.get(competition__name="Test Cup")
    assert race.results.count() == 2
    assert Change.objects.filter(race=race, user=editor, action="create", model="result").count() == 2
    client.logout()
    assert "New Skater A" in client.get(race.get_absolute_url()).content.decode()


def test_a_tampered_preview_is_refused(client, editor):
    client.force_login(editor)
    response = client.post("/admin/results/race/upload/", {"payload": "forged", "confirm": "1"}, follow=True)
    assert "expired or was altered" in response.content.decode()
    assert not Competition.objects.filter(name="Test Cup").exists()


def test_an_uploaded_draft_is_not_public_until_published(client, editor):
    client.force_login(editor)
    payload = upload(client, sheet(row(skater="Draft Skater")), publish=False).context["payload"]
    client.post("/admin/results/race/upload/", {"payload": payload, "confirm": "1"})
    race = Race.objects.select_related("competition").get(competition__name="Test Cup")
    assert not race.published
    assert client.get(race.get_absolute_url()).status_code == 200  # an editor sees it
    client.logout()
    assert client.get(race.get_absolute_url()).status_code == 404
    assert client.get(race.competition.get_absolute_url()).status_code == 404
    assert "Test Cup" not in client.get("/en/competitions/").content.decode()
    assert race.get_absolute_url() not in client.get("/sitemap.xml").content.decode()
    assert "Draft Skater" not in client.get("/en/records/?nationality=NED").content.decode()
    Race.objects.filter(pk=race.pk).update(published=True)
    Competition.objects.filter(pk=race.competition_id).update(published=True)
    assert client.get(race.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("kind", ["race", "competition", "skater"])
def test_export_then_import_changes_nothing(client, db, kind):
    race = Race.objects.select_related("competition").get(competition__name=BEIJING_CUP, division="A")
    url = {
        "race": f"{race.get_absolute_url()}results.csv",
        "competition": f"{race.competition.get_absolute_url()}results.csv",
        "skater": "/en/skaters/jutta-leerdam/results.csv",
    }[kind]
    text = client.get(url).content.decode()
    summary = import_sheet(text, "export.csv")
    assert not summary.changed_anything, summary
    assert summary.results_unchanged == text.count("\n") - 1


def test_every_competition_round_trips(client, db):
    for competition in Competition.objects.all():
        text = client.get(f"{competition.get_absolute_url()}results.csv").content.decode()
        assert not import_sheet(text, competition.slug).changed_anything, competition.name


def test_the_json_export_carries_every_result(client, db):
    race = Race.objects.get(competition__name=BEIJING_CUP, division="A")
    data = json.loads(client.get(f"{race.get_absolute_url()}results.json").content)
    assert len(data["results"]) == race.results.count()
    takagi = next(r for r in data["results"] if r["skater"] == "Miho Takagi")
    assert (takagi["time_ms"], takagi["rank"], takagi["time"]) == (74440, 1, "1:14.44")


def test_exported_cells_cannot_run_as_spreadsheet_formulas():
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("Miho Takagi") == "Miho Takagi"


def test_a_second_editor_saving_an_old_version_is_refused_and_nothing_is_lost(client, editor, django_user_model):
    race = beijing_a()
    results = list(race.results.order_by("id"))
    seen = race.version
    client.force_login(editor)
    goetz = next(r for r in results if r.skater.name == "Kimi Goetz")
    goetz.time_ms = 74460
    assert post_race(client, race, results, seen).status_code == 302  # the first editor saves
    other = django_user_model.objects.create_user("other", is_staff=True, is_superuser=True)
    client.force_login(other)
    goetz.time_ms = 74470
    response = post_race(client, race, results, seen)  # the second still holds the old version
    assert response.status_code == 200
    assert "Someone else saved this race" in response.content.decode()
    assert Result.objects.get(pk=goetz.pk).time_ms == 74460


def test_pasted_times_are_matched_to_the_start_list(client, editor):
    race = beijing_a()
    client.force_login(editor)
    results = list(race.results.order_by("id"))
    paste = "8\tKimi Goetz\t1.14,30\n3, Antoinette de Jong, DNF\n"
    # Goetz (2nd) would now be faster than the official winner: the editor is told, nothing is saved
    response = post_race(client, race, results, race.version, paste=paste)
    assert response.status_code == 200
    assert "The official ranks no longer agree with the times" in response.content.decode()
    assert Result.objects.get(race=race, skater__name="Kimi Goetz").time_ms == 74450
    # ranked by the times instead: Goetz wins
    response = post_race(client, race, results, race.version, paste=paste, rank_by_times="on")
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert Result.objects.get(race=race, skater__name="Kimi Goetz").time_ms == 74300
    assert Result.objects.get(race=race, skater__name="Kimi Goetz").rank == 1
    assert Result.objects.get(race=race, skater__name="Kimi Goetz").pair == 8
    rijpma = Result.objects.get(race=race, skater__name="Antoinette Rijpma-de Jong")
    assert (rijpma.status, rijpma.rank) == ("DNF", None)


def test_a_pasted_name_not_on_the_start_list_is_refused(client, editor):
    race = beijing_a()
    client.force_login(editor)
    response = post_race(client, race, list(race.results.order_by("id")), race.version, paste="1 Nobody Known 1:10.00")
    assert response.status_code == 200
    assert "line 1: Nobody Known is neither on the start list nor in the skater register" in response.content.decode()


def test_history_shows_an_edit_and_restores_the_earlier_version(client, editor):
    race = beijing_a()
    client.force_login(editor)
    results = list(race.results.order_by("id"))
    goetz = next(r for r in results if r.skater.name == "Kimi Goetz")
    goetz.time_ms = 74990
    last_before = Change.objects.order_by("-id").values_list("id", flat=True).first() or 0
    post_race(client, race, results, race.version, rank_by_times="on")
    assert Result.objects.get(pk=goetz.pk).rank == 3  # slower than Leerdam now
    html = client.get(f"/admin/results/race/{race.id}/changes/").content.decode()
    assert "time: 1:14.45 → 1:14.99" in html and "ed" in html  # as the form names it, in its notation
    edit = Change.objects.get(race=race, id__gt=last_before, object_id=goetz.pk, before__time_ms=74450)
    asked = client.post(f"/admin/results/race/{race.id}/changes/", {"change": edit.id})
    assert "time: back from 1:14.99 to 1:14.45" in asked.content.decode()
    assert Result.objects.get(pk=goetz.pk).time_ms == 74990  # nothing before the confirmation
    client.post(f"/admin/results/race/{race.id}/changes/", {"change": edit.id, "confirm": "1"})
    restored = Result.objects.get(pk=goetz.pk)
    assert (restored.time_ms, restored.rank) == (74450, 2)


def test_a_restore_undoes_exactly_the_change_chosen_and_the_correction_notice_follows(client, editor):
    race = beijing_a()
    client.force_login(editor)
    winner, second = race.results.filter(time_ms__isnull=False).order_by("rank")[:2]  # two of its skaters
    first = Change.objects.order_by("-id").values_list("id", flat=True).first()
    for result, time_ms in ((winner, winner.time_ms + 50), (second, second.time_ms + 30)):
        fresh = Result.objects.get(pk=result.pk)
        fresh.time_ms = time_ms
        write_path.save(fresh)
    winner_change = Change.objects.get(id__gt=first, object_id=winner.pk)
    client.post(f"/admin/results/race/{race.id}/changes/", {"change": winner_change.id, "confirm": "1"})
    assert Result.objects.get(pk=winner.pk).time_ms == winner.time_ms  # undone
    assert Result.objects.get(pk=second.pk).time_ms == second.time_ms + 30  # the other change stays
    assert "Results corrected on" in client.get(race.get_absolute_url()).content.decode()
    second_change = Change.objects.get(id__gt=first, object_id=second.pk)
    client.post(f"/admin/results/race/{race.id}/changes/", {"change": second_change.id, "confirm": "1"})
    assert Race.objects.get(pk=race.pk).corrected_at is None  # as first published again: no notice
    assert "Results corrected on" not in client.get(race.get_absolute_url()).content.decode()


def test_a_change_changed_again_since_is_not_restored_alone(client, editor):
    race = beijing_a()
    client.force_login(editor)
    winner = race.results.filter(time_ms__isnull=False).earliest("rank")
    first = Change.objects.order_by("-id").values_list("id", flat=True).first()
    for time_ms in (winner.time_ms + 50, winner.time_ms + 80):
        fresh = Result.objects.get(pk=winner.pk)
        fresh.time_ms = time_ms
        write_path.save(fresh)
    earlier = Change.objects.filter(id__gt=first, object_id=winner.pk).earliest("id")
    response = client.post(
        f"/admin/results/race/{race.id}/changes/", {"change": earlier.id, "confirm": "1"}, follow=True
    )
    assert "cannot be restored alone: time changed again since" in response.content.decode()
    assert Result.objects.get(pk=winner.pk).time_ms == winner.time_ms + 80


def test_a_corrected_published_race_says_so(client, editor):
    race = beijing_a()
    client.force_login(editor)
    results = list(race.results.order_by("id"))
    next(r for r in results if r.skater.name == "Kimi Goetz").time_ms = 74460
    post_race(client, race, results, race.version)
    client.logout()
    assert "Results corrected on" in client.get(race.get_absolute_url()).content.decode()


def test_failed_logins_are_throttled(client, editor):
    for _ in range(5):
        client.post("/admin/login/", {"username": "ed", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "ed", "password": "correct horse battery staple"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
