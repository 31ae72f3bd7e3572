import json

from django.core.management.base import BaseCommand
from django.db.models import Count
from django.utils import translation

from results.models import Competition, Race, Skater
from results.models.public import public_races
from results.queries.skater_page import rivals_of


class Command(BaseCommand):
    help = "Print, as JSON, one URL of each public page kind for the benchmark (busy skaters and pairs)."

    def handle(self, *args, **options):
        translation.activate("en")
        # the newest full season (the newest of all may be only partly generated): its races have the longest
        # history behind them, and its last competition
        sizes = dict(Competition.objects.public().values_list("season").annotate(n=Count("races")))
        season = max(season for season, n in sizes.items() if n >= 0.8 * max(sizes.values()))
        competition = Competition.objects.public().filter(season=season).order_by("-start_date").first()
        race = Race.objects.filter(competition=competition).annotate(n=Count("results")).order_by("-n", "id").first()
        skater = (
            Skater.objects.filter(public_races("results__race__"))
            .annotate(n=Count("results"))
            .order_by("-n", "id")
            .first()
        )
        rival = Skater.objects.get(slug=rivals_of(skater)[0]["slug"])
        season = competition.season_slug
        event = f"{'women' if race.gender == 'F' else 'men'}-{race.distance_m}m"
        urls = {
            "minimal": "/bench/minimal/",
            "home": "/en/",
            "season": f"/en/seasons/{season}/",
            "competition": competition.get_absolute_url(),
            "race": race.get_absolute_url(),
            "skater": skater.get_absolute_url(),
            "head-to-head": f"/en/head-to-head/{skater.slug}/{rival.slug}/",
            "records": "/en/records/",
            "rankings": f"/en/rankings/{season}/{event}/",
            "adelskalender": "/en/adelskalender/",
            "search": "/en/skaters/?q=an",
            "api-race": f"/api/v1/races/{competition.slug}/{race.slug}",
            "api-skater": f"/api/v1/skaters/{skater.slug}",
            "nation": f"/en/nations/{skater.nationality.lower()}/",
            "world-record": f"/en/records/world/{event}/",
        }
        self.stdout.write(json.dumps(urls))
