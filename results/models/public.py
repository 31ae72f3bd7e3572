"""The one rule for what the public sees: a published race in a published competition. Drafts (unpublished races
or competitions) are seen by editors only. What the derived facts (records, bests, streaks, rivals) count is
narrower: settled results, in an official (not provisional) race, of skaters who have skated.

The rule is written here once, in each form the site needs it: as Q objects for the QuerySets, as SQL for the
hand-written reads (results/queries/sql.py), and in Python for a race already read."""

from django.db import models
from django.db.models import Q


def public_races(path=""):
    """The condition on races; path: the lookup from the queried model to the race ('race__' for results)."""
    return Q(**{f"{path}published": True, f"{path}competition__published": True})


PUBLIC_COMPETITION = Q(published=True)
PUBLIC_RACE = public_races()
PUBLIC_RESULT = public_races("race__")
SETTLED_RESULT = PUBLIC_RESULT & Q(race__provisional=False) & ~Q(status="NYS")


def public_competition_sql(competition="c"):
    """PUBLIC_COMPETITION in SQL; competition: the table's alias."""
    return f"{competition}.published"


def public_race_sql(race="ra", competition="c"):
    """PUBLIC_RACE in SQL; race, competition: the aliases of the race's table and its competition's (joined)."""
    return f"({race}.published AND {public_competition_sql(competition)})"


def is_public(race_published, competition_published):
    """PUBLIC_RACE for a race already read: its published flag and its competition's."""
    return race_published and competition_published


class VisibleQuerySet(models.QuerySet):
    """A QuerySet of something the public sees only when published: PUBLIC says when."""

    PUBLIC = None

    def public(self):
        return self.filter(self.PUBLIC)

    def visible_to(self, user):
        """Editors see drafts too; everyone else what is public."""
        return self if user.is_staff else self.public()
