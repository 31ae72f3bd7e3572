"""The change log: every change to a skater, race or result, with who, when, before and after.

Entries are made by the write path (results/writes/path.py), for each write and for the importers' bulk writes
alike; results/writes/restores.py undoes one change, through the write path, so that the undo is entered too.
"""

from datetime import date

from django.utils import timezone

from results.models import PUBLIC_RACE, Change, Race, Result, Skater

TRACKED = {
    Skater: ["name", "slug", "gender", "nationality", "birth_date"],
    Race: ["competition_id", "date", "gender", "distance_m", "kind", "division", "round", "published", "field_complete",
           "provisional"],
    Result: ["race_id", "skater_id", "team", "nationality", "time_ms", "status", "rank_is_official", "pair", "lane",
             "points", "source"],
}  # fmt: skip


def snapshot(obj):
    values = {}
    for field in TRACKED[type(obj)]:
        value = getattr(obj, field)
        values[field] = value.isoformat() if isinstance(value, date) else value
    if isinstance(obj, Result) and obj.rank_is_official:
        values["rank"] = obj.rank
    return values


def race_of(obj):
    if isinstance(obj, Race):
        return obj.id
    if isinstance(obj, Result):
        return obj.race_id
    return None


def change_for(obj, action, before, after, user=None, note=""):
    return Change(
        model=type(obj).__name__.lower(), object_id=obj.pk, race_id=race_of(obj), user=user,
        action=action, before=before, after=after, note=note,
    )  # fmt: skip


def mark_corrected(race_ids):
    """A published race whose results were changed after publication says so on its page (a provisional race is
    still being entered: its changes are no corrections)."""
    Race.objects.filter(PUBLIC_RACE, id__in=race_ids, provisional=False).update(corrected_at=timezone.now())


def changed_again(change):
    """The fields of this change that were changed again since (the change cannot be undone alone then)."""
    model = {"result": Result, "race": Race}.get(change.model)
    if model is Result and change.action == Change.Action.DELETE:  # the competitor is in the race again since
        was = change.before
        back = Result.objects.filter(race_id=was["race_id"], skater_id=was["skater_id"], team=was["team"]).exists()
        return ["skater_id" if was["skater_id"] else "team"] if back else []
    if model is None or change.action != Change.Action.UPDATE:
        return []
    obj = model.objects.filter(pk=change.object_id).first()
    if obj is None:
        return [field for field, _before, _after in change.changed_fields()]
    now = snapshot(obj)
    return [field for field, _before, after in change.changed_fields() if now.get(field) != after]
