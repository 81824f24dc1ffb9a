"""Per-photo CPU work, run in worker processes: decode, detect, crop, describe, make thumbnails.

Everything here is a plain function of its arguments (picklable in, picklable out), and bad input is
returned as a reason, never raised, so one broken file cannot take a worker down.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from ..engines.base import FaceCrop, WorkerNeeds
from ..imaging import DecodeError, crop_face, decode_photo, encode_jpeg
from ..imaging.thumbnails import (
    FACE_THUMB,
    PHOTO_THUMB,
    face_thumb_path,
    face_thumbnail_image,
    photo_thumb_path,
    save_thumbnail,
)
from ..wording import message_of, say
from .regions import read_regions, region_crops

# The reasons with arguments a library saves (as English text) and an import shows again when it meets the
# file again: the window reads their arguments back out of the text (ui/jobs.py, failure_reason). A reason
# without arguments needs no entry: its text is its template.
SAVED_REASONS = (
    "not an image in a supported format ({kind})",
    "refused: the image declares more than the {limit}-megapixel limit (possibly a decompression bomb)",
    "refused: {width}x{height} pixels is above the {limit}-megapixel limit (possibly a decompression bomb)",
    "damaged or unsupported image: {error}",
    "cannot read the file: {error}",
    "could not decode: {kind}: {error}",
    "face detection failed: {kind}: {error}",
    "face detection failed: {error}",
)
WORKING_SIDE = 2048  # crops and descriptors come from this resolution; JPEG draft mode decodes straight to it
MAX_REMOTE_JPEG = 5 * 1024 * 1024  # Rekognition's Image.Bytes limit


@dataclass(frozen=True)
class PhotoJob:
    path: str
    sha256: str
    size: int
    mtime_ns: int
    ino: int = 0


@dataclass
class PhotoAnalysis:
    job: PhotoJob
    width: int = 0
    height: int = 0
    taken_at: str | None = None
    faces: list[FaceCrop] = field(default_factory=list)
    photo_jpeg: bytes | None = None  # only when the engine detects faces itself
    error: str | None = None  # a `say` message the window can translate (plain text once a library saved it)
    transient: bool = False  # the error came from the environment, not the photo: retried next import
    cache_problem: str | None = None  # a thumbnail could not be written: never the photo's failure
    regions: list[FaceCrop] = field(default_factory=list)  # named face regions from the photo's XMP
    region_problems: list[str] = field(default_factory=list)  # sidecars that could not be read
    seconds: float = 0.0


def analyze_photo(job: PhotoJob, needs: WorkerNeeds, cache_dir: str | None = None) -> PhotoAnalysis:
    started = time.perf_counter()
    result = PhotoAnalysis(job)
    try:
        decoded = decode_photo(job.path, max_side=WORKING_SIDE)
    except DecodeError as exc:
        result.error, result.transient = message_of(exc), exc.transient
        return result
    except Exception as exc:  # a decoder bug must cost one photo, not the import
        result.error = say("could not decode: {kind}: {error}", kind=type(exc).__name__, error=str(exc))
        return result
    result.width, result.height, result.taken_at = decoded.width, decoded.height, decoded.taken_at
    image, scale = decoded.image, decoded.scale
    cache = Path(cache_dir) if cache_dir else None
    try:
        named, result.region_problems = read_regions(job.path, decoded)
        result.regions = region_crops(named, decoded, image, scale, needs, job.sha256)
    except Exception as exc:  # metadata is a bonus: a region that cannot be used must not cost the photo
        result.region_problems.append(say("face regions were not read: {kind}: {error}", kind=type(exc).__name__,
                                          error=str(exc)))
    try:
        if cache is not None:
            _save_if_missing(result, image, photo_thumb_path(cache, job.sha256), PHOTO_THUMB)
        if needs.remote_detection:
            result.photo_jpeg = remote_jpeg(image)
        else:
            from ..engines.dlib_models import describe_faces, detect_faces

            faces = detect_faces(image)
            descriptors = describe_faces(image, [box for box, _ in faces]) if needs.descriptors else None
            for idx, (box, score) in enumerate(faces):
                crop = FaceCrop(idx, _to_original(box, scale, decoded.width, decoded.height), score,
                                encode_jpeg(crop_face(image, box)), photo_sha=job.sha256)
                if descriptors is not None:
                    crop.descriptor = next(descriptors)
                if cache is not None:
                    _save_if_missing(result, face_thumbnail_image(image, box),
                                     face_thumb_path(cache, job.sha256, crop.box), FACE_THUMB)
                result.faces.append(crop)
    except Exception as exc:
        result.error = say("face detection failed: {kind}: {error}", kind=type(exc).__name__, error=str(exc))
        result.faces = []
    result.seconds = time.perf_counter() - started
    return result


def remote_jpeg(image: Image.Image) -> bytes:
    """The photo as a JPEG under Rekognition's 5 MiB limit, shrinking until it fits."""
    current = image
    for quality in (90, 85, 80, 75):
        data = encode_jpeg(current, quality)
        if len(data) <= MAX_REMOTE_JPEG:
            return data
        current = current.resize((current.width * 3 // 4, current.height * 3 // 4), Image.Resampling.BILINEAR)
    return encode_jpeg(current, 70)


def _to_original(box: tuple[int, int, int, int], scale: float, width: int, height: int) -> tuple[int, int, int, int]:
    if scale == 1.0:
        return box
    left, top, w, h = box
    l2, t2 = round(left / scale), round(top / scale)
    return l2, t2, min(width - l2, round(w / scale)), min(height - t2, round(h / scale))


def _save_if_missing(result: PhotoAnalysis, image: Image.Image, path: Path, size: int) -> None:
    """Thumbnails are a cache the views rebuild on demand: a full disk or a read-only cache folder is
    reported once, and the photo is imported all the same."""
    if result.cache_problem is not None or path.exists():
        return
    try:
        save_thumbnail(image, path, size)
    except OSError as exc:
        result.cache_problem = say("thumbnails cannot be written to {folder}: {error}",
                                   folder=str(path.parents[2].absolute()), error=exc.strerror or str(exc))
