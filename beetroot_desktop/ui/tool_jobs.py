"""The jobs behind the People and File menus' slower commands (jobs.py has the imports and regroups):
names out to XMP sidecars, a person's photos into a folder, forgetting a person, and deleting the cloud
collection. Each runs on the job thread, queued behind an import like any job, with the pipeline's own
function (the one the command line runs); the window says what it did from `outcome`, lists what was
skipped in Activity (`notes`) and, when something needs the user's eye, in a notice (`notice`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .i18n import number, tr, translated
from .item_text import sentence
from .jobs import Job, JobControl, Line, Outcome

if TYPE_CHECKING:
    from ..config import Settings
    from ..library import ForgetPlan


class StopAsked(Exception):
    """Cancel was pressed: the export stops between two photos (what it wrote stays)."""


def _stopper(control: JobControl) -> Any:
    def progress(_done: int, _total: int) -> None:
        if control.cancelled:
            raise StopAsked
    return progress


def _skipped_lines(skipped: list[dict[str, str]]) -> list[Line]:
    # The reason comes from the pipeline (a `say` message: English for the command line, translated here).
    return [("warning", tr("Skipped {path}: {reason}").format(path=item["path"], reason=translated(item["reason"])),
             item["path"]) for item in skipped]


def _with_skipped(text: str, skipped: int) -> str:
    """A result's sentence, and how many items it skipped (Activity lists them)."""
    return tr("{text}; {count} skipped (listed in Activity)").format(text=text, count=number(skipped))


class ToolJob(Job):
    """A menu command's job: a result the window reports."""

    def notes(self, result: Any) -> list[Line]:
        """More Activity lines about the result (what was skipped and why)."""
        return []

    def notice(self, result: Any) -> str:
        """A sentence for the window's notice banner, or "" (the status bar says the rest)."""
        return ""


class XmpExportJob(ToolJob):
    """File › Export Names to XMP: every named face into the sidecars beside the photos (never the photos)."""

    noun = "the XMP export"

    def __init__(self, settings: Settings, convention: str) -> None:
        super().__init__(settings)
        self.convention = convention

    @property
    def description(self) -> str:
        return tr("Export of names to XMP sidecars (photo.{convention})").format(convention=self.convention)

    def cancelling_text(self) -> str:
        return tr("Cancelling the XMP export…")

    def failed_text(self, message: str) -> str:
        return tr("The XMP export could not run: {message}").format(message=message)

    def run(self, control: JobControl) -> Any:
        from ..library import open_library
        from ..pipeline.xmp_export import export_xmp

        with open_library(control.library_dir) as library:
            try:
                return export_xmp(library, self.convention, _stopper(control))
            except StopAsked:
                return None

    def result_line(self, result: Any) -> Line:
        return ("info", self.outcome(result).text, "")

    def outcome(self, result: Any) -> Outcome:
        if result is None:
            return Outcome(tr("XMP export cancelled: the sidecars already written stay"))
        text = tr("Wrote {sidecars} ({faces}); {unchanged} already up to date").format(
            sidecars=tr("%Ln XMP sidecar(s)", None, result.written), faces=tr("%Ln named face(s)", None, result.faces),
            unchanged=number(result.unchanged))
        if result.skipped:
            text = _with_skipped(text, len(result.skipped))
        return Outcome(text)

    def notes(self, result: Any) -> list[Line]:
        return _skipped_lines(result.skipped) if result is not None else []

    def notice(self, result: Any) -> str:
        if result is None or not result.skipped:
            return ""
        first = result.skipped[0]
        return tr("%Ln sidecar(s) could not be written, for example {path}: {reason}. Activity lists them all.",
                  None, len(result.skipped)).format(path=first["path"], reason=translated(first["reason"]))


class ExportPhotosJob(ToolJob):
    """People › Export Photos: a person's photos copied (or linked) into a folder; originals untouched."""

    noun = "the export"

    def __init__(self, settings: Settings, person_id: str, name: str, folder: str, links: bool) -> None:
        super().__init__(settings)
        self.person_id, self.name, self.folder, self.links = person_id, name, folder, links

    @property
    def description(self) -> str:
        return tr("Export of the photos of {name} to {folder}").format(name=self.name, folder=self.folder)

    @property
    def cancel_label(self) -> str:
        return tr("&Cancel Export")

    def cancelling_text(self) -> str:
        return tr("Cancelling the export…")

    def run(self, control: JobControl) -> Any:
        from ..library import open_library
        from ..pipeline.export import export_person

        with open_library(control.library_dir) as library:
            try:
                return export_person(library, self.person_id, self.folder, links=self.links,
                                     progress=_stopper(control))
            except StopAsked:
                return None

    def result_line(self, result: Any) -> Line:
        return ("info", self.outcome(result).text, result.dir if result is not None else "")

    def outcome(self, result: Any) -> Outcome:
        if result is None:
            return Outcome(tr("Export cancelled: the photos already in the folder stay"))
        made = [e for e in result.exported if e.how != "already there"]  # `how` is the pipeline's (data)
        there = len(result.exported) - len(made)
        if self.links and made and all(e.how != "copied" for e in made):
            text = tr("Linked %Ln photo(s) of {name} to {folder}", None, len(made))
        else:
            text = tr("Copied %Ln photo(s) of {name} to {folder}", None, len(made))
        text = text.format(name=self.name, folder=result.dir)
        if there:
            text = tr("{text} ({count} already there)").format(text=text, count=number(there))
        if result.skipped:
            text = _with_skipped(text, len(result.skipped))
        if result.error:  # the pipeline's reason
            return Outcome(tr("{text}. The export stopped: {error}").format(text=text, error=translated(result.error)),
                           error=True)
        return Outcome(text)

    def failed_text(self, message: str) -> str:
        return tr("The photos of {name} could not be exported: {message}").format(name=self.name, message=message)

    def notes(self, result: Any) -> list[Line]:
        if result is None:
            return []
        return _skipped_lines(result.skipped) + [("info", translated(note), "") for note in result.notes]

    def notice(self, result: Any) -> str:
        if result is None:
            return ""
        return " ".join(sentence(translated(note), full_stop=True) for note in result.notes)


