"""The GUI's one write path: every edit of the library made in the window goes through `run_edit`.

In the spirit of Anki's CollectionOp: a caller says what to change (`fn(library)`), how to name it when it
cannot be made (`label`: "merge" gives "Could not merge: …"), and what to do once it is made (`on_done`).
`run_edit` runs it, turns the library's refusals into a sentence in the window's error banner (the
context's `refused` signal), and announces that the library changed with the context's one `changed`
signal, which every view refreshes from. No view emits `changed` itself after an edit.

Refusals are what the library raises on purpose (EditRefused: it would break a rule it keeps; KeyError:
the person or face changed meanwhile in another window; LibraryError; NothingToUndo), and what SQLite
raises when the file cannot be written now (busy with an import, read-only, disk full). Anything else is a
bug: it goes on to `sys.excepthook` (crash.py), which logs it and tells the user where the log is.

Edits run on the GUI thread, on its own connection. That is deliberate: each is a single SQLite
transaction over one person's rows, WAL lets it commit while an import writes, and running it in place
keeps the order of edits, the Undo menu and the selection exact, with no view ever reading a half-made
edit. Measured on a synthetic library of 100,000 faces (bench/scale.py, this 2-core machine): a rename or
a hide under 10 ms; a merge into a person of 3,000 faces, "Not this person" on 20 of their faces, or
undoing such a merge, 0.1 to 0.35 s: a hitch, not a freeze. The one edit that is slow is replaying a big
one: undoing or redoing a regroup rewrites every face (6.5 s for 100,000 faces). So `step_history` runs a
replay of more than SLOW_STEPS rows with `background=True`: on the context's writer thread, with its own
connection, while the status bar says so and no other edit is taken until it is done (edits stay in
order). Slow work that is not an edit (imports, regrouping) is a job (jobs.py) on the job thread.

Adding a face drawn by hand is an edit that needs the face engine (a descriptor, a search): it runs with
`background=True` as well. Once an edit is made, the context's `edit_made` follows `changed`: what keeps
the photos' XMP sidecars up to date (xmp_sync.py) listens to it.

The functions below are the edits the window offers; each returns whether it was made (or what it made)
and, once made, says what it did through `status` (the status bar).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from .edit_labels import edit_label
from .i18n import QT_TR_NOOP, engine_words, tr, translated
from .item_text import person_name

if TYPE_CHECKING:
    from ..library import EditEntry, Library
    from .context import LibraryContext

log = logging.getLogger("beetroot.ui.ops")

T = TypeVar("T")
Status = Callable[[str], None]
SLOW_STEPS = 2_000  # an undo or redo that replays more rows than this runs off the GUI thread

# The banner's "Could not …" for each edit's `label` (the label itself stays English: tests and logs use it).
COULD_NOT = {
    "rename": QT_TR_NOOP("Could not rename"),
    "merge": QT_TR_NOOP("Could not merge"),
    "hide": QT_TR_NOOP("Could not hide"),
    "show": QT_TR_NOOP("Could not show"),
    "take the face out": QT_TR_NOOP("Could not take the face out"),
    "change the cover": QT_TR_NOOP("Could not change the cover"),
    "split": QT_TR_NOOP("Could not split"),
    "add the face": QT_TR_NOOP("Could not add the face"),
    "remove the photos": QT_TR_NOOP("Could not remove the photos"),
    "answer": QT_TR_NOOP("Could not answer"),
    "skip the question": QT_TR_NOOP("Could not skip the question"),
    "mark it as not a face": QT_TR_NOOP("Could not mark it as not a face"),
    "ignore the face": QT_TR_NOOP("Could not ignore the face"),
    "undo": QT_TR_NOOP("Could not undo"),
    "redo": QT_TR_NOOP("Could not redo"),
}
NOTHING_LEFT = {
    "undo": QT_TR_NOOP("there is nothing left to undo (another window or command changed the history meanwhile)."),
    "redo": QT_TR_NOOP("there is nothing left to redo (another window or command changed the history meanwhile)."),
}


def could_not(label: str) -> str:
    """"Could not merge" for the label "merge", in the window's language."""
    known = COULD_NOT.get(label)
    return tr(known) if known is not None else tr("Could not {action}").format(action=label)


def _refusal(label: str, reason: str) -> str:
    return tr("{failure}: {reason}").format(failure=could_not(label), reason=reason)


class EditOutcome(NamedTuple):
    ok: bool  # made (or, when pending, started)
    result: Any  # what the edit function returned (None when it was not made, or is still running)
    pending: bool = False  # running on the writer thread: `changed` and `on_done` follow when it is made


