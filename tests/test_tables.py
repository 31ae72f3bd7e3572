"""The one-pass table body (results.tables.Table.body_html) renders what django-tables2 itself renders."""

import itertools

import pytest
from django.template import Context, Template

from results import tables
from results.models import Skater
from tests.test_pages import BEIJING, make_team_pursuit

TABLES2_TEMPLATE = Template(
    "{% for row in table.paginated_rows %}<tr {{ row.attrs.as_html }}>{% for column, cell in row.items %}"
    "<td {{ column.attrs.td.as_html }}>{{ cell }}</td>{% endfor %}</tr>\n{% endfor %}"
)


def tables2_body(table):
    table._counter = itertools.count()  # rows count on from the body_html pass: odd/even would shift
    return TABLES2_TEMPLATE.render(Context({"table": table}))


PAGES = [
    BEIJING,
    BEIJING.replace("/en/", "/nl/"),
    "/en/skaters/jutta-leerdam/",
    "/nl/skaters/jutta-leerdam/",
    "/en/head-to-head/jutta-leerdam/miho-takagi/",
    "/en/competitions/",
    "/en/competitions/?sort=-race_count",
    "/en/rankings/2023-24/women-1000m/",
    "/nl/world-cup/2025-26/women-1000m/",
    "/en/records/women-500m/",
    "/en/streaks/",
    "/nl/adelskalender/?gender=F",
]


@pytest.fixture
def rendered_tables(monkeypatch):
    seen = []
    body_html = tables.Table.body_html

    def recording(table):
        html = body_html(table)
        seen.append((table, html))
        return html

    monkeypatch.setattr(tables.Table, "body_html", recording)
    return seen


@pytest.mark.parametrize("url", PAGES)
def test_each_cell_is_what_tables2_renders(client, db, rendered_tables, url):
    assert client.get(url).status_code == 200
    assert rendered_tables, "the page has a table"
    for table, html in rendered_tables:
        assert html.count("<tr ") >= 1
        assert html == tables2_body(table)


def test_a_team_race_table_is_what_tables2_renders(client, db, rendered_tables):
    race = make_team_pursuit()
    assert client.get(race.get_absolute_url()).status_code == 200
    ((table, html),) = rendered_tables
    assert "<a href" in html
    assert html == tables2_body(table)


def test_an_empty_table_says_so(db):
    table = tables.SkaterResultTable(Skater.objects.none())
    assert table.body_html() == '<tr><td colspan="5">No results.</td></tr>'
