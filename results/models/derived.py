"""Derived facts stored for speed, kept up to date on every write by results/writes/derived.py, so that pages
never scan all results."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from results.models.competitions import Rink
from results.models.races import Race, RaceKind, Result
from results.models.skaters import Gender, Skater


class RecordScope(models.TextChoices):
    WORLD = "world", _("best as held")
    NATIONAL = "national", _("national record")
    TRACK = "track", _("track record")


class RecordEntry(models.Model):
    """One step of a record's progression: a time that beat every earlier one for its scope and key."""

    scope = models.CharField(max_length=8, choices=RecordScope.choices)
    gender = models.CharField(max_length=1, choices=Gender.choices)
    distance_m = models.PositiveIntegerField()
    nationality = models.CharField(max_length=3, blank=True, default="")
    rink = models.ForeignKey(Rink, null=True, blank=True, on_delete=models.CASCADE)
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="+")
    time_ms = models.PositiveIntegerField()
    date = models.DateField()
    current = models.BooleanField(default=False)

    class Meta:
        ordering = ["date", "time_ms"]
        indexes = [
            # a record's history and the record before a race's day (track record markers)
            models.Index(
                fields=["scope", "gender", "distance_m", "nationality", "rink", "date"], name="record_key_date"
            ),
            # the records page: every current record of a scope
            models.Index(fields=["scope", "current"], name="record_current"),
        ]

    def __str__(self):
        return f"{self.scope} {self.gender} {self.distance_m} m {self.nationality or self.rink_id or ''}: {self.time_ms} ms"


class PersonalBest(models.Model):
    """A skater's current personal record on a distance (for the Adelskalender)."""

    skater = models.ForeignKey(Skater, on_delete=models.CASCADE, related_name="+")
    gender = models.CharField(max_length=1, choices=Gender.choices)
    distance_m = models.PositiveIntegerField()
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="+")
    time_ms = models.PositiveIntegerField()
    date = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["skater", "distance_m"], name="one_personal_best_per_distance")]
        indexes = [
            # the Adelskalender: personal bests of one gender on the allround distances
            models.Index(fields=["gender", "distance_m"], name="personalbest_event"),
        ]

    def __str__(self):
        return f"{self.skater_id} {self.distance_m} m: {self.time_ms} ms"


class SeasonBest(models.Model):
    """A skater's best time of a season on a distance (for the season rankings)."""

    skater = models.ForeignKey(Skater, on_delete=models.CASCADE, related_name="+")
    season = models.PositiveSmallIntegerField()
    gender = models.CharField(max_length=1, choices=Gender.choices)
    distance_m = models.PositiveIntegerField()
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="+")
    time_ms = models.PositiveIntegerField()
    date = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["skater", "season", "distance_m"], name="one_season_best_per_distance")
        ]
        indexes = [
            # the season ranking: one season's event, fastest first
            models.Index(fields=["season", "gender", "distance_m", "time_ms"], name="seasonbest_ranking"),
        ]

    def __str__(self):
        return f"{self.skater_id} {self.season} {self.distance_m} m: {self.time_ms}"


class WinnerAge(models.Model):
    """The youngest and the oldest winner of an event as the records progressed: a row each time one was set.

    The youngest winner before a day is the last "youngest" row before it (the lowest age on that date).
    """

    class Extreme(models.TextChoices):
        YOUNGEST = "youngest"
        OLDEST = "oldest"

    gender = models.CharField(max_length=1, choices=Gender.choices)
    distance_m = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=RaceKind.choices)
    extreme = models.CharField(max_length=8, choices=Extreme.choices)
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    age = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [
            # the race page: the youngest and oldest winner of the event before its day
            models.Index(fields=["gender", "distance_m", "kind", "extreme", "date"], name="winnerage_event"),
        ]

    def __str__(self):
        return f"{self.extreme} {self.gender} {self.distance_m} m: {self.age} on {self.date}"


class Rival(models.Model):
    """One of the RIVALS other skaters a skater met most in published races (a profile lists them)."""

    skater = models.ForeignKey(Skater, on_delete=models.CASCADE, related_name="+")
    rival = models.ForeignKey(Skater, on_delete=models.CASCADE, related_name="+")
    meetings = models.PositiveIntegerField()

    class Meta:
        # its index serves the profile's query: a skater's rivals
        constraints = [models.UniqueConstraint(fields=["skater", "rival"], name="one_rival_entry_per_pair")]

    def __str__(self):
        return f"{self.skater_id} met {self.rival_id} {self.meetings}×"


class StreakSummary(models.Model):
    """A skater's current and longest run of wins on a distance."""

    skater = models.ForeignKey(Skater, on_delete=models.CASCADE, related_name="+")
    distance_m = models.PositiveIntegerField()
    current = models.PositiveIntegerField()
    longest = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["skater", "distance_m"], name="one_streak_summary_per_distance")]
        indexes = [
            # the streaks page: longest runs first
            models.Index(fields=["-longest", "-current"], name="streak_longest"),
        ]

    def __str__(self):
        return f"{self.skater_id} {self.distance_m} m: now {self.current}, longest {self.longest}"


class StreakEnd(models.Model):
    """A start that ended a run of at least three wins (for the home page)."""

    skater = models.ForeignKey(Skater, on_delete=models.CASCADE, related_name="+")
    distance_m = models.PositiveIntegerField()
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="+")
    race = models.ForeignKey(Race, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    length = models.PositiveIntegerField()

    class Meta:
        indexes = [
            # the home page: the latest streaks ended
            models.Index(fields=["-date", "-length"], name="streakend_latest"),
        ]

    def __str__(self):
        return f"{self.skater_id} {self.distance_m} m: run of {self.length} ended {self.date}"


class AdelskalenderEntry(models.Model):
    """A skater's samalog sum over the four allround distances' personal bests (all four needed)."""

    skater = models.OneToOneField(Skater, on_delete=models.CASCADE, related_name="+")
    gender = models.CharField(max_length=1, choices=Gender.choices)
    points = models.PositiveIntegerField(help_text="thousandths of a point")
    times = models.JSONField(help_text="the four personal bests in ms, in distance order")

    class Meta:
        indexes = [
            # the Adelskalender: a gender's entries, lowest points first
            models.Index(fields=["gender", "points"], name="adelskalender_order"),
        ]

    def __str__(self):
        return f"{self.skater_id}: {self.points}"