def run_edit(ctx: LibraryContext, label: str, fn: Callable[[Library], T], *,
             on_done: Callable[[T], None] | None = None, background: bool = False) -> EditOutcome:
    """Make one edit; announce it, or show why it was not made.

    Returns (True, fn's result) once made: `changed` is emitted, then `on_done(result)` runs. Returns
    (False, None) when the library refused: the reason is in the window's error banner ("Could not
    `label`: …") and nothing else happens (after a KeyError the views refresh, as they were out of date).
    With `background`, `fn` runs on the writer thread's connection and this returns (True, None, pending);
    the same announcement or refusal follows on the GUI thread when it ends. While a background edit runs,
    other edits are refused with a message, so that edits are always made in the order they were asked.
    """
    if ctx.edit_running:
        ctx.refused.emit(_refusal(label, tr("the last undo or redo is still running. Try again when it is done.")))
        return EditOutcome(False, None)
    if background:
        ctx.edit_running = True

        def made(result: T) -> None:
            ctx.edit_running = False
            _announce(ctx, result, on_done)

        def failed(exc: BaseException) -> None:
            ctx.edit_running = False
            if not _refuse(ctx, label, exc):
                raise exc  # a bug, not a refusal: sys.excepthook (crash.py) logs it and says where

        ctx.write(fn, made, failed)
        return EditOutcome(True, None, pending=True)
    try:
        result = fn(ctx.library)
    except Exception as exc:
        if not _refuse(ctx, label, exc):
            raise
        return EditOutcome(False, None)
    _announce(ctx, result, on_done)
    return EditOutcome(True, result)


def _announce(ctx: LibraryContext, result: T, on_done: Callable[[T], None] | None) -> None:
    ctx.changed.emit()
    ctx.edit_made.emit()
    if on_done is not None:
        on_done(result)


def _refuse(ctx: LibraryContext, label: str, exc: BaseException) -> bool:
    """Put a refusal in the banner (True), or say it is not one (False: a bug)."""
    from ..library import EditRefused, LibraryError, NothingToUndo, is_busy

    # The reasons the library gives (EditRefused, LibraryError) are its English messages (wording.say): the
    # banner shows them in the window's language, capitalised after translation.
    if isinstance(exc, PeopleChanged):
        ctx.refused.emit(_refusal(label, _sentence(translated(exc))))
        ctx.changed.emit()  # the views show the people as they are now
    elif isinstance(exc, EditRefused):
        ctx.refused.emit(_refusal(label, _sentence(translated(exc))))
    elif isinstance(exc, NothingToUndo):
        ctx.refused.emit(_refusal(label, tr(NOTHING_LEFT.get(label, NOTHING_LEFT["undo"]))))
        ctx.changed.emit()
    elif isinstance(exc, KeyError):  # another window or a command changed the person or face meanwhile
        ctx.refused.emit(_refusal(label, tr("that person or face has changed meanwhile (another window or command"
                                            " edited it). The view is up to date now; try again.")))
        ctx.changed.emit()
    elif isinstance(exc, LibraryError):
        ctx.refused.emit(_refusal(label, _sentence(translated(exc))))
    elif _engine_error(exc):
        ctx.refused.emit(_refusal(label, _sentence(engine_words(exc))))
    elif isinstance(exc, sqlite3.Error):
        if is_busy(exc):
            ctx.refused.emit(_refusal(label, tr("the library is busy (an import is writing to it). Try again in a"
                                                " moment.")))
        else:
            log.warning("Could not %s: %s", label, exc, exc_info=exc)
            ctx.refused.emit(_refusal(label, tr("the library file could not be written ({error}). Nothing was"
                                                " changed.").format(error=exc)))
    else:
        return False
    return True


def _engine_error(exc: BaseException) -> bool:
    """The face engine could not answer (not set up, offline, refused): a sentence, not a bug."""
    from ..engines.base import EngineError

    return isinstance(exc, EngineError)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _say(status: Status | None, text: str) -> Callable[[Any], None]:
    return lambda _result: status(text) if status is not None else None


