"""Skaters, rinks, competitions, races and results: the domain of the site."""

import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from django.db import models
from django.db.models import Q, Subquery
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from results import timing
from results.addresses import slug_url
from results.prepared import Prepared


def fold(text):
    """Lower case without accents, for searching: 'Wüst' and 'wust' both give 'wust'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Gender(models.TextChoices):
    WOMEN = "F", _("Women")
    MEN = "M", _("Men")


class SkaterQuerySet(models.QuerySet):
    def search(self, text):
        """Skaters any of whose names contain every word typed, accents and case ignored."""
        skaters = self
        for word in fold(text).split()[:5]:
            skaters = skaters.filter(search_name__contains=word)
        return skaters

    def nationalities(self):
        return list(self.values_list("nationality", flat=True).distinct().order_by("nationality"))

    def at(self, slug):
        """The skater with this slug, or None."""
        return SKATER_AT.first(slug=slug)


class Skater(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    nationality = models.CharField(_("nationality"), max_length=3, help_text=_("IOC code"))
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    search_name = models.TextField(editable=False, default="", help_text="every name, accents and case folded")

    objects = SkaterQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            # skater lists by nationality
            models.Index(fields=["nationality", "name"], name="skater_nationality"),
            # the skater list and search, in name order: a common search stops after a page of matches
            models.Index(fields=["name"], name="skater_name"),
        ]

    def __str__(self):
        return f"{self.name} ({self.nationality})"

    def save(self, *args, **kwargs):
        names = [self.name]
        if self.pk:
            names += list(self.other_names.values_list("name", flat=True))
        self.search_name = " | ".join(fold(name) for name in names)
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("results:skater", self.slug)


class SkaterName(models.Model):
    """Another name the same skater raced under; its slug redirects to the profile."""

    skater = models.ForeignKey(Skater, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(max_length=140)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["skater", "name"], name="one_entry_per_other_name"),
        ]
        indexes = [
            # old profile URLs: find the skater behind an earlier slug
            models.Index(fields=["slug"], name="skatername_slug"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = slugify(self.name)
        super().save(*args, **kwargs)
        self.skater.save()  # its search names include this one


class Rink(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(max_length=140, unique=True)
    city = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=3, help_text=_("IOC code"))
    altitude_m = models.IntegerField(_("altitude (m)"), null=True, blank=True)
    indoor = models.BooleanField(_("indoor"), default=True)
    opened = models.PositiveSmallIntegerField(_("opened"), null=True, blank=True)
    other_names = models.TextField(_("other names"), blank=True, help_text=_("separated by |"))

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.city}"

    def get_absolute_url(self):
        return slug_url("results:rink", self.slug)

    def all_names(self):
        return [self.name] + [n.strip() for n in self.other_names.split("|") if n.strip()]


class CompetitionKind(models.TextChoices):
    OLYMPICS = "olympics", _("Olympic Games")
    WORLD_CUP = "world-cup", _("World Cup")
    SINGLE_DISTANCES = "single-distances", _("World Single Distances")
    WORLD_SPRINT = "world-sprint", _("World Sprint")
    WORLD_ALLROUND = "world-allround", _("World Allround")
    EUROPEAN = "european", _("European Championships")
    NATIONAL = "national", _("National championship")
    OTHER = "other", _("Other")


def short_competition_name(name):
    return name.replace("ISU Speed Skating ", "").replace("Speed Skating ", "")


class CompetitionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(published=True)

    def seasons(self):
        return list(self.values_list("season", flat=True).distinct().order_by("-season"))

    def for_page(self, slug, drafts=False):
        """The competition at this address with its rink and its races, or None; drafts only when asked
        (editors)."""
        competition = COMPETITION_AT.first(slug=slug, drafts=drafts)
        if competition is not None:
            competition.race_list = COMPETITION_RACES.objects(competition=competition.id, drafts=drafts)
            for race in competition.race_list:
                race.competition = competition
        return competition


class Competition(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CompetitionKind.choices)
    season = models.PositiveSmallIntegerField(_("season"), help_text=_("the year it starts in"))
    rink = models.ForeignKey(Rink, on_delete=models.PROTECT, related_name="competitions")
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    published = models.BooleanField(_("published"), default=True, help_text=_("a draft is seen by editors only"))

    objects = CompetitionQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "season"], name="one_competition_per_name_and_season"),
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="competition_ends_after_start"
            ),
        ]
        indexes = [
            # season pages and the home page's latest competitions
            models.Index(fields=["season", "start_date"], name="competition_season"),
            # the home page and the competitions list, newest first (same-day ones by name)
            models.Index(fields=["-start_date", "name"], name="competition_latest"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("results:competition", self.slug)

    @property
    def short_name(self):
        """The name without the federation's boilerplate: '2023-24 World Cup 2 (Beijing)'."""
        return short_competition_name(self.name)

    @property
    def season_label(self):
        return timing.season_label(self.season)

    @property
    def season_slug(self):
        return timing.season_slug(self.season)


