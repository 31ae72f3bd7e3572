"""The sport's history as it keeps it: the official world-record progressions (seeds/world-records.csv, imported
by manage.py import_records)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from results.models.races import Result
from results.models.skaters import Skater


class WorldRecordStatus(models.TextChoices):
    RECORD = "", _("record")
    EQUALLED = "equalled", _("equalled")
    SUSPENDED = "suspended", _("event suspended")
    UNOFFICIAL = "unofficial", _("unofficial")


class WorldRecord(models.Model):
    """One entry of an event's world-record progression, in the list's order. `mark` is milliseconds, or thousandths
    of a samalog point for a combination; `decimals` the digits it was listed with (1: timed in tenths)."""

    line = models.PositiveIntegerField(unique=True, help_text="the entry's line in the record list: its order")
    event = models.CharField(max_length=24)  # 500m … 10000m, allround big, sprint, 2x500m, team pursuit, …
    gender = models.CharField(max_length=1)  # F, M, or X for the mixed relay
    distance_m = models.PositiveIntegerField(null=True, blank=True)
    skater = models.ForeignKey(Skater, null=True, blank=True, on_delete=models.PROTECT, related_name="world_records")
    name = models.CharField(max_length=120, blank=True, help_text="the skater, or the team's country, as listed")
    nationality = models.CharField(max_length=3, blank=True, help_text="as it was on the day")
    members = models.CharField(max_length=300, blank=True)
    mark = models.PositiveIntegerField(null=True, blank=True)
    decimals = models.PositiveSmallIntegerField(default=2)
    date = models.DateField()
    rink = models.CharField(max_length=120, blank=True)
    city = models.CharField(max_length=80, blank=True)
    country = models.CharField(max_length=3, blank=True)
    elevation_m = models.IntegerField(null=True, blank=True)
    indoor = models.BooleanField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=WorldRecordStatus.choices, blank=True, default="")
    notes = models.CharField(max_length=300, blank=True)
    result = models.ForeignKey(Result, null=True, blank=True, on_delete=models.SET_NULL, related_name="world_records")
    current = models.BooleanField(default=False, help_text="the list's last record of its event (none if suspended)")

    class Meta:
        ordering = ["line"]
        indexes = [models.Index(fields=["event", "gender", "line"], name="world_record_event")]

    def __str__(self):
        return f"{self.gender} {self.event} {self.name} {self.date}"

    @property
    def in_points(self):
        return self.event.startswith(("allround", "sprint"))

    @property
    def as_number(self):
        """Written as a plain number: points, or the seconds of 2 × 500 m (68.960)."""
        return self.in_points or self.event == "2x500m"

    @property
    def in_tenths(self):
        return self.decimals == 1 and not self.in_points
