"""Every table is rendered through templates/tables/table.html: a caption, column headers with scope, the sorted
column marked with aria-sort, sort and page links that keep the other query parameters."""

from urllib.parse import parse_qs, urlsplit

import pytest

from results.display.tables import skaters as tables
from results.models import Skater
from tests.helpers.builders import BEIJING
from tests.helpers.html import page

PAGES = [
    BEIJING,
    BEIJING.replace("/en/", "/nl/"),
    "/en/skaters/jutta-leerdam/",
    "/en/skaters/jutta-leerdam/results/?season=2023",
    "/en/head-to-head/jutta-leerdam/miho-takagi/",
    "/en/",
    "/en/competitions/?sort=-race_count",
    "/en/rankings/2025-26/men-500m/?page=2&sort=skater",
    "/nl/world-cup/2025-26/women-1000m/",
    "/en/records/women-500m/",
    "/en/streaks/",
    "/nl/rinks/thialf/",
    "/en/competitions/2023-24-world-cup-2-beijing/",
    "/nl/competitions/2024-world-sprint-championships/",
    "/nl/adelskalender/?gender=F",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_table_has_a_caption_and_headers_with_scope(client, db, url):
    shown = page(client.get(url))
    data_tables = [t for t in shown.tables if t.attrs.get("class") in ("results", "list", "list podiums")]
    assert data_tables, "the page has a table"
    for table in data_tables:
        assert table.caption, table.attrs
        assert table.header and all(cell.attrs.get("scope") == "col" for cell in table.header)


def test_the_sorted_column_says_so_and_its_link_turns_the_order_around(client, db):
    table = page(client.get("/en/competitions/", {"sort": "-race_count"})).table("Competitions")
    (sorted_header,) = [cell for cell in table.header if "aria-sort" in cell.attrs]
    assert (sorted_header.text, sorted_header.attrs["aria-sort"]) == ("Races", "descending")
    counts = [int(row[-1]) for row in table.body]
    assert counts == sorted(counts, reverse=True)


def test_sort_and_page_links_keep_the_other_parameters(client, db):
    shown = page(client.get("/en/rankings/2025-26/men-500m/", {"page": 2, "sort": "skater"}))
    queries = [parse_qs(urlsplit(link).query) for link in shown.links if link.startswith("?")]
    previous = next(q for q in queries if q.get("page") == ["1"])
    assert previous["sort"] == ["skater"]
    resort = next(q for q in queries if q.get("sort") == ["-skater"])
    assert resort["page"] == ["2"]


def test_an_empty_table_says_so(client, db, rf):
    from django.template import Context, Template

    table = tables.SkaterResultTable(Skater.objects.none(), caption="Results")
    html = Template("{% load django_tables2 %}{% render_table table %}").render(
        Context({"table": table, "request": rf.get("/")})
    )
    assert page_of(html).table("Results").body == [["No results."]]


def page_of(html):
    from tests.helpers.html import Page

    return Page(html)


def test_a_tables_changed_column_headings_stay_its_own(db):
    first, second, third = Skater.objects.order_by("id")[:3]
    one = tables.MeetingsTable([], first, second)
    other = tables.MeetingsTable([], third, first)
    assert [one.columns[c].header for c in ("a", "b")] == [first.name, second.name]
    assert [other.columns[c].header for c in ("a", "b")] == [third.name, first.name]
