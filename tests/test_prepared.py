"""A prepared query (results/prepared.py) gives what its QuerySet gives when evaluated as usual."""

import pytest
from django.db.models import BooleanField, Value

from results import history, models
from results.models import Race, Result, Skater
from results.prepared import Prepared


def snapshot(instance, parent=None):
    """An instance's field values and, recursively, those of the related objects loaded with it (not back to the
    one it was loaded with: a one-to-one relation points both ways)."""
    if instance is None:
        return None
    fields = tuple(getattr(instance, f.attname) for f in instance._meta.concrete_fields)
    related = {
        name: snapshot(other, instance) if other is not parent else "parent"
        for name, other in sorted(instance._state.fields_cache.items())
    }
    return type(instance).__name__, fields, related


def assert_same(prepared, **values):
    """The prepared query's answer equals its QuerySet's, built with the values themselves."""
    plain = prepared.build(**{k: Value(v, BooleanField()) if isinstance(v, bool) else v for k, v in values.items()})
    if plain._iterable_class.__name__ == "ModelIterable":
        found = prepared.objects(**values)
        assert [snapshot(o) for o in found] == [snapshot(o) for o in plain]
    else:
        found = prepared.rows(**values)
        assert found == list(plain)
    return found


def test_every_race_page_query_gives_what_its_queryset_gives_for_every_seed_race(db):
    races = list(Race.objects.with_competition())
    assert len(races) == 110
    answered = 0
    for race in races:
        skaters = list(race.results.exclude(skater=None).values_list("skater_id", flat=True))
        nationalities = sorted(set(race.results.values_list("nationality", flat=True)))
        event = {"gender": race.gender, "distance": race.distance_m, "date": race.date}
        for drafts in (False, True):
            found = assert_same(models.RACE_AT, competition=race.competition.slug, race=race.slug, drafts=drafts)
            assert [r.id for r in found] == [race.id]
        answered += len(assert_same(models.RACE_RESULTS, race=race.id))
        answered += len(assert_same(models.RECORDS_BEFORE, rink=race.competition.rink_id, nationalities=nationalities,
                                    **event))  # fmt: skip
        assert_same(models.WINNER_AGES, race=race.id, kind=race.kind, **event)
        answered += len(assert_same(models.RACES_OF_DISTANCE, race=race.id, season=race.competition.season,
                                    gender=race.gender, distance=race.distance_m, kind=race.kind))  # fmt: skip
        answered += len(assert_same(history.DISTANCE_HISTORY, race=race.id, skaters=skaters, kind=race.kind, **event))
    assert answered > 5000  # the comparisons were made on rows, not on empty answers


def test_a_list_placeholder_may_be_empty_or_long(db):
    by_ids = Prepared(lambda ids: Skater.objects.filter(id__in=ids).order_by("id").values_list("id", flat=True),
                      ids=[models.models.BigIntegerField()])  # fmt: skip
    every = list(Skater.objects.order_by("id").values_list("id", flat=True))
    assert assert_same(by_ids, ids=[]) == []
    assert assert_same(by_ids, ids=every) == every
    assert assert_same(by_ids, ids=every[::2] + [10**9]) == every[::2]


def test_the_same_prepared_query_answers_new_values_each_run(db):
    finishers = Prepared(lambda race: Result.objects.filter(race_id=race, rank=1).values_list("skater__name", flat=True),
                         race=models.models.BigIntegerField())  # fmt: skip
    winners = {}
    for race in Race.objects.filter(kind="individual"):
        winners[race.id] = finishers.rows(race=race.id)
        assert winners[race.id] == list(Result.objects.filter(race=race, rank=1).values_list("skater__name", flat=True))
    assert len({tuple(names) for names in winners.values()}) > 20


def test_a_prepared_query_is_compiled_once(db, django_assert_num_queries):
    race = Race.objects.first()
    models.RACE_RESULTS.objects(race=race.id)
    compiled = models.RACE_RESULTS._compiled[("default", False)]
    with django_assert_num_queries(1):
        models.RACE_RESULTS.objects(race=race.id)
    assert models.RACE_RESULTS._compiled[("default", False)] is compiled


@pytest.mark.parametrize("wrong", ["objects", "rows"])
def test_asking_a_prepared_query_for_the_wrong_kind_of_answer_is_refused(db, wrong):
    other = {"objects": "rows", "rows": "objects"}[wrong]
    query = {"objects": models.RACE_RESULTS, "rows": history.DISTANCE_HISTORY}[other]
    race = Race.objects.first()
    values = (
        {"race": race.id}
        if query is models.RACE_RESULTS
        else {"race": race.id, "skaters": [], "gender": "F", "distance": 500, "kind": "individual", "date": race.date}
    )
    with pytest.raises(AssertionError):
        getattr(query, wrong)(**values)


