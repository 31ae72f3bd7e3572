"""Embeds of a race and a skater card, framable by any site (and only they), offered on the pages, and oEmbed."""

from urllib.parse import quote

import pytest

from tests.helpers.html import page, row_of

BEIJING = "/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/"
BEIJING_EMBED = "/en/embed/race/2023-24-world-cup-2-beijing/women-1000m-a/"
LEERDAM = "/en/skaters/jutta-leerdam/"


@pytest.mark.django_db
def test_a_race_embed_shows_the_results_and_any_site_may_frame_it(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(BEIJING_EMBED)
    assert response.status_code == 200
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    html = response.content.decode()
    assert row_of(html, "Miho Takagi").startswith("1 | Miho Takagi JPN | 1:14.44")
    assert "<nav" not in html  # no site navigation in an embed
    again = client.get(BEIJING_EMBED)  # served again (from the page cache when there is one): still framable
    assert "frame-ancestors *" in again["Content-Security-Policy"]


@pytest.mark.django_db
def test_only_the_embeds_relax_framing(client):
    response = client.get(BEIJING)
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_a_skater_card_shows_nation_personal_records_and_the_latest_result_in_dutch_too(client):
    text = page(client.get("/nl/embed/skater/jutta-leerdam/")).visible_text
    assert (
        "Jutta Leerdam" in text and "Nederland" in text and "1000 m" in text and "Laatste:" in text and "jaar" in text
    )
    skutnabb = page(client.get("/en/embed/skater/julius-skutnabb/")).visible_text
    assert "18:04.8" in skutnabb and "18:04.80" not in skutnabb


@pytest.mark.django_db
def test_race_and_profile_pages_offer_the_code_and_the_oembed_discovery_link(client):
    for path, embed in ((BEIJING, BEIJING_EMBED), (LEERDAM, "/en/embed/skater/jutta-leerdam/")):
        html = client.get(path).content.decode()
        assert f"&lt;iframe src=&quot;http://testserver{embed}&quot;" in html  # the code to copy, shown as text
        assert (
            f'href="http://testserver/oembed?url=http%3A%2F%2Ftestserver{quote(path, safe="")}&amp;format=json"' in html
        )


@pytest.mark.django_db
def test_oembed_answers_for_a_race_and_a_skater_and_refuses_what_it_cannot(client):
    race = client.get("/oembed", {"url": f"http://testserver{BEIJING}", "format": "json"}).json()
    assert (race["version"], race["type"], race["height"]) == ("1.0", "rich", 420)
    assert f'src="http://testserver{BEIJING_EMBED}"' in race["html"]
    skater = client.get("/oembed", {"url": f"http://testserver{LEERDAM}", "maxwidth": "300"}).json()
    assert skater["title"] == "Jutta Leerdam" and skater["width"] == 300
    assert client.get("/oembed", {"url": "http://testserver/en/records/"}).status_code == 404
    assert client.get("/oembed", {"url": "http://elsewhere.example/en/skaters/jutta-leerdam/"}).status_code == 404
    assert client.get("/oembed", {"url": f"http://testserver{LEERDAM}", "format": "xml"}).status_code == 501
    assert client.get("/oembed", {"url": f"http://testserver{LEERDAM}", "maxwidth": "wide"}).status_code == 400


@pytest.mark.django_db
def test_oembed_takes_the_dutch_and_the_english_address_whatever_the_request_language(client):
    for language, address_language in (("en", "nl"), ("nl", "en"), ("en", "en"), ("nl", "nl")):
        url = f"http://testserver/{address_language}/competitions/2023-24-world-cup-2-beijing/women-1000m-a/"
        answer = client.get("/oembed", {"url": url}, HTTP_ACCEPT_LANGUAGE=language)
        assert answer.status_code == 200, (language, address_language)
        assert f"/{address_language}/embed/race/2023-24-world-cup-2-beijing/women-1000m-a/" in answer.json()["html"]


@pytest.mark.django_db
def test_oembed_html_honours_maxwidth_and_maxheight_and_the_embed_counts_the_rows_it_leaves_out(client):
    from results.display.embeds import rows_for

    url = "http://testserver/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/"
    answer = client.get("/oembed", {"url": url, "maxwidth": 300, "maxheight": 300}).json()
    assert (answer["width"], answer["height"]) == (300, 300)
    assert 'width="300" height="300"' in answer["html"] and "max-width:300px" in answer["html"]
    src = answer["html"].split('src="')[1].split('"')[0].replace("&amp;", "&")
    embed = client.get(src.removeprefix("http://testserver")).content.decode()
    shown = embed.count("<tr>") - 1  # the header row apart
    assert shown == rows_for(300, 300)
    from results.models import Race

    race = Race.objects.get(competition__slug="2023-24-world-cup-2-beijing", slug="women-1000m-a")
    total = race.results.count()
    assert total > shown and f"and {total - shown} more: all results" in embed


@pytest.mark.django_db
def test_a_dutch_embed_writes_its_dates_in_dutch(client):
    race = client.get("/nl/embed/race/2023-24-world-cup-2-beijing/women-1000m-a/").content.decode()
    assert "18 november 2023" in race
