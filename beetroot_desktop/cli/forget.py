"""`beetroot forget PERSON`: delete a person and everything of their faces, for good (not undoable).

It says exactly what will be deleted and asks on a terminal; without a terminal it needs --yes (exit 2
otherwise, nothing deleted). Exit codes: 0 forgotten (or the question answered no), 1 the cloud could
not delete their faces (nothing deleted), 2 a person, a library or settings that cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..textsafe import printable
from .common import EXIT_FAILED, EXIT_OK, CliError, add_library, examples, open_library_for, settings_for
from .confirm import confirmed
from .progress import plural
from .refs import person_ref


def register(sub: Any) -> None:
    p = sub.add_parser("forget", help="delete a person and their faces for good; the photos stay (not undoable)",
                       description="Delete PERSON for good: their faces (with the face descriptors and the face"
                                   " thumbnails), the person and its name, the people merged into it, the"
                                   " library's notes about them, and on Amazon Rekognition exactly their faces"
                                   " in the collection. The photos stay, in the library and on disk. This cannot"
                                   " be undone, and the edits in the undo history that mention them are dropped.",
                       **examples('beetroot forget "Rose Tyler"    # says what it deletes, then asks',
                                  "beetroot forget 4b314ded-fabb-4831-b6ba-a460e8d1e181 --yes --json"))
    add_library(p)
    p.add_argument("person", metavar="PERSON", help="a person id or an exact, unique name")
    p.add_argument("--yes", action="store_true", help="do not ask (needed where there is no terminal to ask on)")
    p.add_argument("--json", action="store_true", help="one JSON object with what was deleted")
    p.set_defaults(handler=cmd_forget)


def describe_plan(plan: Any, collection: str | None) -> str:
    """What forgetting deletes, as the question before it says it."""
    who = f"{printable(plan.name)} ({plan.person_id})" if plan.name else f"the unnamed person {plan.person_id}"
    merged = len(plan.people) - 1
    lines = [f"Forgetting {who} deletes, for good:",
             f"  - {plural(len(plan.faces), 'face')} in {plural(plan.photos, 'photo')}, with their face"
             " descriptors and face thumbnails;",
             "  - the person" + (f" and its name \u201c{printable(plan.name)}\u201d" if plan.name else "")
             + (f", and the {plural(merged, 'person', 'people')} merged into it" if merged else "") + ";"]
    if collection is not None and plan.engine_face_ids:
        lines.append(f"  - their {plural(len(plan.engine_face_ids), 'face')} in the Amazon Rekognition collection"
                     f" {collection!r} (DeleteFaces);")
    lines.append("  - the edits in the undo history that mention them.")
    lines.append("The photos stay, in the library and on disk. This cannot be undone.")
    return "\n".join(lines)


def cmd_forget(args: argparse.Namespace) -> int:
    from ..engines import EngineConfigError, EngineError
    from ..library import LibraryBusy, PersonChanged
    from ..pipeline.forget import forget_person, is_cloud

    out = sys.stderr if args.json else sys.stdout  # stdout stays one JSON object
    with open_library_for(args) as library:
        person = person_ref(library, args.person)
        plan = library.forget_plan(person)
        settings = settings_for(args) if is_cloud(library) and plan.engine_face_ids else None
        print(describe_plan(plan, settings.collection_id if settings else None), file=out)
        if not confirmed("Forget this person?", yes=args.yes, out=out,
                         refusal="nothing was deleted: forgetting cannot be undone, so without a terminal to ask"
                                 " on it needs --yes (`beetroot forget PERSON --yes`)"):
            print("Nothing was deleted.", file=out)
            return EXIT_OK

        def eraser() -> Any:
            from ..engines.rekognition import RekognitionEngine

            assert settings is not None
            return RekognitionEngine.from_settings(settings, library)

        try:
            report = forget_person(library, plan, eraser if settings is not None else None)
        except (LibraryBusy, PersonChanged) as exc:
            raise CliError(f"{exc}; nothing was deleted" if isinstance(exc, LibraryBusy) else str(exc)) from exc
        except EngineConfigError as exc:
            raise CliError(f"{exc}\nNothing was deleted.") from exc
        except EngineError as exc:
            print(f"error: {exc}\nNothing was deleted from the library; forget again to finish.", file=sys.stderr)
            return EXIT_FAILED
    for note in report.notes:
        print(f"note: {printable(note)}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_json()))
        return EXIT_OK
    who = printable(report.name) if report.name else report.person_id
    deleted = [f"{plural(report.faces, 'face')} with their descriptors",
               plural(report.thumbnails, "face thumbnail"), plural(len(report.people), "person", "people")]
    if report.cloud_faces:
        deleted.append(f"{plural(report.cloud_faces, 'face')} in the collection")
    if report.history_dropped:
        deleted.append(f"{plural(report.history_dropped, 'edit')} of the undo history")
    print(f"Forgot {who}: deleted {', '.join(deleted)}. The {plural(report.photos, 'photo')} stay.")
    return EXIT_OK
