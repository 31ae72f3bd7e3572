"""The public API v1 on the seed data: the same facts as the pages, pagination, caching, CORS, the rate limit,
errors as problem details, and a schema that cannot change without a note."""

import hashlib
import ipaddress
import json
from pathlib import Path

import pytest
from django.core.cache import cache

from results.api import api
from tests.helpers.html import row_of, rows
from tests.test_caching import CACHES

ROOT = Path(__file__).resolve().parent.parent
BEIJING = "/api/v1/races/2023-24-world-cup-2-beijing/women-1000m-a"


@pytest.fixture
def page_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "api"}}
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_a_race_gives_every_result_as_its_page_shows_it(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        race = client.get(BEIJING).json()
    results = {r["skater"]["name"]: r for r in race["results"]}
    takagi = results["Miho Takagi"]
    assert (takagi["rank"], takagi["time_ms"], takagi["time"], takagi["nationality"]) == (1, 74440, "1:14.44", "JPN")
    assert results["Jutta Leerdam"]["gap"] == "+0.44" and results["Femke Kok"]["status"] == "WDR"
    page = client.get("/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/").content.decode()
    for name, result in results.items():
        if result["rank"]:
            assert row_of(page, name).startswith(f"{result['rank']} |")  # the same rank as the page
            assert " ".join(result["markers"]) in row_of(page, name)


@pytest.mark.django_db
def test_times_keep_the_precision_they_were_measured_in(client):
    race = client.get("/api/v1/races/1924-winter-olympics/men-10000m").json()
    first, second = race["results"][0], race["results"][1]
    assert (first["skater"]["name"], first["time"], second["gap"]) == ("Julius Skutnabb", "18:04.8", "+3.0")
    tie = client.get("/api/v1/races/2025-26-world-cup-1-salt-lake-city/women-1000m-b").json()
    assert {"1:14.661", "1:14.663"} <= {r["time"] for r in tie["results"]}  # thousandths where they were printed


@pytest.mark.django_db
def test_competitions_skaters_head_to_head_records_and_rankings(client):
    season = client.get("/api/v1/competitions", {"season": "2023-24"}).json()
    assert "2023-24 ISU Speed Skating World Cup 2 (Beijing)" in [c["name"] for c in season["items"]]
    beijing = client.get("/api/v1/competitions/2023-24-world-cup-2-beijing").json()
    assert "women-1000m-a" in [r["slug"] for r in beijing["races"]]
    leerdam = client.get("/api/v1/skaters/jutta-leerdam").json()
    assert "1000 m" in [pr["distance"] for pr in leerdam["personal_records"]]
    results = client.get("/api/v1/skaters/jutta-leerdam/results", {"season": "2023-24", "distance": 1000}).json()
    assert results["count"] > 0 and {r["distance_m"] for r in results["items"]} == {1000}
    meetings = client.get("/api/v1/head-to-head/jutta-leerdam/miho-takagi").json()
    assert meetings["a_wins"] + meetings["b_wins"] + meetings["undecided"] == len(meetings["meetings"]) > 0
    history = client.get("/api/v1/records", {"event": "men-10000m"}).json()
    assert history[0]["time"] == "18:04.8" and history[0]["skater"]["name"] == "Julius Skutnabb"
    ranking = client.get("/api/v1/rankings/2023-24/women-1000m").json()
    assert [r["rank"] for r in ranking] == sorted(r["rank"] for r in ranking) and ranking[0]["rank"] == 1


@pytest.mark.django_db
def test_lists_are_paginated_with_links(client):
    first = client.get("/api/v1/skaters", {"nationality": "NED"}).json()
    assert first["count"] > 50 and len(first["items"]) == 50 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["previous"].endswith("page=1") and second["items"][0] != first["items"][0]
    assert client.get("/api/v1/skaters", {"nationality": "NED", "page": 999}).status_code == 404


@pytest.mark.django_db
def test_a_repeat_request_with_its_etag_gets_304_and_pages_are_cached_like_the_site(client, page_cache):
    first = client.get(BEIJING)
    assert first["Cache-Control"] == "public, no-cache" and first["Last-Modified"]
    assert client.get(BEIJING, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.django_db
def test_any_origin_may_read_the_api_but_not_the_pages(client):
    api_response = client.get(BEIJING, HTTP_ORIGIN="https://fan-app.example")
    assert api_response["Access-Control-Allow-Origin"] == "*"
    page = client.get("/en/", HTTP_ORIGIN="https://fan-app.example")
    assert "Access-Control-Allow-Origin" not in page


@pytest.mark.django_db
def test_over_the_rate_limit_a_client_gets_429_with_retry_after(client, page_cache):
    statuses = [client.get("/api/v1/competitions/2023-24-world-cup-2-beijing").status_code for _ in range(61)]
    assert statuses[:60] == [200] * 60 and statuses[60] == 429
    refused = client.get("/api/v1/competitions/2023-24-world-cup-2-beijing")
    assert refused["Content-Type"] == "application/problem+json" and int(refused["Retry-After"]) > 0
    other = client.get("/api/v1/competitions/2023-24-world-cup-2-beijing", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200  # the limit is per client address


@pytest.mark.django_db
def test_errors_are_problem_details_with_a_sentence(client):
    missing = client.get("/api/v1/skaters/nobody-at-all")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"
    assert missing.json() == {"type": "about:blank", "title": "Not Found", "status": 404,
                              "detail": "No skater with this address."}  # fmt: skip
    bad = client.get("/api/v1/skaters/jutta-leerdam/results", {"distance": "far"})
    assert bad.status_code == 400 and "distance" in bad.json()["detail"]
    assert client.get("/api/v1/rankings/2023/women-1000m").json()["status"] == 404


@pytest.mark.django_db
def test_the_docs_are_served_from_our_own_static_files_under_our_csp(client):
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200 and "default-src 'self'" in docs["Content-Security-Policy"]
    html = docs.content.decode()
    assert "swagger-ui-bundle.js" in html and "http://" not in html and "https://" not in html
    assert client.get("/api/v1/openapi.json").json()["info"]["version"] == "1"


def test_the_schema_does_not_change_without_a_note_in_docs_api_changes():
    schema = json.dumps(api.get_openapi_schema(path_prefix="/api/v1"), sort_keys=True)
    digest = hashlib.sha256(schema.encode()).hexdigest()[:16]
    notes = (ROOT / "docs" / "api-changes.md").read_text(encoding="utf-8")
    assert f"schema {digest}" in notes, (
        f"The API schema changed: add a note with 'schema {digest}' to docs/api-changes.md"
    )


@pytest.mark.django_db
def test_adelskalender_and_world_cup_standings_match_their_pages(client):
    women = client.get("/api/v1/adelskalender", {"gender": "F"}).json()
    assert women["count"] > 0 and women["items"][0]["rank"] == 1
    points = [row["points_thousandths"] for row in women["items"]]
    assert points == sorted(points) and len(women["items"][0]["times"]) == 4
    page = client.get("/en/adelskalender/", {"gender": "F"}).content.decode()
    assert row_of(page, women["items"][0]["skater"]["name"]).startswith("1 |")
    standings = client.get("/api/v1/world-cup/2025-26/women-1000m").json()
    assert standings[0]["points"] == sum(standings[0]["races"]) and standings[0]["rank"] == 1
    assert client.get("/api/v1/adelskalender", {"gender": "X"}).status_code == 400


SEEDED = {  # one seed object per documented path: a new path must name one here (the walk below checks)
    "/api/v1/competitions": {},
    "/api/v1/competitions/{slug}": {"slug": "2023-24-world-cup-2-beijing"},
    "/api/v1/races/{competition_slug}/{race_slug}": {
        "competition_slug": "2023-24-world-cup-2-beijing", "race_slug": "women-1000m-a",
    },
    "/api/v1/skaters": {},
    "/api/v1/skaters/{slug}": {"slug": "jutta-leerdam"},
    "/api/v1/skaters/{slug}/results": {"slug": "jutta-leerdam"},
    "/api/v1/head-to-head/{a}/{b}": {"a": "jutta-leerdam", "b": "miho-takagi"},
    "/api/v1/records": {},
    "/api/v1/rankings/{season}/{event}": {"season": "2023-24", "event": "women-1000m"},
    "/api/v1/adelskalender": {},
    "/api/v1/world-cup/{season}/{event}": {"season": "2025-26", "event": "women-1000m"},
    "/api/v1/olympics/medals": {},
}  # fmt: skip


@pytest.mark.django_db
def test_the_schema_is_valid_openapi_and_every_path_answers_as_documented(client):
    from jsonschema import Draft202012Validator
    from openapi_spec_validator import validate

    spec = client.get("/api/v1/openapi.json").json()
    validate(spec)
    assert set(spec["paths"]) == set(SEEDED)
    for template, operations in spec["paths"].items():
        path = template.format(**SEEDED[template])
        response = client.get(path)
        assert response.status_code == 200, path
        documented = operations["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        Draft202012Validator({**documented, "components": spec["components"]}).validate(response.json())


@pytest.mark.django_db
def test_for_every_seed_race_the_api_gives_the_ranks_and_times_of_its_page(client):
    from results.models import Race

    races = list(Race.objects.public().select_related("competition"))
    assert len(races) > 200
    for race in races:
        api_results = client.get(f"/api/v1/races/{race.competition.slug}/{race.slug}").json()["results"]
        page_rows = rows(client.get(race.get_absolute_url()).content.decode())
        for result in api_results:
            name = result["skater"]["name"] if result["skater"] else result["team"]
            shown = next(row for row in page_rows if name in row)
            rank = str(result["rank"]) if result["rank"] else result["status"]
            assert shown.startswith(f"{rank} |"), (race, name)
            if result["time"]:  # the page cuts a time to hundredths unless thousandths decide a tie
                hundredths = result["time"] if len(result["time"].split(".")[-1]) < 3 else result["time"][:-1]
                assert hundredths in shown, (race, name, result["time"])


@pytest.mark.django_db
def test_a_skaters_records_and_season_bests_are_those_of_the_career(client):
    from django.test import RequestFactory

    from results.api import absolute
    from results.api.endpoints import best_out
    from results.models import Skater
    from results.queries import careers
    from results.sport import timing

    skaters = Skater.objects.filter(results__isnull=False).distinct().order_by("id")
    checked = 0
    for skater in skaters[::7]:
        results = careers.career(skater)
        found = client.get(f"/api/v1/skaters/{skater.slug}").json()
        request = RequestFactory().get("/")  # the addresses in an answer are absolute
        expected_personal = absolute(request, [best_out(r) for r in careers.personal_records(results)])
        expected_seasons = {
            timing.season_slug(season): absolute(request, [best_out(r) for r in bests])
            for season, bests in careers.season_bests(results).items()
        }
        assert found["personal_records"] == json.loads(json.dumps(expected_personal, default=str)), skater
        assert found["season_bests"] == json.loads(json.dumps(expected_seasons, default=str)), skater
        checked += bool(expected_personal)
    assert checked > 50


def rate_limited_statuses(client_factory, requests, threads, **headers):
    """The statuses of `requests` API requests sent by `threads` parallel clients."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    def one(_n):
        try:
            return client_factory().get("/api/v1/competitions/2023-24-world-cup-2-beijing", **headers).status_code
        finally:
            connection.close()  # this thread's own connection

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(one, range(requests)))


@pytest.mark.django_db
@pytest.mark.parametrize("shared_cache", sorted(CACHES))
def test_sixteen_parallel_clients_from_one_address_get_exactly_the_limit(settings, shared_cache):
    from django.test import Client

    settings.CACHES = {"default": CACHES[shared_cache]}
    cache.clear()
    settings.API_RATE = "60/h"  # one window for the whole test
    statuses = rate_limited_statuses(Client, 200, 16)
    assert statuses.count(200) == 60 and statuses.count(429) == 140


@pytest.mark.django_db
def test_a_new_x_forwarded_for_on_each_request_does_not_dodge_the_limit(client, settings, page_cache):
    settings.API_RATE = "60/h"
    statuses = [
        client.get(BEIJING, HTTP_X_FORWARDED_FOR=f"203.0.113.{n % 250}, 198.51.100.{n % 250}").status_code
        for n in range(61)
    ]
    assert statuses[:60] == [200] * 60 and statuses[60] == 429


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_clients_it_forwards_are_counted_apart(client, settings, page_cache):
    settings.API_RATE = "3/h"
    settings.TRUSTED_PROXY_NETWORKS = [ipaddress.ip_network("10.0.0.0/8")]
    proxy = {"REMOTE_ADDR": "10.1.2.3"}
    first = [client.get(BEIJING, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy).status_code for _ in range(4)]
    second = client.get(BEIJING, HTTP_X_FORWARDED_FOR="203.0.113.7, 203.0.113.8", **proxy)  # the proxy appended .8
    assert first == [200, 200, 200, 429] and second.status_code == 200


@pytest.mark.django_db
def test_every_api_answer_says_the_quota_left(client, settings, page_cache):
    settings.API_RATE = "5/h"
    answers = [client.get(BEIJING) for _ in range(6)]
    assert [a["X-RateLimit-Remaining"] for a in answers] == ["4", "3", "2", "1", "0", "0"]
    assert {a["X-RateLimit-Limit"] for a in answers} == {"5"} and 0 < int(answers[0]["X-RateLimit-Reset"]) <= 3600
    assert answers[-1].status_code == 429
    exposed = client.get(BEIJING, HTTP_ORIGIN="https://fan-app.example")["Access-Control-Expose-Headers"]
    assert "X-RateLimit-Remaining" in exposed and "Retry-After" in exposed


def test_the_openapi_document_describes_every_status_an_operation_answers(client):
    schema = client.get("/api/v1/openapi.json").json()
    operations = [op for ops in schema["paths"].values() for op in ops.values()]
    assert len(operations) >= 20  # GET and HEAD of each
    for operation in operations:
        for status in ("400", "404", "429"):
            content = operation["responses"][status]["content"]
            assert content == {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        assert "X-RateLimit-Remaining" in operation["responses"]["200"]["headers"]
    assert schema["components"]["schemas"]["Problem"]["required"] == ["type", "title", "status", "detail"]


@pytest.mark.django_db
def test_a_nul_byte_and_an_unknown_address_answer_problem_details(client):
    nul = client.get("/api/v1/skaters", {"q": "Jutta\x00"})
    assert nul.status_code == 400 and nul["Content-Type"] == "application/problem+json"
    assert "NUL" in nul.json()["detail"]
    unknown = client.get("/api/v1/no/such/thing")
    assert unknown.status_code == 404 and unknown["Content-Type"] == "application/problem+json"
    assert unknown.json()["status"] == 404


@pytest.mark.django_db
def test_head_and_every_kind_of_conditional_request_are_honoured(client, page_cache):
    got = client.get(BEIJING)
    head = client.head(BEIJING)
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == got["ETag"]
    weak = "W/" + got["ETag"]
    assert client.get(BEIJING, HTTP_IF_NONE_MATCH=weak).status_code == 304
    assert client.get(BEIJING, HTTP_IF_NONE_MATCH="*").status_code == 304
    assert client.get(BEIJING, HTTP_IF_MODIFIED_SINCE=got["Last-Modified"]).status_code == 304
    assert client.get(BEIJING, HTTP_IF_MODIFIED_SINCE="Sat, 01 Jan 2000 00:00:00 GMT").status_code == 200
    preflight = client.options(BEIJING, HTTP_ORIGIN="https://fan-app.example",
                               HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
                               HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, if-modified-since")  # fmt: skip
    allowed = preflight["Access-Control-Allow-Headers"].lower()
    assert "if-none-match" in allowed and "if-modified-since" in allowed


@pytest.mark.django_db
def test_answers_give_absolute_addresses_each_times_precision_and_whether_a_race_is_provisional(client):
    race = client.get(BEIJING).json()
    assert race["url"].startswith("http://testserver/en/competitions/") and race["provisional"] is False
    assert {r["precision"] for r in race["results"] if r["time"]} == {"hundredths"}
    listing = client.get("/api/v1/skaters").json()
    assert listing["next"].startswith("http://testserver/api/v1/skaters?page=2")
    assert all(c["url"].startswith("http://") for c in listing["items"])
    hand_timed = client.get("/api/v1/skaters/clas-thunberg/results").json()["items"]
    assert "tenths" in {r["precision"] for r in hand_timed}


@pytest.mark.django_db
def test_a_parameter_given_twice_is_refused_with_problem_details(client):
    answer = client.get("/api/v1/skaters?page=false&page=0.0")
    assert answer.status_code == 400 and answer["Content-Type"] == "application/problem+json"
    assert answer.json()["detail"] == "page: given more than once; give it once."