# -- the edits -----------------------------------------------------------------------------------------------
def rename_person(ctx: LibraryContext, person_id: str, name: str, status: Status | None = None) -> bool:
    old = ctx.library.person_tiles([person_id]).get(person_id)
    clean = " ".join(name.split())
    if clean and old is not None and old.name:
        done = tr("Renamed {old} to {new}").format(old=old.name, new=clean)
    elif clean:
        done = tr("Named {name}").format(name=clean)
    else:
        done = tr("Name removed")
    blank = person_name(None)  # the library refuses its English form; the window's own too

    def rename(lib: Library) -> None:
        if clean and clean.casefold() == blank.casefold():
            from ..library import EditRefused

            raise EditRefused(tr("“{name}” is what people without a name are shown as").format(name=blank))
        lib.rename_person(person_id, name)

    return run_edit(ctx, "rename", rename, on_done=_say(status, done)).ok


class PeopleChanged(Exception):
    """The people an edit was chosen for changed since (another window or command edited them)."""


def people_changes(library: Library, chosen: dict[str, str | None], *, names: bool = True) -> list[str]:
    """How the people the user chose (id -> the name they were shown) differ from the library now: merged
    into someone else, left with no faces, or (with `names`) renamed. Empty when they are as they were."""
    changes = []
    for pid, name in chosen.items():
        was = name or tr("an unnamed person")
        now = library.resolve_person(pid)
        summary = library.person(pid)  # None once merged away or without faces
        if now != pid:
            into = library.person(now)
            changes.append(tr("{person} was merged into {other}").format(person=was, other=person_name(into.name))
                           if into else tr("{person} was merged into someone else").format(person=was))
        elif summary is None:
            changes.append(tr("{person} has no faces left").format(person=was))
        elif names and summary.name != name:
            changes.append(tr("{person} is now called {name}").format(person=was, name=person_name(summary.name)))
    return changes


def people_still_there(ctx: LibraryContext, person_ids: Sequence[str]) -> bool:
    """Whether each of these people (as a view lists them) still stands for themselves; when one was merged
    into someone else or emptied meanwhile, the banner says so, the views refresh, and this is False."""
    tiles = ctx.library.person_tiles(list(person_ids))
    shown = {pid: tiles[pid].name if pid in tiles else None for pid in person_ids}
    changes = people_changes(ctx.library, shown, names=False)  # the dialog shows the names as they are now
    if changes:
        _refuse(ctx, "merge", PeopleChanged(_changed_text(changes)))
    return not changes


def _changed_text(changes: list[str]) -> str:
    return tr("these people changed since you chose them ({changes}; another window or command edited them)."
              " Nothing was merged; the view is up to date now, choose again.").format(changes="; ".join(changes))


def merge_people(ctx: LibraryContext, sources: Sequence[str], target: str, status: Status | None = None, *,
                 chosen: dict[str, str | None] | None = None) -> bool:
    """Merge `sources` into `target`. With `chosen` (each person's id and the name the user was shown,
    as the merge dialog noted them), the merge is refused if any of them changed since: merged elsewhere,
    emptied or renamed (another window or a command). The status names the merged person as they are now."""
    sources = [s for s in sources if s != target]
    if not sources:
        return False

    def merge(library: Library) -> str:
        if chosen is not None:
            changes = people_changes(library, chosen)
            if changes:
                raise PeopleChanged(_changed_text(changes))
        library.merge_people(list(sources), target)
        merged = library.resolve_person(target)
        tile = library.person_tiles([merged]).get(merged)
        return person_name(tile.name) if tile is not None else tr("one person")

    def done(name: str) -> None:
        if status is not None:
            status(tr("Merged %Ln person(s) into {name} (Ctrl+Z undoes it)", None, len(sources) + 1)
                   .format(name=name))

    return run_edit(ctx, "merge", merge, on_done=done).ok


def set_hidden(ctx: LibraryContext, person_ids: Sequence[str], hidden: bool, status: Status | None = None) -> bool:
    what = "1 person" if len(person_ids) == 1 else f"{len(person_ids)} people"  # the undo label: data, English

    def hide_all(library: Library) -> None:
        if len(person_ids) == 1:
            library.set_hidden(person_ids[0], hidden)
            return
        with library.edit(f"{'Hide' if hidden else 'Show'} {what}"):  # one undo step for them all
            for person_id in person_ids:
                library.set_hidden(person_id, hidden)

    count = len(person_ids)
    done = (tr("Hid %Ln person(s) (View > Show Hidden People lists them again)", None, count) if hidden
            else tr("%Ln person(s) shown again", None, count))
    return run_edit(ctx, "hide" if hidden else "show", hide_all, on_done=_say(status, done)).ok


