"""Safe decoding: any photo a user may drop, turned into an upright 8-bit RGB image, or a clear reason why not."""

from __future__ import annotations

import math
import os
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from ..wording import Said, say

try:  # HEIC/HEIF from phones; optional so a minimal install still decodes everything else.
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIF_SUPPORTED = True
except ImportError:  # pragma: no cover - depends on the install
    HEIF_SUPPORTED = False

# Above this many pixels a file is refused before decoding: a decompression bomb costs gigabytes.
MAX_PIXELS = 180_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

PHOTO_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif"}
)
_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 36867
_DATETIME = 306


class DecodeError(Exception):
    """The file cannot be read as a photo; str(err) is the reason shown to the user (a `say` message, which
    the window puts into its language).

    `transient` when the cause is the environment (permissions, a file that vanished, an I/O error), not
    the file's content: the next import tries the file again.
    """

    def __init__(self, reason: str, *, transient: bool = False) -> None:
        super().__init__(reason)
        self.transient = transient


@dataclass
class DecodedPhoto:
    image: Image.Image  # RGB, upright, at most `max_side` on its long side when that was asked for
    width: int  # upright size of the original
    height: int
    taken_at: str | None  # ISO 8601 from EXIF, when the camera recorded it
    orientation: int = 1  # the EXIF orientation that turned the stored image upright
    xmp: bytes | None = None  # the XMP packet embedded in the file (face regions: imaging/xmp_regions.py)

    @property
    def scale(self) -> float:
        """Pixels of `image` per pixel of the original."""
        return self.image.width / self.width


def is_photo_name(path: str | os.PathLike[str]) -> bool:
    # os.path, not pathlib: a walk asks this of every file (100,000 at a sync).
    return os.path.splitext(os.fspath(path))[1].lower() in PHOTO_SUFFIXES


def decode_photo(path: str | os.PathLike[str], *, max_side: int | None = None) -> DecodedPhoto:
    """Decode `path`; with `max_side`, JPEGs decode straight at (about) that size through draft mode."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                return _decode_open(im, max_side)
    except DecodeError:
        raise
    except FileNotFoundError as exc:
        raise DecodeError(say("the file disappeared before it could be read"), transient=True) from exc
    except IsADirectoryError as exc:
        raise DecodeError(say("this is a folder, not a photo"), transient=True) from exc
    except PermissionError as exc:
        raise DecodeError(say("permission denied: the file cannot be read"), transient=True) from exc
    except UnidentifiedImageError as exc:
        raise DecodeError(say("not an image in a supported format ({kind})", kind=_kind_hint(path))) from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DecodeError(say("refused: the image declares more than the {limit}-megapixel limit"
                              " (possibly a decompression bomb)", limit=MAX_PIXELS // 1_000_000)) from exc
    except MemoryError as exc:
        raise DecodeError(say("not enough memory to decode the image"), transient=True) from exc
    except OSError as exc:
        if exc.errno is not None:  # the system's error (an I/O error, a drive gone), not the decoder's
            raise DecodeError(unreadable(exc), transient=True) from exc
        raise DecodeError(say("damaged or unsupported image: {error}", error=str(exc))) from exc
    except (SyntaxError, ValueError, EOFError, IndexError, TypeError) as exc:
        raise DecodeError(say("damaged or unsupported image: {error}", error=str(exc))) from exc


def unreadable(exc: OSError) -> Said:
    """Why the system would not let a file be read; its own words (strerror) are kept as they are."""
    return say("cannot read the file: {error}", error=exc.strerror or str(exc))


def _decode_open(im: Image.Image, max_side: int | None) -> DecodedPhoto:
    stored_w, stored_h = im.size
    if stored_w <= 0 or stored_h <= 0:
        raise DecodeError(say("the image has no pixels"))
    if stored_w * stored_h > MAX_PIXELS:
        raise DecodeError(say("refused: {width}x{height} pixels is above the {limit}-megapixel limit"
                              " (possibly a decompression bomb)", width=stored_w, height=stored_h,
                              limit=MAX_PIXELS // 1_000_000))
    taken_at = _exif_date(im)
    orientation = _orientation(im)
    if max_side and im.format == "JPEG" and max(stored_w, stored_h) > max_side:
        s = max_side / max(stored_w, stored_h)
        im.draft("RGB", (math.ceil(stored_w * s), math.ceil(stored_h * s)))
    if getattr(im, "is_animated", False):
        im.seek(0)
    im.load()
    upright = ImageOps.exif_transpose(im) if orientation not in (None, 1) else im
    rgb = to_rgb(upright)
    if max_side and max(rgb.size) > max_side:
        rgb.thumbnail((max_side, max_side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    width, height = (stored_h, stored_w) if orientation in (5, 6, 7, 8) else (stored_w, stored_h)
    return DecodedPhoto(rgb, width, height, taken_at, orientation or 1, _embedded_xmp(im))


def _embedded_xmp(im: Image.Image) -> bytes | None:
    """The raw XMP packet, as each format keeps it (parsed later, safely, by xmp_regions)."""
    raw = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    if raw is None and im.format == "TIFF":
        raw = getattr(im, "tag_v2", {}).get(700)
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    return bytes(raw) if isinstance(raw, (bytes, bytearray)) and raw else None


def to_rgb(im: Image.Image) -> Image.Image:
    """Every mode to 8-bit RGB: 16-bit scaled (not clipped), transparency flattened on white."""
    mode = im.mode
    if mode == "RGB":
        return im
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        arr = np.asarray(im, dtype=np.float64)
        top = 65535.0 if mode.startswith("I;16") or arr.max(initial=0) > 255 else 255.0
        return Image.fromarray(np.clip(arr * (255.0 / top), 0, 255).astype(np.uint8), "L").convert("RGB")
    if mode == "F":
        arr = np.asarray(im, dtype=np.float64)
        lo, hi = float(arr.min(initial=0)), float(arr.max(initial=1))
        span = hi - lo or 1.0
        return Image.fromarray(((arr - lo) * (255.0 / span)).astype(np.uint8), "L").convert("RGB")
    if mode == "P":
        im = im.convert("RGBA") if "transparency" in im.info else im.convert("RGB")
        mode = im.mode
    if mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = im.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return im.convert("RGB")


def _orientation(im: Image.Image) -> int | None:
    try:
        value = im.getexif().get(0x0112)
    except Exception:  # a damaged EXIF block must not cost the photo
        return None
    return int(value) if isinstance(value, int) and 1 <= value <= 8 else None


def _exif_date(im: Image.Image) -> str | None:
    try:
        exif = im.getexif()
        raw = exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    except Exception:  # a damaged EXIF block must not cost the photo
        return None
    if not isinstance(raw, str) or len(raw) < 19:
        return None
    date, _, clock = raw.strip("\x00 ").partition(" ")
    parts = date.split(":")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or parts[0] == "0000":
        return None
    return f"{parts[0]}-{parts[1]}-{parts[2]}T{clock[:8]}"


def _kind_hint(path: str | os.PathLike[str]) -> Said:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return say("unreadable")
    if not head:
        return say("the file is empty")
    if all(32 <= b < 127 or b in (9, 10, 13) for b in head):
        return say("the file holds text")
    return say("unknown content")
