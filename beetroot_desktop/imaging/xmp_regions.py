"""Face regions in XMP, as other photo tools read and write them: MWG regions (digiKam, Lightroom, Picasa
exports, darktable) and Microsoft Photo regions (Windows Photo Gallery), plus `Iptc4xmpExt:PersonInImage`.

Reading: the XMP embedded in the photo and its sidecars (`photo.jpg.xmp` as digiKam and darktable name
them, `photo.xmp` as Adobe does). XML from a file is hostile input: it is parsed with defusedxml (no
entities, no external references), and a sidecar that cannot be parsed is reported with its reason
without failing the photo.

Coordinates: MWG regions apply to the image as stored; a viewer that turns the photo upright by its EXIF
orientation turns the regions with it (MWG guidelines 2.0, 5.9). Microsoft's regions are handled the same
way. Beetroot's boxes are in pixels of the upright photo, so regions are turned by the orientation when
read and turned back when written.
"""

from __future__ import annotations

import contextlib
import copy
import io
import math
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from defusedxml import ElementTree as SafeET

from ..wording import say

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "mwg-rs": "http://www.metadataworkinggroup.com/schemas/regions/",
    "stArea": "http://ns.adobe.com/xmp/sType/Area#",
    "stDim": "http://ns.adobe.com/xap/1.0/sType/Dimensions#",
    "MP": "http://ns.microsoft.com/photo/1.2/",
    "MPRI": "http://ns.microsoft.com/photo/1.2/t/RegionInfo#",
    "MPReg": "http://ns.microsoft.com/photo/1.2/t/Region#",
    "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
    "tiff": "http://ns.adobe.com/tiff/1.0/",
}
MAX_XMP_BYTES = 8 * 1024 * 1024  # a sidecar larger than this is not a sidecar


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


Box = tuple[float, float, float, float]  # left, top, width, height; fractions of the image


@dataclass(frozen=True)
class Region:
    """One named (or unnamed) face region, normalized to the upright photo."""

    name: str | None
    box: Box
    source: str  # "mwg" or "mp"


class XmpError(Exception):
    """A sidecar or an embedded packet that cannot be read; str() is the reason shown to the user."""


# -- orientation -------------------------------------------------------------------------------------------
def _to_upright(x: float, y: float, orientation: int) -> tuple[float, float]:
    """A point of the stored image (fractions) where it lands once the image is turned upright."""
    return {
        2: (1 - x, y), 3: (1 - x, 1 - y), 4: (x, 1 - y),
        5: (y, x), 6: (1 - y, x), 7: (1 - y, 1 - x), 8: (y, 1 - x),
    }.get(orientation, (x, y))


def _to_stored(x: float, y: float, orientation: int) -> tuple[float, float]:
    """The inverse of _to_upright."""
    return {
        2: (1 - x, y), 3: (1 - x, 1 - y), 4: (x, 1 - y),
        5: (y, x), 6: (y, 1 - x), 7: (1 - y, 1 - x), 8: (1 - y, x),
    }.get(orientation, (x, y))


def _turn(box: Box, orientation: int, point: object) -> Box:
    left, top, width, height = box
    corners = [point(left, top, orientation), point(left + width, top + height, orientation)]  # type: ignore[operator]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)


def upright_box(box: Box, orientation: int) -> Box:
    return _turn(box, orientation, _to_upright)


def stored_box(box: Box, orientation: int) -> Box:
    return _turn(box, orientation, _to_stored)


