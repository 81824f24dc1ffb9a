"""`beetroot people` and `beetroot faces`: what the library holds, for people and for scripts.

Both read the library the settings name (--library, BEETROOT_LIBRARY, the saved library_dir, the default),
also when it is read-only. Plain output escapes control and bidi characters in names and paths; --json
keeps them exact.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_OK, add_library, examples, open_library_for
from .progress import plural


def register(sub: Any) -> None:
    p = sub.add_parser("people", help="list people and their photos",
                       **examples("beetroot people",
                                  "beetroot people --json | jq -r '.[] | select(.name) | .name'"))
    add_library(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_people)

    p = sub.add_parser("faces", help="list every face and its person",
                       **examples("beetroot faces --library ~/Beetroot",
                                  "beetroot faces --json | jq 'map(select(.person_id == null)) | length'"))
    add_library(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_faces)


def cmd_people(args: argparse.Namespace) -> int:
    with open_library_for(args, readonly_ok=True) as library:
        rows = []
        for person in library.people():
            paths = [r["path"] for r in library.person_photos(person.person_id)]
            rows.append({"person_id": person.person_id, "name": person.name, "faces": person.faces,
                         "photos": paths, "hidden": person.hidden})
    if args.json:
        print(json.dumps(rows, indent=None))
    else:
        from ..textsafe import printable

        for row in rows:
            name = printable(row["name"]) if row["name"] else "Unnamed person"
            hidden = "  (hidden)" if row["hidden"] else ""
            seen = f"{plural(row['faces'], 'face')} in {plural(len(row['photos']), 'photo')}"
            print(f"{row['person_id']}  {name}  {seen}{hidden}")
    return EXIT_OK


def cmd_faces(args: argparse.Namespace) -> int:
    with open_library_for(args, readonly_ok=True) as library:
        rows = [{"photo": r["path"], "idx": r["idx"], "bbox": [r["left"], r["top"], r["width"], r["height"]],
                 "person_id": r["person_id"], "similarity": r["similarity"], "status": r["status"],
                 "origin": r["origin"], "not_a_face": bool(r["not_a_face"])}
                for r in library.all_faces()]
    if args.json:
        print(json.dumps(rows))
    else:
        from ..textsafe import printable

        for row in rows:
            print(f"{printable(row['photo'])} #{row['idx']} {row['bbox']} {row['status']} {row['person_id'] or '-'}")
    return EXIT_OK
