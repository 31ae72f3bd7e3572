"""Rinks and competitions."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from results.models.addresses import slug_url
from results.models.public import PUBLIC_COMPETITION, VisibleQuerySet
from results.sport import timing


class Rink(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(max_length=140, unique=True)
    city = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=3, help_text=_("IOC code"))
    altitude_m = models.IntegerField(_("altitude (m)"), null=True, blank=True)
    indoor = models.BooleanField(_("indoor"), null=True, blank=True, help_text=_("empty when not known"))
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


CHAMPIONSHIP_KINDS = {CompetitionKind.WORLD_SPRINT, CompetitionKind.WORLD_ALLROUND, CompetitionKind.EUROPEAN}


def short_competition_name(name):
    return name.replace("ISU Speed Skating ", "").replace("Speed Skating ", "")


class CompetitionQuerySet(VisibleQuerySet):
    PUBLIC = PUBLIC_COMPETITION

    def seasons(self):
        return list(self.values_list("season", flat=True).distinct().order_by("-season"))


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
