"""Race day for editors and fans: a start list before the race, the entry screen pair by pair (two editors at once,
conflicts), the provisional race and its live page, and the race marked official. Made from a real race: the
skaters, pairs and lanes of World Cup 3's women's 500 m, with the times they skated."""

from datetime import date

import pytest
from django.contrib.auth.models import Group

from results.models import Race, Result, Status, StreakEnd, StreakSummary
from tests.helpers.builders import WC3_WOMEN_500, make, race_form, real_race, sheet, skaters, start_list_from
from tests.helpers.html import page


@pytest.fixture
def drawn(db):
    return start_list_from(real_race(*WC3_WOMEN_500))


@pytest.fixture
def second_editor(db, django_user_model):
    user = django_user_model.objects.create_user("anna", password="another horse battery staple", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def entry_url(race):
    return f"/admin/results/race/{race.id}/entry/"


def pair_form(race, pair, typed, seen_from=None):
    """The post of one pair's form: {skater name: what is typed}, with what the editor saw (now, or as given)."""
    data = {}
    for result in (seen_from or race.results.select_related("skater")).filter(pair=pair):
        data[f"r{result.id}"] = typed[result.skater.name]
        data[f"seen{result.id}"] = f"{result.status}:{result.time_ms or ''}"
    return data


def test_a_start_list_is_saved_without_times_and_shown_as_one(client, drawn):
    race, _typed = drawn
    assert race.provisional and not race.field_complete
    assert set(race.results.values_list("status", flat=True)) == {Status.NOT_SKATED}
    assert race.results.filter(rank__isnull=False).count() == 0
    response = client.get(race.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Start list" in html and "Provisional" in html and "Incomplete field" not in html
    assert html.count('<tr><td class="num">') == 16  # every starter, by pair
    assert "Yukino Yoshida" in html


def test_a_start_list_row_needs_its_pair(db):
    from results.imports.sheets import SheetError
    from results.writes.sheet_import import import_sheet

    line = "Race Day Cup,2025/26,Thialf,Heerenveen,NED,2026-01-10,F,500,,,Femke Kok,NED,,,,,test"
    with pytest.raises(SheetError, match="start-list.csv:2: .*start list row without them needs its pair"):
        import_sheet(sheet(line), "start-list.csv")


def test_a_start_list_is_entered_in_the_admin_without_times(client, editor):
    client.force_login(editor)
    race = real_race(*WC3_WOMEN_500)
    new = make(Race, competition=race.competition, date=date(2025, 12, 8), gender="F", distance_m=500,
                              division="A", round=2, provisional=True)  # fmt: skip
    kok, jackson = skaters("Femke Kok", "Erin Jackson")
    data = race_form(new, [(1, "inner", kok, "", "NYS"), (1, "outer", jackson, "", "NYS")])
    data.update(date="2025-12-08", division="A", round=2, provisional="on")
    response = client.post(f"/admin/results/race/{new.id}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(new.results.values_list("status", "time_ms", "rank")) == [("NYS", None, None)] * 2


def test_the_entry_screen_saves_a_pair_and_makes_the_next_ready(client, editor, drawn):
    race, typed = drawn
    client.force_login(editor)
    screen = client.get(entry_url(race)).content.decode()
    first = race.results.get(pair=1, lane="inner")
    first_field = screen.split(f'id="r{first.id}"')[1].split(">")[0]
    assert 'value=""' in first_field and "autofocus" in first_field
    response = client.post(entry_url(race), pair_form(race, 1, typed))
    assert response.status_code == 302 and response["Location"].endswith("?after=1")
    saved = {r.skater.name: r for r in race.results.filter(pair=1).select_related("skater")}
    assert {name: r.time_ms for name, r in saved.items()} == {"Rio Yamada": 38490, "Brooklyn McDougall": 38570}
    assert saved["Rio Yamada"].rank == 1 and saved["Brooklyn McDougall"].rank == 2
    screen = client.get(response["Location"]).content.decode()
    second = race.results.get(pair=2, lane="inner")
    assert screen.index("autofocus") > screen.index(f'id="r{second.id}"') > screen.index(f'id="r{first.id}"')


def test_both_notations_and_a_status_are_typed_in_the_same_field(client, editor, drawn):
    race, typed = drawn
    client.force_login(editor)
    mixed = {**typed, "Min-Sun Kim": "37,83", "Kaja Ziomek-Nogal": "wdr"}
    assert client.post(entry_url(race), pair_form(race, 2, mixed)).status_code == 302
    kim, ziomek = (race.results.get(skater__name=name) for name in ("Min-Sun Kim", "Kaja Ziomek-Nogal"))
    assert (kim.status, kim.time_ms, kim.rank) == ("FIN", 37830, 1)
    assert (ziomek.status, ziomek.time_ms, ziomek.rank) == ("WDR", None, None)


def test_a_wrong_time_is_refused_with_the_parsers_sentence_and_nothing_of_the_pair_is_saved(client, editor, drawn):
    race, typed = drawn
    client.force_login(editor)
    response = client.post(entry_url(race), pair_form(race, 1, {**typed, "Brooklyn McDougall": "38.5x"}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "&#x27;38.5x&#x27; is not a time" in html and 'value="38.5x"' in html and 'value="38.49"' in html
    assert set(race.results.filter(pair=1).values_list("status", flat=True)) == {"NYS"}


def test_two_editors_saving_different_pairs_at_once_are_both_kept(client, editor, second_editor, drawn):
    race, typed = drawn
    seen = race.results.all()  # both screens loaded before either saves
    pair_1, pair_2 = pair_form(race, 1, typed, seen), pair_form(race, 2, typed, seen)
    client.force_login(editor)
    assert client.post(entry_url(race), pair_1).status_code == 302
    client.force_login(second_editor)
    assert client.post(entry_url(race), pair_2).status_code == 302
    times = dict(race.results.filter(pair__lte=2).values_list("skater__name", "time_ms"))
    assert times == {"Rio Yamada": 38490, "Brooklyn McDougall": 38570, "Min-Sun Kim": 37830,
                     "Kaja Ziomek-Nogal": 37840}  # fmt: skip
    assert list(race.results.filter(pair__lte=2).order_by("rank").values_list("rank", flat=True)) == [1, 2, 3, 4]


def test_a_true_conflict_keeps_the_typing_and_says_what_changed_by_whom(client, editor, second_editor, drawn):
    race, typed = drawn
    before = pair_form(race, 1, typed)  # what the first editor's screen holds
    client.force_login(second_editor)
    assert client.post(entry_url(race), pair_form(race, 1, {**typed, "Rio Yamada": "38.94"})).status_code == 302
    client.force_login(editor)
    response = client.post(entry_url(race), before, headers={"X-Entry-Fetch": "1"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Changed meanwhile to 38.94 by anna at" in html and 'value="38.49"' in html
    assert race.results.get(skater__name="Rio Yamada").time_ms == 38940
    again = client.post(entry_url(race), {**before, **{k: "FIN:38940" for k in before if k.startswith("seen")}})
    assert again.status_code == 302  # saved again, deliberately: the first editor's time replaces it
    assert race.results.get(skater__name="Rio Yamada").time_ms == 38490


def test_a_corrected_pair_is_logged_like_every_change(client, editor, drawn):
    race, typed = drawn
    client.force_login(editor)
    client.post(entry_url(race), pair_form(race, 1, {**typed, "Rio Yamada": "38.94"}))
    client.post(entry_url(race), pair_form(race, 1, typed))
    yamada = race.results.get(skater__name="Rio Yamada")
    logged = [(c.before or {}).get("time_ms") for c in race.changes.filter(object_id=yamada.id).order_by("id")]
    assert logged[-2:] == [None, 38940] and yamada.time_ms == 38490
    assert race.changes.filter(object_id=yamada.id).latest("id").user == editor


def test_the_public_page_follows_the_race_with_time_to_beat_and_pairs_to_skate(client, editor, drawn):
    race, typed = drawn
    client.force_login(editor)
    for pair in (1, 2, 3):
        client.post(entry_url(race), pair_form(race, pair, typed))
    client.logout()
    live = race.get_absolute_url() + "live"
    response = client.get(live)
    html = response.content.decode()
    assert response.status_code == 200 and "Provisional" in html
    text = page(response).visible_text
    assert "Time to beat : 37.83 for the lead ( Min-Sun Kim ) · 37.93 for the podium" in text
    assert "Still to skate" in html and "Yukino Yoshida" in html
    assert client.get(live, headers={"If-None-Match": response["ETag"]}).status_code == 304
    client.force_login(editor)
    client.post(entry_url(race), pair_form(race, 4, typed))
    client.logout()
    changed = client.get(live, headers={"If-None-Match": response["ETag"]})
    assert changed.status_code == 200 and "Kristina Silaeva" in changed.content.decode()


def test_the_live_part_costs_a_fixed_number_of_queries(client, drawn, django_assert_max_num_queries):
    race, _typed = drawn
    live = race.get_absolute_url() + "live"
    with django_assert_max_num_queries(12):
        response = client.get(live)
    with django_assert_max_num_queries(1):
        assert client.get(live, headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_a_race_is_official_only_when_every_starter_has_a_time_or_a_status(client, editor, drawn):
    race, typed = drawn
    client.force_login(editor)
    for pair in range(1, 8):
        client.post(entry_url(race), pair_form(race, pair, typed))
    refused = client.post(entry_url(race), {"official": "1"}, follow=True).content.decode()
    waiting = race.results.filter(pair=8).values_list("skater__name", flat=True)
    message = refused.split("Still without a time or a status: ")[1].split(".")[0]
    assert sorted(message.split(", ")) == sorted(waiting)
    assert Race.objects.get(pk=race.pk).provisional
    client.post(entry_url(race), pair_form(race, 8, typed))
    client.post(entry_url(race), {"official": "1"})
    race.refresh_from_db()
    assert not race.provisional and race.field_complete
    html = client.get(race.get_absolute_url()).content.decode()
    assert "Provisional" not in html and "Still to skate" not in html and "Time to beat" not in html


def test_a_provisional_race_announces_nothing_as_settled(client, editor, django_capture_on_commit_callbacks):
    """A made-up race beats the skater with the longest current run of wins: nothing says the run ended until an
    editor marks the race official."""
    holder = StreakSummary.objects.filter(current__gte=3).order_by("-current", "id").first()
    last = Result.objects.filter(skater_id=holder.skater_id, race__distance_m=holder.distance_m).latest("race__date")
    rival = Result.objects.filter(race=last.race).exclude(skater_id=holder.skater_id).select_related("skater")[0]
    winner_time, holder_time = last.time_ms - 500, last.time_ms
    line = "Race Day Cup,2025/26,Thialf,Heerenveen,NED,{day},{g},{d},,,{name},{nat},,1,{lane},,test"
    rows = [line.format(day="2026-03-01", g=last.race.gender, d=holder.distance_m, name=r.skater.name,
                        nat=r.nationality, lane=lane) for r, lane in ((rival, "inner"), (last, "outer"))]  # fmt: skip
    from results.writes.sheet_import import import_sheet

    with django_capture_on_commit_callbacks(execute=True):
        import_sheet(sheet(*rows), "start-list.csv")
    race = Race.objects.get(competition__name="Race Day Cup")
    client.force_login(editor)
    typed = {rival.skater.name: f"{winner_time / 1000:.2f}", last.skater.name: f"{holder_time / 1000:.3f}"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(entry_url(race), pair_form(race, 1, typed)).status_code == 302
    client.logout()
    public = race.get_absolute_url()
    assert not StreakEnd.objects.filter(race=race).exists()
    assert StreakSummary.objects.get(skater_id=holder.skater_id, distance_m=holder.distance_m).current == holder.current
    html = client.get(public).content.decode()
    assert "ends" not in html and "The story" not in html and "leads the" in html
    home = client.get("/en/").content.decode()
    assert race.get_absolute_url() not in home.split("Latest races")[0]  # no streak ended, not live now
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(entry_url(race), {"official": "1"})
    assert StreakEnd.objects.filter(race=race, skater_id=holder.skater_id, length=holder.current).exists()
    assert StreakSummary.objects.get(skater_id=holder.skater_id, distance_m=holder.distance_m).current == 0
    client.logout()
    assert "ends" in client.get(public).content.decode()


def test_the_home_page_shows_the_races_live_now(client, drawn, django_assert_max_num_queries):
    from django.utils import timezone

    race, _typed = drawn
    Race.objects.filter(pk=race.pk).update(date=timezone.localdate())
    # the races live now (which are, then how far), competitions, latest races, streaks ended, winners
    with django_assert_max_num_queries(6):
        html = client.get("/en/").content.decode()
    assert "Live now" in html and race.get_absolute_url() in html.split("Live now")[1].split("</section>")[0]
    assert "16 of 16 still to skate" in html


def test_an_unchanged_live_part_is_answered_without_the_database_until_a_pair_is_saved(
    client, editor, drawn, settings, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "live"}}
    cache.clear()
    race, typed = drawn
    live = race.get_absolute_url() + "live"
    first = client.get(live)
    with django_assert_max_num_queries(0):  # the middleware's 304: no session, no race read
        assert client.get(live, headers={"If-None-Match": first["ETag"]}).status_code == 304
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(entry_url(race), pair_form(race, 1, typed))
    client.logout()
    after = client.get(live, headers={"If-None-Match": first["ETag"]})
    assert after.status_code == 200 and after["ETag"] != first["ETag"] and "38.49" in after.content.decode()
    cache.clear()
