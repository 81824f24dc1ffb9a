"""`beetroot photos` and `beetroot prune`: the library's photos as the disk has them now.

A photo is its content; its paths are where it lives. `photos` lists every path the library knows with
its status (present, missing, offline, failed, duplicate), or with `--with PERSON` (repeatable) the photos
in which all those people appear (`--only`: and no one else); `prune` takes missing photos out of the
library for good. Neither ever touches a photo file.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from ..library import LISTING_STATUSES
from ..textsafe import printable
from .common import EXIT_OK, CliError, add_library, examples, open_library_for
from .progress import plural
from .refs import person_ref


def register(sub: Any) -> None:
    p = sub.add_parser("photos", help="list the library's photos and where they are",
                       description="List every path the library knows, each once: photos that are present,"
                                   " missing (gone from a folder that can be reached) or offline (their folder or"
                                   " drive cannot be reached), their other copies (duplicate), and files that"
                                   " could not be imported (failed), with the reason. Run `beetroot import` with no"
                                   " PATH first to bring the statuses up to date. With --with PERSON (repeatable):"
                                   " only the photos in which all those people appear, present or offline, each"
                                   " once; --only leaves out photos in which anyone else appears (an unnamed person"
                                   " counts, a face that belongs to no one does not).",
                       **examples("beetroot photos --status missing",
                                  'beetroot photos --with "Rose Tyler" --with "Mickey Smith" --only --json'))
    add_library(p)
    p.add_argument("--status", choices=LISTING_STATUSES, help="only the paths with this status")
    p.add_argument("--with", dest="together", action="append", metavar="PERSON",
                   help="only photos in which this person appears (an id or an exact, unique name); repeat it for"
                        " photos of people together")
    p.add_argument("--only", action="store_true", help="with --with: no one else appears in the photo")
    p.add_argument("--json", action="store_true",
                   help='a JSON list of {"path", "status", "faces", "reason", "other_paths"}')
    p.set_defaults(handler=cmd_photos)

    p = sub.add_parser("prune", help="remove missing photos from the library for good",
                       description="Remove the photos `beetroot import` found missing (gone from a folder that"
                                   " can be reached) from the library: their faces and their place in people."
                                   " Offline photos (on a drive that is not connected) are never removed. Photo"
                                   " files are never touched, and a photo whose file is back is kept. This cannot"
                                   " be undone.",
                       **examples("beetroot prune --dry-run", "beetroot import && beetroot prune --json"))
    add_library(p)
    p.add_argument("--dry-run", action="store_true", help="list what would be removed; remove nothing")
    p.add_argument("--json", action="store_true", help='one JSON object: {"removed", "photos", "dry_run"}')
    p.set_defaults(handler=cmd_prune)


def cmd_photos(args: argparse.Namespace) -> int:
    if args.only and not args.together:
        raise CliError("--only needs the people: --with PERSON (repeatable)")
    with open_library_for(args, readonly_ok=True) as library:
        listing = library.photo_listing(args.status)
        if args.together:
            people = [person_ref(library, ref) for ref in args.together]
            chosen = set(library.photos_together(people, only=args.only))
            # One row per photo, under the path it is shown from; its copies are its other_paths.
            listing = [e for e in listing if e.photo_id in chosen and e.status in ("present", "offline")]
    if args.json:
        print(json.dumps([entry.to_json() for entry in listing]))
        return EXIT_OK
    for entry in listing:
        line = f"{entry.status:<9} {printable(entry.path)}  {plural(entry.faces, 'face')}"
        if entry.reason:
            line += f"  ({printable(entry.reason)})"
        if entry.other_paths and entry.status != "duplicate":
            line += f"  also at {', '.join(printable(p) for p in entry.other_paths)}"
        print(line)
    return EXIT_OK


def cmd_prune(args: argparse.Namespace) -> int:
    from ..library import LibraryBusy
    from ..library.lock import ImportLock

    with open_library_for(args, existing=True) as library:
        try:
            with ImportLock(library.dir):  # an import running now may be finding these photos again
                missing = library.photo_listing("missing")
                # Checked again now: a file that came back since the last import is not pruned.
                gone = [m for m in missing if m.photo_id is not None
                        and not any(os.path.lexists(p) for p in [m.path, *m.other_paths])]
                removed = 0 if args.dry_run else library.remove_photos([m.photo_id for m in gone
                                                                        if m.photo_id is not None])
        except LibraryBusy as exc:
            raise CliError(str(exc)) from exc
    if args.json:
        print(json.dumps({"removed": removed, "photos": [m.path for m in gone], "dry_run": args.dry_run}))
        return EXIT_OK
    for entry in gone:
        print(f"{'would remove' if args.dry_run else 'removed'} {printable(entry.path)}"
              f"  ({plural(entry.faces, 'face')})")
    if args.dry_run:
        print(f"Dry run: {plural(len(gone), 'missing photo')} would be removed; nothing was changed.")
    else:
        print(f"Removed {plural(removed, 'missing photo')} from the library.")
    return EXIT_OK
