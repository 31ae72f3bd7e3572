from django.urls import path, register_converter

from results.caching import cached_page
from results.views import (
    cards,
    competitions,
    embeds,
    exports,
    feeds,
    head_to_head,
    home,
    nations,
    races,
    rankings,
    records,
    rinks,
    skaters,
)


class ExportFormat:
    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExportFormat, "export_format")

app_name = "results"

urlpatterns = [
    path("", cached_page(home.home), name="home"),
    path("feed/", cached_page(feeds.LatestRacesFeed()), name="feed"),
    path(
        "embed/race/<slug:competition_slug>/<slug:race_slug>/",
        embeds.embeddable(cached_page(embeds.race_embed)),
        name="race_embed",
    ),
    path("embed/skater/<slug:slug>/", embeds.embeddable(cached_page(embeds.skater_embed)), name="skater_embed"),
    path("competitions/<slug:slug>/feed/", cached_page(feeds.CompetitionFeed()), name="competition_feed"),
    path("skaters/<slug:slug>/feed/", cached_page(feeds.SkaterFeed()), name="skater_feed"),
    path(
        "competitions/<slug:competition_slug>/<slug:race_slug>/card.png",
        cached_page(cards.race_card_view),
        name="race_card",
    ),
    path("skaters/<slug:slug>/card.png", cached_page(cards.skater_card_view), name="skater_card"),
    path("competitions/", cached_page(competitions.competition_list), name="competitions"),
    path("competitions/<slug:slug>/", cached_page(competitions.competition_detail), name="competition"),
    path(
        "competitions/<slug:slug>/results.<export_format:fmt>",
        cached_page(exports.competition_export),
        name="competition_export",
    ),
    path(
        "competitions/<slug:competition_slug>/<slug:race_slug>/results.<export_format:fmt>",
        cached_page(exports.race_export),
        name="race_export",
    ),
    path("competitions/<slug:competition_slug>/<slug:race_slug>/", cached_page(races.race_detail), name="race"),
    path("competitions/<slug:competition_slug>/<slug:race_slug>/live", races.race_live, name="race_live"),
    path("skaters/", cached_page(skaters.skater_list), name="skaters"),
    path("skaters/<slug:slug>/", cached_page(skaters.skater_detail), name="skater"),
    path("skaters/<slug:slug>/results/", cached_page(skaters.skater_results), name="skater_results"),
    path("skaters/<slug:slug>/results.<export_format:fmt>", cached_page(exports.skater_export), name="skater_export"),
    path("head-to-head/", head_to_head.head_to_head_form, name="head_to_head_form"),
    path("head-to-head/<slug:slug_a>/<slug:slug_b>/", cached_page(head_to_head.head_to_head), name="head_to_head"),
    path("seasons/<str:season>/", cached_page(competitions.season_detail), name="season"),
    path("rinks/<slug:slug>/", cached_page(rinks.rink_detail), name="rink"),
    path("records/", cached_page(records.records_index), name="records"),
    path("olympics/medals/", cached_page(nations.olympic_medals), name="olympic_medals"),
    path("olympics/medals/<int:year>/", cached_page(nations.olympic_medals), name="olympic_medals_of"),
    path("nations/<str:code>/", cached_page(nations.nation_detail), name="nation"),
    path("records/world/<str:event>/", cached_page(records.world_record_progression), name="world_record"),
    path("records/<str:event>/", cached_page(records.record_progression), name="record_progression"),
    path("rankings/<str:season>/<str:event>/", cached_page(rankings.season_ranking), name="season_ranking"),
    path("adelskalender/", cached_page(rankings.adelskalender), name="adelskalender"),
    path("streaks/", cached_page(records.streak_list), name="streaks"),
    path("world-cup/<str:season>/<str:event>/", cached_page(rankings.world_cup_standings), name="world_cup"),
]
