"""Stored derived facts (records, personal bests, streaks) always equal a full recomputation."""

from datetime import date
from io import StringIO

from django.core.management import call_command
from django.db.models import F

from results.models import Competition, Race, RecordEntry, RecordScope, Result, Skater, StreakSummary, WinnerAge
from results.writes import derived
from results.writes import path as write_path
from results.writes.sheet_import import import_sheet
from tests.helpers.builders import make, row, sheet


def recomputed():
    derived.recompute_all()
    return derived.snapshot()


def test_the_seeded_facts_equal_a_full_recomputation(db):
    stored = derived.snapshot()
    assert stored["records"] and stored["streaks"] and stored["ends"] and stored["rivals"]
    assert stored == recomputed()


def test_the_stored_rivals_are_the_skaters_met_most_in_published_races(db):
    from collections import Counter

    from results.models import Rival
    from results.queries.skater_page import RIVALS

    fields = {}
    for race_id, skater_id in Result.objects.filter(
        race__published=True, race__competition__published=True, skater__isnull=False
    ).values_list("race_id", "skater_id"):
        fields.setdefault(race_id, set()).add(skater_id)
    met = {}
    for skaters in fields.values():
        for skater in skaters:
            met.setdefault(skater, Counter()).update(skaters - {skater})
    stored = {}
    for skater, rival, meetings in Rival.objects.values_list("skater_id", "rival_id", "meetings"):
        stored.setdefault(skater, {})[rival] = meetings
    assert len(met) > 300
    for skater, counts in met.items():
        most = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:RIVALS]
        assert stored.get(skater, {}) == dict(most), skater


def test_after_edits_imports_and_deletions_the_stored_facts_equal_a_recomputation(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        # an import that adds a race and beats the 1000 m record held
        import_sheet(sheet(row(skater="Fast New", time="1:10.00"), row(rank="2", skater="Second New", time="1:10.50")))
    assert RecordEntry.objects.get(scope=RecordScope.WORLD, gender="F", distance_m=1000, current=True).time_ms == 70000
    with django_capture_on_commit_callbacks(execute=True):
        # a correction of a time, as the admin makes it
        takagi = Result.objects.get(
            race__competition__name__contains="World Cup 2 (Beijing)", skater__name="Miho Takagi"
        )
        takagi.time_ms, takagi.rank_is_official = 75500, False
        write_path.save(takagi)
    with django_capture_on_commit_callbacks(execute=True):
        # a deletion: Leerdam's Obihiro win is gone, so her run changes
        write_path.delete_all(
            Result.objects.filter(
                race__competition__name__contains="World Cup 1 (Obihiro)",
                race__distance_m=1000,
                skater__name="Jutta Leerdam",
            )
        )
    with django_capture_on_commit_callbacks(execute=True):
        # a race moved to another distance, and a competition taken back to draft
        race = Race.objects.get(
            competition__name="2024 World Single Distances Speed Skating Championships", distance_m=500
        )
        race.distance_m = 1500
        write_path.save(race)
        competition = Competition.objects.get(name="2022 Winter Olympics")
        competition.published = False
        write_path.save(competition)
    with django_capture_on_commit_callbacks(execute=True):
        # a winner's birth date corrected in the register: the winner ages of her events change
        leerdam = Skater.objects.get(name="Jutta Leerdam")
        leerdam.birth_date = date(2007, 1, 1)
        write_path.save(leerdam)
    assert WinnerAge.objects.filter(result__skater=leerdam, extreme="youngest").exists()
    stored = derived.snapshot()
    assert stored == recomputed()
    assert not StreakSummary.objects.filter(skater__name="Jutta Leerdam", distance_m=1000, longest=16).exists()


def test_a_preview_that_rolls_back_leaves_the_stored_facts_alone(db, django_capture_on_commit_callbacks):
    before = derived.snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        import_sheet(sheet(row(skater="Only Preview", time="1:09.00")), dry_run=True)
    assert derived.snapshot() == before
    with django_capture_on_commit_callbacks(execute=True):
        import_sheet(sheet(row(skater="Real One", time="1:09.50")))
    assert RecordEntry.objects.get(scope=RecordScope.WORLD, gender="F", distance_m=1000, current=True).time_ms == 69500


def test_rivals_kept_for_many_skaters_at_once_equal_those_counted_one_by_one(db):
    """An import touches hundreds of skaters: their rivals are counted from the races' start lists in one pass
    (rivals.most_met), an edit's few one query each; both give what a full recomputation gives."""
    from results.models import Rival

    everyone = set(Skater.objects.values_list("id", flat=True))
    assert len(everyone) > derived.ONE_BY_ONE
    Rival.objects.all().delete()
    derived._refresh_rivals(everyone)
    at_once = sorted(Rival.objects.values_list("skater_id", "rival_id", "meetings"))
    few = set(list(everyone)[: derived.ONE_BY_ONE])
    Rival.objects.filter(skater_id__in=few).delete()
    derived._refresh_rivals(few)
    assert sorted(Rival.objects.values_list("skater_id", "rival_id", "meetings")) == at_once
    assert recomputed()["rivals"] == at_once


def copies_disagreeing():
    """Results whose copies of their race's date and distance are not the race's."""
    return list(
        Result.objects.exclude(race_date=F("race__date"), race_distance_m=F("race__distance_m")).values_list(
            "id", "race_date", "race__date", "race_distance_m", "race__distance_m"
        )
    )


def test_every_result_carries_its_race_date_and_distance_whichever_way_it_was_written(db):
    assert Result.objects.count() > 1000 and copies_disagreeing() == []  # the seeds, imported
    race = Race.objects.get(
        competition__name__contains="World Cup 2 (Beijing)", gender="F", distance_m=1000, division="A"
    )
    race.date, race.distance_m = date(2023, 11, 20), 1500  # an editor's correction of the race itself
    write_path.save(race)
    assert race.results.count() > 5 and copies_disagreeing() == []
    other = Race.objects.filter(competition=race.competition, gender="F").exclude(pk=race.pk).first()
    moved = race.results.exclude(skater__in=other.results.values("skater")).first()
    moved.race = other  # a result moved to another race of the competition
    write_path.save(moved)
    newcomer = Skater.objects.filter(gender="F").exclude(results__race=race).order_by("id").first()
    created = make(Result, race=race, skater=newcomer, time_ms=130000)  # last of the race
    assert (created.pk, moved.pk) and copies_disagreeing() == []
    # a full repair puts right what a write outside the path left wrong
    Result.objects.filter(race=race).update(race_date=date(1990, 1, 1))
    assert copies_disagreeing()
    call_command("recompute_derived", stdout=StringIO())
    assert copies_disagreeing() == []
