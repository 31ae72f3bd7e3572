"""The iframe code that embeds a race's results or a skater card on another site (shown to copy, and in oEmbed)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html

RACE_HEIGHT = 420
SKATER_HEIGHT = 260


def iframe(absolute_url, title, height):
    return format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" style="border:0;max-width:480px" loading="lazy">'
        "</iframe>",
        absolute_url, title, height,
    )  # fmt: skip


def embed_context(request, embed_path, title, height):
    """What a page offering an embed shows: the iframe code to copy, and its oEmbed address for discovery."""
    page = request.build_absolute_uri(request.path)
    return {
        "embed_code": iframe(request.build_absolute_uri(embed_path), title, height),
        "oembed_url": request.build_absolute_uri(reverse("oembed")) + "?" + urlencode({"url": page, "format": "json"}),
    }
