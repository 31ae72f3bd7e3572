"""Share cards: og:image PNGs of a race and a skater, in the page language, drawn again when the data changes."""

import io

import pytest
from django.core.cache import cache
from PIL import Image

from results.models import Result
from results.writes import path as write_path

BEIJING = "/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/"


def png(response):
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (1200, 630)
    return response.content


@pytest.mark.django_db
def test_race_and_skater_cards_are_1200_by_630_and_follow_the_page_language(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        english = png(client.get(f"{BEIJING}card.png"))
    assert png(client.get(f"{BEIJING.replace('/en/', '/nl/')}card.png")) != english  # 1.14,44, not 1:14.44
    png(client.get("/en/skaters/jutta-leerdam/card.png"))
    png(client.get("/en/skaters/julius-skutnabb/card.png"))
    assert client.get("/en/skaters/nobody-at-all/card.png").status_code == 404


@pytest.mark.django_db
def test_race_and_profile_pages_name_their_card_for_link_previews(client):
    race = client.get(BEIJING).content.decode()
    assert f'<meta property="og:image" content="http://testserver{BEIJING}card.png">' in race
    assert '<meta name="twitter:card" content="summary_large_image">' in race
    skater = client.get("/en/skaters/jutta-leerdam/").content.decode()
    assert 'content="http://testserver/en/skaters/jutta-leerdam/card.png"' in skater
    assert '<meta name="twitter:card" content="summary">' in client.get("/en/records/").content.decode()


@pytest.mark.django_db
def test_a_card_is_cached_and_drawn_again_when_its_race_changes(client, settings, django_capture_on_commit_callbacks):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cards"}}
    cache.clear()
    before = png(client.get(f"{BEIJING}card.png"))
    assert client.get(f"{BEIJING}card.png").content == before
    with django_capture_on_commit_callbacks(execute=True):
        takagi = Result.objects.get(
            race__competition__name__contains="World Cup 2 (Beijing)", skater__name="Miho Takagi"
        )
        takagi.time_ms = 74_400
        write_path.save(takagi)
    assert png(client.get(f"{BEIJING}card.png")) != before
    cache.clear()


@pytest.mark.django_db
def test_the_seed_race_card_shows_takagi_goetz_and_leerdam_with_their_times(client):
    from unittest import mock

    from results.display import cards

    with mock.patch("results.views.cards.race_card", wraps=cards.race_card) as drawn:
        png(client.get(f"{BEIJING}card.png"))
    _site, title, _subheading, podium = drawn.call_args.args
    assert title == "Women 1000 m division A"
    assert podium == [(1, "Miho Takagi", "JPN", "1:14.44"), (2, "Kimi Goetz", "USA", "1:14.45"),
                      (3, "Jutta Leerdam", "NED", "1:14.88")]  # fmt: skip


def card_podium(client, race):
    from unittest import mock

    from results.display import cards

    with mock.patch("results.views.cards.race_card", wraps=cards.race_card) as drawn:
        png(client.get(f"{race.get_absolute_url()}card.png"))
    return drawn.call_args.args[3]


@pytest.mark.django_db
def test_a_card_shows_every_medallist_of_a_tie(client):
    from results.models import Race

    race = Race.objects.get(competition__name="1928 Winter Olympics", gender="M", distance_m=500)
    podium = card_podium(client, race)
    assert sorted((rank, name) for rank, name, _nat, _time in podium) == [
        (1, "Bernt Evensen"), (1, "Clas Thunberg"), (3, "Jaako Friman"), (3, "John O'Neil Farrell"), (3, "Roald Larsen"),
    ]  # fmt: skip
    assert {time for *_rest, time in podium} == {"43.4", "43.6"}


@pytest.mark.django_db
def test_a_mass_start_card_gives_points_and_a_team_is_named_by_its_country(client):
    from results.models import Race, RaceKind
    from results.writes.pdf_import import checked, write
    from tests.helpers.pdfs import official
    from tests.test_isu_pdf import MASS_START_HEERENVEEN, TEAM_PURSUIT_SALT_LAKE

    write(checked([official(MASS_START_HEERENVEEN), official(TEAM_PURSUIT_SALT_LAKE)]))
    mass_start = Race.objects.get(kind=RaceKind.MASS_START, competition__name__contains="World Cup 3", gender="M",
                                  division="A")  # fmt: skip
    assert card_podium(client, mass_start)[0][::3] == (1, "63 pts")
    pursuit = Race.objects.get(kind=RaceKind.TEAM_PURSUIT, competition__name__contains="World Cup 1", gender="F",
                               division="A")  # fmt: skip
    assert card_podium(client, pursuit)[0] == (1, "Japan", "", "2:52.13")
    html = client.get(pursuit.get_absolute_url()).content.decode()
    assert '<meta name="description" content="Japan wins the team pursuit in 2:52.13">' in html
    assert "JPN (JPN)" not in html


@pytest.mark.django_db
def test_no_page_has_an_empty_description(client):
    from results.models import Race
    from tests.helpers.builders import WC3_WOMEN_500, real_race, start_list_from

    drawn, _typed = start_list_from(real_race(*WC3_WOMEN_500))
    addresses = ["/en/", "/en/competitions/", "/en/records/", "/en/skaters/", "/en/adelskalender/",
                 drawn.get_absolute_url(), Race.objects.order_by("id").first().get_absolute_url()]  # fmt: skip
    for address in addresses:
        html = client.get(address).content.decode()
        for name in ('name="description"', 'property="og:description"'):
            content = html.split(f"<meta {name} content=")[1].split('">')[0]
            assert content.strip('"').strip(), (address, name)
