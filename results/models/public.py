"""The one rule for what the public sees: a published race in a published competition. Drafts (unpublished races
or competitions) are seen by editors only. What the derived facts (records, bests, streaks, rivals) count is
narrower: settled results, in an official (not provisional) race, of skaters who have skated."""

from django.db import models
from django.db.models import Q


def public_races(path=""):
    """The condition on races; path: the lookup from the queried model to the race ('race__' for results)."""
    return Q(**{f"{path}published": True, f"{path}competition__published": True})


PUBLIC_COMPETITION = Q(published=True)
PUBLIC_RACE = public_races()
PUBLIC_RESULT = public_races("race__")
SETTLED_RESULT = PUBLIC_RESULT & Q(race__provisional=False) & ~Q(status="NYS")


class VisibleQuerySet(models.QuerySet):
    """A QuerySet of something the public sees only when published: PUBLIC says when."""

    PUBLIC = None

    def public(self):
        return self.filter(self.PUBLIC)

    def visible_to(self, user):
        """Editors see drafts too; everyone else what is public."""
        return self if user.is_staff else self.public()
