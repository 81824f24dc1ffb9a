"""Odd and hostile files, generated at test time from the real sample photos (nothing binary in the repo).

`make_hostile_folder(root, photos_dir)` fills `root` and returns what the import must make of each entry.
"""

from __future__ import annotations

import os
import random
import struct
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

# The transform that stores an upright image under each EXIF orientation (the inverse of what a viewer
# applies): an image saved as INVERSE[o](upright) with tag o must display upright again.
T = Image.Transpose
INVERSE_ORIENTATION: dict[int, T | None] = {
    1: None,
    2: T.FLIP_LEFT_RIGHT,
    3: T.ROTATE_180,
    4: T.FLIP_TOP_BOTTOM,
    5: T.TRANSPOSE,
    6: T.ROTATE_90,
    7: T.TRANSVERSE,
    8: T.ROTATE_270,
}
ORIENTATION_SOURCE = "family/2019/obama.jpg"


@dataclass(frozen=True)
class Expect:
    """What the import must do with one entry: import it (with this many faces) or list it with a reason."""

    imported: bool
    faces: int | None = None  # None: any number (the file's content decides, not the import's robustness)
    reason: str | None = None  # a word the listed reason must contain


def _load(photos_dir: Path, rel: str, long_side: int | None = None) -> Image.Image:
    with Image.open(photos_dir / rel) as im:
        image = ImageOps.exif_transpose(im).convert("RGB")
    if long_side and max(image.size) > long_side:
        image.thumbnail((long_side, long_side), Image.Resampling.LANCZOS)
    return image