def not_this_person(ctx: LibraryContext, face_ids: Sequence[int], status: Status | None = None) -> bool:
    def remove_all(library: Library) -> None:
        label = "Not this person" if len(face_ids) == 1 else f"Not this person ({len(face_ids)} faces)"
        with library.edit(label):  # one undo step for every selected face
            for face_id in face_ids:
                library.remove_face_from_person(face_id)

    done = tr("Removed %Ln face(s) from this person; they will not be grouped with them again", None,
              len(face_ids))
    return run_edit(ctx, "take the face out", remove_all, on_done=_say(status, done)).ok


def use_as_cover(ctx: LibraryContext, person_id: str, face_id: int, status: Status | None = None) -> bool:
    return run_edit(ctx, "change the cover", lambda lib: lib.set_cover(person_id, face_id),
                    on_done=_say(status, tr("Cover photo changed"))).ok


def split_person(ctx: LibraryContext, person_id: str, face_ids: Sequence[int] = (), people: Sequence[str] = (),
                 status: Status | None = None) -> list[str] | None:
    """Split faces (into one new person) and formerly merged people off `person_id`.

    Returns the people that now hold them, or None when the library refused.
    """
    faces = tr("%Ln face(s)", None, len(face_ids))
    merged = tr("%Ln formerly merged person(s)", None, len(people))
    if face_ids and people:
        done = tr("Split off {faces} into a new person and {people} (Ctrl+Z undoes it)").format(
            faces=faces, people=merged)
    elif people:
        done = tr("Split off {people} (Ctrl+Z undoes it)").format(people=merged)
    else:
        done = tr("Split off {faces} into a new person (Ctrl+Z undoes it)").format(faces=faces)
    outcome = run_edit(ctx, "split", lambda lib: lib.split_person(
        person_id, face_ids=list(face_ids), people=list(people)),
        on_done=_say(status, done))
    return list(outcome.result) if outcome.ok else None


def assign_face(ctx: LibraryContext, face_id: int, person_id: str, status: Status | None = None) -> bool:
    return run_edit(ctx, "add the face", lambda lib: lib.assign_face(face_id, person_id),
                    on_done=_say(status, tr("Face added to the person"))).ok


def remove_photos(ctx: LibraryContext, photo_ids: Sequence[int], status: Status | None = None) -> int | None:
    """Take photos the library cannot reach (missing or offline) out of it for good, with their faces; their
    files are never touched. A photo found again since it was chosen stays. Returns how many were removed."""

    def remove(library: Library) -> tuple[int, int]:
        out = [pid for pid in photo_ids if (row := library.photo(pid)) is not None and row["presence"] != "present"]
        return library.remove_photos(out), len(photo_ids) - len(out)

    def done(result: tuple[int, int]) -> None:
        removed, back = result
        if status is not None:
            if back:
                status(tr("Removed {photos} from the library; the files were not touched (%Ln photo(s) found again"
                          " meanwhile stayed)", None, back).format(photos=tr("%Ln photo(s)", None, removed)))
            else:
                status(tr("Removed %Ln photo(s) from the library; the files were not touched", None, removed))

    outcome = run_edit(ctx, "remove the photos", remove, on_done=done)
    return outcome.result[0] if outcome.ok else None


def answer_questions(ctx: LibraryContext, question_ids: Sequence[str], answer: str,
                     status: Status | None = None) -> int | None:
    """Answer review questions (library/review.py) "yes", "no" or "skip": one undoable edit for them all.
    A question an earlier answer of the same batch settled (two faces of one person merged by the first)
    is passed over. Returns how many were answered, or None when the library refused."""
    ids = list(dict.fromkeys(question_ids))
    if not ids:
        return None

    def answer_all(library: Library) -> int:
        if len(ids) == 1:
            library.answer_question(ids[0], answer)
            return 1
        done = 0
        with library.edit(f"Review: {answer} ({len(ids)} questions)"):
            for question_id in ids:
                if library.review_question(question_id) is not None:
                    library.answer_question(question_id, answer)
                    done += 1
        return done

    def said(done: int) -> None:
        if status is not None:
            if answer == "yes":
                status(tr("Answered yes to %Ln question(s) (Ctrl+Z undoes it)", None, done))
            elif answer == "no":
                status(tr("Answered no to %Ln question(s) (Ctrl+Z undoes it)", None, done))
            elif answer == "skip":
                status(tr("Skipped %Ln question(s) (Ctrl+Z undoes it)", None, done))
            else:
                status(tr("Answered %Ln question(s) (Ctrl+Z undoes it)", None, done))

    outcome = run_edit(ctx, "answer" if answer != "skip" else "skip the question", answer_all, on_done=said)
    return int(outcome.result) if outcome.ok else None


