import django_filters
from django.utils.translation import gettext_lazy as _

from results.models import DISTANCES, Result
from results.sport import timing


class SkaterResultFilter(django_filters.FilterSet):
    season = django_filters.ChoiceFilter(
        field_name="race__competition__season", label=_("Season"), empty_label=_("every season")
    )
    distance = django_filters.ChoiceFilter(
        field_name="race__distance_m",
        label=_("Distance"),
        empty_label=_("every distance"),
        choices=[(d, f"{d} m") for d in DISTANCES],
    )

    class Meta:
        model = Result
        fields = ["season", "distance"]

    def __init__(self, *args, seasons=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["season"].extra["choices"] = [(s, timing.season_label(s)) for s in seasons]
