"""The reads written out in SQL (results/queries/sql.py; they stay where make bench-sql shows them saving at least
a tenth of their page's time) give what the QuerySets they stand for give, for every seed race, competition and
skater, on SQLite and on PostgreSQL."""

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


def test_the_winner_ages_are_those_the_queryset_reads(seed_races):
    assert any(race_page.winner_ages(race) != (None, None) for race in seed_races)
    for race in seed_races:
        assert race_page.winner_ages(race) == race_page.winner_ages_queryset(race).first(), race


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


def field_values(instance):
    return {field.attname: getattr(instance, field.attname) for field in type(instance)._meta.concrete_fields}


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


def test_every_seed_skaters_stored_bests_are_those_the_querysets_read(db):
    from results.models import Skater
    from results.queries import careers

    checked = 0
    for skater in Skater.objects.all():
        personal, seasons = careers.stored_bests(skater)
        expected_personal, expected_seasons = careers.stored_bests_querysets(skater)
        assert [tuple(best) for best in personal] == list(expected_personal), skater
        assert [tuple(best) for bests in seasons.values() for best in bests] == list(expected_seasons), skater
        checked += bool(personal)
    assert checked > 300