# -- reading -----------------------------------------------------------------------------------------------
def parse_regions(xmp: bytes | str, orientation: int = 1) -> list[Region]:
    """The face regions in one XMP packet, upright. Raises XmpError when it is not XML that can be read."""
    data = xmp.encode("utf-8") if isinstance(xmp, str) else xmp
    if len(data) > MAX_XMP_BYTES:
        raise XmpError(say("the XMP is larger than {size} MB, too large to be metadata",
                           size=MAX_XMP_BYTES // (1024 * 1024)))
    start = data.find(b"<")
    if start < 0:
        raise XmpError(say("no XML in it"))
    try:
        root = SafeET.fromstring(data[start:].rstrip(b"\x00 \r\n\t"))
    except SafeET.ParseError as exc:
        raise XmpError(say("not well-formed XML ({error})", error=str(exc))) from exc
    except Exception as exc:  # defusedxml refuses entities and external references with its own errors
        raise XmpError(say("refused: {kind}: {error}", kind=type(exc).__name__, error=str(exc))) from exc
    regions = [*_mwg_regions(root), *_mp_regions(root)]
    return [Region(r.name, upright_box(r.box, orientation), r.source) for r in regions]


def _prop(elem: ET.Element, qname: str) -> ET.Element | str | None:
    """An RDF property written as an attribute or as a child element (both forms are valid XMP)."""
    if qname in elem.attrib:
        return elem.attrib[qname]
    child = elem.find(qname)
    if child is None:
        return None
    if len(child) == 0 and not any(k == _q("rdf", "parseType") for k in child.attrib) and child.text \
            and child.text.strip():
        return child.text.strip()
    desc = child.find(_q("rdf", "Description"))
    return desc if desc is not None else child


def _text(elem: ET.Element, qname: str) -> str | None:
    value = _prop(elem, qname)
    if isinstance(value, str):
        return value
    if value is not None:  # a language alternative or a bag: its first item
        li = value.find(f".//{_q('rdf', 'li')}")
        if li is not None and li.text and li.text.strip():
            return li.text.strip()
    return None


def _number(elem: ET.Element, qname: str) -> float | None:
    raw = _text(elem, qname)
    try:
        value = float(raw) if raw is not None else None
    except ValueError:
        return None
    return value if value is not None and value == value and abs(value) < 1e9 else None


def _items(container: ET.Element | str | None) -> list[ET.Element]:
    if not isinstance(container, ET.Element):
        return []
    items = []
    for li in container.iter(_q("rdf", "li")):
        desc = li.find(_q("rdf", "Description"))
        items.append(desc if desc is not None else li)
    return items


def _name(raw: str | None) -> str | None:
    clean = " ".join((raw or "").split())
    return clean or None


EDGE = 0.02  # how far a region may reach past the photo's edge (rounding, a face cut by the frame)


def _valid(box: Box) -> Box | None:
    """The region inside the photo, or None for one that is not a region of it (outside, larger, NaN)."""
    left, top, width, height = box
    if not all(math.isfinite(v) for v in box) or not (width > 0 and height > 0):
        return None
    if left < -EDGE or top < -EDGE or left + width > 1 + EDGE or top + height > 1 + EDGE:
        return None
    left, top = max(0.0, left), max(0.0, top)
    return left, top, min(width, 1.0 - left), min(height, 1.0 - top)


def _mwg_regions(root: ET.Element) -> Iterable[Region]:
    for info in root.iter():
        regions = _prop(info, _q("mwg-rs", "Regions")) if isinstance(info.tag, str) else None
        if not isinstance(regions, ET.Element):
            continue
        for item in _items(_prop(regions, _q("mwg-rs", "RegionList"))):
            kind = _text(item, _q("mwg-rs", "Type"))
            area = _prop(item, _q("mwg-rs", "Area"))
            if (kind is not None and kind.lower() != "face") or not isinstance(area, ET.Element):
                continue
            unit = (_text(area, _q("stArea", "unit")) or "normalized").lower()
            x, y = _number(area, _q("stArea", "x")), _number(area, _q("stArea", "y"))
            w, h = _number(area, _q("stArea", "w")), _number(area, _q("stArea", "h"))
            if unit != "normalized" or x is None or y is None or w is None or h is None:
                continue
            box = _valid((x - w / 2, y - h / 2, w, h))
            if box is not None:
                yield Region(_name(_text(item, _q("mwg-rs", "Name"))), box, "mwg")


def _mp_regions(root: ET.Element) -> Iterable[Region]:
    for info in root.iter(_q("MP", "RegionInfo")):
        holder = info.find(_q("rdf", "Description"))
        regions = _prop(holder if holder is not None else info, _q("MPRI", "Regions"))
        for item in _items(regions):
            rect = _text(item, _q("MPReg", "Rectangle"))
            try:
                x, y, w, h = (float(v) for v in (rect or "").split(","))
            except ValueError:
                continue
            box = _valid((x, y, w, h))
            if box is not None:
                yield Region(_name(_text(item, _q("MPReg", "PersonDisplayName"))), box, "mp")


def sidecar_paths(photo: str) -> list[str]:
    """The sidecars a photo may have: `photo.jpg.xmp` (digiKam, darktable) and `photo.xmp` (Adobe).

    `photo.xmp` is left out when another photo shares the name (photo.jpg and photo.png): whose it is
    cannot be told.
    """
    base, _ext = os.path.splitext(photo)
    found = []
    candidates = [photo + ".xmp", photo + ".XMP"]
    if not shares_base_name(photo):
        candidates += [base + ".xmp", base + ".XMP"]
    for candidate in candidates:
        if candidate not in found and os.path.isfile(candidate):
            found.append(candidate)
    return found


def shares_base_name(photo: str) -> bool:
    """Whether another photo in the same folder has the same name before its extension."""
    folder, name = os.path.split(photo)
    stem = os.path.splitext(name)[0]
    try:
        with os.scandir(folder or ".") as it:
            return any(e.name != name and os.path.splitext(e.name)[0] == stem and is_photo_suffix(e.name)
                       for e in it)
    except OSError:
        return False


def is_photo_suffix(name: str) -> bool:
    from .decode import PHOTO_SUFFIXES

    return os.path.splitext(name)[1].lower() in PHOTO_SUFFIXES


def read_sidecar(path: str, orientation: int) -> list[Region]:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_XMP_BYTES + 1)
    except OSError as exc:
        raise XmpError(say("cannot be read: {error}", error=exc.strerror or str(exc))) from exc
    return parse_regions(data, orientation)


# -- writing -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NamedFace:
    name: str
    box: Box  # upright fractions


def _register(existing: bytes | None) -> None:
    """Serialise with the usual prefixes, and with the prefixes the sidecar's other tools chose."""
    for prefix, uri in NS.items():
        ET.register_namespace(prefix, uri)
    if not existing:
        return
    for _event, (prefix, uri) in SafeET.iterparse(io.BytesIO(existing[existing.find(b"<"):]), events=("start-ns",)):
        if prefix and uri not in NS.values():
            with contextlib.suppress(ValueError):  # a prefix ElementTree keeps for itself (ns0, ...)
                ET.register_namespace(prefix, uri)


def _rdf_root(existing: bytes | None) -> tuple[ET.Element, ET.Element]:
    """The x:xmpmeta element (the existing sidecar's, parsed safely, or a new one) and its rdf:RDF."""
    if existing:
        start = existing.find(b"<")
        root = SafeET.fromstring(existing[start:].rstrip(b"\x00 \r\n\t"))
        if root.tag == _q("rdf", "RDF"):
            meta = ET.Element(_q("x", "xmpmeta"))
            meta.append(root)
            root = meta
        rdf = root if root.tag == _q("rdf", "RDF") else root.find(_q("rdf", "RDF"))
        if rdf is None:
            rdf = ET.SubElement(root, _q("rdf", "RDF"))
        return root, rdf
    meta = ET.Element(_q("x", "xmpmeta"))
    return meta, ET.SubElement(meta, _q("rdf", "RDF"))


def _remove_property(rdf: ET.Element, qname: str) -> None:
    for desc in rdf.findall(_q("rdf", "Description")):
        desc.attrib.pop(qname, None)
        for child in desc.findall(qname):
            desc.remove(child)
        if len(desc) == 0 and set(desc.attrib) <= {_q("rdf", "about")}:
            rdf.remove(desc)  # it held only what is replaced: a second export writes the same bytes


def _bag(parent: ET.Element, qname: str, kind: str = "Bag") -> ET.Element:
    return ET.SubElement(ET.SubElement(parent, qname), _q("rdf", kind))


def _struct(parent: ET.Element) -> ET.Element:
    li = ET.SubElement(parent, _q("rdf", "li"))
    li.set(_q("rdf", "parseType"), "Resource")
    return li


def _leaf(parent: ET.Element, qname: str, value: str) -> None:
    ET.SubElement(parent, qname).text = value


def _iou(a: Box, b: Box) -> float:
    w = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    union = a[2] * a[3] + b[2] * b[3] - w * h
    return w * h / union if union > 0 else 0.0


REPLACED_IOU = 0.3  # an existing face region this close to one of Beetroot's faces is that face


@dataclass
class _Existing:
    """Region items another tool wrote, kept or merged into Beetroot's own."""

    mwg: list[tuple[ET.Element, Box | None, bool]] = field(default_factory=list)  # (rdf:li, stored box, a face?)
    mp: list[tuple[ET.Element, Box | None]] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


def _li_props(li: ET.Element) -> ET.Element:
    desc = li.find(_q("rdf", "Description"))
    return desc if desc is not None else li


def _existing(rdf: ET.Element) -> _Existing:
    found = _Existing()
    for desc in rdf.findall(_q("rdf", "Description")):
        regions = _prop(desc, _q("mwg-rs", "Regions"))
        bag = _prop(regions, _q("mwg-rs", "RegionList")) if isinstance(regions, ET.Element) else None
        for li in (bag.iter(_q("rdf", "li")) if isinstance(bag, ET.Element) else []):
            item = _li_props(li)
            kind = (_text(item, _q("mwg-rs", "Type")) or "Face").lower()
            area = _prop(item, _q("mwg-rs", "Area"))
            box: Box | None = None
            if isinstance(area, ET.Element) and (_text(area, _q("stArea", "unit")) or "normalized") == "normalized":
                x, y = _number(area, _q("stArea", "x")), _number(area, _q("stArea", "y"))
                w, h = _number(area, _q("stArea", "w")), _number(area, _q("stArea", "h"))
                if x is not None and y is not None and w is not None and h is not None:
                    box = (x - w / 2, y - h / 2, w, h)
            found.mwg.append((li, box, kind == "face"))
        info = _prop(desc, _q("MP", "RegionInfo"))
        mp_regions = _prop(info, _q("MPRI", "Regions")) if isinstance(info, ET.Element) else None
        for li in (mp_regions.iter(_q("rdf", "li")) if isinstance(mp_regions, ET.Element) else []):
            rect = _text(_li_props(li), _q("MPReg", "Rectangle"))
            try:
                x, y, w, h = (float(v) for v in (rect or "").split(","))
                mp_box: Box | None = (x, y, w, h)
            except ValueError:
                mp_box = None
            found.mp.append((li, mp_box))
        people = _prop(desc, _q("Iptc4xmpExt", "PersonInImage"))
        if isinstance(people, ET.Element):
            found.people += [li.text.strip() for li in people.iter(_q("rdf", "li")) if li.text and li.text.strip()]
        elif isinstance(people, str):
            found.people.append(people)
    return found


def _closest(box: Box | None, faces: Sequence[Box]) -> int | None:
    if box is None:
        return None
    scores = [(_iou(box, face), i) for i, face in enumerate(faces)]
    best = max(scores, default=(0.0, -1))
    return best[1] if best[0] >= REPLACED_IOU else None


def _extras(li: ET.Element, own: set[str]) -> tuple[dict[str, str], list[ET.Element]]:
    """What another tool wrote in a region item besides the properties Beetroot writes itself."""
    item = _li_props(li)
    skip = own | {_q("rdf", "parseType"), _q("rdf", "about")}
    attrs = {k: v for k, v in item.attrib.items() if k not in skip}
    return attrs, [copy.deepcopy(child) for child in item if child.tag not in own]


def merge_sidecar(existing: bytes | None, faces: Sequence[NamedFace], *, stored_size: tuple[int, int],
                  orientation: int) -> bytes:
    """A sidecar holding `faces` as MWG and MP regions and PersonInImage, and everything else `existing` held.

    A face region another tool wrote where Beetroot has a face becomes Beetroot's (its name and box), keeping
    whatever else that tool wrote in it; every other region (pets, focus areas, people Beetroot does not
    know), every other person in PersonInImage, and every other property and namespace stay as they were.
    """
    _register(existing)
    root, rdf = _rdf_root(existing)
    old = _existing(rdf)
    boxes = [stored_box(face.box, orientation) for face in faces]
    replaced_names: set[str] = set()
    mwg_extras: dict[int, tuple[dict[str, str], list[ET.Element]]] = {}
    kept_mwg: list[ET.Element] = []
    for li, box, is_face in old.mwg:
        match = _closest(box, boxes) if is_face else None
        if match is None or match in mwg_extras:
            kept_mwg.append(copy.deepcopy(li))
            continue
        mwg_extras[match] = _extras(li, {_q("mwg-rs", n) for n in ("Area", "Name", "Type")})
        name = _text(_li_props(li), _q("mwg-rs", "Name"))
        if name:
            replaced_names.add(name)
    mp_extras: dict[int, tuple[dict[str, str], list[ET.Element]]] = {}
    kept_mp: list[ET.Element] = []
    for li, box in old.mp:
        match = _closest(box, boxes)
        if match is None or match in mp_extras:
            kept_mp.append(copy.deepcopy(li))
            continue
        mp_extras[match] = _extras(li, {_q("MPReg", n) for n in ("Rectangle", "PersonDisplayName")})
        name = _text(_li_props(li), _q("MPReg", "PersonDisplayName"))
        if name:
            replaced_names.add(name)
    for qname in (_q("mwg-rs", "Regions"), _q("MP", "RegionInfo"), _q("Iptc4xmpExt", "PersonInImage")):
        _remove_property(rdf, qname)
    desc = ET.SubElement(rdf, _q("rdf", "Description"))
    desc.set(_q("rdf", "about"), "")
    regions = ET.SubElement(desc, _q("mwg-rs", "Regions"))
    regions.set(_q("rdf", "parseType"), "Resource")
    dims = ET.SubElement(regions, _q("mwg-rs", "AppliedToDimensions"))
    dims.set(_q("rdf", "parseType"), "Resource")
    _leaf(dims, _q("stDim", "w"), str(stored_size[0]))
    _leaf(dims, _q("stDim", "h"), str(stored_size[1]))
    _leaf(dims, _q("stDim", "unit"), "pixel")
    mwg_list = _bag(regions, _q("mwg-rs", "RegionList"))
    mp_info = ET.SubElement(desc, _q("MP", "RegionInfo"))
    mp_info.set(_q("rdf", "parseType"), "Resource")
    mp_list = _bag(mp_info, _q("MPRI", "Regions"))
    people = _bag(desc, _q("Iptc4xmpExt", "PersonInImage"))
    for i, (face, (left, top, width, height)) in enumerate(zip(faces, boxes, strict=True)):
        item = _struct(mwg_list)
        area = ET.SubElement(item, _q("mwg-rs", "Area"))
        area.set(_q("rdf", "parseType"), "Resource")
        for key, value in (("x", left + width / 2), ("y", top + height / 2), ("w", width), ("h", height)):
            _leaf(area, _q("stArea", key), f"{value:.6f}")
        _leaf(area, _q("stArea", "unit"), "normalized")
        _leaf(item, _q("mwg-rs", "Type"), "Face")
        _leaf(item, _q("mwg-rs", "Name"), xml_text(face.name))
        _add_extras(item, mwg_extras.get(i))
        mp_item = _struct(mp_list)
        _leaf(mp_item, _q("MPReg", "Rectangle"), f"{left:.6f}, {top:.6f}, {width:.6f}, {height:.6f}")
        _leaf(mp_item, _q("MPReg", "PersonDisplayName"), xml_text(face.name))
        _add_extras(mp_item, mp_extras.get(i))
    mwg_list.extend(kept_mwg)
    mp_list.extend(kept_mp)
    ours = [xml_text(face.name) for face in faces]
    for name in dict.fromkeys([*ours, *(n for n in old.people if n not in replaced_names)]):
        ET.SubElement(people, _q("rdf", "li")).text = name
    out = io.BytesIO()
    out.write(b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n')
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=False)
    out.write(b'\n<?xpacket end="w"?>\n')
    return out.getvalue()


def _add_extras(item: ET.Element, extras: tuple[dict[str, str], list[ET.Element]] | None) -> None:
    if extras is None:
        return
    attrs, children = extras
    item.attrib.update(attrs)
    item.extend(children)


def xml_text(value: str) -> str:
    """Text XML 1.0 can hold: control characters (other than tab and line breaks) dropped."""
    return "".join(ch for ch in value if ch in "\t\n\r" or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                                                            and ord(ch) not in (0xFFFE, 0xFFFF)))