class ForgetJob(ToolJob):
    """People › Forget Person: the person and everything of their faces, for good (pipeline/forget.py)."""

    noun = "forgetting"
    blocks_history = True  # it takes edits out of the history

    def __init__(self, settings: Settings, plan: ForgetPlan, name: str) -> None:
        super().__init__(settings)
        self.plan, self.name = plan, name

    @property
    def description(self) -> str:
        return tr("Forgetting {name}").format(name=self.name)

    def cancel(self) -> None:
        """Forgetting is one transaction once it starts; it is not stopped half way."""

    def cancelling_text(self) -> str:
        return tr("Cancelling forgetting…")

    def run(self, control: JobControl) -> Any:
        from ..library import open_library
        from ..pipeline.forget import forget_person, is_cloud

        settings = self.settings
        with open_library(control.library_dir) as library:

            def cloud_eraser() -> Any:
                from ..engines.rekognition import RekognitionEngine

                return RekognitionEngine.from_settings(settings, library)

            cloud = is_cloud(library) and bool(self.plan.engine_face_ids)
            return forget_person(library, self.plan, cloud_eraser if cloud else None)

    def result_line(self, report: Any) -> Line:
        return ("info", self.outcome(report).text, "")

    def outcome(self, report: Any) -> Outcome:
        # What was deleted, item by item; the items are listed with ", " between them.
        deleted = [tr("%Ln face(s) with their descriptors", None, report.faces),
                   tr("%Ln face thumbnail(s)", None, report.thumbnails), tr("%Ln person(s)", None, len(report.people))]
        if report.cloud_faces:
            deleted.append(tr("%Ln face(s) in the cloud collection", None, report.cloud_faces))
        if report.history_dropped:
            deleted.append(tr("%Ln edit(s) of the undo history", None, report.history_dropped))
        return Outcome(tr("Forgot {name}: deleted {items}. The %Ln photo(s) [stays|stay].", None, report.photos)
                       .format(name=self.name, items=", ".join(deleted)))

    def failed_text(self, message: str) -> str:
        return tr("{name} could not be forgotten: {message}. Nothing was deleted.").format(name=self.name,
                                                                                            message=message)

    def notes(self, report: Any) -> list[Line]:
        return [("warning", translated(note), "") for note in report.notes]

    def notice(self, report: Any) -> str:
        return " ".join(sentence(translated(note), full_stop=True) for note in report.notes)


@dataclass(frozen=True)
class CollectionDeleted:
    existed: bool
    collection: str


class DeleteCollectionJob(ToolJob):
    """File › Delete Cloud Collection: DeleteCollection, every face in it, for every library that uses it."""

    noun = "deleting the collection"

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.collection = settings.collection_id

    @property
    def description(self) -> str:
        return tr("Deleting the Amazon Rekognition collection {collection}").format(collection=self.collection)

    def cancel(self) -> None:
        """One call: it is not stopped half way."""

    def cancelling_text(self) -> str:
        return tr("Cancelling deleting the collection…")

    def run(self, control: JobControl) -> Any:
        from ..engines.rekognition import RekognitionEngine
        from ..library import open_library

        with open_library(control.library_dir) as library:  # its call ledger records the call
            engine = RekognitionEngine.from_settings(self.settings, library)
            try:
                return CollectionDeleted(engine.delete_collection(), self.collection)
            finally:
                engine.close()

    def result_line(self, result: Any) -> Line:
        return ("info", self.outcome(result).text, "")

    def outcome(self, result: Any) -> Outcome:
        if not result.existed:
            return Outcome(tr("The collection {collection} was already gone: nothing was deleted")
                           .format(collection=result.collection))
        return Outcome(tr("Deleted the Amazon Rekognition collection {collection} and every face in it")
                       .format(collection=result.collection))

    def failed_text(self, message: str) -> str:
        return tr("The collection {collection} could not be deleted: {message}. Nothing was deleted.").format(
            collection=self.collection, message=message)

    def notice(self, result: Any) -> str:
        if not result.existed:
            return ""
        return tr("Libraries that used the collection keep their photos, people, names and groups, but new photos"
                  " can no longer be matched to the people they hold. To go on with Amazon Rekognition, create a"
                  " collection in Settings (Test connection, then Create collection): new faces then start new"
                  " people, which you can merge into the ones you know.")
