"""`beetroot export PERSON DIR`: a person's photos, copied (or linked) into a folder; the originals untouched.

Exit codes: 0 every photo of the person is in DIR, 1 some were skipped (offline, missing, unreadable: each
listed) or the folder could not take more, 2 a person or a folder that cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..textsafe import printable
from .common import EXIT_FAILED, EXIT_OK, CliError, add_library, examples, open_library_for
from .progress import plural
from .refs import person_ref, text_arg


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="copy a person's photos into a folder (or link them with --links)",
                       description="Put every present photo of PERSON into DIR (made when missing) under its own"
                                   " file name; a name taken by a different file gets a suffix (beach-2.jpg), so"
                                   " nothing in DIR is ever overwritten, and a file already there with the same"
                                   " content counts as exported (exporting again adds what is new). Copies keep"
                                   " the file times. Offline and missing photos are skipped with the reason.",
                       **examples('beetroot export "Rose Tyler" ~/Desktop/Rose',
                                  'beetroot export "Rose Tyler" ~/Desktop/Rose --links --json'))
    add_library(p)
    p.add_argument("person", metavar="PERSON", help="a person id or an exact, unique name")
    p.add_argument("dir", metavar="DIR", help="the folder to put the photos in")
    p.add_argument("--links", action="store_true",
                   help="hard links (same drive) or symbolic links instead of copies; copies where neither can"
                        " be made, with a note. A link is the same file: editing it edits the original")
    p.add_argument("--json", action="store_true",
                   help='one JSON object: {"exported", "skipped": [{"path", "reason"}], "dir"}')
    p.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from ..pipeline.export import ExportError, export_person

    with open_library_for(args, readonly_ok=True) as library:
        person = person_ref(library, args.person)
        name = library.conn.execute("SELECT name FROM people WHERE person_id = ?", (person,)).fetchone()[0]
        try:
            report = export_person(library, person, text_arg(args.dir, "folder"), links=args.links)
        except ExportError as exc:
            raise CliError(str(exc.strerror or exc)) from exc
    for note in report.notes:
        print(f"note: {printable(note)}", file=sys.stderr)
    if report.error is not None:
        print(f"error: {printable(report.error)}; the photos exported before it stay", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_json()))
    else:
        for item in report.exported:
            print(f"{item.how:<13} {printable(item.source)} -> {printable(item.target)}")
        for skipped in report.skipped:
            print(f"SKIPPED {printable(skipped['path'])}: {printable(skipped['reason'])}", file=sys.stderr)
        already = sum(item.how == "already there" for item in report.exported)
        print(f"Exported {plural(len(report.exported), 'photo')} of {printable(name or person)} to"
              f" {printable(report.dir)}" + (f" ({already} already there)" if already else "")
              + (f"; {len(report.skipped)} skipped" if report.skipped else ""))
    return EXIT_FAILED if report.skipped or report.error is not None else EXIT_OK
