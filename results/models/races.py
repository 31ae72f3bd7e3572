"""Races and their results (with the members of a team)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from results.models.addresses import slug_url
from results.models.competitions import Competition
from results.models.public import PUBLIC_RACE, PUBLIC_RESULT, VisibleQuerySet
from results.models.skaters import Gender, Skater
from results.sport import statuses
from results.sport.events import DISTANCES, gender_word  # noqa: F401  (DISTANCES re-exported)


class Division(models.TextChoices):
    NONE = "", _("none")
    A = "A", _("A")
    B = "B", _("B")


class RaceKind(models.TextChoices):
    INDIVIDUAL = "individual", _("individual")
    MASS_START = "mass-start", _("mass start")
    TEAM_PURSUIT = "team-pursuit", _("team pursuit")
    TEAM_SPRINT = "team-sprint", _("team sprint")


def distance_label(kind, distance_m):
    """'1000 m', or 'mass start' / 'team pursuit' (whatever its distance), in the page language."""
    return f"{distance_m} m" if kind == RaceKind.INDIVIDUAL else str(RaceKind(kind).label)


class RaceQuerySet(VisibleQuerySet):
    PUBLIC = PUBLIC_RACE

    def with_competition(self):
        return self.select_related("competition", "competition__rink")


class Race(models.Model):
    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="races")
    slug = models.SlugField(max_length=60)
    date = models.DateField(_("date"))
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    distance_m = models.PositiveIntegerField(_("distance (m)"))
    kind = models.CharField(_("kind"), max_length=20, choices=RaceKind.choices, default=RaceKind.INDIVIDUAL)
    division = models.CharField(_("division"), max_length=1, choices=Division.choices, blank=True, default="")
    round = models.PositiveSmallIntegerField(
        _("round"), null=True, blank=True, help_text=_("only when the distance is skated more than once")
    )
    field_complete = models.BooleanField(
        _("complete field"),
        default=False,
        help_text=_("every skater of the race is entered (an official full result)"),
    )
    published = models.BooleanField(_("published"), default=True, help_text=_("a draft is seen by editors only"))
    provisional = models.BooleanField(
        _("provisional"),
        default=False,
        help_text=_("being entered: its page says so, and nothing derived from it counts until it is official"),
    )
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="raised on every save, against lost updates"
    )
    corrected_at = models.DateTimeField(_("corrected on"), null=True, blank=True, editable=False)
    number = models.PositiveSmallIntegerField(_("race number"), null=True, blank=True, help_text=_("in the programme"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    conditions = models.JSONField(
        _("conditions"), default=dict, blank=True,
        help_text=_("at the start and the end: time, air temperature (°C), humidity (%), ice temperature (°C)"),
    )  # fmt: skip
    referee = models.CharField(_("referee"), max_length=100, blank=True, default="")
    starter = models.CharField(_("starter"), max_length=100, blank=True, default="")

    objects = RaceQuerySet.as_manager()

    class Meta:
        ordering = ["date", "gender", "distance_m", "-division", "round"]
        constraints = [
            models.UniqueConstraint(fields=["competition", "slug"], name="one_race_per_slug"),
            models.UniqueConstraint(
                fields=["competition", "gender", "distance_m", "kind", "division", "date"],
                name="one_race_per_day_distance_division",
            ),
            models.CheckConstraint(condition=Q(distance_m__gt=0), name="race_distance_positive"),
        ]
        indexes = [
            # previous/next race of a distance, streaks and personal records by date
            models.Index(fields=["gender", "distance_m", "date"], name="race_distance_date"),
            # the home page's latest races
            models.Index(fields=["-date"], name="race_latest"),
        ]

    def __str__(self):
        parts = [f"{self.get_gender_display()} {self.distance_label()}"]
        if self.round:
            parts.append(f"({self.round})")
        text = " ".join(parts) + f" — {self.competition}"
        if self.division:
            text += f", division {self.division}"
        return text

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.make_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("results:race", self.competition.slug, self.slug)

    def title(self):
        """'Women 1000 m (2) division A', in the page language."""
        text = f"{Gender(self.gender).label} {self.distance_label()}"
        if self.round:
            text += f" ({self.round})"
        if self.division:
            text += " " + _("division %(division)s") % {"division": self.division}
        return text

    def distance_label(self):
        return distance_label(self.kind, self.distance_m)

    def make_slug(self):
        gender = gender_word(self.gender)
        distance = f"{self.distance_m}m" if self.kind == RaceKind.INDIVIDUAL else self.kind
        parts = [gender, distance]
        if self.round:
            parts.append(str(self.round))
        if self.division:
            parts.append(self.division.lower())
        return "-".join(parts)


class Status(models.TextChoices):
    FINISHED = statuses.FINISHED, pgettext_lazy("status", "finished")
    DNS = statuses.DNS, _("did not start")
    DNF = statuses.DNF, _("did not finish")
    DQ = statuses.DQ, _("disqualified")
    WDR = statuses.WDR, _("withdrew")
    NOT_SKATED = statuses.NOT_SKATED, _("to skate")


class Lane(models.TextChoices):
    NONE = "", "—"
    INNER = "inner", _("inner")
    OUTER = "outer", _("outer")


class ResultQuerySet(VisibleQuerySet):
    PUBLIC = PUBLIC_RESULT

    def finished(self):
        return self.filter(status=Status.FINISHED)

    def to_skate(self):
        return self.filter(status=Status.NOT_SKATED)

    def timed(self):
        return self.finished().filter(time_ms__isnull=False)


class Result(models.Model):
    race = models.ForeignKey(Race, on_delete=models.CASCADE, related_name="results")
    skater = models.ForeignKey(Skater, on_delete=models.PROTECT, related_name="results", null=True, blank=True)
    team = models.CharField(
        _("team"), max_length=3, blank=True, default="", help_text=_("IOC code, for team pursuit and team sprint")
    )
    nationality = models.CharField(
        _("nationality"), max_length=3, blank=True, help_text=_("IOC code the skater raced for")
    )
    time_ms = models.PositiveIntegerField(_("time (ms)"), null=True, blank=True)
    time_in_tenths = models.BooleanField(
        _("timed in tenths"), default=False, help_text=_("measured in tenths of a second (hand timing): shown so")
    )
    status = models.CharField(_("status"), max_length=3, choices=Status.choices, default=Status.FINISHED)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True, editable=False)
    rank_is_official = models.BooleanField(
        _("official rank"), default=False, help_text=_("the rank printed on the results sheet")
    )
    pair = models.PositiveSmallIntegerField(_("pair"), null=True, blank=True)
    lane = models.CharField(_("lane"), max_length=5, choices=Lane.choices, blank=True, default="")
    points = models.PositiveSmallIntegerField(_("mass-start points"), null=True, blank=True)
    laps = models.PositiveSmallIntegerField(_("laps"), null=True, blank=True, help_text=_("mass start: laps skated"))
    sprint_points = models.CharField(
        _("sprint points"),
        max_length=40,
        blank=True,
        default="",
        help_text=_("mass start: points per sprint, comma-separated"),
    )
    source = models.TextField(_("source"), blank=True)
    # copied from the race by the write path (results/writes/path.py), so that a skater's starts on a distance up to
    # a day are read by index without reading every race of the distance
    race_date = models.DateField(null=True, editable=False)
    race_distance_m = models.PositiveSmallIntegerField(null=True, editable=False)

    objects = ResultQuerySet.as_manager()

    class Meta:
        ordering = ["race", "rank", "time_ms"]
        constraints = [
            models.UniqueConstraint(fields=["race", "skater"], name="one_result_per_skater_per_race"),
            models.UniqueConstraint(
                fields=["race", "team"], condition=~Q(team=""), name="one_result_per_team_per_race"
            ),
            models.CheckConstraint(condition=Q(skater__isnull=False) | ~Q(team=""), name="result_has_skater_or_team"),
            models.CheckConstraint(condition=Q(time_ms__isnull=True) | Q(time_ms__gt=0), name="time_positive"),
            models.CheckConstraint(
                condition=Q(status="FIN") | Q(rank__isnull=True) | (Q(rank_is_official=True) & ~Q(team="")),
                name="non_finisher_ranked_only_as_team",
            ),
            models.CheckConstraint(
                condition=~Q(status="FIN") | Q(time_ms__isnull=False) | Q(rank__isnull=False),
                name="finisher_has_time_or_rank",
            ),
        ]
        indexes = [
            # a skater's results, personal records and head-to-head by skater
            models.Index(fields=["skater", "race"], name="result_skater_race"),
            # a skater's starts on a distance (the race page's markers, streaks and story)
            models.Index(fields=["skater", "race_distance_m", "race_date"], name="result_skater_distance"),
        ]

    def __str__(self):
        return f"{self.competitor} — {self.race}"

    @property
    def competitor(self):
        return self.skater.name if self.skater_id else self.team

    @property
    def finished(self):
        return self.status == Status.FINISHED


class TeamMember(models.Model):
    """A skater of a team pursuit or team sprint team, in skating order."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="members")
    skater = models.ForeignKey(Skater, on_delete=models.PROTECT, related_name="team_starts")
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["result", "skater"], name="one_place_per_team_member")]

    def __str__(self):
        return self.skater.name