class Division(models.TextChoices):
    NONE = "", _("none")
    A = "A", _("A")
    B = "B", _("B")


class RaceKind(models.TextChoices):
    INDIVIDUAL = "individual", _("individual")
    MASS_START = "mass-start", _("mass start")
    TEAM_PURSUIT = "team-pursuit", _("team pursuit")
    TEAM_SPRINT = "team-sprint", _("team sprint")


DISTANCES = (500, 1000, 1500, 3000, 5000, 10000)


def distance_label(kind, distance_m):
    """'1000 m', or 'mass start' (whatever its distance), in the page language."""
    return str(RaceKind.MASS_START.label) if kind == RaceKind.MASS_START else f"{distance_m} m"


# A race the public sees: published, in a published competition (drafts are seen by editors only).
PUBLIC_RACE = Q(published=True, competition__published=True)
PUBLIC_RESULT = Q(race__published=True, race__competition__published=True)


class RaceQuerySet(models.QuerySet):
    def public(self):
        return self.filter(PUBLIC_RACE)

    def with_competition(self):
        return self.select_related("competition", "competition__rink")

    def for_page(self, competition_slug, race_slug, drafts=False):
        """The race at this address with its competition and rink, or None; drafts only when asked (editors)."""
        return RACE_AT.first(competition=competition_slug, race=race_slug, drafts=drafts)

    def records_before(self, race, nationalities):
        """(the track record at the race's rink on its distance before its day or None, {nationality: the
        national record before its day}), as stored by derived.py."""
        track, national = None, {}
        for scope, nationality, time_ms in RECORDS_BEFORE.rows(
            rink=race.competition.rink_id, gender=race.gender, distance=race.distance_m, date=race.date,
            nationalities=sorted(nationalities),
        ):  # fmt: skip
            if scope == RecordScope.TRACK:
                track = time_ms if track is None else track  # the latest entry comes first
            else:
                national[nationality] = min(time_ms, national.get(nationality, time_ms))
        return track, national

    def winner_ages(self, race):
        """(youngest, oldest) age of the winners on the race's distance (no division or A) before its day, as held
        (from the stored progressions, derived.py); None when there were none."""
        ages = WINNER_AGES.first(race=race.id, gender=race.gender, distance=race.distance_m, kind=race.kind,
                                 date=race.date)  # fmt: skip
        return ages or (None, None)

    def around(self, race):
        """(the other races of this distance in the race's competition, the previous and the next race of this
        distance and division in the season) as RaceLinks: one query for both, read as rows."""
        rows = [
            RaceRow._make(row)
            for row in RACES_OF_DISTANCE.rows(
                race=race.id, season=race.competition.season, gender=race.gender, distance=race.distance_m,
                kind=race.kind,
            )
        ]  # fmt: skip
        siblings = [
            row for row in rows
            if row.competition_id == race.competition_id and row.id != race.id and row.published
            and row.competition__published
        ]  # fmt: skip
        season = [row for row in rows if row.division == race.division]
        at = next(n for n, row in enumerate(season) if row.id == race.id)
        previous, following = season[at - 1] if at > 0 else None, season[at + 1] if at + 1 < len(season) else None
        return (
            [RaceLink.of(race, row) for row in siblings],
            (previous and RaceLink.of(race, previous), following and RaceLink.of(race, following)),
        )


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
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="raised on every save, against lost updates"
    )
    corrected_at = models.DateTimeField(_("corrected on"), null=True, blank=True, editable=False)

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

    def entries(self):
        """The race's results with their skaters (an individual race: no team members)."""
        results = RACE_RESULTS.objects(race=self.id)
        for result in results:
            result.race = self
        return results

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
        gender = "women" if self.gender == Gender.WOMEN else "men"
        distance = "mass-start" if self.kind == RaceKind.MASS_START else f"{self.distance_m}m"
        parts = [gender, distance]
        if self.round:
            parts.append(str(self.round))
        if self.division:
            parts.append(self.division.lower())
        return "-".join(parts)


class Status(models.TextChoices):
    FINISHED = "FIN", pgettext_lazy("status", "finished")
    DNS = "DNS", _("did not start")
    DNF = "DNF", _("did not finish")
    DQ = "DQ", _("disqualified")
    WDR = "WDR", _("withdrew")


