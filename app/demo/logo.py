"""A simple logo for the demo cooperative, drawn with Pillow when it is installed."""

from __future__ import annotations

import io

GREEN = (27, 110, 58)
GOLD = (222, 170, 40)
WHITE = (255, 255, 255)


def demo_logo_png(size: int = 256) -> bytes:
    """A round green-and-gold emblem with 'GR' in it, as PNG bytes; b'' without Pillow."""
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError:  # Pillow is optional: the demo simply has no logo then
        return b""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    edge = size // 32
    draw.ellipse((edge, edge, size - edge, size - edge), fill=GOLD)
    ring = size // 11
    draw.ellipse((ring, ring, size - ring, size - ring), fill=GREEN)
    inner = size // 6
    draw.ellipse((inner, inner, size - inner, size - inner), outline=GOLD, width=max(2, size // 64))
    # Two rice stalks curving up around the letters, the usual sign of a cooperative.
    centre = size / 2
    for side in (-1, 1):
        points = []
        for step in range(9):
            t = step / 8
            x = centre + side * size * (0.06 + 0.24 * t**0.7)
            y = size * (0.80 - 0.30 * t)
            points.append((x, y))
        draw.line(points, fill=GOLD, width=max(2, size // 80))
        grain = size * 0.022
        for index, (x, y) in enumerate(points[2:], start=2):
            offset = grain * (1.6 if index % 2 else -1.6)
            draw.ellipse(
                (x + offset - grain, y - grain * 1.5, x + offset + grain, y + grain * 1.5),
                fill=GOLD,
            )
    try:
        font = ImageFont.load_default(size=size // 3)
    except TypeError:  # Pillow older than 10.1 has one small bitmap font only
        font = ImageFont.load_default()
    draw.text((centre, size * 0.42), "GR", fill=WHITE, font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
