"""Draw the Mufakat icon: a green disc with a white "M" made of two people joining hands.

The outer strokes of the M are two standing figures (a dot for each head); the V in the middle
is their arms meeting: mufakat, agreement reached together. Run from the repository root:

    python scripts/make_icon.py

It writes resources/icons/mufakat.png (256 px, for the window) and resources/icons/mufakat.ico
(16–256 px, for Windows). Drawn at 1024 px and scaled down so the small sizes stay smooth.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

BIG = 1024
GREEN_DARK = (20, 102, 60, 255)
GREEN = (34, 139, 80, 255)
GREEN_LIGHT = (120, 196, 140, 255)
WHITE = (255, 255, 255, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def _disc(draw: ImageDraw.ImageDraw) -> None:
    pad = 24
    draw.ellipse((pad, pad, BIG - pad, BIG - pad), fill=GREEN_DARK)
    inner = 64
    draw.ellipse((inner, inner, BIG - inner, BIG - inner), fill=GREEN)
    # A thin light ring just inside the edge: the circle of members.
    ring = 96
    draw.ellipse((ring, ring, BIG - ring, BIG - ring), outline=GREEN_LIGHT, width=14)


def _figures(draw: ImageDraw.ImageDraw) -> None:
    stroke = 118
    left_x, right_x = 300, BIG - 300
    top_y, bottom_y = 430, 770
    middle = (BIG // 2, 640)
    # The M: up the left figure, arms down to meet in the middle, up to the right figure, down.
    points = [(left_x, bottom_y), (left_x, top_y), middle, (right_x, top_y), (right_x, bottom_y)]
    draw.line(points, fill=WHITE, width=stroke, joint="curve")
    half = stroke // 2
    for x, y in (points[0], points[-1], points[1], points[3]):
        draw.ellipse((x - half, y - half, x + half, y + half), fill=WHITE)
    # Heads above each figure.
    head = 72
    for x in (left_x, right_x):
        cy = top_y - 150
        draw.ellipse((x - head, cy - head, x + head, cy + head), fill=WHITE)


def draw_icon() -> Image.Image:
    """The icon at 1024×1024 with a transparent background."""
    image = Image.new("RGBA", (BIG, BIG), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    _disc(draw)
    _figures(draw)
    return image.filter(ImageFilter.SMOOTH)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw_icon()
    png = big.resize((256, 256), Image.Resampling.LANCZOS)
    png.save(OUT / "mufakat.png", optimize=True)
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "mufakat.ico", sizes=ICO_SIZES)
    print(f"ditulis: {OUT / 'mufakat.png'} dan {OUT / 'mufakat.ico'}")


if __name__ == "__main__":
    main()
