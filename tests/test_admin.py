import datetime

import pytest

from results.models import Competition, Race, Result, Skater


@pytest.fixture
def empty_race(db):
    competition = Competition.objects.get(name="2023-24 ISU Speed Skating World Cup 2 (Beijing)")
    return Race.objects.create(competition=competition, date=datetime.date(2023, 11, 19), gender="F", distance_m=1500)


def race_form(race, rows):
    data = {
        "competition": race.competition_id,
        "date": race.date.isoformat(),
        "gender": race.gender,
        "distance_m": race.distance_m,
        "kind": race.kind,
        "division": race.division,
        "round": "",
        "published": "on",
        "results-TOTAL_FORMS": len(rows),
        "results-INITIAL_FORMS": 0,
        "results-MIN_NUM_FORMS": 0,
        "results-MAX_NUM_FORMS": 1000,
    }
    for n, (pair, lane, skater, time, status) in enumerate(rows):
        data.update(
            {
                f"results-{n}-pair": pair,
                f"results-{n}-lane": lane,
                f"results-{n}-skater": skater.id,
                f"results-{n}-time_ms": time,
                f"results-{n}-status": status,
                f"results-{n}-race": race.id,
            }
        )
    return data


def skaters(*names):
    return [Skater.objects.get(name=name) for name in names]


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
