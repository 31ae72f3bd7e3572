"""The one write path: every write of a skater, competition, race, result or other data — the admin's forms, the
race-day entry screen, the importers, merges, restores — is a call of `save`, `delete` or a bulk function here,
naming who acts (`by`). Each does, in one transaction and in this order: the write; its entry in the change log
(results/writes/changes.py); the ranks of the races it touched (computed ranks follow the times, official ranks
are kept); and it queues those races, so that when the transaction commits the derived facts they take part in are
computed again (results/writes/derived.py) and the cached pages that show them are made stale
(results/writes/invalidation.py). Saving what is already stored writes nothing, logs nothing and makes no page
stale. No ORM signal takes part: what happens is what these functions call.
"""

import threading

from django.db import transaction
from django.db.models import F, OuterRef, Subquery

from results.models import Change, Competition, Race, Result, Skater
from results.writes import changes, derived
from results.writes.invalidation import invalidate
from results.writes.ranks import rerank_races

_queue = threading.local()


def _pending():
    if not hasattr(_queue, "races"):
        _queue.races, _queue.keys, _queue.everywhere, _queue.lists = set(), set(), False, False
        _queue.races_themselves = set()
    return _queue


def queue_refresh(race_ids=(), keys=(), everywhere=False, lists=False, themselves=False):
    """Compute again, when the transaction commits, the derived facts of these races and these (skater, gender,
    distance, nationality, rink) keys (keys that a change took out of a race), and make the cached pages that show
    them stale (everywhere: every page; lists: the competition lists too; themselves: the races themselves were
    written, not only their results). A rolled-back transaction leaves its races queued: computing them again
    with the next commit is harmless, they are read afresh."""
    pending = _pending()
    pending.races.update(race_ids)
    if themselves:
        pending.races_themselves.update(race_ids)
    pending.keys.update(key for key in keys if key is not None)
    pending.everywhere |= everywhere
    pending.lists |= lists
    # robust: the change itself is committed; a failure here is logged, and recompute_derived repairs it
    transaction.on_commit(_flush, robust=True)


def _flush():
    """Runs once for every queue_refresh of the transaction: the first does the work, the others find none."""
    pending = _pending()
    races, keys, everywhere, lists = pending.races, pending.keys, pending.everywhere, pending.lists
    themselves = pending.races_themselves
    pending.races, pending.keys, pending.everywhere, pending.lists = set(), set(), False, False
    pending.races_themselves = set()
    if not (races or keys or everywhere or lists):
        return
    # a provisional race's results count for no derived fact: a pair entered on race day computes none again
    # (unless the race itself changed: made official, or provisional again)
    provisional = set(Race.objects.filter(id__in=races - themselves, provisional=True).values_list("id", flat=True))
    counted = races - provisional
    facts = derived.refresh(counted, keys) if counted or keys else set()
    invalidate(races, keys, facts, everywhere=everywhere, lists=lists)


def raise_versions(race_ids):
    """Every write to a race's results raises its version: the lost-update check of the race form, and the ETag
    of its live page."""
    Race.objects.filter(id__in=race_ids).update(version=F("version") + 1)


def copy_race_fields(race_ids=None):
    """Copy each race's date and distance onto its results (all races when race_ids is None): the copies let a
    skater's starts on a distance be read by index (results/queries/starts.py). A bulk writer may set them itself
    (the importer does), which saves this update."""
    results = Result.objects.all() if race_ids is None else Result.objects.filter(race_id__in=race_ids)
    race = Race.objects.filter(pk=OuterRef("race_id"))
    results.update(race_date=Subquery(race.values("date")[:1]), race_distance_m=Subquery(race.values("distance_m")[:1]))


def result_key(skater_id, race_id, nationality):
    """The derived-facts key of a result that is no longer where it was (moved, or deleted)."""
    race = Race.objects.filter(id=race_id).values_list("gender", "distance_m", "competition__rink_id").first()
    return (skater_id, *race[:2], nationality, race[2]) if race else None


def save(obj, by=None, note=""):
    """Write a skater, competition, race, result or other data (a rink, another name, a points table, a team
    member) and everything that follows from it. Returns whether anything was written."""
    with transaction.atomic():
        stored = type(obj).objects.filter(pk=obj.pk).first() if obj.pk is not None else None
        if stored is not None and _alike(stored, obj):
            return False
        before = _state_of(stored)
        obj.save()
        WRITTEN.get(type(obj), _other_written)(before, obj, by, note)
        return True


