"""Tables rendered in Python (results.tables.Table.as_html) give what django-tables2's own template rendering gives."""

import itertools

import pytest
from django.template import Context, Template

from results import tables
from results.models import Skater
from tests.test_pages import BEIJING, make_team_pursuit

# the template this site used with {% render_table %}, rendered by tables2 cell by cell
TABLES2_TEMPLATE = Template(
    """{% load django_tables2 i18n %}<div class="table-container"><table {% render_attrs table.attrs %}>
{% if table.show_header %}<thead><tr>{% for column in table.columns %}<th {{ column.attrs.th.as_html }}>"""
    """{% if column.orderable %}<a href="{% querystring_replace table.prefixed_order_by_field=column.order_by_alias.next %}">"""
    """{{ column.header }}</a>{% else %}{{ column.header }}{% endif %}</th>{% endfor %}</tr></thead>
{% endif %}<tbody>{% for row in table.paginated_rows %}<tr {{ row.attrs.as_html }}>{% for column, cell in row.items %}"""
    """<td {{ column.attrs.td.as_html }}>{{ cell }}</td>{% endfor %}</tr>
{% empty %}{% if table.empty_text %}<tr><td colspan="{{ table.columns|length }}">{{ table.empty_text }}</td></tr>"""
    """{% endif %}{% endfor %}</tbody>
</table></div>
{% if table.page and table.paginator.num_pages > 1 %}{% translate "Pages" as pages %}<nav aria-label="{{ pages|force_escape }}"><ul class="pagination">
{% if table.page.has_previous %}<li><a href="{% querystring_replace table.prefixed_page_field=table.page.previous_page_number %}">"""
    """{% translate "previous" %}</a></li>
{% endif %}<li>{% blocktranslate with n=table.page.number total=table.paginator.num_pages %}page {{ n }} of {{ total }}"""
    """{% endblocktranslate %}</li>
{% if table.page.has_next %}<li><a href="{% querystring_replace table.prefixed_page_field=table.page.next_page_number %}">"""
    """{% translate "next" %}</a></li>
{% endif %}</ul></nav>{% endif %}"""
)


def tables2_html(table, request):
    table._counter = itertools.count()  # rows count on from the first pass: odd/even would shift
    return TABLES2_TEMPLATE.render(Context({"table": table, "request": request}))


PAGES = [
    BEIJING,
    BEIJING.replace("/en/", "/nl/"),
    "/en/skaters/jutta-leerdam/",
    "/nl/skaters/jutta-leerdam/",
    "/en/skaters/jutta-leerdam/results/?season=2023",
    "/en/head-to-head/jutta-leerdam/miho-takagi/",
    "/en/",
    "/en/competitions/",
    "/en/competitions/?sort=-race_count",
    "/en/rankings/2025-26/men-500m/?page=2&sort=skater",  # a link back a page, the sort kept
    "/en/rankings/2023-24/women-1000m/",
    "/nl/world-cup/2025-26/women-1000m/",
    "/en/records/women-500m/",
    "/en/streaks/",
    "/nl/rinks/thialf/",
    "/en/competitions/2023-24-world-cup-2-beijing/",
    "/nl/competitions/2024-world-sprint-championships/",  # podiums and the classification
    "/nl/adelskalender/?gender=F",
]


@pytest.fixture
def rendered_tables(monkeypatch):
    seen = []
    as_html = tables.Table.as_html

    def recording(table, request):
        html = as_html(table, request)
        seen.append((table, request, html))
        return html

    monkeypatch.setattr(tables.Table, "as_html", recording)
    return seen


@pytest.mark.parametrize("url", PAGES)
def test_each_cell_is_what_tables2_renders(client, db, rendered_tables, url):
    assert client.get(url).status_code == 200
    assert rendered_tables, "the page has a table"
    for table, request, html in rendered_tables:
        assert html.count("<tr ") >= 1
        assert html == tables2_html(table, request)


def test_a_team_race_table_is_what_tables2_renders(client, db, rendered_tables):
    race = make_team_pursuit()
    assert client.get(race.get_absolute_url()).status_code == 200
    ((table, request, html),) = rendered_tables
    assert "<a href" in html
    assert html == tables2_html(table, request)


def test_an_empty_table_says_so(db):
    table = tables.SkaterResultTable(Skater.objects.none())
    assert table.body_html() == '<tr><td colspan="5">No results.</td></tr>'


def test_a_tables_changed_column_headings_stay_its_own(db):
    """Tables share their class's columns by copies of each column (ColumnCopies): naming one table's columns
    after two skaters names no other table's."""
    first, second, third = Skater.objects.order_by("id")[:3]
    one = tables.MeetingsTable([], first, second)
    other = tables.MeetingsTable([], third, first)
    assert [one.columns[c].header for c in ("a", "b")] == [first.name, second.name]
    assert [other.columns[c].header for c in ("a", "b")] == [third.name, first.name]
    assert tables.MeetingsTable.base_columns["a"].verbose_name is None
