"""results/html.py gives what django.utils.html gives."""

import pytest
from django.utils import html as django_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from results import html

VALUES = [
    "plain", "<b>bold</b> & \"quoted\" 'single'", mark_safe("<i>safe</i>"), gettext_lazy("Skaters"), 1500, 0, -3,
    12.5, None, "", "Ærøskøbing — 1.14,44", ["<list>"],
]  # fmt: skip


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_conditional_escape_gives_what_django_gives(value):
    ours, theirs = html.conditional_escape(value), django_html.conditional_escape(value)
    assert ours == theirs
    assert isinstance(ours, SafeString) == isinstance(theirs, SafeString)


def test_format_html_and_its_join_give_what_django_gives():
    template = '<a href="{}" title="{}">{}</a>'
    rows = [VALUES[n : n + 3] for n in range(len(VALUES) - 2)]
    for row in rows:
        assert html.format_html(template, *row) == django_html.format_html(template, *row)
    assert html.format_html("<p>{a}{b}</p>", a=VALUES[1], b=VALUES[2]) == django_html.format_html(
        "<p>{a}{b}</p>", a=VALUES[1], b=VALUES[2]
    )
    for separator in (" · ", "<br>", mark_safe("<br>")):
        ours = html.format_html_join(separator, template, rows)
        assert ours == django_html.format_html_join(separator, template, rows)
        assert isinstance(ours, SafeString)
    mappings = [{"a": "<x>", "b": 1}, {"a": mark_safe("<y>"), "b": None}]
    assert html.format_html_join("", "{a}{b}", mappings) == django_html.format_html_join("", "{a}{b}", mappings)


def test_format_html_without_arguments_is_refused_as_by_django():
    with pytest.raises(TypeError):
        html.format_html("<p>no arguments</p>")
