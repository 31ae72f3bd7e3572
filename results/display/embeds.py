"""The iframe code that embeds a race's results or a skater card on another site (shown to copy, and in oEmbed)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html

RACE_HEIGHT = 420
SKATER_HEIGHT = 260
MIN_HEIGHT, MIN_WIDTH, MAX_WIDTH = 200, 240, 480
ROW_HEIGHT = 28  # a result's row
# the title, date, header row, "more" line and source line: 150 px at 480 px wide, more as they wrap when narrower
RACE_CHROME, CHROME_PER_PX_NARROWER = 150, 0.6
MIN_ROWS = 3


def rows_for(height, width=MAX_WIDTH):
    """How many results a race embed of this size shows whole (the rest are counted under the table)."""
    chrome = RACE_CHROME + (MAX_WIDTH - width) * CHROME_PER_PX_NARROWER
    return max(MIN_ROWS, int((height - chrome) // ROW_HEIGHT))


RACE_ROWS = rows_for(RACE_HEIGHT)


def iframe(absolute_url, title, height, width=None):
    """The embed's iframe: as wide as the host allows up to 480 px, or `width` px when a consumer asks for it."""
    return format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" style="border:0;max-width:{}px" loading="lazy">'
        "</iframe>",
        absolute_url, title, width or "100%", height, width or MAX_WIDTH,
    )  # fmt: skip


def embed_context(request, embed_path, title, height):
    """What a page offering an embed shows: the iframe code to copy, and its oEmbed address for discovery."""
    page = request.build_absolute_uri(request.path)
    return {
        "embed_code": iframe(request.build_absolute_uri(embed_path), title, height),
        "oembed_url": request.build_absolute_uri(reverse("oembed")) + "?" + urlencode({"url": page, "format": "json"}),
    }
