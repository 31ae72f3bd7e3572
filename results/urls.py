from django.urls import path

from results import views

app_name = "results"

urlpatterns = [
    path("", views.home, name="home"),
    path("competitions/", views.competition_list, name="competitions"),
    path("competitions/<slug:slug>/", views.competition_detail, name="competition"),
    path("competitions/<slug:competition_slug>/<slug:race_slug>/", views.race_detail, name="race"),
    path("skaters/<slug:slug>/", views.skater_detail, name="skater"),
    path("rinks/<slug:slug>/", views.rink_detail, name="rink"),
]
