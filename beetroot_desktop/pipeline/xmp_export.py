"""Names out to the photos' sidecars, where every other photo tool can read them. Photos are never touched.

For each present photo with named faces, the sidecar beside each of its files gets MWG regions, MP
regions and `Iptc4xmpExt:PersonInImage` (imaging/xmp_regions.py): a new sidecar, or the existing one with
everything else it held kept. A sidecar that cannot be parsed is left as it is and listed. With `photo_ids`
only those photos are written (the desktop app keeps the sidecars of the photos an edit renamed up to date).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass, field
from typing import Any

from PIL import Image

from ..imaging.xmp_regions import MAX_XMP_BYTES, NamedFace, merge_sidecar, shares_base_name
from ..library import Library
from ..wording import message_of, say

SIDECAR_NAMES = ("jpg.xmp", "xmp")  # photo.jpg.xmp (digiKam, darktable) or photo.xmp (Adobe)


@dataclass
class XmpExport:
    written: int = 0
    unchanged: int = 0
    faces: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def sidecar_for(photo: str, convention: str) -> str:
    if convention == "xmp":
        return os.path.splitext(photo)[0] + ".xmp"
    return photo + ".xmp"


def named_faces(library: Library, photo_ids: Collection[int] | None = None) -> dict[int, list[NamedFace]]:
    """Every present photo's named faces (or those of `photo_ids`), as fractions of the upright photo."""
    sql = ("SELECT ph.id, ph.width, ph.height, f.left, f.top, f.width AS w, f.height AS h, p.name"
           " FROM faces f JOIN photos ph ON ph.id = f.photo_id JOIN people p ON p.person_id = f.person_id"
           " WHERE p.name IS NOT NULL AND ph.presence = 'present' AND f.not_a_face = 0")
    if photo_ids is None:
        rows = list(library.conn.execute(sql + " ORDER BY ph.id, f.idx"))
    else:
        ids = sorted(set(photo_ids))
        rows = [r for start in range(0, len(ids), 500) for r in library.conn.execute(
            sql + f" AND ph.id IN ({', '.join('?' for _ in ids[start:start + 500])}) ORDER BY ph.id, f.idx",
            ids[start:start + 500])]
    found: dict[int, list[NamedFace]] = {}
    for r in rows:
        if not r["width"] or not r["height"]:
            continue
        box = (r["left"] / r["width"], r["top"] / r["height"], r["w"] / r["width"], r["h"] / r["height"])
        found.setdefault(r["id"], []).append(NamedFace(r["name"], box))
    return found


def export_xmp(library: Library, convention: str = "jpg.xmp",
               progress: Callable[[int, int], None] | None = None, *,
               photo_ids: Collection[int] | None = None) -> XmpExport:
    if convention not in SIDECAR_NAMES:
        raise ValueError(say("the sidecar name is one of {names}", names=", ".join(SIDECAR_NAMES)))
    report = XmpExport()
    photos = named_faces(library, photo_ids)
    for n, (photo_id, faces) in enumerate(photos.items(), 1):
        for path in library.locations(photo_id):
            _write_one(path, faces, convention, report)
        if progress is not None:
            progress(n, len(photos))
    return report


def _write_one(path: str, faces: list[NamedFace], convention: str, report: XmpExport) -> None:
    if not os.path.isfile(path):
        report.skipped.append({"path": path, "reason": say("the photo is not there now")})
        return
    try:
        with Image.open(path) as im:  # the header only: stored size and orientation
            stored = im.size
            orientation = int(im.getexif().get(0x0112, 1) or 1)
    except Exception as exc:
        report.skipped.append({"path": path, "reason": say("cannot be read: {error}", error=str(exc))})
        return
    if convention == "xmp" and shares_base_name(path):
        report.skipped.append({"path": sidecar_for(path, convention), "reason": say(
            "another photo has the same name before its extension, so a photo.xmp sidecar would be both of theirs;"
            " use --sidecar-name jpg.xmp")})
        return
    sidecar = os.path.realpath(sidecar_for(path, convention))  # a linked sidecar is written where it lives
    existing: bytes | None = None
    try:
        st = os.stat(sidecar)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        report.skipped.append({"path": sidecar, "reason": say("cannot be read: {error}",
                                                              error=exc.strerror or str(exc))})
        return
    if st is not None and not stat.S_ISREG(st.st_mode):  # never opened: a named pipe would wait forever
        report.skipped.append({"path": sidecar, "reason": say("not a regular file; left as it is")})
        return
    try:
        if st is not None:
            with open(sidecar, "rb") as fh:
                existing = fh.read(MAX_XMP_BYTES + 1)
    except OSError as exc:
        report.skipped.append({"path": sidecar, "reason": say("cannot be read: {error}",
                                                              error=exc.strerror or str(exc))})
        return
    if existing is not None and len(existing) > MAX_XMP_BYTES:
        report.skipped.append({"path": sidecar, "reason": say("too large to be a sidecar; left as it is")})
        return
    try:
        data = merge_sidecar(existing, faces, stored_size=stored,
                             orientation=orientation if 1 <= orientation <= 8 else 1)
    except Exception as exc:  # an existing sidecar we cannot parse is never overwritten
        report.skipped.append({"path": sidecar, "reason": say("not valid XMP, left as it is ({error})",
                                                              error=message_of(exc))})
        return
    if existing == data:
        report.unchanged += 1
        return
    try:
        _write_atomically(sidecar, data, st.st_mode if st is not None else None)
    except OSError as exc:
        report.skipped.append({"path": sidecar, "reason": say("cannot be written: {error}",
                                                              error=exc.strerror or str(exc))})
        return
    report.written += 1
    report.faces += len(faces)


def _write_atomically(path: str, data: bytes, mode: int | None) -> None:
    """Write beside the old file and swap; the sidecar keeps its permissions (a new one gets the usual
    ones), so other users and tools still read it."""
    folder = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".beetroot-", suffix=".xmp.part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
