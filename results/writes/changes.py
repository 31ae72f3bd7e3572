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
    Race: ["competition_id", "date", "gender", "distance_m", "kind", "division", "round", "published", "field_complete"],
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


@transaction.atomic
def restore_race(race, change, user=None):
    """Undo every change to the race and its results from `change` on, newest first."""
    token = current_user.set(user)
    try:
        undone = 0
        for later in Change.objects.filter(race=race, id__gte=change.id).order_by("-id"):
            _undo(later)
            undone += 1
        return undone
    finally:
        current_user.reset(token)


def _undo(change):
    model = {"result": Result, "race": Race}[change.model]
    if change.action == Change.Action.CREATE:
        model.objects.filter(pk=change.object_id).delete()
        return
    values = dict(change.before)
    values.pop("rank", None)
    if model is Result:
        values["rank"] = change.before.get("rank") if change.before.get("rank_is_official") else None
        if values["status"] != Status.FINISHED:
            values["rank"] = None
    obj = model.objects.filter(pk=change.object_id).first() or model(pk=change.object_id)
    for field, value in values.items():
        setattr(obj, field, value)
    obj.save()
