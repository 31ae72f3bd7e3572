"""Nothing goes stale, and an edit makes stale only the pages that show what it changed.

A sample of the seed site's pages is rendered through the page cache and without it after each kind of edit an
editor makes on a race weekend; the two must be equal. The pages whose ETag changed are the ones the edit
invalidated: counted per kind of edit and written to test-artifacts/invalidation.txt."""

from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import cache

from results.models import Competition, Race, Result, Skater
from results.writes import path as write_path
from tests.helpers.builders import WC3_WOMEN_500, real_race, start_list_from

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
BEIJING_CUP = "2023-24 ISU Speed Skating World Cup 2 (Beijing)"


def site_sample(extra_races):
    """Every list page, every competition and season, the races of two World Cups and every twelfth other race,
    the skaters of those World Cup races and every sixtieth other, head-to-heads of the story's skaters."""
    urls = ["/en/", "/en/competitions/", "/en/skaters/", "/en/records/", "/en/records/women-500m/", "/en/streaks/",
            "/en/adelskalender/?gender=F", "/en/adelskalender/?gender=M", "/en/rankings/2025-26/women-500m/",
            "/en/world-cup/2025-26/women-500m/", "/nl/competitions/2023-24-world-cup-2-beijing/"]  # fmt: skip
    competitions = list(Competition.objects.order_by("id"))
    urls += [c.get_absolute_url() for c in competitions]
    urls += sorted({f"/en/seasons/{c.season}-{(c.season + 1) % 100:02d}/" for c in competitions})
    focus = list(Race.objects.filter(competition__name__in=[BEIJING_CUP, WC3_WOMEN_500[0]]).order_by("id"))
    others = list(Race.objects.exclude(id__in=[r.id for r in focus]).order_by("id"))[::12]
    urls += [r.get_absolute_url() for r in [*focus, *others, *extra_races]]
    skaters = set(Result.objects.filter(race__in=focus, skater__isnull=False).values_list("skater__slug", flat=True))
    skaters |= set(list(Skater.objects.order_by("id").values_list("slug", flat=True))[::60])
    urls += [f"/en/skaters/{slug}/" for slug in sorted(skaters)]
    urls += ["/en/head-to-head/jutta-leerdam/miho-takagi/", "/en/head-to-head/femke-kok/jutta-leerdam/"]
    return urls


def render_all(client, urls):
    """{url: (status, content, ETag)} through the page cache, and {url: (status, content)} without it."""
    cached = {}
    for url in urls:
        response = client.get(url)
        cached[url] = (response.status_code, response.content, response.get("ETag"))
    with mock.patch("results.cache_guard.available", return_value=False):  # the cache "down": rendered afresh
        fresh = {url: (r.status_code, r.content) for url in urls for r in [client.get(url)]}
    return cached, fresh


@pytest.fixture
def page_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tags",
                                   "OPTIONS": {"MAX_ENTRIES": 100_000}}}  # fmt: skip
    cache.clear()
    yield
    cache.clear()


def test_no_page_goes_stale_and_each_edit_invalidates_only_what_it_shows(
    client, editor, page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        race, typed = start_list_from(real_race(*WC3_WOMEN_500), pairs=1)
    urls = site_sample([race])
    beijing = Race.objects.get(competition__name=BEIJING_CUP, gender="F", distance_m=1000, division="A")
    wc3 = real_race(*WC3_WOMEN_500)

    def enter_pair():
        client.force_login(editor)
        data = {}
        for result in race.results.select_related("skater"):
            data[f"r{result.id}"], data[f"seen{result.id}"] = typed[result.skater.name], "NYS:"
        assert client.post(f"/admin/results/race/{race.id}/entry/", data).status_code == 302
        client.logout()

    def correct():
        takagi = beijing.results.get(skater__name="Miho Takagi")
        takagi.time_ms = 74_400
        write_path.save(takagi)

    def record():
        winner = wc3.results.get(rank=1)
        winner.time_ms = 36_010  # under the world record
        write_path.save(winner)

    def delete():
        write_path.delete(wc3.results.filter(rank__isnull=False).latest("rank"))

    def official():
        client.force_login(editor)
        client.post(f"/admin/results/race/{race.id}/entry/", {"official": "1"})
        client.logout()

    def unpublish():
        beijing.published = False
        write_path.save(beijing)

    edits = [("a new pair", enter_pair), ("a correction", correct), ("a record", record), ("a deletion", delete),
             ("a race marked official", official), ("an unpublished race", unpublish)]  # fmt: skip
    before, _fresh = render_all(client, urls)
    invalidated = {}
    for name, edit in edits:
        with django_capture_on_commit_callbacks(execute=True):
            edit()
        cached, fresh = render_all(client, urls)
        stale = [url for url in urls if cached[url][:2] != fresh[url]]
        assert not stale, f"after {name}, stale: {stale[:5]}"
        invalidated[name] = sorted(url for url in urls if cached[url][2] != before[url][2])
        before = cached

    report = [f"{len(urls)} pages of the seed site, rendered cached and uncached after each edit: equal after each"]
    report += [f"{name}: {len(pages)} pages invalidated" for name, pages in invalidated.items()]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "invalidation.txt").write_text("\n".join(report) + "\n")
    print("\n".join(report))

    in_edited_races = Result.objects.filter(race__in=[race, beijing, wc3]).values_list("skater_id", flat=True)
    unrelated = [u for u in urls if u.startswith("/en/skaters/") and u.count("/") == 4 and
                 Skater.objects.get(slug=u.split("/")[3]).id not in set(in_edited_races)]  # fmt: skip
    for name, pages in invalidated.items():
        assert len(pages) < len(urls) / 2, f"{name} invalidated {len(pages)} of {len(urls)} pages"
    assert "/en/records/" not in invalidated["a correction"] and "/en/records/" in invalidated["a record"]
    assert beijing.get_absolute_url() in invalidated["a correction"]
    assert wc3.get_absolute_url() not in invalidated["a correction"]
    assert "/en/skaters/miho-takagi/" in invalidated["a correction"]
    assert unrelated and not any(url in pages for url in unrelated for pages in invalidated.values())