def not_a_face(ctx: LibraryContext, face_ids: Sequence[int], status: Status | None = None) -> bool:
    """"Not a face": false detections (a poster, a pattern) leave their person and every list."""
    def mark_all(library: Library) -> None:
        with library.edit("Not a face" if len(face_ids) == 1 else f"Not a face ({len(face_ids)} faces)"):
            for face_id in face_ids:
                library.mark_not_a_face(face_id)

    done = tr("Marked %Ln face(s) as not a face (Ctrl+Z undoes it)", None, len(face_ids))
    return run_edit(ctx, "mark it as not a face", mark_all, on_done=_say(status, done)).ok


def ignore_faces(ctx: LibraryContext, face_ids: Sequence[int], status: Status | None = None) -> bool:
    """"Ignore this face": strangers in the background leave their person and every list."""
    def ignore_all(library: Library) -> None:
        with library.edit("Ignore face" if len(face_ids) == 1 else f"Ignore {len(face_ids)} faces"):
            for face_id in face_ids:
                library.ignore_face(face_id)

    done = tr("Ignored %Ln face(s) (Ctrl+Z undoes it)", None, len(face_ids))
    return run_edit(ctx, "ignore the face", ignore_all, on_done=_say(status, done)).ok


def add_face(ctx: LibraryContext, photo_path: str, box: tuple[int, int, int, int], person_id: str | None,
             status: Status | None = None, on_done: Callable[[int], None] | None = None) -> EditOutcome:
    """Add a face drawn by hand (a box in pixels of the upright photo), in `person_id` or, with None, where
    the face engine matches it (a new person when it matches no one). Runs on the writer thread: the face
    is described and searched like an imported one (pipeline/hand_faces.py)."""
    import copy

    settings = copy.deepcopy(ctx.settings)

    def add(library: Library) -> int:
        from ..engines import create_engine
        from ..pipeline.hand_faces import add_face as add_hand_face
        from .jobs import import_threshold

        engine = create_engine(settings, library)
        try:  # refused (EditRefused) for a box on a face already there or a photo out of reach
            return add_hand_face(library, engine, photo_path, box, person_id=person_id,
                                 threshold=import_threshold(settings, library))
        finally:
            engine.close()

    def done(face_id: int) -> None:
        if status is not None:
            row = ctx.library.face(face_id)
            tile = ctx.library.person_tiles([str(row["person_id"])]).get(str(row["person_id"])) \
                if row is not None and row["person_id"] else None
            status(tr("Face added to {name} (Ctrl+Z undoes it)").format(name=person_name(tile.name)) if tile is not None
                   else tr("Face added (it matched no one it could join) (Ctrl+Z undoes it)"))
        if on_done is not None:
            on_done(face_id)

    outcome = run_edit(ctx, "add the face", add, on_done=done, background=True)
    if outcome.pending and status is not None:
        status(tr("Adding the face: finding who it is…"))
    return outcome


def step_history(ctx: LibraryContext, which: str, status: Status | None = None) -> EditEntry | None:
    """Undo or redo the library's last edit (the history lives in the library file): the entry replayed,
    or None when there was nothing to replay, the library refused, or the replay runs in the background
    (a big one: see the module docstring; the status bar says so, and again when it is done)."""
    library = ctx.library
    entry = library.next_undo() if which == "undo" else library.next_redo()
    background = entry is not None and replay_size(library, entry.id, which) > SLOW_STEPS

    def replay(library: Library) -> EditEntry | None:
        if (library.next_undo() if which == "undo" else library.next_redo()) is None:
            return None
        return library.undo() if which == "undo" else library.redo()

    def done(entry: EditEntry | None) -> None:
        if status is not None:
            if entry is not None:  # the library's English name of the edit, in the window's language
                said = tr("Undone: {edit}") if which == "undo" else tr("Redone: {edit}")
                status(said.format(edit=edit_label(entry.label)))
            else:
                status(tr("Nothing to undo") if which == "undo" else tr("Nothing to redo"))

    outcome = run_edit(ctx, which, replay, on_done=done, background=background)
    if outcome.pending and status is not None and entry is not None:
        doing = tr("Undoing “{edit}”…") if which == "undo" else tr("Redoing “{edit}”…")
        status(doing.format(edit=edit_label(entry.label)))
    return outcome.result  # type: ignore[no-any-return]


def replay_size(library: Library, edit_id: int, which: str) -> int:
    """How many rows undoing (or redoing) the edit rewrites."""
    row = library.conn.execute("SELECT count(*) FROM edit_steps WHERE edit_id = ? AND phase = ?",
                               (edit_id, which)).fetchone()
    return int(row[0])
