"""Face crops: the image the engines search with and index (the upstream step, JPEG quality 90)."""

from __future__ import annotations

import io

from PIL import Image

CROP_MARGIN = 0.4  # of the face box on each side: the engine must find the face again inside the crop
MIN_CROP_SIDE = 80  # Rekognition refuses images under 80x80 pixels
JPEG_QUALITY = 90

Box = tuple[int, int, int, int]  # left, top, width, height


def clamp_box(box: Box, width: int, height: int) -> Box:
    left, top, w, h = box
    left2, top2 = max(0, min(left, width)), max(0, min(top, height))
    right, bottom = max(left2, min(left + w, width)), max(top2, min(top + h, height))
    return left2, top2, right - left2, bottom - top2


def margin_box(box: Box, width: int, height: int, margin: float = CROP_MARGIN) -> Box:
    left, top, w, h = box
    dx, dy = round(w * margin), round(h * margin)
    return clamp_box((left - dx, top - dy, w + 2 * dx, h + 2 * dy), width, height)


def crop_face(image: Image.Image, box: Box, margin: float = CROP_MARGIN, min_side: int = MIN_CROP_SIDE
              ) -> Image.Image:
    """Crop `box` (pixels of `image`) with a margin; upscale tiny crops to at least `min_side`."""
    left, top, w, h = margin_box(box, image.width, image.height, margin)
    crop = image.crop((left, top, left + max(1, w), top + max(1, h)))
    short = min(crop.size)
    if short < min_side:
        factor = min_side / short
        crop = crop.resize((max(min_side, round(crop.width * factor)), max(min_side, round(crop.height * factor))),
                           Image.Resampling.BICUBIC)
    return crop


def encode_jpeg(image: Image.Image, quality: int = JPEG_QUALITY) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality)
    return out.getvalue()