def delete(obj, by=None, note=""):
    """Delete a skater, competition, race, result or other data, with what follows from it: the results that go
    with it (a skater's, a race's) leave their races ranked again and their derived facts computed again."""
    with transaction.atomic():
        DELETED.get(type(obj), _other_deleted)(obj, by, note)


def delete_all(objects, by=None, note=""):
    """Delete each of these (a QuerySet or a list) as `delete` does."""
    with transaction.atomic():
        for obj in list(objects):
            delete(obj, by=by, note=note)


def _alike(stored, obj):
    """Whether every field of obj holds what the stored row holds."""
    return all(getattr(stored, f.attname) == getattr(obj, f.attname) for f in obj._meta.concrete_fields)


def _state_of(stored):
    """What the write path compares after the write: the tracked fields as stored (None for a new row), or for a
    competition its rink as stored."""
    if stored is None:
        return None
    if isinstance(stored, Competition):
        return stored.rink_id
    return changes.snapshot(stored) if type(stored) in changes.TRACKED else None


def _result_written(before, result, by=None, note=""):
    """A result was created (before is None) or changed (before: its snapshot as it was)."""
    after = changes.snapshot(result)
    if before == after:  # only what the change log does not track (the precision, laps, sprint points): shown
        raise_versions([result.race_id])
        queue_refresh({result.race_id})
        return
    action = Change.Action.CREATE if before is None else Change.Action.UPDATE
    changes.change_for(result, action, before, after, by, note).save()
    races, keys = {result.race_id}, set()
    if before is not None:
        changes.mark_corrected([result.race_id])
        was = (before["race_id"], before["skater_id"], before["nationality"])
        if was != (result.race_id, result.skater_id, result.nationality):
            races.add(before["race_id"])
            keys.add(result_key(before["skater_id"], before["race_id"], before["nationality"]))
    if before is None or before["race_id"] != result.race_id:
        copy_race_fields([result.race_id])
    rerank_races(races)
    raise_versions(races)
    queue_refresh(races, keys)


def _result_deleted(result, by=None, note=""):
    results_removed([result.id], by, note)


def results_removed(result_ids, by=None, note=""):
    """Delete these results: each in the change log (restorable from its race's history), their races ranked again."""
    results = list(Result.objects.filter(id__in=result_ids).select_related("race__competition"))
    if not results:
        return
    Change.objects.bulk_create(
        [changes.change_for(r, Change.Action.DELETE, changes.snapshot(r), None, by, note) for r in results]
    )
    keys = {(r.skater_id, r.race.gender, r.race.distance_m, r.nationality, r.race.competition.rink_id) for r in results}
    race_ids = {r.race_id for r in results}
    Result.objects.filter(id__in=[r.id for r in results]).delete()
    changes.mark_corrected(race_ids)
    rerank_races(race_ids)
    raise_versions(race_ids)
    queue_refresh(race_ids, keys)


def results_written(created, updated, by=None, note=""):
    """The importer's bulk writes: created results, and (before, result) pairs of changed ones."""
    changes_made = [changes.change_for(r, Change.Action.CREATE, None, changes.snapshot(r), by, note) for r in created]
    changes_made += [
        changes.change_for(r, Change.Action.UPDATE, before, changes.snapshot(r), by, note) for before, r in updated
    ]
    Change.objects.bulk_create(changes_made, batch_size=1000)
    changes.mark_corrected({r.race_id for _, r in updated})
    race_ids = {r.race_id for r in created} | {r.race_id for _, r in updated}
    copy_race_fields({r.race_id for r in created if r.race_date is None or r.race_distance_m is None})
    rerank_races(race_ids)
    raise_versions(race_ids)
    moved = [(before, r) for before, r in updated if before["nationality"] != r.nationality]
    events = Race.objects.filter(id__in={r.race_id for _, r in moved}).values_list(
        "id", "gender", "distance_m", "competition__rink_id"
    )
    events = {race_id: (gender, distance, rink) for race_id, gender, distance, rink in events}
    keys = {(r.skater_id, *events[r.race_id][:2], before["nationality"], events[r.race_id][2]) for before, r in moved}
    queue_refresh(race_ids, keys)


