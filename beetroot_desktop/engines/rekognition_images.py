"""What Amazon Rekognition takes as an image (checked before paying for a call), and where the boxes it
answers with fall in pixels."""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from ..imaging.crops import MIN_CROP_SIDE, clamp_box

MAX_IMAGE_BYTES = 5 * 1024 * 1024  # Image.Bytes limit
MIN_IMAGE_SIDE = MIN_CROP_SIDE  # 80 px


def image_problem(data: bytes, what: str) -> str | None:
    """Why Rekognition would refuse these bytes (size, format, 80 px minimum), or None.

    botocore only checks types, so the service's limits are checked here before paying for a call.
    """
    if len(data) > MAX_IMAGE_BYTES:
        return f"the {what} is {len(data) / 2**20:.1f} MiB, over Rekognition's 5 MiB limit"
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt, size = image.format, image.size
    except (UnidentifiedImageError, OSError):
        return f"the {what} is not a readable image"
    if fmt not in ("JPEG", "PNG"):
        return f"the {what} is {fmt}, Rekognition takes JPEG or PNG"
    if min(size) < MIN_IMAGE_SIDE:
        return f"the {what} is {size[0]}x{size[1]} px, under Rekognition's {MIN_IMAGE_SIDE} px minimum"
    return None


def ratio_box(box: dict[str, float], width: int, height: int) -> tuple[int, int, int, int]:
    """A Rekognition BoundingBox (ratios of the upright image, may reach past its edges) in clamped pixels."""
    left, top = box.get("Left", 0.0) * width, box.get("Top", 0.0) * height
    w, h = box.get("Width", 0.0) * width, box.get("Height", 0.0) * height
    return clamp_box((round(left), round(top), round(w), round(h)), width, height)
