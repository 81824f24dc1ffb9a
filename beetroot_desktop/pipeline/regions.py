"""Names that travel with the photos: face regions other tools wrote, read at import.

In the worker, every named region of the photo (embedded XMP, then its sidecars) becomes a candidate face
with its crop and descriptor. In the writer, a region that overlaps a detected face names that face; one
that overlaps none is a face of its own (the detector missed it), kept as a face from the metadata. Each
name becomes the user's fact about that face (library/names.py), never a guess of the engine's.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from PIL import Image

from ..engines.base import FaceCrop, WorkerNeeds
from ..imaging import crop_face, encode_jpeg
from ..imaging.decode import DecodedPhoto
from ..imaging.xmp_regions import Region, XmpError, parse_regions, read_sidecar, sidecar_paths
from ..wording import message_of, say

MATCH_IOU = 0.3  # a region drawn around a head and the detector's tighter box still overlap this much
SAME_REGION_IOU = 0.5  # two regions this close (from two sidecars, or MWG and MP) are one face
MIN_REGION_SIDE = 12  # pixels of the upright photo: smaller regions are markers, not faces
MAX_REGIONS = 100  # named regions read per photo: more is not a photo of people, it is noise


def read_regions(path: str, decoded: DecodedPhoto) -> tuple[list[Region], list[str]]:
    """Named face regions of the photo, upright, each once; and why a sidecar could not be read.

    Sidecars come before the embedded packet (a tool that writes sidecars leaves the photo as it was),
    MWG before MP; a region that repeats a name already read is dropped.
    """
    found: list[Region] = []
    problems: list[str] = []
    sources: list[tuple[str, bytes | None]] = [(p, None) for p in sidecar_paths(path)]
    if decoded.xmp:
        sources.append(("embedded", decoded.xmp))
    for where, data in sources:
        try:
            regions = (parse_regions(data, decoded.orientation) if data is not None
                       else read_sidecar(where, decoded.orientation))
        except XmpError as exc:
            label = say("the XMP embedded in the photo") if data is not None else os.path.basename(where)
            problems.append(say("face regions in {label} were not read: {error}", label=label, error=message_of(exc)))
            continue
        for region in sorted(regions, key=lambda r: r.source != "mwg"):
            if region.name is None:
                continue
            same = next((r for r in found if _box_iou(r.box, region.box) >= SAME_REGION_IOU), None)
            if same is not None:  # the preferred source already named this face
                if same.name != region.name:
                    label = say("the photo") if data is not None else os.path.basename(where)
                    problems.append(say("{label} names a face {name!r}, which an earlier sidecar names {kept!r}:"
                                        " {kept!r} is used", label=label, name=region.name, kept=same.name))
                continue
            if any(r.name == region.name for r in found):
                continue
            if len(found) >= MAX_REGIONS:
                problems.append(say("more than {most} named face regions: the rest were not read", most=MAX_REGIONS))
                return found, problems
            found.append(region)
    return found, problems


def _box_iou(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    w = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    union = a[2] * a[3] + b[2] * b[3] - w * h
    return w * h / union if union > 0 else 0.0


def region_crops(regions: Sequence[Region], decoded: DecodedPhoto, image: Image.Image, scale: float,
                 needs: WorkerNeeds, photo_sha: str) -> list[FaceCrop]:
    """A candidate face for each named region: its box in pixels of the upright photo, crop and descriptor."""
    crops: list[FaceCrop] = []
    boxes: list[tuple[int, int, int, int]] = []
    for region in regions:
        left, top, width, height = region.box
        box = (round(left * decoded.width), round(top * decoded.height),
               round(width * decoded.width), round(height * decoded.height))
        if min(box[2], box[3]) < MIN_REGION_SIDE:
            continue
        scaled = (round(box[0] * scale), round(box[1] * scale), max(1, round(box[2] * scale)),
                  max(1, round(box[3] * scale)))
        crops.append(FaceCrop(-1, box, None, encode_jpeg(crop_face(image, scaled)), photo_sha=photo_sha,
                              origin="metadata", name=region.name))
        boxes.append(scaled)
    if crops and needs.descriptors:
        from ..engines.dlib_models import describe_faces

        for crop, descriptor in zip(crops, describe_faces(image, boxes), strict=True):
            crop.descriptor = descriptor
    return crops


def iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    ax2, ay2, bx2, by2 = a[0] + a[2], a[1] + a[3], b[0] + b[2], b[1] + b[3]
    w = max(0, min(ax2, bx2) - max(a[0], b[0]))
    h = max(0, min(ay2, by2) - max(a[1], b[1]))
    inter = w * h
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


def attach(faces: Sequence[FaceCrop], regions: Sequence[FaceCrop]) -> list[FaceCrop]:
    """The detected faces, named by the regions that overlap them, then the regions that overlap none.

    Each region names at most one face and each face takes at most one name: the best overlaps first.
    """
    pairs = sorted(((iou(f.box, r.box), fi, ri) for fi, f in enumerate(faces) for ri, r in enumerate(regions)),
                   reverse=True)
    named: dict[int, str] = {}
    used: set[int] = set()
    for overlap, fi, ri in pairs:
        if overlap < MATCH_IOU:
            break
        if fi in named or ri in used:
            continue
        named[fi] = regions[ri].name or ""
        used.add(ri)
    out = [replace(f, name=named.get(i)) if i in named else f for i, f in enumerate(faces)]
    next_idx = max((f.idx for f in faces), default=-1) + 1
    for ri, region in enumerate(regions):
        if ri in used:
            continue
        out.append(replace(region, idx=next_idx))
        next_idx += 1
    return out