def races_updated(race_ids, values, by=None, note=""):
    """Set these fields ({field: value}) on these races in one update (only on those that differ)."""
    races = [r for r in Race.objects.filter(id__in=race_ids) if any(getattr(r, f) != v for f, v in values.items())]
    befores = {race.id: changes.snapshot(race) for race in races}
    Race.objects.filter(id__in=[race.id for race in races]).update(**values)
    for race in races:
        for name, value in values.items():
            setattr(race, name, value)
    races_rewritten([(befores[race.id], race) for race in races], by=by, note=note)


def races_rewritten(pairs, by=None, note=""):
    """Races written in bulk ((before, race) pairs: the snapshot before, the race as written): each whose tracked
    fields changed is in the change log, and all are queued."""
    logged = [
        changes.change_for(race, Change.Action.UPDATE, before, changes.snapshot(race), by, note)
        for before, race in pairs if changes.snapshot(race) != before
    ]  # fmt: skip
    Change.objects.bulk_create(logged)
    if pairs:
        queue_refresh({race.id for _before, race in pairs}, lists=True, themselves=True)


def _race_written(before, race, by=None, note=""):
    after = changes.snapshot(race)
    if before != after:
        action = Change.Action.CREATE if before is None else Change.Action.UPDATE
        changes.change_for(race, action, before, after, by, note).save()
    keys = set()
    if before and (before["gender"], before["distance_m"], before["competition_id"]) != (
        race.gender, race.distance_m, race.competition_id,
    ):  # fmt: skip
        rink = Competition.objects.filter(id=before["competition_id"]).values_list("rink_id", flat=True).first()
        for skater, nationality in race.results.values_list("skater_id", "nationality"):
            keys.add((skater, before["gender"], before["distance_m"], nationality, rink))
    if before is not None and (before["date"], before["distance_m"]) != (after["date"], after["distance_m"]):
        copy_race_fields([race.id])
    if before is not None and "kind" in before and before["kind"] != race.kind:
        rerank_races([race.id])
    queue_refresh({race.id}, keys, lists=True, themselves=True)


def _race_deleted(race, by=None, note=""):
    results_removed(list(race.results.values_list("id", flat=True)), by, note)
    changes.change_for(race, Change.Action.DELETE, changes.snapshot(race), None, by, note).save()
    race.delete()
    queue_refresh(everywhere=True)


def _skater_written(before, skater, by=None, note=""):
    after = changes.snapshot(skater)
    if before != after:
        action = Change.Action.CREATE if before is None else Change.Action.UPDATE
        changes.change_for(skater, action, before, after, by, note).save()
    if before and before.get("birth_date") != after.get("birth_date"):
        # the winners' ages on the race pages: the events this skater has won
        queue_refresh(
            set(Result.objects.filter(skater=skater, rank=1).values_list("race_id", flat=True)), everywhere=True
        )
    else:
        queue_refresh(everywhere=True)  # a name, a nationality: shown on any page


def _skater_deleted(skater, by=None, note=""):
    results_removed(list(Result.objects.filter(skater=skater).values_list("id", flat=True)), by, note)
    changes.change_for(skater, Change.Action.DELETE, changes.snapshot(skater), None, by, note).save()
    skater.delete()
    queue_refresh(everywhere=True)


def _competition_written(old_rink, competition, by=None, note=""):
    """old_rink: the rink before the change (None for a new competition)."""
    keys = set()
    if old_rink is not None and old_rink != competition.rink_id:
        rows = Result.objects.filter(race__competition=competition).values_list(
            "skater_id", "race__gender", "race__distance_m", "nationality"
        )
        keys = {(skater, gender, distance, nationality, old_rink) for skater, gender, distance, nationality in rows}
    queue_refresh(set(competition.races.values_list("id", flat=True)), keys, everywhere=True)


def _competition_deleted(competition, by=None, note=""):
    for race in competition.races.all():
        _race_deleted(race, by, note)
    competition.delete()
    queue_refresh(everywhere=True)


def _other_written(before, obj, by=None, note=""):
    """Rinks, other names, points tables, team members: no derived fact, but the pages show them."""
    queue_refresh(everywhere=True)


def _other_deleted(obj, by=None, note=""):
    obj.delete()
    queue_refresh(everywhere=True)


WRITTEN = {Result: _result_written, Race: _race_written, Skater: _skater_written, Competition: _competition_written}
DELETED = {Result: _result_deleted, Race: _race_deleted, Skater: _skater_deleted, Competition: _competition_deleted}
