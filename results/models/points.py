"""World Cup points tables, kept as data per season."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from results.models.races import Division
from results.models.skaters import Gender
from results.sport import timing


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