class Lane(models.TextChoices):
    NONE = "", "—"
    INNER = "inner", _("inner")
    OUTER = "outer", _("outer")


class ResultQuerySet(models.QuerySet):
    def public(self):
        return self.filter(PUBLIC_RESULT)

    def finished(self):
        return self.filter(status=Status.FINISHED)

    def timed(self):
        return self.finished().filter(time_ms__isnull=False)

    def rivals_of(self, skater):
        """The RIVALS other skaters met most in published races, as stored by derived.py: [{name, slug, url,
        meetings}], most met first."""
        rivals = []
        for name, slug, meetings in RIVALS_OF.rows(skater=skater.id):
            url = slug_url("results:head_to_head", skater.slug, slug)
            rivals.append({"name": name, "slug": slug, "url": url, "meetings": meetings})
        return rivals

    def for_distance(self, gender, distance_m):
        return self.filter(race__gender=gender, race__distance_m=distance_m, race__kind=RaceKind.INDIVIDUAL)


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
    status = models.CharField(_("status"), max_length=3, choices=Status.choices, default=Status.FINISHED)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True, editable=False)
    rank_is_official = models.BooleanField(
        _("official rank"), default=False, help_text=_("the rank printed on the results sheet")
    )
    pair = models.PositiveSmallIntegerField(_("pair"), null=True, blank=True)
    lane = models.CharField(_("lane"), max_length=5, choices=Lane.choices, blank=True, default="")
    points = models.PositiveSmallIntegerField(_("mass-start points"), null=True, blank=True)
    source = models.TextField(_("source"), blank=True)

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
            models.CheckConstraint(condition=Q(status="FIN") | Q(rank__isnull=True), name="non_finisher_has_no_rank"),
            models.CheckConstraint(
                condition=~Q(status="FIN") | Q(time_ms__isnull=False) | Q(rank__isnull=False),
                name="finisher_has_time_or_rank",
            ),
        ]
        indexes = [
            # a skater's results, personal records and head-to-head by skater
            models.Index(fields=["skater", "race"], name="result_skater_race"),
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


class WorldCupPoints(models.Model):
    """World Cup points for a rank, as the season's rules give them (edited as data)."""

    season = models.PositiveSmallIntegerField(_("season"))
    division = models.CharField(_("division"), max_length=1, choices=Division.choices)
    distance_m = models.PositiveIntegerField(_("distance (m)"))
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    rank = models.PositiveSmallIntegerField(_("rank"))
    points = models.PositiveSmallIntegerField(_("points"))

    class Meta:
        ordering = ["season", "division", "gender", "distance_m", "rank"]
        verbose_name_plural = "World Cup points"
        constraints = [
            models.UniqueConstraint(
                fields=["season", "division", "distance_m", "gender", "rank"], name="one_points_value_per_rank"
            ),
        ]

    def __str__(self):
        return f"{timing.season_label(self.season)} {self.division} {self.gender} {self.distance_m} m #{self.rank}: {self.points}"


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


# Derived facts, kept up to date on every write (results/derived.py) so that pages never scan all results.


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


# The race page's queries, compiled once (results/prepared.py): the page runs them on every view.
RACE_AT = Prepared(
    lambda competition, race, drafts: Race.objects.with_competition().filter(
        PUBLIC_RACE | Q(drafts), competition__slug=competition, slug=race
    )[:1],
    competition=models.SlugField(), race=models.SlugField(), drafts=models.BooleanField(),
)  # fmt: skip
RACE_RESULTS = Prepared(
    lambda race: Result.objects.filter(race_id=race).select_related("skater").order_by("id"),
    race=models.BigIntegerField(),
)
RECORDS_BEFORE = Prepared(
    lambda rink, gender, distance, date, nationalities: RecordEntry.objects.filter(
        Q(scope=RecordScope.TRACK, rink_id=rink) | Q(scope=RecordScope.NATIONAL, nationality__in=nationalities),
        gender=gender, distance_m=distance, date__lt=date,
    ).order_by("-date", "time_ms", "id").values_list("scope", "nationality", "time_ms"),
    rink=models.BigIntegerField(), gender=models.CharField(), distance=models.IntegerField(), date=models.DateField(),
    nationalities=[models.CharField()],
)  # fmt: skip


def _winner_ages(race, gender, distance, kind, date):
    event = WinnerAge.objects.filter(gender=gender, distance_m=distance, kind=kind, date__lt=date)
    youngest = event.filter(extreme=WinnerAge.Extreme.YOUNGEST).order_by("-date", "age").values("age")[:1]
    oldest = event.filter(extreme=WinnerAge.Extreme.OLDEST).order_by("-date", "-age").values("age")[:1]
    # both lookups in one query, carried by the race row
    return Race.objects.filter(id=race).values_list(Subquery(youngest), Subquery(oldest))


WINNER_AGES = Prepared(
    _winner_ages, race=models.BigIntegerField(), gender=models.CharField(), distance=models.IntegerField(),
    kind=models.CharField(), date=models.DateField(),
)  # fmt: skip
RACES_OF_DISTANCE = Prepared(
    lambda race, season, gender, distance, kind: Race.objects.filter(
        PUBLIC_RACE | Q(id=race),
        competition__season=season, gender=gender, distance_m=distance, kind=kind,
    ).order_by("date", "-division", "round", "id").values_list(*RaceRow._fields),
    race=models.BigIntegerField(), season=models.IntegerField(), gender=models.CharField(),
    distance=models.IntegerField(), kind=models.CharField(),
)  # fmt: skip


class RaceRow(NamedTuple):
    id: int
    competition_id: int
    division: str
    round: int | None
    slug: str
    published: bool
    competition__published: bool
    competition__slug: str
    competition__name: str


@dataclass(frozen=True)
class RaceLink:
    """A link to another race of a race's distance: its title, its address, its competition's short name."""

    title: str
    url: str
    competition: str

    @classmethod
    def of(cls, race, row):
        """From a row of RACES_OF_DISTANCE (same gender, distance and kind as `race`)."""
        other = Race(gender=race.gender, distance_m=race.distance_m, kind=race.kind, division=row.division,
                     round=row.round)  # fmt: skip
        url = slug_url("results:race", row.competition__slug, row.slug)
        return cls(other.title(), url, short_competition_name(row.competition__name))


# A profile's queries, compiled once (results/prepared.py).
SKATER_AT = Prepared(lambda slug: Skater.objects.filter(slug=slug)[:1], slug=models.SlugField())
OTHER_NAMES = Prepared(
    lambda skater: SkaterName.objects.filter(skater_id=skater).order_by("name", "id"), skater=models.BigIntegerField()
)
STREAK_SUMMARIES = Prepared(
    lambda skater: StreakSummary.objects.filter(skater_id=skater).order_by("distance_m"),
    skater=models.BigIntegerField(),
)
RIVALS = 8
RIVAL_COUNTS = Prepared(  # the other skaters' results in the skater's published races, counted (derived.py)
    lambda skater: (
        Result.objects.filter(
            PUBLIC_RESULT, race__results__skater_id=skater, skater__isnull=False,
        )
        .exclude(skater_id=skater)
        .values_list("skater_id")
        .annotate(meetings=models.Count("id"))  # one result per skater per race
        .order_by("-meetings", "skater_id")[:RIVALS]
    ),
    skater=models.BigIntegerField(),
)  # fmt: skip
RIVALS_OF = Prepared(
    lambda skater: (
        Rival.objects.filter(skater_id=skater)
        .order_by("-meetings", "rival__name", "rival_id")
        .values_list("rival__name", "rival__slug", "meetings")
    ),
    skater=models.BigIntegerField(),
)


# A competition page's queries, compiled once (results/prepared.py).
COMPETITION_AT = Prepared(
    lambda slug, drafts: Competition.objects.select_related("rink").filter(Q(published=True) | Q(drafts), slug=slug)[
        :1
    ],
    slug=models.SlugField(),
    drafts=models.BooleanField(),
)
COMPETITION_RACES = Prepared(
    lambda competition, drafts: Race.objects.filter(Q(published=True) | Q(drafts), competition_id=competition),
    competition=models.BigIntegerField(),
    drafts=models.BooleanField(),
)
PODIUMS = Prepared(
    lambda races: (
        Result.objects.filter(race_id__in=races, rank__lte=3, status=Status.FINISHED)
        .select_related("skater")
        .order_by("rank", "time_ms", "id")
    ),
    races=[models.BigIntegerField()],
)
FINISH_TIMES = Prepared(
    lambda races: (
        Result.objects.filter(race_id__in=races, status=Status.FINISHED, time_ms__isnull=False)
        .order_by("id")
        .values_list("race_id", "skater_id", "time_ms")
    ),
    races=[models.BigIntegerField()],
)
SKATER_LINKS = Prepared(  # what a link to a profile needs
    lambda skaters: Skater.objects.filter(id__in=skaters).order_by("id").values_list(*SkaterLink._fields),
    skaters=[models.BigIntegerField()],
)


class SkaterLink(NamedTuple):
    """What a link to a skater's profile needs (a championship's classification links to a few hundred)."""

    id: int
    name: str
    slug: str
    nationality: str

    def get_absolute_url(self):
        return slug_url("results:skater", self.slug)
