from django.contrib.sitemaps import Sitemap

from results.models import Competition, Race, Rink, Skater


class SkaterSitemap(Sitemap):
    i18n = True
    changefreq = "weekly"

    def items(self):
        return Skater.objects.only("slug").order_by("id")


class CompetitionSitemap(Sitemap):
    i18n = True

    def items(self):
        return Competition.objects.public().only("slug", "end_date").order_by("id")

    def lastmod(self, competition):
        return competition.end_date


class RaceSitemap(Sitemap):
    i18n = True

    def items(self):
        return (
            Race.objects.public().select_related("competition").only("slug", "date", "competition__slug").order_by("id")
        )

    def lastmod(self, race):
        return race.date


class RinkSitemap(Sitemap):
    i18n = True

    def items(self):
        return Rink.objects.only("slug").order_by("id")


SITEMAPS = {"skaters": SkaterSitemap, "competitions": CompetitionSitemap, "races": RaceSitemap, "rinks": RinkSitemap}
