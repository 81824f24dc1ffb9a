"""`beetroot export-xmp`: the library's names written as face regions into the photos' XMP sidecars.

Every other photo tool (digiKam, Lightroom, darktable, exiftool) reads them there; photos are never
modified. Reading regions other tools wrote happens at import, on its own.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..config import XMP_SIDECARS
from ..textsafe import printable
from .common import EXIT_FAILED, EXIT_OK, add_library, examples, open_library_for
from .progress import plural


def register(sub: Any) -> None:
    p = sub.add_parser("export-xmp", help="write the names as face regions into XMP sidecars (photos untouched)",
                       description="Write every named face as a face region (MWG and Microsoft regions, and"
                                   " Iptc4xmpExt:PersonInImage) into an XMP sidecar beside each photo, where"
                                   " digiKam, Lightroom, darktable and exiftool read them. A sidecar that exists is"
                                   " merged: everything else in it stays. Photo files are never modified.",
                       **examples("beetroot export-xmp", "beetroot export-xmp --sidecar-name xmp --json"))
    add_library(p)
    p.add_argument("--sidecar-name", choices=XMP_SIDECARS, default=XMP_SIDECARS[0],
                   help="photo.jpg.xmp (digiKam, darktable; the default) or photo.xmp (Adobe)")
    p.add_argument("--json", action="store_true",
                   help='one JSON object: {"written", "unchanged", "faces", "skipped": [{"path", "reason"}]}')
    p.set_defaults(handler=cmd_export_xmp)


def cmd_export_xmp(args: argparse.Namespace) -> int:
    from ..pipeline.xmp_export import export_xmp

    with open_library_for(args, readonly_ok=True) as library:
        report = export_xmp(library, args.sidecar_name)
    if args.json:
        print(json.dumps(report.to_json()))
    else:
        for skipped in report.skipped:
            print(f"SKIPPED {printable(skipped['path'])}: {printable(skipped['reason'])}", file=sys.stderr)
        print(f"Wrote {plural(report.written, 'sidecar')} ({plural(report.faces, 'named face')});"
              f" {report.unchanged} already up to date; {len(report.skipped)} skipped")
    return EXIT_FAILED if report.skipped else EXIT_OK
