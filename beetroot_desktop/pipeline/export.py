"""Export a person's photos into a folder: copies (or links) of the files, never touching the originals.

Each present photo of the person goes into the folder under its own file name; a name already taken by a
different file gets a suffix (`beach-2.jpg`), and a file already there with the same content counts as
exported, so exporting again adds only what is new. Copies keep the file times (what `shutil.copy2` keeps)
and are written with exclusive creation, so nothing in the folder is ever overwritten. `links` makes hard
links (same drive), else symbolic links, and falls back to copies where the system or the folder's
drive allows neither (said in `notes`). Offline and missing photos are skipped with the reason.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..imaging.decode import unreadable
from ..imaging.hashing import sha256_file
from ..library import Library
from ..library.recovery import import_roots, root_of
from ..wording import say

MAX_SUFFIX = 10_000  # names tried per photo before giving up on a folder full of look-alikes


class ExportError(OSError):
    """The folder cannot be made or written (full, read-only, gone)."""


@dataclass(frozen=True)
class Exported:
    source: str
    target: str
    how: str  # "copied", "hard link", "symbolic link", or "already there"


@dataclass
class ExportReport:
    dir: str
    exported: list[Exported] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"path", "reason"}
    notes: list[str] = field(default_factory=list)
    error: str | None = None  # why the export stopped early (the folder took no more); what it wrote stays

    def to_json(self) -> dict[str, object]:
        return {"exported": len(self.exported), "skipped": self.skipped, "dir": self.dir}


def export_person(library: Library, person_id: str, target_dir: str | os.PathLike[str], *, links: bool = False,
                  progress: Callable[[int, int], None] | None = None) -> ExportReport:
    """Put each present photo of `person_id` (merges followed) into `target_dir`, made when missing.

    Raises KeyError for no such person, ExportError when the folder cannot be made. A folder that stops
    taking files (full, made read-only) ends the export with `error` set; what it wrote stays.
    """
    person_id = library.resolve_person(person_id)
    if not library.conn.execute("SELECT 1 FROM people WHERE person_id = ?", (person_id,)).fetchone():
        raise KeyError(f"no person {person_id}")
    folder = Path(target_dir).expanduser().absolute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(exc.errno, say("cannot make the folder {folder}: {error}", folder=str(folder),
                                         error=exc.strerror or str(exc))) from exc
    if not folder.is_dir():
        raise ExportError(errno.ENOTDIR, say("{folder} is not a folder", folder=str(folder)))
    report = ExportReport(str(folder))
    tree = library.merge_tree(person_id)
    rows = library.conn.execute(
        "SELECT ph.id, ph.path, ph.sha256, ph.presence FROM photos ph WHERE ph.id IN"
        f" (SELECT photo_id FROM faces WHERE person_id IN ({', '.join('?' for _ in tree)}))"
        " ORDER BY ph.taken_at IS NULL, ph.taken_at, ph.path", tree).fetchall()
    roots = import_roots(library.dir)
    if root_of(str(folder), roots) is not None:
        report.notes.append(say("{folder} is inside a folder this library imports: the next import finds these"
                                " files there as copies of the photos (duplicates)", folder=str(folder)))
    for done, row in enumerate(rows, 1):
        if row["presence"] == "present":
            try:
                _export_one(library, report, int(row["id"]), str(row["sha256"]), folder, links)
            except ExportError as exc:
                report.error = exc.strerror or str(exc)  # the message itself: the window translates it
                return report
        elif row["presence"] == "offline":
            where = root_of(row["path"], roots) or os.path.dirname(row["path"])
            report.skipped.append({"path": row["path"], "reason": say("offline: {folder} cannot be reached (an"
                                                                      " unplugged drive or a folder renamed away)",
                                                                      folder=where)})
        else:
            report.skipped.append({"path": row["path"], "reason": say("missing: the file is gone from its folder")})
        if progress is not None:
            progress(done, len(rows))
    return report


def _export_one(library: Library, report: ExportReport, photo_id: int, sha: str, folder: Path, links: bool) -> None:
    """One photo from the first of its paths that is still a file (its shown path first)."""
    sources = [p for p in library.locations(photo_id) if os.path.isfile(p)]
    if not sources:
        shown = library.photo(photo_id)
        report.skipped.append({"path": str(shown["path"]) if shown else str(photo_id),
                               "reason": say("the file is gone from its folder since the last import"
                                             " (`beetroot import` brings the library up to date)")})
        return
    source = sources[0]
    stem, suffix = os.path.splitext(os.path.basename(source))
    for n in range(1, MAX_SUFFIX):
        target = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        if target.exists() or target.is_symlink():
            if _same_content(target, sha):
                report.exported.append(Exported(source, str(target), "already there"))
                return
            continue  # a different file has that name: never overwritten, the next name is tried
        try:
            how = _place(source, target, links, report)
        except FileExistsError:
            continue  # made by someone else a moment ago
        except OSError as exc:
            if exc.filename == source:  # this photo's fault: the others may still go
                report.skipped.append({"path": source, "reason": unreadable(exc)})
                return
            raise ExportError(exc.errno, say("cannot write to {folder}: {error}", folder=str(folder),
                                             error=exc.strerror or str(exc))) from exc
        report.exported.append(Exported(source, str(target), how))
        return
    report.skipped.append({"path": source, "reason": say("{count} files in {folder} already have its name",
                                                         count=MAX_SUFFIX, folder=str(folder))})


def _same_content(target: Path, sha: str) -> bool:
    try:
        return target.is_file() and sha256_file(target) == sha
    except OSError:
        return False


def _place(source: str, target: Path, links: bool, report: ExportReport) -> str:
    """Link or copy `source` to `target`, which must not exist (FileExistsError otherwise)."""
    if links:
        # A hard link needs the same drive; a symbolic link needs a system that allows it (Windows: a
        # privilege or developer mode). Where neither works, a copy.
        why = ""
        for how, make in (("hard link", os.link), ("symbolic link", os.symlink)):
            try:
                make(source, target)
                return how
            except FileExistsError:
                raise
            except (OSError, NotImplementedError) as exc:
                why = getattr(exc, "strerror", None) or str(exc)
        note = say("links to {source} cannot be made in {folder} ({error}): copied instead",
                   source=os.path.dirname(source), folder=str(target.parent), error=why)
        if note not in report.notes:
            report.notes.append(note)
    _copy_new(source, target)
    return "copied"


def _copy_new(source: str, target: Path) -> None:
    """Copy content and file times into a file created for it: an existing file is never opened for writing."""
    with open(source, "rb") as src:
        dst = open(target, "xb")  # noqa: SIM115 (closed below; removed when the copy fails)
        try:
            with dst:
                shutil.copyfileobj(src, dst, 1 << 20)
            shutil.copystat(source, target)  # the times, as shutil.copy2 keeps them
        except BaseException:
            target.unlink(missing_ok=True)
            raise
