"""The ORM's save and delete signals, connected in ResultsConfig.ready(), sent to the write path
(results/writes/path.py): every save through the admin, the shell or a script takes the same path as an import.

The state before a save is read in pre_save and kept here, by model and key, until its post_save: nothing is passed
through the model instance."""

import threading

from django.db.models.signals import post_delete, post_save, pre_save

from results.models import Competition, Race, Result, Rink, Skater, SkaterName, WorldCupPoints
from results.writes import changes, path

_before = threading.local()


def _remember(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    if sender is Competition:
        state = sender.objects.filter(pk=instance.pk).values_list("rink_id", flat=True).first()
    else:
        old = sender.objects.filter(pk=instance.pk).first()
        state = changes.snapshot(old) if old else None
    _before.__dict__.setdefault("states", {})[(sender, instance.pk)] = state


def _recalled(sender, instance, created):
    states = _before.__dict__.setdefault("states", {})
    state = states.pop((sender, instance.pk), None)
    return None if created else state


def result_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        path.result_written(_recalled(sender, instance, created), instance, changes.current_user.get())


def race_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        path.race_written(_recalled(sender, instance, created), instance, changes.current_user.get())


def skater_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        path.skater_written(_recalled(sender, instance, created), instance, changes.current_user.get())


def competition_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        path.competition_written(_recalled(sender, instance, created), instance)


def other_saved(sender, raw=False, **kwargs):
    if not raw:
        path.other_data_written()


DELETED = {Result: path.result_deleted, Race: path.race_deleted, Skater: path.skater_deleted}


def deleted(sender, instance, **kwargs):
    DELETED[sender](instance) if sender in DELETED else path.other_data_written()


def connect():
    for model, saved in ((Result, result_saved), (Race, race_saved), (Skater, skater_saved),
                         (Competition, competition_saved)):  # fmt: skip
        pre_save.connect(_remember, sender=model, dispatch_uid=f"before-{model.__name__}")
        post_save.connect(saved, sender=model, dispatch_uid=f"saved-{model.__name__}")
    for model in (Rink, SkaterName, WorldCupPoints):
        post_save.connect(other_saved, sender=model, dispatch_uid=f"saved-{model.__name__}")
    # connected model by model: a receiver for every model would slow down bulk deletes of derived rows
    for model in (Skater, SkaterName, Rink, Competition, Race, Result, WorldCupPoints):
        post_delete.connect(deleted, sender=model, dispatch_uid=f"deleted-{model.__name__}")
