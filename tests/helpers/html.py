"""A page's tables, links and visible text, read with the standard library's HTML parser."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Cell:
    tag: str  # "th" or "td"
    attrs: dict
    text: str = ""


@dataclass
class Table:
    attrs: dict
    caption: str = ""
    rows: list = field(default_factory=list)  # lists of Cells

    @property
    def header(self):
        return next((row for row in self.rows if row and all(cell.tag == "th" for cell in row)), [])

    @property
    def body(self):
        """The rows as lists of cell texts, the header left out."""
        return [[cell.text for cell in row] for row in self.rows if row is not self.header]

    def row_of(self, text):
        """The first body row with a cell containing this text."""
        return next(row for row in self.body if any(text in cell for cell in row))


class Page(HTMLParser):
    SKIPPED = {"script", "style"}

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tables, self.links, self.text, self.html_attrs = [], [], [], {}
        self._open, self._cell, self._caption, self._skip = [], None, False, 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.SKIPPED:
            self._skip += 1
        elif tag == "html":
            self.html_attrs = attrs
        elif tag == "table":
            self._open.append(Table(attrs))
        elif tag == "caption":
            self._caption = True
        elif tag == "tr" and self._open:
            self._open[-1].rows.append([])
        elif tag in ("td", "th") and self._open:
            self._cell = Cell(tag, attrs)
            self._open[-1].rows[-1].append(self._cell)
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "br" and self._cell is not None:
            self._cell.text += "\n"

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self._skip:
            self._skip -= 1
        elif tag == "table" and self._open:
            table = self._open.pop()
            for row in table.rows:
                for cell in row:
                    cell.text = " ".join(cell.text.split(" ")).strip()
            self.tables.append(table)
        elif tag == "caption":
            self._caption = False
        elif tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        if self._caption and self._open:
            self._open[-1].caption += data.strip()
        elif self._cell is not None:
            self._cell.text += " ".join(data.split()) + (" " if data.endswith((" ", "\n")) else "")

    @property
    def visible_text(self):
        return " ".join(" ".join(self.text).split())

    def table(self, caption):
        return next(table for table in self.tables if table.caption == caption)


def page(response):
    """The parsed page of a test client response."""
    return Page(response.content.decode())


def rows(html):
    """The text of every table row of a page (header rows too), its cells joined by ' | '."""
    return [
        " | ".join(" ".join(cell.text.split()) for cell in row) for table in Page(html).tables for row in table.rows
    ]


def row_of(html, text):
    """The first table row containing this text."""
    return next(row for row in rows(html) if text in row)
