"""The change log: every change to a skater, race or result, with who, when, before and after.

Entries are made by the write path (results/writes/path.py), for saves through the ORM and for the importer's bulk
writes alike. Restoring a race to an earlier version undoes, newest first, every change to it made since then,
and those undos are recorded too.
"""

import contextvars
from datetime import date

from django.db import transaction
from django.utils import timezone

from results.models import Change, Race, Result, Skater, Status

current_user = contextvars.ContextVar("current_user", default=None)

TRACKED = {
    Skater: ["name", "slug", "gender", "nationality", "birth_date"],
    Race: ["competition_id", "date", "gender", "distance_m", "kind", "division", "round", "published", "field_complete",
           "provisional"],
    Result: ["race_id", "skater_id", "team", "nationality", "time_ms", "status", "rank_is_official", "pair", "lane",
             "points", "source"],
}  # fmt: skip


class CurrentUserMiddleware:
    """Remember who makes the request, so that the change log can name them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if getattr(request, "user", None) and request.user.is_authenticated else None
        token = current_user.set(user)
        try:
            return self.get_response(request)
        finally:
            current_user.reset(token)


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
        model=type(obj).__name__.lower(), object_id=obj.pk, race_id=race_of(obj), user=user or current_user.get(),
        action=action, before=before, after=after, note=note,
    )  # fmt: skip


def mark_corrected(race_ids):
    """A published race whose results were changed after publication says so on its page (a provisional race is
    still being entered: its changes are no corrections)."""
    Race.objects.filter(id__in=race_ids, published=True, provisional=False).update(corrected_at=timezone.now())


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


@transaction.atomic
def restore_change(race, change, user=None):
    """Undo exactly this change (the caller has checked that nothing changed its fields since); then the race's
    "corrected on" notice goes when its results are again as first published."""
    token = current_user.set(user)
    try:
        _undo(change)
    finally:
        current_user.reset(token)
    if as_first_published(race):
        Race.objects.filter(pk=race.pk).update(corrected_at=None)


def as_first_published(race):
    """Whether the race's results are exactly those it was created with (the change log's creations)."""
    created = {
        c.object_id: c.after for c in Change.objects.filter(race=race, model="result", action=Change.Action.CREATE)
    }
    now = {result.pk: snapshot(result) for result in Result.objects.filter(race=race)}
    return (
        bool(created) and now == {pk: after for pk, after in created.items() if pk in now} and set(now) == set(created)
    )


def _undo(change):
    model = {"result": Result, "race": Race}[change.model]
    if change.action == Change.Action.CREATE:
        model.objects.filter(pk=change.object_id).delete()
        return
    if change.action == Change.Action.UPDATE:  # only the fields this change changed
        values = {field: before for field, before, _after in change.changed_fields()}
    else:  # a deletion: the whole object again
        values = dict(change.before)
    obj = model.objects.filter(pk=change.object_id).first() or model(pk=change.object_id)
    for field, value in values.items():
        setattr(obj, field, value)
    if model is Result and (not obj.rank_is_official or (obj.status != Status.FINISHED and not obj.team)):
        obj.rank = None  # a computed rank follows the times again (the write path ranks the race)
    obj.save()
