"""A bench library of N photos of distinct content, made from a labelled folder (default tests/data/photos).

Each photo is a source photo re-encoded with a small change of scale, crop and JPEG quality, so no two
files share a hash (the import cannot skip any as a duplicate) while every face stays recognisable. The
labels of the source travel with the copy, so grouping quality can be scored on the bench library too.
The folder is flat because the `face_recognition` command-line tool does not look into sub-folders.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from beetroot_desktop.imaging import decode_photo, is_photo_name

GENERATOR_VERSION = 1
SCALE_RANGE = (0.8, 1.0)
CROP_MAX = 0.02  # of the width/height, on each side: partial faces at the edge must stay in the frame
QUALITY_RANGE = (78, 95)
SOURCE_MAX_SIDE = 3000  # big camera photos are scaled to this first, so a bench library stays light


@dataclass(frozen=True)
class Source:
    rel: str
    people: list[str]


def has_labels(photos_dir: Path) -> bool:
    return (photos_dir / "labels.csv").is_file()


def read_labels(photos_dir: Path) -> dict[str, list[str]]:
    """labels.csv: relative path -> people in the photo (unordered for multi-face photos)."""
    with open(photos_dir / "labels.csv", newline="") as fh:
        return {row["file"]: [p for p in row["people"].split(";") if p] for row in csv.DictReader(fh)}


def unique_sources(photos_dir: Path) -> list[Source]:
    """The photos of `photos_dir`, one per distinct content, in a stable order: the ones labels.csv lists,
    or, in a folder without labels, every photo (then only speed is measured, not grouping)."""
    if has_labels(photos_dir):
        labels = read_labels(photos_dir)
    else:
        labels = {p.relative_to(photos_dir).as_posix(): [] for p in photos_dir.rglob("*")
                  if p.is_file() and is_photo_name(p)}
    seen: set[str] = set()
    sources = []
    for rel in sorted(labels):
        path = photos_dir / rel
        if not path.is_file() or not is_photo_name(path):
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        sources.append(Source(rel, labels[rel]))
    if not sources:
        raise SystemExit(f"no photos in {photos_dir}")
    return sources


def _variant(image: Image.Image, rng: random.Random) -> tuple[Image.Image, int]:
    w, h = image.size
    cl, cr, ct, cb = (round(rng.uniform(0, CROP_MAX) * s) for s in (w, w, h, h))
    cropped = image.crop((cl, ct, w - cr, h - cb))
    scale = rng.uniform(*SCALE_RANGE)
    size = (max(1, round(cropped.width * scale)), max(1, round(cropped.height * scale)))
    return cropped.resize(size, Image.Resampling.LANCZOS), rng.randint(*QUALITY_RANGE)


def make_library(photos_dir: Path, out_dir: Path, n: int, *, seed: int = 6) -> tuple[Path, Path]:
    """Write (or reuse) `out_dir/lib-<n>/` and its labels file; returns (folder, labels.csv)."""
    photos_dir = photos_dir.resolve()
    folder = out_dir / f"lib-{n}"
    labels_path = out_dir / f"lib-{n}.labels.csv"
    stamp = {"version": GENERATOR_VERSION, "source": str(photos_dir), "n": n, "seed": seed}
    stamp_path = out_dir / f"lib-{n}.json"
    if stamp_path.exists() and labels_path.exists() and json.loads(stamp_path.read_text()) == stamp:
        return folder, labels_path
    sources = unique_sources(photos_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    cache: dict[str, Image.Image] = {}  # sources used more than once stay decoded

    def source_image(rel: str) -> Image.Image:
        if rel not in cache:
            image = decode_photo(photos_dir / rel, max_side=SOURCE_MAX_SIDE).image
            if len(sources) >= n:
                return image
            cache[rel] = image
        return cache[rel]
    hashes: set[str] = set()
    rows = []
    for i in range(n):
        src = sources[i % len(sources)]
        rng = random.Random(f"{seed}-{i}")
        while True:
            image, quality = _variant(source_image(src.rel), rng)
            name = f"{i:05d}_{Path(src.rel).stem}.jpg"
            image.save(folder / name, format="JPEG", quality=quality)
            digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
            if digest not in hashes:  # vanishingly rare; draw again rather than ship a duplicate
                hashes.add(digest)
                break
        rows.append({"file": name, "faces": len(src.people), "people": ";".join(src.people)})
    with open(labels_path, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["file", "faces", "people"])
        writer.writeheader()
        writer.writerows(rows)
    stamp_path.write_text(json.dumps(stamp))
    return folder, labels_path


def read_labels_file(labels_path: Path) -> dict[str, list[str]]:
    with open(labels_path, newline="") as fh:
        return {row["file"]: [p for p in row["people"].split(";") if p] for row in csv.DictReader(fh)}
