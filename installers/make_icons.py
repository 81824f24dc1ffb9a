"""Draws the app icon at every size the installers ask for: `make icons` -> resources/icons/.

    python installers/make_icons.py [--out resources/icons]

The icon is the app's beetroot (beetroot_desktop/resources/beetroot.png, flat shapes on a 256-unit grid),
redrawn here from its shapes so that every size is sharp: two leaves, the root, its tip and a highlight.
`--check` compares the 256 px drawing with that PNG and fails when they differ in more than 2% of pixels.

Output: beetroot-<N>.png for the freedesktop hicolor theme (16-512), beetroot.svg (hicolor scalable),
beetroot.ico (Windows: 16-256) and beetroot.icns (macOS: 16-1024). Needs Pillow.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parents[1]
ART = REPO / "beetroot_desktop" / "resources" / "beetroot.png"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
GRID = 256
SUPERSAMPLE = 8

# (kind, fill, geometry on the 256-unit grid), drawn in this order.
SHAPES: list[tuple[str, str, tuple[tuple[float, float], ...]]] = [
    ("polygon", "#3c9646", ((80, 18), (112, 20), (129.5, 92), (123.3, 92))),  # leaf, dark
    ("polygon", "#50aa50", ((176, 14), (150, 16), (119.1, 92), (132.5, 92))),  # leaf, light
    ("ellipse", "#8e1652", ((48, 84), (208, 240))),  # root
    ("polygon", "#8e1652", ((117, 234), (139, 234), (128, 255))),  # tip
    ("ellipse", "#ba3c78", ((78, 110), (120, 150))),  # highlight
]


def draw(size: int) -> Image.Image:
    """The icon as a size x size RGBA image, antialiased by drawing larger and reducing."""
    big = size * SUPERSAMPLE
    scale = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    for kind, fill, points in SHAPES:
        xy = [(x * scale, y * scale) for x, y in points]
        if kind == "ellipse":
            pen.ellipse(xy, fill=fill)
        else:
            pen.polygon(xy, fill=fill)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def svg() -> str:
    parts = []
    for kind, fill, points in SHAPES:
        if kind == "ellipse":
            (x0, y0), (x1, y1) = points
            parts.append(f'  <ellipse cx="{(x0 + x1) / 2:g}" cy="{(y0 + y1) / 2:g}" rx="{(x1 - x0) / 2:g}" '
                         f'ry="{(y1 - y0) / 2:g}" fill="{fill}"/>')
        else:
            coords = " ".join(f"{x:g},{y:g}" for x, y in points)
            parts.append(f'  <polygon points="{coords}" fill="{fill}"/>')
    body = "\n".join(parts)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{GRID}" height="{GRID}" '
            f'viewBox="0 0 {GRID} {GRID}">\n{body}\n</svg>\n')


def difference(reference: Path) -> float:
    """Share of pixels where the drawing and the reference art disagree on what is painted, and in which colour."""
    ours = draw(GRID).convert("RGBA").tobytes()
    theirs = Image.open(reference).convert("RGBA").resize((GRID, GRID)).tobytes()
    differing = 0
    for i in range(0, len(ours), 4):
        a, b = ours[i:i + 4], theirs[i:i + 4]
        if (a[3] > 127) != (b[3] > 127) or (a[3] > 127 and max(abs(a[c] - b[c]) for c in range(3)) > 48):
            differing += 1
    return differing / (GRID * GRID)


def write(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in sorted({*PNG_SIZES, *ICO_SIZES, 1024})}
    written = []
    for size in PNG_SIZES:
        path = out / f"beetroot-{size}.png"
        images[size].save(path, optimize=True)
        written.append(path)
    path = out / "beetroot.svg"
    path.write_text(svg(), encoding="utf-8")
    written.append(path)
    path = out / "beetroot.ico"
    images[256].save(path, sizes=[(s, s) for s in ICO_SIZES], append_images=[images[s] for s in ICO_SIZES])
    written.append(path)
    path = out / "beetroot.icns"
    images[1024].save(path, append_images=[images[s] for s in (16, 32, 64, 128, 256, 512)])
    written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(REPO / "resources" / "icons"))
    parser.add_argument("--check", action="store_true", help="only compare the drawing with the app's icon")
    args = parser.parse_args(argv)
    share = difference(ART)
    print(f"make_icons: the drawing differs from {ART.name} in {share:.2%} of pixels")
    if share > 0.02:
        print("make_icons: more than 2%: the shapes no longer match the app's icon", file=sys.stderr)
        return 1
    if not args.check:
        for path in write(Path(args.out)):
            print(f"  {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
