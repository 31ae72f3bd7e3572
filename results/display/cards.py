"""Share cards: the 1200 × 630 PNG a link preview shows (og:image), drawn on the server with Pillow.

A race card shows the podium with times and nationality codes, a skater card the name, nation and personal records.
The text arrives formatted in the page language; the fonts are DejaVu from Debian's fonts-dejavu-core (installed by
.ci/run), with Pillow's own font when they are missing.
"""

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FONTS = Path("/usr/share/fonts/truetype/dejavu")
BACKGROUND, INK, MUTED, ACCENT = (14, 42, 71), (255, 255, 255), (170, 190, 210), (255, 204, 0)
MEDALS = {1: (255, 204, 0), 2: (200, 205, 212), 3: (205, 127, 50)}


@lru_cache(maxsize=16)
def font(size, bold=False):
    path = FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _fit(draw, text, size, width, bold=False):
    """The largest font up to `size` in which the text fits the width."""
    while size > 18 and draw.textlength(text, font=font(size, bold)) > width:
        size -= 2
    return font(size, bold)


def _canvas(site, heading, subheading):
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 12), fill=ACCENT)
    draw.text((60, 50), heading, fill=INK, font=_fit(draw, heading, 64, WIDTH - 120, bold=True))
    draw.text((60, 135), subheading, fill=MUTED, font=_fit(draw, subheading, 34, WIDTH - 120))
    draw.text((60, HEIGHT - 70), site, fill=MUTED, font=font(28))
    return image, draw


def _png(image):
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


PODIUM_TOP, PODIUM_BOTTOM = 220, HEIGHT - 90


def race_card(site, title, subheading, podium):
    """podium: [(rank, name, nationality code, time or points text)], every medallist (ties share a rank: the
    1928 men's 500 m has two golds and three bronzes), the rows made smaller to fit them all."""
    image, draw = _canvas(site, title, subheading)
    step = min(100, (PODIUM_BOTTOM - PODIUM_TOP) // max(1, len(podium)))
    scale = step / 100
    top = PODIUM_TOP
    for rank, name, nationality, time in podium:
        disc = int(64 * scale)
        draw.ellipse((60, top, 60 + disc, top + disc), fill=MEDALS.get(rank, MUTED))
        draw.text(
            (60 + disc // 2, top + disc // 2),
            str(rank),
            fill=BACKGROUND,
            font=font(int(36 * scale), bold=True),
            anchor="mm",
        )
        draw.text((150, top + 4), name, fill=INK, font=_fit(draw, name, int(44 * scale), 640, bold=True))
        draw.text((820, top + 8), nationality, fill=MUTED, font=font(int(36 * scale)))
        draw.text((WIDTH - 60, top + 4), time, fill=INK, font=font(int(44 * scale), bold=True), anchor="ra")
        top += step
    return _png(image)


def skater_card(site, name, subheading, records):
    """records: [(distance label, time text)], the personal records."""
    image, draw = _canvas(site, name, subheading)
    top, column = 230, 0
    for distance, time in records[:6]:
        x = 60 + column * 560
        draw.text((x, top), distance, fill=MUTED, font=font(34))
        draw.text((x + 480, top), time, fill=INK, font=font(40, bold=True), anchor="ra")
        column = 1 - column
        top += 0 if column else 90
    return _png(image)
