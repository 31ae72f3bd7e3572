"""The change log of skaters, races and results (written by results/writes/changes.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from results.models.races import Race


class Change(models.Model):
    """One recorded change to a skater, race or result: who, when, and the values before and after."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")

    model = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    # no database constraint: the history of a deleted race is kept
    race = models.ForeignKey(
        Race, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="changes"
    )
    user = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=6, choices=Action.choices)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            # a race's history page, newest first
            models.Index(fields=["race", "-at"], name="change_race_at"),
            # one object's history
            models.Index(fields=["model", "object_id"], name="change_object"),
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.model} {self.object_id} at {self.at:%Y-%m-%d %H:%M}"

    def changed_fields(self):
        before, after = self.before or {}, self.after or {}
        return [
            (k, before.get(k), after.get(k)) for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)
        ]
