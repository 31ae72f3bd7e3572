"""Page cache and conditional requests: fast for repeat visitors, never stale after an edit."""

import os

import pytest
from django.core.cache import cache

from results.models import Result
from results.writes import path as write_path
from skating.settings import redis_cache

BEIJING = "/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/"


CACHES = {"locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}


def per_worker(url):
    """A Redis database of each test process's own (pytest-xdist's gw0, gw1, …): clearing one's cache must not
    clear another's."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    server, database = url.rsplit("/", 1)
    return f"{server}/{int(database) + worker}"


if os.environ.get("REDIS_URL_TEST"):  # .ci/run starts a Redis server: the shared cache of several hosts
    CACHES["redis"] = redis_cache(per_worker(os.environ["REDIS_URL_TEST"]))


@pytest.fixture(params=sorted(CACHES))
def page_cache(settings, request):
    settings.CACHES = {"default": CACHES[request.param]}
    cache.clear()
    yield request.param
    cache.clear()


def test_a_repeat_visitor_gets_304_not_modified(client, db, page_cache):
    first = client.get(BEIJING)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get(BEIJING, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not again.content


def test_a_cached_page_costs_no_page_queries(client, db, page_cache, django_assert_max_num_queries):
    client.get(BEIJING)
    with django_assert_max_num_queries(0):
        assert client.get(BEIJING).status_code == 200


def test_a_correction_is_visible_at_once(client, db, page_cache, django_capture_on_commit_callbacks):
    before = client.get(BEIJING)
    assert "1:14.44" in before.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        takagi = Result.objects.get(
            race__competition__name__contains="World Cup 2 (Beijing)", skater__name="Miho Takagi"
        )
        takagi.time_ms = 74400
        write_path.save(takagi)
    after = client.get(BEIJING, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "1:14.40" in after.content.decode() and after["ETag"] != before["ETag"]


def test_exports_keep_their_headers_from_the_cache(client, db, page_cache):
    url = f"{BEIJING}results.csv"
    client.get(url)
    cached = client.get(url)
    assert cached["Content-Disposition"].startswith("attachment;") and cached["Content-Type"].startswith("text/csv")


def test_editors_are_not_served_from_the_cache(client, editor, page_cache):
    client.get(BEIJING)
    client.force_login(editor)
    response = client.get(BEIJING)
    assert "ETag" not in response


def test_an_edit_of_very_many_races_makes_every_page_stale(client, db, page_cache, monkeypatch):
    from results.models import Race
    from results.writes import invalidation

    far = Race.objects.filter(competition__season__lt=1930).first().get_absolute_url()  # an Olympic race of the 1920s
    races = list(Race.objects.filter(competition__season=2023).values_list("id", flat=True)[:3])
    assert len(races) == 3
    assert client.get(far)["X-Cache"] == "miss" and client.get(far)["X-Cache"] == "hit"
    invalidation.invalidate(races)  # three races of 2023 with other skaters: the page is not stale
    assert client.get(far)["X-Cache"] == "hit"
    monkeypatch.setattr(invalidation, "MANY_RACES", 2)  # as many as a large import's
    invalidation.invalidate(races)
    assert client.get(far)["X-Cache"] == "miss"


def test_pages_an_older_version_of_the_site_kept_in_the_cache_are_not_read(client, db, page_cache):
    import hashlib

    digest = hashlib.sha1(f"en {BEIJING}".encode()).hexdigest()[:16]
    cache.set(f"page:{digest}", (1764700000, b"an older version's page", {}))  # the shape of an earlier release
    response = client.get(BEIJING)
    assert response.status_code == 200 and b"older version" not in response.content


def test_junk_query_parameters_make_no_new_cached_pages(client, db, page_cache):
    first = client.get(BEIJING + "?junk=1")
    assert first["X-Cache"] == "miss"
    answers = [client.get(BEIJING + f"?junk={n}&utm_source=x{n}") for n in range(2, 60)]
    assert {a["X-Cache"] for a in answers} == {"hit"} and client.get(BEIJING)["X-Cache"] == "hit"
    assert "junk" not in first.content.decode()  # no link of the kept page carries it


def test_the_parameters_a_page_reads_still_make_pages_of_their_own(client, db, page_cache):
    by_time = client.get(BEIJING + "?sort=time&junk=1")
    assert by_time["X-Cache"] == "miss" and client.get(BEIJING + "?junk=2&sort=time")["X-Cache"] == "hit"
    assert client.get(BEIJING + "?sort=-time")["X-Cache"] == "miss"


SECURITY_HEADERS = ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy",
                    "Cross-Origin-Opener-Policy")  # fmt: skip
PAGE_KINDS = [
    "/en/", "/nl/", BEIJING, "/en/competitions/2023-24-world-cup-2-beijing/", "/en/skaters/jutta-leerdam/",
    "/en/records/", "/en/feed/", "/en/skaters/jutta-leerdam/card.png", "/en/embed/skater/jutta-leerdam/",
    "/api/v1/races/2023-24-world-cup-2-beijing/women-1000m-a", "/en/seasons/2023-24/", "/en/adelskalender/",
]  # fmt: skip


def security_headers(response):
    return {name: response.get(name) for name in SECURITY_HEADERS}


@pytest.mark.parametrize("address", PAGE_KINDS)
def test_a_cache_hit_carries_the_same_security_headers_as_a_miss(client, db, page_cache, address):
    miss, hit = client.get(address), client.get(address)
    assert (miss.status_code, miss["X-Cache"], hit["X-Cache"]) == (200, "miss", "hit")
    assert security_headers(hit) == security_headers(miss)
    assert hit["X-Content-Type-Options"] == "nosniff" and hit["Content-Security-Policy"]


def test_a_live_part_from_the_cache_carries_the_security_headers(client, db, page_cache):
    from tests.helpers.builders import WC3_WOMEN_500, real_race, start_list_from

    race, _typed = start_list_from(real_race(*WC3_WOMEN_500))
    live = race.get_absolute_url() + "live"
    miss, hit = client.get(live), client.get(live)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert security_headers(hit) == security_headers(miss)
    assert hit["X-Frame-Options"] == "DENY" and hit["Content-Security-Policy"]
