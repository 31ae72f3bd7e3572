"""Malformed and hostile input on every public URL and form: never a 500, never a change to the data."""

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from results.models import Change, Race, Result, Skater
from tests.helpers.builders import race_form

NASTY = [
    "",
    "'",
    '"; DROP TABLE results_result; --',
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "%00",
    "\x00",
    "a\x00b",
    "../../etc/passwd",
    "🏅" * 50,
    "x" * 5000,
    "-1",
    "0",
    "99999999999999999999",
    "1e9",
    "NaN",
    "Wüst",
    "%ff%fe",
    "\ud7ff",
]
PATHS = [
    "/en/skaters/{}/",
    "/en/competitions/{}/",
    "/en/competitions/2023-24-world-cup-2-beijing/{}/",
    "/en/head-to-head/{}/miho-takagi/",
    "/en/seasons/{}/",
    "/en/rinks/{}/",
    "/en/records/{}/",
    "/en/rankings/{}/women-1000m/",
    "/en/rankings/2023-24/{}/",
    "/en/world-cup/{}/women-1000m/",
    "/en/competitions/{}/results.csv",
    "/en/skaters/{}/results.json",
    "/en/skaters/{}/results/",
]
QUERIES = [
    ("/en/skaters/", "q"),
    ("/en/skaters/", "nationality"),
    ("/en/skaters/", "page"),
    ("/en/skaters/jutta-leerdam/results/", "season"),
    ("/en/skaters/jutta-leerdam/results/", "distance"),
    ("/en/skaters/jutta-leerdam/results/", "page"),
    ("/en/skaters/jutta-leerdam/results/", "sort"),
    ("/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/", "sort"),
    ("/en/head-to-head/", "a"),
    ("/en/head-to-head/", "b"),
    ("/en/records/", "nationality"),
    ("/en/records/women-1000m/", "nationality"),
    ("/en/adelskalender/", "date"),
    ("/en/adelskalender/", "gender"),
]

SEARCHES, PAGE_NUMBERS = 60, 40  # hypothesis examples: each fetches two pages
INVALID_UTF8 = ("/en/skaters/%ff%fe/", "/en/skaters/?q=%ff%fe", "/en/records/?nationality=%c3%28")
BAD_TIMES = [
    "1.74,44",
    "abc",
    "-37.05",
    "1:14:44",
    "1.14.44",
    "0.00",
    "37.0512",
    "1:4.44",
    "99:99.99",
    "' OR 1=1",
    "<b>1</b>",
    "\x00",
]


def fingerprint():
    rows = Result.objects.order_by("id").values_list("id", "race_id", "skater_id", "time_ms", "rank", "status")
    digest = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
    return digest, Skater.objects.count(), Race.objects.count(), Change.objects.count()


def fetch(client, url, **params):
    response = client.get(url, params)
    assert response.status_code < 500, (url, params, response.status_code)
    if response.status_code == 200 and "text/html" in response["Content-Type"]:
        assert b"<script>alert(1)</script>" not in response.content, (url, params)
    return response


def quoted(text):
    from urllib.parse import quote

    return quote(text, safe="")


@pytest.mark.parametrize("path", PATHS)
def test_malformed_slugs_are_answered_without_a_server_error(client, db, path):
    before = fingerprint()
    for text in NASTY:
        response = fetch(client, path.format(quoted(text)))
        assert response.status_code in (200, 301, 302, 400, 404), (path, text, response.status_code)
    assert fingerprint() == before


@pytest.mark.parametrize("url, name", QUERIES)
def test_odd_query_parameters_are_answered_without_a_server_error(client, db, url, name):
    before = fingerprint()
    for text in NASTY:
        fetch(client, url, **{name: text})
    assert fingerprint() == before


@settings(max_examples=SEARCHES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_search_text_is_safe(client, db, text):
    response = fetch(client, "/en/skaters/", q=text)
    assert response.status_code == (400 if "\x00" in text else 200)
    fetch(client, "/en/head-to-head/", a=text, b=text)


@settings(max_examples=PAGE_NUMBERS, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.one_of(st.integers(min_value=-(10**20), max_value=10**20).map(str), st.text(max_size=30)))
def test_any_page_number_is_safe(client, db, page):
    nul = "\x00" in page  # refused whole with a 400
    pages = max(1, -(-Skater.objects.count() // 50))  # every skater listed, 50 a page
    exists = page.isascii() and page.isdigit() and 1 <= int(page) <= pages  # else a 404, as on every paginated page
    assert fetch(client, "/en/skaters/", page=page).status_code == (400 if nul else 200 if exists else 404)
    assert fetch(client, "/en/skaters/jutta-leerdam/results/", page=page).status_code in ((400,) if nul else (200, 404))


def test_invalid_utf8_in_the_address_is_safe(client, db):
    for raw in INVALID_UTF8:
        response = client.get(raw)
        assert response.status_code < 500, raw


def test_a_bad_date_gets_a_clear_400(client, db):
    response = fetch(client, "/en/adelskalender/", date="2024-13-45")
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.content.decode()


@pytest.mark.parametrize("bad_time", BAD_TIMES)
def test_every_wrong_time_notation_is_refused_in_the_admin_and_nothing_changes(client, editor, bad_time):
    race = Race.objects.get(competition__name="2023-24 ISU Speed Skating World Cup 2 (Beijing)", division="A")
    skater = Skater.objects.get(name="Ireen Wüst")
    client.force_login(editor)
    before = fingerprint()
    data = race_form(race, [(1, "inner", skater, bad_time, "FIN")])
    data["results-INITIAL_FORMS"] = 0
    response = client.post(f"/admin/results/race/{race.id}/change/", data)
    assert response.status_code in (200, 400)
    assert "errorlist" in response.content.decode() or "NUL character" in response.content.decode()
    assert fingerprint() == before


def test_the_hostile_inputs_are_many():
    """How many hostile inputs the tests above try, counted from their lists (not tallied while they run, which made
    the count depend on which tests ran before, in which process)."""
    tried = (
        len(NASTY) * (len(PATHS) + len(QUERIES)) + 2 * (SEARCHES + PAGE_NUMBERS) + len(INVALID_UTF8) + len(BAD_TIMES)
    )
    print(f"hostile inputs tried: {tried}")
    assert tried > 500
