import pytest
from django.urls import reverse
from django.utils import translation

from results.models import Race, Skater
from results.models.addresses import slug_url


@pytest.mark.parametrize("language", ["en", "nl"])
def test_slug_addresses_are_those_reverse_gives(db, language):
    race = Race.objects.select_related("competition__rink").first()
    skater = Skater.objects.first()
    with translation.override(language):
        assert race.get_absolute_url() == reverse("results:race", args=[race.competition.slug, race.slug])
        assert race.get_absolute_url().startswith(f"/{language}/competitions/{race.competition.slug}/")
        assert skater.get_absolute_url() == reverse("results:skater", args=[skater.slug])
        assert race.competition.rink.get_absolute_url() == reverse("results:rink", args=[race.competition.rink.slug])
        assert slug_url("results:season", "2023-24") == reverse("results:season", args=["2023-24"])