def test_every_competition_and_profile_query_gives_what_its_queryset_gives_on_the_seeds(db):
    from results import careers
    from results.models import Competition

    answered = 0
    for competition in Competition.objects.all():
        for drafts in (False, True):
            assert [c.id for c in assert_same(models.COMPETITION_AT, slug=competition.slug, drafts=drafts)] == [
                competition.id
            ]
            races = assert_same(models.COMPETITION_RACES, competition=competition.id, drafts=drafts)
            assert sorted(r.id for r in races) == sorted(competition.races.values_list("id", flat=True))
        race_ids = [race.id for race in races]
        answered += len(assert_same(models.PODIUMS, races=race_ids))
        times = assert_same(models.FINISH_TIMES, races=race_ids)
        answered += len(assert_same(models.SKATER_LINKS, skaters=sorted({skater for _, skater, _ in times})))
    for skater in Skater.objects.all():
        assert [s.id for s in assert_same(models.SKATER_AT, slug=skater.slug)] == [skater.id]
        rows = assert_same(careers.CAREER, skater=skater.id)
        answered += len(rows)
        assert_same(models.OTHER_NAMES, skater=skater.id)
        assert_same(models.STREAK_SUMMARIES, skater=skater.id)
        assert_same(models.RIVAL_COUNTS, skater=skater.id)
    assert answered > 3000


def test_the_home_and_head_to_head_queries_give_what_their_querysets_give_on_the_seeds(db):
    from results import headtohead, views

    competitions = assert_same(views.LATEST_COMPETITIONS)
    races = assert_same(views.LATEST_RACES, competitions=[c.id for c in competitions])
    assert len(races) == 12
    assert len(assert_same(history.WINNERS_OF, races=[r.id for r in races])) >= 10
    assert len(assert_same(history.LATEST_STREAK_ENDS)) == 3  # the seeds hold three ended runs of 3+ wins
    pairs = 0
    for skater in Skater.objects.all()[:120]:
        races = Result.objects.filter(skater=skater).values_list("race_id", flat=True)
        for rival in (
            Result.objects.filter(race_id__in=races).exclude(skater=skater).values_list("skater_id", flat=True)[:3]
        ):
            pairs += len(assert_same(headtohead.MEETINGS, a=skater.id, b=rival))
    assert pairs > 300


def test_a_sliced_prepared_query_gives_each_page_its_queryset_gives(db):
    from django.core.paginator import Paginator

    from results import insight_views
    from results.prepared import Pages

    by_time = Prepared(
        lambda distance: (
            Result.objects.filter(race__distance_m=distance).select_related("skater").order_by("time_ms", "id")
        ),
        distance=models.models.IntegerField(),
    )
    counted = Prepared(
        lambda distance: (
            Result.objects.filter(race__distance_m=distance)
            .values("race__distance_m")
            .annotate(n=models.models.Count("id"))
            .values_list("n", flat=True)
        ),
        distance=models.models.IntegerField(),
    )
    plain = by_time.build(distance=500)
    size = plain.count()
    assert size > 300
    for start, stop in ((0, 7), (7, 50), (size - 3, size + 5), (size + 10, size + 20)):
        assert [snapshot(o) for o in by_time.slice(start, stop, distance=500)] == [
            snapshot(o) for o in plain[start:stop]
        ]
    pages = Paginator(Pages(by_time, counted, distance=500), 50)
    assert pages.count == size
    assert [r.id for n in pages.page_range for r in pages.page(n)] == [r.id for r in plain]
    assert Paginator(Pages(by_time, counted, distance=42), 50).count == 0
    for gender in ("F", "M"):  # the Adelskalender's queries (the seeds hold few complete allrounders)
        plain = insight_views.ADELSKALENDER.build(gender=gender)
        assert (insight_views.ADELSKALENDER_SIZE.first(gender=gender) or 0) == plain.count()
        assert [snapshot(o) for o in insight_views.ADELSKALENDER.slice(0, 50, gender=gender)] == [
            snapshot(o) for o in plain[:50]
        ]
        for entry in plain:
            ahead = insight_views.POINTS_AHEAD.first(gender=gender, points=entry.points) or 0
            assert ahead == plain.filter(points__lt=entry.points).count()


def test_the_season_ranking_queries_give_what_their_querysets_give_in_every_order(db):
    from results import insight_views
    from results.models import SeasonBest

    events = set(SeasonBest.objects.values_list("season", "gender", "distance_m"))
    assert len(events) > 20
    for season, gender, distance in sorted(events):
        values = {"season": season, "gender": gender, "distance": distance}
        size = insight_views.SEASON_RANKING_SIZE.first(**values)
        assert size == SeasonBest.objects.filter(season=season, gender=gender, distance_m=distance).count()
        for ranking in insight_views.SEASON_RANKING.values():
            assert ranking.slice(0, 50, **values) == list(ranking.build(**values)[:50])
        assert_same(insight_views.SEASON_EVENTS, season=season)
