import datetime

import pytest

from results.models import Competition, Race, Result
from results.sport import timing
from results.writes import path as write_path
from tests.helpers.builders import make, race_form, skaters


@pytest.fixture
def empty_race(db):
    competition = Competition.objects.get(name="2023-24 ISU Speed Skating World Cup 2 (Beijing)")
    return make(Race, competition=competition, date=datetime.date(2023, 11, 19), gender="F", distance_m=1500)


def test_an_editor_is_not_a_superuser_but_can_open_a_race(client, editor, empty_race):
    assert not editor.is_superuser
    client.force_login(editor)
    response = client.get(f"/admin/results/race/{empty_race.id}/change/")
    assert response.status_code == 200
    assert b"results-TOTAL_FORMS" in response.content


def test_an_editor_enters_times_in_any_notation_and_ranks_follow(client, editor, empty_race):
    takagi, leerdam, goetz = skaters("Miho Takagi", "Jutta Leerdam", "Kimi Goetz")
    client.force_login(editor)
    data = race_form(
        empty_race,
        [
            (1, "inner", takagi, "1.54,21", "FIN"),
            (1, "outer", leerdam, "1:55.30", "FIN"),
            (2, "inner", goetz, "115.30", "FIN"),
        ],
    )
    response = client.post(f"/admin/results/race/{empty_race.id}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    results = {r.skater.name: (r.time_ms, r.rank) for r in empty_race.results.select_related("skater")}
    assert results == {"Miho Takagi": (114210, 1), "Jutta Leerdam": (115300, 2), "Kimi Goetz": (115300, 2)}


def test_a_bad_time_is_refused_with_the_parsers_message_and_nothing_is_saved(client, editor, empty_race):
    takagi, leerdam = skaters("Miho Takagi", "Jutta Leerdam")
    client.force_login(editor)
    data = race_form(empty_race, [(1, "inner", takagi, "1.54,21", "FIN"), (1, "outer", leerdam, "1.74,44", "FIN")])
    data["date"] = "2023-11-20"
    response = client.post(f"/admin/results/race/{empty_race.id}/change/", data)
    assert response.status_code == 200
    assert "has 74 seconds; there are only 59 in a minute." in response.content.decode()
    assert not Result.objects.filter(race=empty_race).exists()
    empty_race.refresh_from_db()
    assert empty_race.date == datetime.date(2023, 11, 19)


def test_times_show_in_international_notation_in_the_admin(client, editor):
    client.force_login(editor)
    race = Race.objects.get(competition__name="2023-24 ISU Speed Skating World Cup 2 (Beijing)", division="A")
    response = client.get(f"/admin/results/race/{race.id}/change/")
    assert 'value="1:14.44"' in response.content.decode()


def test_an_editor_cannot_delete_a_competition_or_manage_users(client, editor):
    client.force_login(editor)
    competition = Competition.objects.first()
    assert client.get(f"/admin/results/competition/{competition.id}/delete/").status_code == 403
    assert client.get("/admin/auth/user/").status_code == 403


def test_skater_search_in_the_admin_finds_earlier_names(client, editor):
    client.force_login(editor)
    response = client.get("/admin/results/skater/", {"q": "Antoinette de Jong"})
    assert "Rijpma-de Jong" in response.content.decode()


def post_new_times(client, race, rows, **extra):
    """The race's change form with these (result, new time) rows as the inline, as an editor saves it."""
    data = race_form(race, [])
    data.update({"seen_version": race.version, "results-TOTAL_FORMS": len(rows), "results-INITIAL_FORMS": len(rows)})
    for n, (result, time) in enumerate(rows):
        data.update({
            f"results-{n}-id": result.id, f"results-{n}-race": race.id, f"results-{n}-pair": result.pair or "",
            f"results-{n}-lane": result.lane, f"results-{n}-skater": result.skater_id, f"results-{n}-time_ms": time,
            f"results-{n}-status": result.status,
        })  # fmt: skip
    data.update(extra)
    return client.post(f"/admin/results/race/{race.id}/change/", data)


def ranks(race):
    return {r.skater.name: (r.time_ms, r.rank) for r in race.results.select_related("skater")}


def test_computed_ranks_follow_a_corrected_time(client, editor, empty_race):
    takagi, leerdam, goetz = skaters("Miho Takagi", "Jutta Leerdam", "Kimi Goetz")
    client.force_login(editor)
    rows = [(1, "inner", takagi, "1:54.21", "FIN"), (1, "outer", leerdam, "1:55.30", "FIN"), (2, "inner", goetz, "1:56.00", "FIN")]  # fmt: skip
    assert client.post(f"/admin/results/race/{empty_race.id}/change/", race_form(empty_race, rows)).status_code == 302
    empty_race.refresh_from_db()
    entered = {r.skater.name: r for r in empty_race.results.select_related("skater")}
    new = {"Miho Takagi": "1:54.21", "Jutta Leerdam": "1:55.30", "Kimi Goetz": "1:54.00"}
    response = post_new_times(client, empty_race, [(entered[name], time) for name, time in new.items()])
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert ranks(empty_race) == {"Kimi Goetz": (114000, 1), "Miho Takagi": (114210, 2), "Jutta Leerdam": (115300, 3)}


def test_a_time_changed_in_the_shell_reranks_the_race_too(empty_race):
    takagi, leerdam = skaters("Miho Takagi", "Jutta Leerdam")
    first = make(Result, race=empty_race, skater=takagi, time_ms=114210)
    make(Result, race=empty_race, skater=leerdam, time_ms=115300)
    first.time_ms = 116000
    write_path.save(first)
    assert ranks(empty_race) == {"Jutta Leerdam": (115300, 1), "Miho Takagi": (116000, 2)}


def beijing_1000_a():
    return Race.objects.get(competition__name="2023-24 ISU Speed Skating World Cup 2 (Beijing)", division="A")


def test_a_time_that_contradicts_the_official_ranks_is_refused_with_the_skaters_named(client, editor):
    race = beijing_1000_a()
    client.force_login(editor)
    results = list(race.results.select_related("skater").order_by("id"))
    assert all(r.rank_is_official for r in results if r.rank)
    before = ranks(race)
    goetz = next(r for r in results if r.skater.name == "Kimi Goetz")  # 2nd in 1:14.45
    rows = [(r, "1:15.90" if r is goetz else (f"{r.time_ms / 1000:.3f}" if r.time_ms else "")) for r in results]
    response = post_new_times(client, race, rows)
    assert response.status_code == 200
    text = response.content.decode()
    assert "The official ranks no longer agree with the times; nothing was saved." in text
    assert "Kimi Goetz, rank 2 in 1:15.90" in text
    assert ranks(race) == before


def test_an_editor_may_rank_by_the_times_instead_and_no_two_ranks_clash(client, editor):
    race = beijing_1000_a()
    client.force_login(editor)
    results = list(race.results.select_related("skater").order_by("id"))
    goetz = next(r for r in results if r.skater.name == "Kimi Goetz")
    rows = [(r, "1:15.90" if r is goetz else (f"{r.time_ms / 1000:.3f}" if r.time_ms else "")) for r in results]
    assert post_new_times(client, race, rows, rank_by_times="on").status_code == 302
    timed = sorted((rank, time) for time, rank in ranks(race).values() if time is not None)
    for (rank, time), (next_rank, next_time) in zip(timed, timed[1:], strict=False):
        assert (rank == next_rank) == (time == next_time) and (rank < next_rank) == (time < next_time)


def test_times_pasted_into_a_race_without_a_start_list_are_entered_from_the_register(client, editor, empty_race):
    client.force_login(editor)
    data = race_form(empty_race, [])
    data["paste"] = "1 Miho Takagi 1.54,21\n1 Jutta Leerdam 1:55.30\n2 Kimi Goetz DNF\n"
    response = client.post(f"/admin/results/race/{empty_race.id}/change/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert ranks(empty_race) == {
        "Miho Takagi": (114210, 1), "Jutta Leerdam": (115300, 2), "Kimi Goetz": (None, None),
    }  # fmt: skip


def test_a_pasted_block_naming_nobody_known_saves_nothing_and_says_which_line(client, editor, empty_race):
    client.force_login(editor)
    data = race_form(empty_race, [])
    data["paste"] = "1 Miho Takagi 1.54,21\n2 Nobody Known 1:55.30\n"
    response = client.post(f"/admin/results/race/{empty_race.id}/change/", data)
    assert response.status_code == 200
    assert "line 2: Nobody Known is neither on the start list nor in the skater register" in response.content.decode()
    assert not empty_race.results.exists()


@pytest.mark.django_db
def test_the_admins_result_list_shows_a_hand_timed_time_in_tenths(client, editor):
    client.force_login(editor)
    hand_timed = Result.objects.filter(time_in_tenths=True, time_ms__isnull=False).select_related("skater").first()
    response = client.get("/admin/results/result/", {"q": hand_timed.skater.name})
    shown = timing.format_time(hand_timed.time_ms, "en", tenths=True)
    assert shown.count(".") == 1 and len(shown.split(".")[1]) == 1  # 18:04.8, not 18:04.80
    assert f">{shown}<" in response.content.decode()
