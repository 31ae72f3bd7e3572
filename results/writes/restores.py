"""Undo one change of the change log: through the write path, so that the undo is logged, the race ranked again and
its derived facts computed again like any other write."""

from django.db import transaction

from results.models import Change, Race, Result, Status
from results.writes import path
from results.writes.changes import snapshot

RESTORE_NOTE = "restored"


@transaction.atomic
def restore_change(race, change, by=None):
    """Undo exactly this change (the caller has checked that nothing changed its fields since); then the race's
    "corrected on" notice goes when its results are again as first published."""
    _undo(change, by)
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


def _undo(change, by):
    model = {"result": Result, "race": Race}[change.model]
    if change.action == Change.Action.CREATE:
        obj = model.objects.filter(pk=change.object_id).first()
        if obj is not None:
            path.delete(obj, by=by, note=RESTORE_NOTE)
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
    path.save(obj, by=by, note=RESTORE_NOTE)
