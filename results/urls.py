from django.urls import path, register_converter

from results import insight_views, views


class ExportFormat:
    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExportFormat, "export_format")

app_name = "results"

urlpatterns = [
    path("", views.home, name="home"),
    path("competitions/", views.competition_list, name="competitions"),
    path("competitions/<slug:slug>/", views.competition_detail, name="competition"),
    path("competitions/<slug:slug>/results.<export_format:fmt>", views.competition_export, name="competition_export"),
    path(
        "competitions/<slug:competition_slug>/<slug:race_slug>/results.<export_format:fmt>",
        views.race_export,
        name="race_export",
    ),
    path("competitions/<slug:competition_slug>/<slug:race_slug>/", views.race_detail, name="race"),
    path("skaters/", views.skater_list, name="skaters"),
    path("skaters/<slug:slug>/", views.skater_detail, name="skater"),
    path("skaters/<slug:slug>/results.<export_format:fmt>", views.skater_export, name="skater_export"),
    path("head-to-head/", views.head_to_head_form, name="head_to_head_form"),
    path("head-to-head/<slug:slug_a>/<slug:slug_b>/", views.head_to_head, name="head_to_head"),
    path("seasons/<str:season>/", views.season_detail, name="season"),
    path("rinks/<slug:slug>/", views.rink_detail, name="rink"),
    path("records/", insight_views.records_index, name="records"),
    path("records/<str:event>/", insight_views.record_history, name="record_history"),
    path("rankings/<str:season>/<str:event>/", insight_views.season_ranking, name="season_ranking"),
    path("adelskalender/", insight_views.adelskalender, name="adelskalender"),
    path("streaks/", insight_views.streak_list, name="streaks"),
    path("world-cup/<str:season>/<str:event>/", insight_views.world_cup_standings, name="world_cup"),
]
