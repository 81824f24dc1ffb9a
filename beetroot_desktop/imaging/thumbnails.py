"""Thumbnails of photos and faces, cached as small JPEGs in the library folder (never beside a photo)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PIL import Image

from .crops import Box, crop_face
from .decode import decode_photo

PHOTO_THUMB = 320
FACE_THUMB = 160
FACE_THUMB_MARGIN = 0.25


def cache_dir_for(library_dir: Path) -> Path:
    return Path(library_dir) / "cache"


def photo_thumb_path(cache_dir: Path, sha256: str, size: int = PHOTO_THUMB) -> Path:
    return cache_dir / "photos" / sha256[:2] / f"{sha256}-{size}.jpg"


def face_thumb_path(cache_dir: Path, sha256: str, box: Box, size: int = FACE_THUMB) -> Path:
    left, top, w, h = box
    return cache_dir / "faces" / sha256[:2] / f"{sha256}-{left}-{top}-{w}-{h}-{size}.jpg"


def save_thumbnail(image: Image.Image, path: Path, size: int) -> Path:
    """Write atomically: a reader on another thread never sees half a file."""
    thumb = image.copy()
    thumb.thumbnail((size, size), Image.Resampling.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            thumb.save(fh, format="JPEG", quality=85)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def face_thumbnail_image(image: Image.Image, box_in_image: Box) -> Image.Image:
    """A square-ish face tile: the face with a little context."""
    return crop_face(image, box_in_image, margin=FACE_THUMB_MARGIN, min_side=1)


def ensure_photo_thumbnail(cache_dir: Path, photo_path: str, sha256: str, size: int = PHOTO_THUMB) -> Path:
    path = photo_thumb_path(cache_dir, sha256, size)
    if not path.exists():
        decoded = decode_photo(photo_path, max_side=size * 2)
        save_thumbnail(decoded.image, path, size)
    return path


def ensure_face_thumbnail(cache_dir: Path, photo_path: str, sha256: str, box: Box, size: int = FACE_THUMB
                          ) -> Path:
    path = face_thumb_path(cache_dir, sha256, box, size)
    if not path.exists():
        decoded = decode_photo(photo_path, max_side=2048)
        s = decoded.scale
        scaled = (round(box[0] * s), round(box[1] * s), max(1, round(box[2] * s)), max(1, round(box[3] * s)))
        save_thumbnail(face_thumbnail_image(decoded.image, scaled), path, size)
    return path
