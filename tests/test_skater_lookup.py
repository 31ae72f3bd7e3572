"""Skaters for editors on race day: the lookup offers the race's gender and the nearest names on a typo, a
near-duplicate is not created without a warning, and a duplicate is merged into the right skater, whose profile
its old address then leads to."""

from results.models import Change, Result, Skater
from results.writes import path as write_path
from tests.helpers.builders import WC3_WOMEN_500, make, real_race


def lookup(client, race, term):
    """What the race page's skater lookup offers for a term (Django's admin autocomplete, asked from the race)."""
    response = client.get(
        "/admin/autocomplete/",
        {"term": term, "app_label": "results", "model_name": "result", "field_name": "skater"},
        headers={"Referer": f"http://testserver/admin/results/race/{race.id}/change/"},
    )
    return [item["text"] for item in response.json()["results"]]


def test_the_lookup_offers_only_the_races_gender(client, editor):
    client.force_login(editor)
    race = real_race(*WC3_WOMEN_500)
    offered = lookup(client, race, "kim")
    assert offered and all(Skater.objects.get(name=text.rsplit(" (", 1)[0]).gender == "F" for text in offered)
    assert Skater.objects.filter(gender="M", search_name__contains="kim").exists()  # men named Kim were left out


def test_a_typo_in_the_lookup_offers_the_nearest_names(client, editor):
    client.force_login(editor)
    race = real_race(*WC3_WOMEN_500)
    assert lookup(client, race, "Jutta Leerdan")[0] == "Jutta Leerdam (NED)"


def skater_form(**values):
    return {"name": "Jutta Leerdan", "slug": "jutta-leerdan", "gender": "F", "nationality": "NED", "birth_date": "",
            "other_names-TOTAL_FORMS": 0, "other_names-INITIAL_FORMS": 0, **values}  # fmt: skip


def test_adding_a_near_duplicate_warns_and_saves_nothing_until_confirmed(client, editor):
    client.force_login(editor)
    response = client.post("/admin/results/skater/add/", skater_form())
    assert response.status_code == 200
    assert "Near an existing skater: Jutta Leerdam (NED, 1998-12-30)" in response.content.decode()
    assert not Skater.objects.filter(name="Jutta Leerdan").exists()
    confirmed = client.post("/admin/results/skater/add/", skater_form(new_skater="on"))
    assert confirmed.status_code == 302 and Skater.objects.filter(name="Jutta Leerdan").exists()


def test_a_duplicate_is_merged_and_its_address_leads_to_the_right_skater(client, editor):
    client.force_login(editor)
    client.post("/admin/results/skater/add/", skater_form(new_skater="on"))
    duplicate, leerdam = Skater.objects.get(name="Jutta Leerdan"), Skater.objects.get(name="Jutta Leerdam")
    race = real_race(*WC3_WOMEN_500)
    write_path.delete_all(
        Result.objects.filter(race=race, skater=leerdam)
    )  # as if the duplicate had been entered for her
    make(Result, race=race, skater=duplicate, nationality="NED", time_ms=37_400, pair=9, lane="inner")
    screen = client.get(f"/admin/results/skater/{duplicate.pk}/merge/")
    assert screen.context["form"].fields["into"].initial == leerdam.pk  # the nearest name is offered first
    response = client.post(f"/admin/results/skater/{duplicate.pk}/merge/", {"into": leerdam.pk})
    assert response.status_code == 302
    assert not Skater.objects.filter(pk=duplicate.pk).exists()
    assert Result.objects.get(race=race, time_ms=37_400).skater == leerdam
    moved = client.get("/en/skaters/jutta-leerdan/")
    assert moved.status_code == 301 and moved["Location"] == "/en/skaters/jutta-leerdam/"
    assert Change.objects.filter(model="skater", object_id=duplicate.pk, action="delete").exists()


def test_an_editor_merges_only_a_skater_they_created(client, editor):
    client.force_login(editor)
    leerdam = Skater.objects.get(name="Jutta Leerdam")
    assert client.get(f"/admin/results/skater/{leerdam.pk}/merge/").status_code == 403


def test_a_merge_of_two_skaters_in_the_same_race_is_refused(client, editor):
    client.force_login(editor)
    client.post("/admin/results/skater/add/", skater_form(new_skater="on"))
    duplicate, leerdam = Skater.objects.get(name="Jutta Leerdan"), Skater.objects.get(name="Jutta Leerdam")
    race = Result.objects.filter(skater=leerdam).latest("race__date").race
    make(Result, race=race, skater=duplicate, nationality="NED", time_ms=99_000)
    response = client.post(f"/admin/results/skater/{duplicate.pk}/merge/", {"into": leerdam.pk})
    assert response.status_code == 400 and "Both skated" in response.content.decode()
    assert Skater.objects.filter(pk=duplicate.pk).exists()
