"""The race page's reads written out in SQL (results/queries/sql.py) give what the QuerySets they stand for give,
for every seed race, on SQLite and on PostgreSQL."""

import pytest
from django.contrib.auth.models import AnonymousUser

from results.models import Race, RaceKind
from results.queries import race_page, starts
from tests.factories import RaceFactory


@pytest.fixture
def seed_races(db):
    races = list(Race.objects.with_competition().filter(kind=RaceKind.INDIVIDUAL))
    assert len(races) > 100  # the seeds: every individual race of them
    return races


def test_the_start_histories_are_those_the_queryset_reads(seed_races):
    for race in seed_races:
        skaters = list(race.results.values_list("skater_id", flat=True))
        expected = {}
        for row in starts.starts_on_distance_queryset(race, skaters):
            expected.setdefault(row[0], []).append(row)
        found = {
            skater: [tuple(start) for start in found]
            for skater, found in starts.starts_on_distance(race, skaters).items()
        }
        assert found == expected, race


def test_the_records_before_a_race_are_those_the_queryset_reads(seed_races):
    for race in seed_races:
        nationalities = set(race.results.values_list("nationality", flat=True))
        expected = list(race_page.records_before_queryset(race, nationalities))
        one_of, values = race_page.sql.one_of("nationality", sorted(nationalities))
        found = race_page.sql.rows(
            race_page.RECORDS_BEFORE.format(nationalities=one_of),
            [race.competition.rink_id, *values, race.gender, race.distance_m, race.date.isoformat()],
        )
        assert [tuple(row) for row in found] == expected, race


def test_the_winner_ages_are_those_the_queryset_reads(seed_races):
    assert any(race_page.winner_ages(race) != (None, None) for race in seed_races)
    for race in seed_races:
        assert race_page.winner_ages(race) == race_page.winner_ages_queryset(race).first(), race


def test_the_races_around_are_those_the_queryset_reads(seed_races):
    for race in seed_races:
        expected = [race_page.RaceRow._make(row) for row in race_page.races_of_distance_queryset(race)]
        found = [
            race_page.RaceRow._make(row)
            for row in race_page.sql.rows(
                race_page.RACES_OF_DISTANCE, [race.id, race.competition.season, race.gender, race.distance_m, race.kind]
            )
        ]
        assert [
            (*row[:5], bool(row.published), bool(row.competition__published), *row[7:]) for row in found
        ] == expected


def test_a_draft_race_an_editor_opens_is_read_with_the_public_ones(db):
    draft = RaceFactory(published=False)
    editor = type("Editor", (), {"is_staff": True})()
    assert race_page.race_at(draft.competition.slug, draft.slug, editor) == draft
    assert race_page.race_at(draft.competition.slug, draft.slug, AnonymousUser()) is None
    previous, following = race_page.races_around(draft)[1]
    assert (previous, following) == (None, None)
    assert starts.starts_on_distance(draft, []) == {}


def test_every_seed_skaters_career_is_what_the_queryset_reads(db):
    from results.models import Skater
    from results.queries import careers

    skaters = list(Skater.objects.all())
    assert len(skaters) > 300
    for skater in skaters:
        expected = [(*row[:-1], bool(row[-1])) for row in careers.career_queryset(skater)]
        assert [tuple(result) for result in careers.career(skater)] == expected, skater


def test_every_seed_skaters_rivals_names_and_streaks_are_those_the_querysets_read(db):
    from results.models import Skater, SkaterName, StreakSummary
    from results.queries import skater_page

    for skater in Skater.objects.all():
        rivals = [(r["name"], r["slug"], r["meetings"]) for r in skater_page.rivals_of(skater)]
        assert rivals == list(skater_page.rivals_queryset(skater)), skater
        names = SkaterName.objects.filter(skater=skater).order_by("name", "id").values_list("name", flat=True)
        assert skater_page.other_names(skater) == list(names)
        streaks = StreakSummary.objects.filter(skater=skater).order_by("distance_m")
        assert [tuple(s) for s in skater_page.streak_summaries(skater)] == list(
            streaks.values_list("distance_m", "current", "longest")
        )


def field_values(instance):
    return {field.attname: getattr(instance, field.attname) for field in type(instance)._meta.concrete_fields}


@pytest.mark.parametrize("staff", [False, True])
def test_the_race_at_an_address_is_the_one_the_queryset_reads(db, staff):
    user = type("User", (), {"is_staff": staff})()
    drafts = Race.objects.filter(published=True).order_by("id")[:3]
    Race.objects.filter(id__in=[race.id for race in drafts]).update(published=False)
    for race in Race.objects.select_related("competition"):
        expected = race_page.race_at_queryset(race.competition.slug, race.slug, user).first()
        found = race_page.race_at(race.competition.slug, race.slug, user)
        if expected is None:
            assert found is None and not staff and not race.published
            continue
        assert field_values(found) == field_values(expected), race
        assert field_values(found.competition) == field_values(expected.competition)
        assert field_values(found.competition.rink) == field_values(expected.competition.rink)
    assert race_page.race_at("no-such-competition", "women-500m", user) is None


def test_the_entries_of_a_race_are_those_the_queryset_reads(seed_races):
    for race in seed_races:
        expected = list(race_page.race_entries_queryset(race))
        found = race_page.race_entries(race)
        assert [field_values(r) for r in found] == [field_values(r) for r in expected], race
        assert [r.skater and field_values(r.skater) for r in found] == [
            r.skater and field_values(r.skater) for r in expected
        ]


@pytest.mark.parametrize("staff", [False, True])
def test_the_competition_at_an_address_is_the_one_the_querysets_read(db, staff):
    from results.models import Competition
    from results.queries import competition_page

    user = type("User", (), {"is_staff": staff})()
    Competition.objects.filter(id=Competition.objects.order_by("id").first().id).update(published=False)
    Race.objects.filter(id__in=Race.objects.order_by("-id").values("id")[:4]).update(published=False)
    for slug in Competition.objects.values_list("slug", flat=True):
        expected, races = competition_page.competition_at_queryset(slug, user)
        found = competition_page.competition_at(slug, user)
        if expected is None:
            assert found is None and not staff
            continue
        assert field_values(found) == field_values(expected)
        assert field_values(found.rink) == field_values(expected.rink)
        assert [field_values(race) for race in found.race_list] == [field_values(race) for race in races], slug
