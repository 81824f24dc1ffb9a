"""What Amazon Rekognition takes as an image (checked before paying for a call), and where the boxes it
answers with fall in pixels."""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from ..imaging.crops import MIN_CROP_SIDE, clamp_box
from ..wording import say

MAX_IMAGE_BYTES = 5 * 1024 * 1024  # Image.Bytes limit
MIN_IMAGE_SIDE = MIN_CROP_SIDE  # 80 px
_SUBJECTS = {"face crop": say("the face crop"), "photo": say("the photo")}  # what image_problem's messages name


def image_problem(data: bytes, what: str) -> str | None:
    """Why Rekognition would refuse these bytes (size, format, 80 px minimum), or None.

    botocore only checks types, so the service's limits are checked here before paying for a call.
    `what` names the image: "face crop" or "photo" (the messages the window translates), or anything else.
    """
    subject = _SUBJECTS.get(what) or f"the {what}"
    if len(data) > MAX_IMAGE_BYTES:
        return say("{subject} is {size} MiB, over Rekognition's 5 MiB limit", subject=subject,
                   size=f"{len(data) / 2**20:.1f}")
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt, size = image.format, image.size
    except (UnidentifiedImageError, OSError):
        return say("{subject} is not a readable image", subject=subject)
    if fmt not in ("JPEG", "PNG"):
        return say("{subject} is {format}, Rekognition takes JPEG or PNG", subject=subject, format=str(fmt))
    if min(size) < MIN_IMAGE_SIDE:
        return say("{subject} is {width}x{height} px, under Rekognition's {minimum} px minimum", subject=subject,
                   width=size[0], height=size[1], minimum=MIN_IMAGE_SIDE)
    return None


def ratio_box(box: dict[str, float], width: int, height: int) -> tuple[int, int, int, int]:
    """A Rekognition BoundingBox (ratios of the upright image, may reach past its edges) in clamped pixels."""
    left, top = box.get("Left", 0.0) * width, box.get("Top", 0.0) * height
    w, h = box.get("Width", 0.0) * width, box.get("Height", 0.0) * height
    return clamp_box((round(left), round(top), round(w), round(h)), width, height)
