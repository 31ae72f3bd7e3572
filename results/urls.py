from django.urls import path, register_converter

from results import insight_views, views
from results.caching import cached_page


class ExportFormat:
    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExportFormat, "export_format")

app_name = "results"

urlpatterns = [
    path("", cached_page(views.home), name="home"),
    path("competitions/", cached_page(views.competition_list), name="competitions"),
    path("competitions/<slug:slug>/", cached_page(views.competition_detail), name="competition"),
    path(
        "competitions/<slug:slug>/results.<export_format:fmt>",
        cached_page(views.competition_export),
        name="competition_export",
    ),
    path(
        "competitions/<slug:competition_slug>/<slug:race_slug>/results.<export_format:fmt>",
        cached_page(views.race_export),
        name="race_export",
    ),
    path("competitions/<slug:competition_slug>/<slug:race_slug>/", cached_page(views.race_detail), name="race"),
    path("skaters/", cached_page(views.skater_list), name="skaters"),
    path("skaters/<slug:slug>/", cached_page(views.skater_detail), name="skater"),
    path("skaters/<slug:slug>/results/", cached_page(views.skater_results), name="skater_results"),
    path("skaters/<slug:slug>/results.<export_format:fmt>", cached_page(views.skater_export), name="skater_export"),
    path("head-to-head/", views.head_to_head_form, name="head_to_head_form"),
    path("head-to-head/<slug:slug_a>/<slug:slug_b>/", cached_page(views.head_to_head), name="head_to_head"),
    path("seasons/<str:season>/", cached_page(views.season_detail), name="season"),
    path("rinks/<slug:slug>/", cached_page(views.rink_detail), name="rink"),
    path("records/", cached_page(insight_views.records_index), name="records"),
    path("records/<str:event>/", cached_page(insight_views.record_history), name="record_history"),
    path("rankings/<str:season>/<str:event>/", cached_page(insight_views.season_ranking), name="season_ranking"),
    path("adelskalender/", cached_page(insight_views.adelskalender), name="adelskalender"),
    path("streaks/", cached_page(insight_views.streak_list), name="streaks"),
    path("world-cup/<str:season>/<str:event>/", cached_page(insight_views.world_cup_standings), name="world_cup"),
]