def tiny_png_header(width: int, height: int) -> bytes:
    """A valid PNG that declares width x height pixels in a few dozen bytes: a decompression bomb's header."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    # One compressed row of zeros: the rest would decompress from nothing, as in a real bomb.
    idat = zlib.compress(b"\x00" * (1 + 3 * min(width, 4096)), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def write_orientations(folder: Path, photos_dir: Path) -> dict[int, Path]:
    """The same real face photo stored under each of the 8 EXIF orientations."""
    upright = _load(photos_dir, ORIENTATION_SOURCE)
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[int, Path] = {}
    for orientation, transform in INVERSE_ORIENTATION.items():
        stored = upright if transform is None else upright.transpose(transform)
        exif = Image.Exif()
        exif[0x0112] = orientation
        path = folder / f"orientation-{orientation}.jpg"
        stored.save(path, format="JPEG", quality=95, exif=exif.tobytes())
        with Image.open(path) as check:  # the fixture itself must be right, or the test proves nothing
            assert ImageOps.exif_transpose(check).size == upright.size
        out[orientation] = path
    return out


def make_hostile_folder(root: Path, photos_dir: Path) -> dict[str, Expect]:
    """Write every odd file under `root`; keys are paths relative to `root` (os.fsdecode'd for odd names)."""
    rng = random.Random(7)
    root.mkdir(parents=True, exist_ok=True)
    expect: dict[str, Expect] = {}

    # -- broken or fake files: listed with their reason ------------------------------------------------
    (root / "empty.jpg").write_bytes(b"")
    expect["empty.jpg"] = Expect(False, reason="empty")
    good = (photos_dir / "family/2019/biden.jpg").read_bytes()
    (root / "truncated.jpg").write_bytes(good[: len(good) // 3])
    expect["truncated.jpg"] = Expect(False, reason="damaged")
    (root / "random.jpg").write_bytes(rng.randbytes(8192))
    expect["random.jpg"] = Expect(False, reason="not an image")
    (root / "notes.png").write_text("Shopping list: beetroot, more beetroot.\n")
    expect["notes.png"] = Expect(False, reason="text")
    (root / "bomb.png").write_bytes(tiny_png_header(30000, 30000))
    expect["bomb.png"] = Expect(False, reason="bomb")

    # -- unusual but valid images: imported ------------------------------------------------------------
    Image.new("RGB", (1, 1), (200, 30, 40)).save(root / "one-pixel.png")
    expect["one-pixel.png"] = Expect(True, faces=0)
    _load(photos_dir, "family/2019/biden.jpg", 900).convert("CMYK").save(root / "cmyk.jpg", quality=92)
    expect["cmyk.jpg"] = Expect(True, faces=1)
    gray = _load(photos_dir, "family/2019/rose_img1.jpg").convert("L")
    gray16 = Image.frombytes("I;16", gray.size, bytes(b for v in gray.tobytes() for b in (v, v)))  # v * 257
    gray16.save(root / "gray16.png")
    expect["gray16.png"] = Expect(True, faces=1)
    palette = _load(photos_dir, "family/2020/john2.jpeg").quantize(255)
    palette.info["transparency"] = 0
    palette.save(root / "palette.png", transparency=0)
    expect["palette.png"] = Expect(True, faces=1)
    frame = _load(photos_dir, "misc/obama-480p.jpg")
    frame.save(root / "animated.gif", save_all=True, append_images=[frame.transpose(T.FLIP_LEFT_RIGHT),
                                                                    Image.new("RGB", frame.size, "black")],
               duration=200, loop=0)
    expect["animated.gif"] = Expect(True, faces=1)
    _load(photos_dir, "family/2020/alex_img1.jpg").save(root / "photo.webp", quality=90)
    expect["photo.webp"] = Expect(True, faces=1)
    from pillow_heif import from_pillow

    from_pillow(_load(photos_dir, "family/2019/obama2.jpg")).save(str(root / "photo.heic"), quality=90)
    expect["photo.heic"] = Expect(True, faces=1)

    # -- the 8 EXIF orientations of one face photo ------------------------------------------------------
    for path in write_orientations(root / "orientations", photos_dir).values():
        expect[f"orientations/{path.name}"] = Expect(True, faces=1)

    # -- names -----------------------------------------------------------------------------------------
    named = {
        "with spaces  and  more.jpg": "family/2020/john1.jpeg",
        "😀 party 🎉.jpg": "family/2020/biden2.jpg",
        "фото 写真 صورة.jpg": "family/2019/rose_img2.jpg",
    }
    for name, rel in named.items():
        _load(photos_dir, rel, 1000).save(root / name, quality=90)
        expect[name] = Expect(True, faces=1)
    if sys.platform.startswith("linux"):  # a name in Latin-1 bytes, not UTF-8: legal on Linux disks
        raw = os.fsencode(root) + b"/latin1-\xe9t\xe9.jpg"
        with open(raw, "wb") as fh:
            _load(photos_dir, "misc/obama-240p.jpg").save(fh, format="JPEG", quality=90)
        expect[os.path.relpath(os.fsdecode(raw), root)] = Expect(False, reason="rename")

    # -- file system oddities --------------------------------------------------------------------------
    locked = root / "locked.jpg"
    _load(photos_dir, "misc/obama_small.jpg").save(locked, quality=91)
    locked.chmod(0)
    expect["locked.jpg"] = Expect(False, reason="ermission denied")
    (root / "subdir").mkdir()
    os.symlink("..", root / "subdir" / "loop")  # a folder loop: must be walked once, not forever
    os.symlink("self.jpg", root / "self.jpg")  # a file loop
    expect["self.jpg"] = Expect(False, reason="loop")
    os.symlink("gone.jpg", root / "dangling.jpg")
    expect["dangling.jpg"] = Expect(False, reason="broken link")
    os.mkfifo(root / "pipe.jpg")  # opening it would wait forever for a writer
    expect["pipe.jpg"] = Expect(False, reason="not a regular file")
    (root / "x.jpg").mkdir()  # a folder with a photo's name is a folder: walked, its photos imported
    _load(photos_dir, "events/obama1.jpg", 1000).save(root / "x.jpg" / "inside.jpg", quality=90)
    expect["x.jpg/inside.jpg"] = Expect(True, faces=1)
    return expect
