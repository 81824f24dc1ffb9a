"""Sub-commands for every edit a user makes to people, and for regrouping.

    beetroot rename PERSON NAME          beetroot hide PERSON / beetroot unhide PERSON
    beetroot merge INTO FROM...          beetroot split PERSON FACE_REF...
    beetroot reject PHOTO IDX            ("not this person" for face IDX of PHOTO)
    beetroot assign PHOTO IDX PERSON     beetroot undo / beetroot redo
    beetroot regroup --threshold PCT [--yes]

PERSON is a person id or an exact, unique name. A FACE_REF is `PHOTO:IDX` (a face of that photo), or a
person that was merged into PERSON (to split the merge). Every command takes --library DIR and --json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from .common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, CliError, examples, open_library_for, settings_for
from .progress import Progress, live_progress_allowed, plural
from .refs import person_ref, text_arg

Edit = Callable[[Any, argparse.Namespace], dict[str, Any]]


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help="library folder")
    p.add_argument("--json", action="store_true", help="print one JSON object with what changed")


_ID = "4b314ded-fabb-4831-b6ba-a460e8d1e181"  # a person id as `beetroot people` shows it
EXAMPLES = {
    "rename": [f'beetroot rename {_ID} "Rose Tyler"    # ids: see `beetroot people`',
               'beetroot rename "Rose Tyler" ""    # clear the name'],
    "hide": ['beetroot hide "Mr Postman"'],
    "unhide": ['beetroot unhide "Mr Postman" --json'],
    "merge": [f'beetroot merge "Rose Tyler" {_ID}    # the unnamed person joins Rose'],
    "split": ['beetroot split "Rose Tyler" ~/Pictures/2019/beach.jpg:1',
              f'beetroot split "Rose Tyler" {_ID}    # undo an old merge of that person into Rose'],
    "reject": ["beetroot reject ~/Pictures/2019/beach.jpg 1    # face 1 is not its person"],
    "assign": ['beetroot assign ~/Pictures/2019/beach.jpg 1 "Rose Tyler"'],
    "not-a-face": ["beetroot not-a-face ~/Pictures/2019/poster.jpg 2    # face 2 is a poster"],
    "add-face": ['beetroot add-face ~/Pictures/2019/beach.jpg 410 120 96 110 --person "Rose Tyler"',
                 "beetroot add-face ~/Pictures/2019/beach.jpg 410 120 96 110 --json    # matched like an import"],
    "undo": ["beetroot undo", "beetroot undo --json | jq -r .undo    # what the next undo would take back"],
    "redo": ["beetroot redo"],
}


def register(sub: Any) -> None:
    def add(name: str, help_text: str, edit: Edit, *arguments: tuple[str, dict[str, Any]]) -> None:
        p = sub.add_parser(name, help=help_text, **examples(*EXAMPLES[name]))
        for dest, kwargs in arguments:
            p.add_argument(dest, **kwargs)
        _common(p)
        p.set_defaults(handler=lambda args: run_edit(args, edit))

    person = ("person", {"metavar": "PERSON", "help": "a person id or an exact, unique name"})
    photo = ("photo", {"metavar": "PHOTO", "help": "the photo's path"})
    idx = ("idx", {"metavar": "IDX", "type": int, "help": "the face's index in the photo (see `beetroot faces`)"})
    add("rename", "name a person (an empty NAME clears it)", _rename, person, ("name", {"metavar": "NAME"}))
    add("hide", "hide a person from the People grid", _hide, person)
    add("unhide", "show a hidden person again", _unhide, person)
    add("merge", "merge people into one; INTO keeps its name", _merge,
        ("into", {"metavar": "INTO", "help": "the person who stays"}),
        ("sources", {"metavar": "FROM", "nargs": "+", "help": "the people merged into INTO"}))
    add("split", "split faces (PHOTO:IDX) or formerly merged people off a person", _split, person,
        ("refs", {"metavar": "FACE_REF", "nargs": "+", "help": "PHOTO:IDX, or a person merged into PERSON"}))
    add("reject", "not this person: take face IDX of PHOTO out of its person, for good", _reject, photo, idx)
    add("assign", "put face IDX of PHOTO into PERSON", _assign, photo, idx, person)
    add("not-a-face", "not a face: face IDX of PHOTO is a false detection; it leaves every list for good",
        _not_a_face, photo, idx)
    pixels = {"type": int, "help": "pixels of the upright photo"}
    add("add-face", "add a face the detector missed (a box in pixels of the upright photo)", _add_face, photo,
        ("left", {"metavar": "LEFT", **pixels}), ("top", {"metavar": "TOP", **pixels}),
        ("width", {"metavar": "WIDTH", **pixels}), ("height", {"metavar": "HEIGHT", **pixels}),
        ("--person", {"metavar": "PERSON", "help": "the person it is (id or exact name); without it the face"
                                                   " is matched as an import would"}))
    add("undo", "undo the last edit (also after a restart)", _undo)
    add("redo", "make the last undone edit again", _redo)

    p = sub.add_parser("regroup", help="regroup the library at another match threshold, without importing again",
                       **examples("beetroot regroup --threshold 90",
                                  "beetroot regroup --threshold 98 --yes --json    # cloud: make the calls it needs"))
    p.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help="library folder")
    p.add_argument("--threshold", type=float, metavar="PCT", required=True, help="the new threshold, 50-100")
    p.add_argument("--yes", action="store_true", help="make the IndexFaces calls it needs without asking")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_regroup)


# -- references ---------------------------------------------------------------------------------------------
MAX_FACE_INDEX = 100_000


def face_ref(library: Any, photo: str, idx: int) -> int:
    """The face row of face `idx` of `photo` (as typed: relative paths and links are followed)."""
    from ..textsafe import printable

    if not photo:
        raise CliError("give the photo's path before the face index (PHOTO:IDX, or PHOTO IDX)")
    shown = printable(photo.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"))
    if not 0 <= idx < MAX_FACE_INDEX:
        raise CliError(f"{idx} is not a face index (faces are numbered from 0 in each photo)")
    try:
        photo.encode("utf-8")
    except UnicodeEncodeError:
        raise CliError(f"{shown} is not in the library (see `beetroot faces`)") from None
    paths = tuple(dict.fromkeys([photo, os.path.abspath(photo), os.path.realpath(photo)]))
    marks = ", ".join("?" for _ in paths)
    row = library.conn.execute(
        f"SELECT f.id FROM faces f JOIN files fi ON fi.photo_id = f.photo_id WHERE fi.path IN ({marks})"
        " AND f.idx = ? ORDER BY f.photo_id LIMIT 1", (*paths, idx)).fetchone()
    if row is None:
        # Imported through a link (or reached through one now): the same file on disk is the same photo.
        # Only on a miss, so the paths are resolved one by one here and nowhere else.
        real = os.path.realpath(photo)
        same = next((r[0] for r in library.conn.execute("SELECT path FROM files ORDER BY photo_id, path")
                     if os.path.realpath(r[0]) == real), None)
        if same is not None:
            paths, marks = (same,), "?"
            row = library.conn.execute(
                "SELECT f.id FROM faces f JOIN files fi ON fi.photo_id = f.photo_id WHERE fi.path = ? AND f.idx = ?",
                (same, idx)).fetchone()
            if row is not None:
                return int(row[0])
        known = library.conn.execute(f"SELECT 1 FROM files WHERE path IN ({marks}) AND photo_id IS NOT NULL",
                                     paths).fetchone()
        if known is None:
            raise CliError(f"{shown} is not in the library (see `beetroot faces`)")
        raise CliError(f"{shown} has no face {idx} (see `beetroot faces`)")
    return int(row[0])


def _face_summary(library: Any, face_id: int) -> dict[str, Any]:
    face = library.face(face_id)
    return {"photo": face["path"], "idx": face["idx"], "person_id": face["person_id"]}


def _person_summary(library: Any, person_id: str) -> dict[str, Any]:
    person = library.person(person_id)
    if person is None:
        return {"person_id": person_id, "name": None, "faces": 0, "photos": 0, "hidden": False}
    return {"person_id": person.person_id, "name": person.name, "faces": person.faces, "photos": person.photos,
            "hidden": person.hidden}


# -- the edits ------------------------------------------------------------------------------------------------
def _rename(library: Any, args: argparse.Namespace) -> dict[str, Any]:
    person = person_ref(library, args.person)
    library.rename_person(person, text_arg(args.name, "name"))
    return {"person": _person_summary(library, person)}


def _hide(library: Any, args: argparse.Namespace) -> dict[str, Any]:
    person = person_ref(library, args.person)
    library.set_hidden(person, True)
    return {"person": _person_summary(library, person)}


def _unhide(library: Any, args: argparse.Namespace) -> dict[str, Any]:
    person = person_ref(library, args.person)
    library.set_hidden(person, False)
    return {"person": _person_summary(library, person)}


def _merge(library: Any, args: argparse.Namespace) -> dict[str, Any]:
    into = person_ref(library, args.into)
    sources = [person_ref(library, ref) for ref in args.sources]
    if all(s == into for s in sources):
        raise CliError("merge needs at least one person other than INTO")
    library.merge_people(sources, into)
    return {"person": _person_summary(library, into), "merged": sorted(set(sources) - {into})}


def _split(library: Any, args: argparse.Namespace) -> dict[str, Any]:
    person = person_ref(library, args.person)
    merged = library.merged_sources(person)
    faces: list[int] = []
    people: list[str] = []
    names = {p: library.conn.execute("SELECT name FROM people WHERE person_id = ?", (p,)).fetchone()[0]
             for p in merged}
    for ref in args.refs:
        photo, colon, idx = ref.rpartition(":")
        if ref in merged:
            people.append(ref)
        elif [p for p in merged if names[p] == ref]:
            named = [p for p in merged if names[p] == ref]
            if len(named) > 1:
                raise CliError(f"{len(named)} people merged into this one are named {ref!r}: use one of their ids")
            people.append(named[0])
        elif colon and idx.isdigit():
            faces.append(face_ref(library, photo, int(idx)))
        else:
            from ..textsafe import printable

            raise CliError(f"{printable(text_arg(ref, 'reference'))!r} is neither PHOTO:IDX nor a person merged"
                           f" into {printable(args.person)!r}")
    made = library.split_person(person, face_ids=faces, people=people)
    return {"person": _person_summary(library, person), "split": [_person_summary(library, p) for p in made]}


def _reject(library: Any, args: argparse.Namespace) -> dict[str, Any]:
    face = face_ref(library, args.photo, args.idx)
    was = library.remove_face_from_person(face)
    if was is None:
        raise CliError(f"face {args.idx} of {args.photo} is in no person")
    return {"face": _face_summary(library, face), "rejected_from": was}


def _assign(library: Any, args: argparse.Namespace) -> dict[str, Any]:
    face = face_ref(library, args.photo, args.idx)
    person = person_ref(library, args.person)
    library.assign_face(face, person)
    return {"face": _face_summary(library, face), "person": _person_summary(library, person)}


def _not_a_face(library: Any, args: argparse.Namespace) -> dict[str, Any]:
    face = face_ref(library, args.photo, args.idx)
    was = library.mark_not_a_face(face)
    return {"face": _face_summary(library, face), "not_a_face": True, "was_in": was}


def _add_face(library: Any, args: argparse.Namespace) -> dict[str, Any]:
    from ..engines import EngineConfigError, EngineError, create_engine
    from ..pipeline.hand_faces import add_face

    person = person_ref(library, args.person) if args.person is not None else None
    photo = text_arg(args.photo, "photo")
    known = next((p for p in dict.fromkeys([photo, os.path.abspath(photo), os.path.realpath(photo)])
                  if library.photo_by_path(p) is not None), os.path.abspath(photo))
    settings = settings_for(args)
    saved = library.saved_threshold()
    try:
        engine = create_engine(settings, library)
    except EngineConfigError as exc:
        raise CliError(str(exc)) from exc
    try:
        face = add_face(library, engine, known, (args.left, args.top, args.width, args.height), person_id=person,
                        threshold=saved if saved is not None else settings.threshold)
    except EngineError as exc:
        raise CliError(str(exc)) from exc
    finally:
        engine.close()
    return {"face": _face_summary(library, face), "added": True,
            "person": _person_summary(library, library.face(face)["person_id"])
            if library.face(face)["person_id"] else None}


def _undo(library: Any, args: argparse.Namespace) -> dict[str, Any]:
    entry = library.undo()
    return {"undone": entry.label}


def _redo(library: Any, args: argparse.Namespace) -> dict[str, Any]:
    entry = library.redo()
    return {"redone": entry.label}


def run_edit(args: argparse.Namespace, edit: Edit) -> int:
    from ..library import EditRefused, NothingToUndo

    with open_library_for(args) as library:
        try:
            result = edit(library, args)
        except (EditRefused, NothingToUndo) as exc:
            raise CliError(str(exc)) from exc
        except KeyError as exc:
            raise CliError(str(exc.args[0]) if exc.args else "not found") from exc
        following = library.next_undo()
    result["undo"] = following.label if following else None
    if args.json:
        print(json.dumps(result))
    else:
        print(describe(result))
    return EXIT_OK


def describe(result: dict[str, Any]) -> str:
    """One line a person can read for what an edit did."""
    from ..textsafe import printable

    if "undone" in result:
        return f"Undone: {result['undone']}"
    if "redone" in result:
        return f"Redone: {result['redone']}"

    def who(p: dict[str, Any]) -> str:
        name = printable(p["name"]) if p["name"] else "Unnamed person"
        hidden = ", hidden" if p["hidden"] else ""
        return f"{p['person_id']}  {name}  ({plural(p['faces'], 'face')} in {plural(p['photos'], 'photo')}{hidden})"

    if "split" in result:
        return "\n".join([f"Split off: {who(p)}" for p in result["split"]] + [f"Left: {who(result['person'])}"])
    if "rejected_from" in result:
        face = result["face"]
        return f"{printable(face['photo'])} #{face['idx']}: taken out of {result['rejected_from']} for good"
    if "not_a_face" in result:
        face = result["face"]
        return f"{printable(face['photo'])} #{face['idx']}: not a face; it is in no list any more"
    if result.get("added"):
        face = result["face"]
        where = who(result["person"]) if result["person"] else "no one (the engine could not use it)"
        return f"{printable(face['photo'])} #{face['idx']}: added, in {where}"
    return who(result["person"])


# -- regroup --------------------------------------------------------------------------------------------------
def cmd_regroup(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..engines import EngineConfigError, EngineError, create_engine
    from ..engines.pricing import price
    from ..library import LibraryBusy
    from ..pipeline import RegroupPlan, regroup

    settings = settings_for(args)  # --threshold is validated there
    threshold = settings.threshold
    summary: dict[str, Any] = {"threshold": threshold, "applied": False}

    def confirm(plan: RegroupPlan) -> bool:
        calls = plan.index_calls
        summary.update(people=plan.people, changed_faces=plan.changed_faces, index_calls=calls,
                       usd=round(calls * price("IndexFaces"), 6))
        if not args.json:
            print(f"At threshold {threshold:g}: {plan.people} people, {plan.changed_faces} faces change person,"
                  f" {calls} IndexFaces calls (about ${summary['usd']:.4f}).")
        if args.yes:
            return True
        if not (sys.stdin is not None and sys.stdin.isatty()):
            print(f"Nothing changed: run again with --yes to make the {calls} IndexFaces calls.", file=sys.stderr)
            summary["refused"] = True
            return False
        return input(f"Make {calls} IndexFaces calls now? [y/N] ").strip().lower() in ("y", "yes")

    progress = Progress(live_progress_allowed(args), "faces", details=lambda: ["indexed"])
    indexed = 0

    def counted(engine: Any) -> Any:
        """The engine, with the faces it indexes counted on the live line (the regroup's slow part)."""
        def on_index() -> None:
            nonlocal indexed
            indexed += 1
            progress.update(indexed)

        # Only the cloud engine is asked first (confirm), so only it has a total here: each of its calls reads
        # a photo and waits on AWS. The local engine indexes the stored descriptors: instant, no line.
        if "index_calls" in summary:
            progress.start(summary["index_calls"])
        return _IndexCounter(engine, on_index)

    with open_library_for(args, settings) as library:
        try:
            with progress:
                plan = regroup(library, threshold, confirm=confirm,
                               engine_factory=lambda bound: counted(create_engine(replace(settings, engine=bound),
                                                                                  library)))
        except KeyboardInterrupt:
            kept = (f"; the {plural(indexed, 'face')} indexed before the stop keep their FaceIds, so the next"
                    " regroup does not index them again") if indexed else ""
            if args.json:
                print(json.dumps({**summary, "interrupted": True, "indexed": indexed}))
            else:
                print(f"Interrupted: nothing changed in the library's people{kept}.")
            return EXIT_INTERRUPTED
        except (EngineConfigError, LibraryBusy) as exc:
            raise CliError(f"{exc}\nNothing changed in the library.") from exc
        except EngineError as exc:
            print(f"error: {exc}\nNothing changed in the library.", file=sys.stderr)
            return EXIT_FAILED
        people = len(library.people())
        local = library.bound_engine() == "local"
        following = library.next_undo()
    summary["undo"] = following.label if following else None
    if "people" not in summary:
        summary.update(people=plan.people, changed_faces=plan.changed_faces,
                       index_calls=0 if local else plan.index_calls,
                       usd=0.0 if local else round(plan.index_calls * price("IndexFaces"), 6))
        if not args.json:
            print(f"At threshold {threshold:g}: {plan.people} people, {plan.changed_faces} faces change person,"
                  f" {summary['index_calls']} IndexFaces calls.")
    if not plan.applied:
        refused = summary.pop("refused", False)
        if args.json:
            print(json.dumps(summary))
        elif not refused:
            print("Nothing changed.")
        return EXIT_FAILED if refused else EXIT_OK
    summary.update(applied=True, people=people)
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"Regrouped: {people} people at threshold {threshold:g} (saved as this library's match threshold;"
              " `beetroot undo` goes back).")
    return EXIT_OK


class _IndexCounter:
    """A face engine that calls `on_index` after each `index` call; everything else goes to the engine."""

    def __init__(self, engine: Any, on_index: Callable[[], None]) -> None:
        self._engine = engine
        self._on_index = on_index

    def index(self, *args: Any, **kwargs: Any) -> Any:
        result = self._engine.index(*args, **kwargs)
        self._on_index()
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)
