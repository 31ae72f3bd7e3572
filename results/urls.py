from django.urls import path

from results import views

app_name = "results"

urlpatterns = [
    path("", views.home, name="home"),
    path("competitions/", views.competition_list, name="competitions"),
    path("competitions/<slug:slug>/", views.competition_detail, name="competition"),
    path("competitions/<slug:competition_slug>/<slug:race_slug>/", views.race_detail, name="race"),
    path("skaters/", views.skater_list, name="skaters"),
    path("skaters/<slug:slug>/", views.skater_detail, name="skater"),
    path("head-to-head/", views.head_to_head_form, name="head_to_head_form"),
    path("head-to-head/<slug:slug_a>/<slug:slug_b>/", views.head_to_head, name="head_to_head"),
    path("seasons/<str:season>/", views.season_detail, name="season"),
    path("rinks/<slug:slug>/", views.rink_detail, name="rink"),
]
