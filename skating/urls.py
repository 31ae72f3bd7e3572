from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from results.api import api, unknown_address
from results.sitemaps import SITEMAPS
from results.views import embeds
from skating import bench, health

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("healthz", health.healthz, name="healthz"),
    path("oembed", embeds.oembed, name="oembed"),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/(?P<rest>.*)$", unknown_address),
    path(".well-known/security.txt", health.security_txt, name="security_txt"),
]
if settings.BENCH:
    urlpatterns.append(path("bench/minimal/", bench.minimal))
urlpatterns += i18n_patterns(
    path("", include("results.urls")),
    prefix_default_language=True,
)
