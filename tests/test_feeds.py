"""Atom feeds of the latest races, of a competition's races and of a skater's results, on the seed data."""

import xml.etree.ElementTree as ET

import pytest

from results.models import Race

ATOM = "{http://www.w3.org/2005/Atom}"
BEIJING = "/en/competitions/2023-24-world-cup-2-beijing/"


def entries(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.mark.django_db
def test_the_latest_races_feed_lists_each_race_with_its_podium_in_a_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        found = entries(client.get("/en/feed/"))
    assert 0 < len(found) <= 12
    newest = Race.objects.public().order_by("-date").first()
    assert any(entry["link"].endswith(newest.get_absolute_url()) for entry in found)
    assert all(entry["summary"].startswith("1. ") for entry in found)


@pytest.mark.django_db
def test_a_competition_feed_shows_the_podium_in_the_page_language(client):
    english = {e["title"]: e["summary"] for e in entries(client.get(f"{BEIJING}feed/"))}
    assert english["Women 1000 m division A — 2023-24 World Cup 2 (Beijing)"].startswith("1. Miho Takagi 1:14.44")
    dutch = entries(client.get(f"{BEIJING.replace('/en/', '/nl/')}feed/"))
    assert any(e["summary"].startswith("1. Miho Takagi 1.14,44") for e in dutch)


@pytest.mark.django_db
def test_a_skater_feed_lists_the_results_newest_first_with_times_as_measured(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        leerdam = entries(client.get("/en/skaters/jutta-leerdam/feed/"))
    assert {"title": "1000 m A — 2023-24 World Cup 2 (Beijing)", "summary": "3. 1:14.88"}.items() <= next(
        e for e in leerdam if "Beijing" in e["title"] and "1000" in e["title"]
    ).items()
    skutnabb = entries(client.get("/en/skaters/julius-skutnabb/feed/"))
    assert "1. 18:04.8" in [e["summary"] for e in skutnabb]


@pytest.mark.django_db
def test_pages_link_their_feeds_and_an_unknown_address_is_404(client):
    assert 'type="application/atom+xml"' in client.get("/en/").content.decode()
    competition = client.get(BEIJING).content.decode()
    assert f'href="{BEIJING}feed/"' in competition
    assert 'href="/en/skaters/jutta-leerdam/feed/"' in client.get("/en/skaters/jutta-leerdam/").content.decode()
    assert client.get("/en/skaters/nobody-at-all/feed/").status_code == 404
    assert client.get("/en/competitions/no-such-cup/feed/").status_code == 404


@pytest.mark.django_db
def test_every_entry_of_every_feed_links_to_a_real_page(client):
    for feed in ("/en/feed/", f"{BEIJING}feed/", "/nl/skaters/jutta-leerdam/feed/"):
        for entry in entries(client.get(feed)):
            assert client.get(entry["link"].replace("http://testserver", "")).status_code == 200, entry["link"]


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/en/feed/", "/nl/skaters/clas-thunberg/feed/",
                                     "/en/competitions/1924-winter-olympics/feed/"])  # fmt: skip
def test_every_feed_entry_has_an_absolute_id_an_update_time_in_utc_and_the_feed_an_author(client, address):
    from xml.etree import ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.fromstring(client.get(address).content)
    assert feed.find(f"{atom}author/{atom}name").text == "Skating results"
    entries = feed.findall(f"{atom}entry")
    assert entries
    for entry in entries:
        assert entry.find(f"{atom}id").text.startswith("http://testserver/")
        for moment in (entry.find(f"{atom}updated"), entry.find(f"{atom}published")):
            assert moment is not None and moment.text.endswith(("+00:00", "Z")), moment.text
