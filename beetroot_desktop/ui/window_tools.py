"""The main window's Review page and the commands of the People menu and the faces: answering review
questions, Not a face and Ignore, adding a face in the viewer, Photos Together, exporting a person's photos,
forgetting a person; and in the File menu, names out to XMP sidecars and deleting the cloud collection.

A mixin of MainWindow. Edits go through ops.py (undoable); the slow commands are jobs (tool_jobs.py) queued
on the job thread; the two that cannot be undone ask first, saying exactly what goes (tool_dialogs.py).
The pages these commands use are built with each library (`_build_tool_pages`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import ops
from .actions import MainAction
from .dialogs import open_tracked
from .i18n import engine_words, tr
from .item_text import person_name
from .tool_jobs import ForgetJob, ToolJob

if TYPE_CHECKING:
    from .context import LibraryContext
    from .jobs import Job

A = MainAction
PERSON_MENU = (A.TOGETHER, A.EXPORT_PHOTOS, A.FORGET)


class ToolsMixin:
    """Needs from the window: ctx, settings, pages, people_page, person_page, unassigned_page, viewer,
    controller, sidebar, counts, history, activity_model, banners, flash(), _push(), _update_actions()."""

    def _connect_tools(self: Any) -> None:
        self.controller.jobFinished.connect(self._tool_job_finished)
        self._cloud = False

    def _build_tool_pages(self: Any, ctx: LibraryContext) -> None:
        """The Review page, the Photos together page and the XMP follower of a newly opened library."""
        from .review_page import ReviewPage
        from .together_page import TogetherPage
        from .xmp_sync import XmpSync

        self.review_page = ReviewPage(ctx)
        self.review_page.photoOpened.connect(self.open_photos)
        self.review_page.personOpened.connect(self.open_person)
        self.review_page.status.connect(self.flash)
        self.review_page.countChanged.connect(self._review_counted)
        self.review_page.stateChanged.connect(self._update_actions)
        self.together_page = TogetherPage(ctx)
        self.together_page.back.connect(self.back)
        self.together_page.photoOpened.connect(self.open_photos)
        self.person_page.togetherRequested.connect(self.open_together)
        self.person_page.more_button.menu().addActions([self.actions_by_name[k] for k in PERSON_MENU[1:]])
        self.people_page.menu_actions.update({k.value: self.actions_by_name[k] for k in PERSON_MENU})
        self.xmp_sync = XmpSync(ctx, self)
        self.xmp_sync.synced.connect(self._sidecars_synced)
        self.xmp_sync.follow(self.settings.xmp_sync, self.settings.xmp_sidecar)
        self._cloud = ctx.library.bound_engine() == "rekognition"

    def _close_tools(self: Any) -> None:
        if getattr(self, "review_page", None) is not None:
            self.review_page.close_library()
        if getattr(self, "xmp_sync", None) is not None:
            self.xmp_sync.close()
            self.xmp_sync = None

    def _review_counted(self: Any, count: int) -> None:
        self.counts = {**self.counts, "review": count}
        self.sidebar.set_counts(self.counts)

    # -- Review ------------------------------------------------------------------------------------------
    def review_answer(self: Any, answer: str) -> None:
        if self.ctx is not None and self.pages.currentWidget() is self.review_page:
            self.review_page.answer(answer)

    # -- faces -------------------------------------------------------------------------------------------
    def _faces_on_screen(self: Any) -> list[int] | None:
        """The faces selected on the page on screen (a person's Faces tab, Unassigned faces), or None."""
        page = self.pages.currentWidget() if self.ctx is not None else None
        if page is self.person_page:
            return self.person_page._chosen_faces()
        if page is self.unassigned_page:
            faces = self.unassigned_page.selected_faces()
            if not faces:
                self.flash(tr("Select the faces first"))
            return faces
        return None

    def not_a_face(self: Any) -> None:
        faces = self._faces_on_screen()
        if faces:
            ops.not_a_face(self.ctx, faces, self.flash)

    def ignore_face(self: Any) -> None:
        faces = self._faces_on_screen()
        if faces:
            ops.ignore_faces(self.ctx, faces, self.flash)

    def add_face(self: Any) -> None:
        if self.ctx is not None and self.pages.currentWidget() is self.viewer:
            self.viewer.start_drawing()

    # -- people ------------------------------------------------------------------------------------------
    def _acting_person(self: Any) -> str | None:
        """The person a People menu command is for: the one on screen, or the one selected in People."""
        if self.ctx is None:
            return None
        page = self.pages.currentWidget()
        if page is self.person_page:
            return self.person_page.person_id
        if page is self.people_page and len(self.people_page.selected_ids()) == 1:
            return self.people_page.selected_ids()[0]
        return None

    def _name_of(self: Any, person_id: str) -> str:
        tile = self.ctx.library.person_tiles([person_id]).get(person_id)
        return person_name(tile.name if tile is not None else None)

    def photos_together(self: Any) -> None:
        if self.ctx is None:
            return
        page = self.pages.currentWidget()
        if page is self.person_page:
            self.person_page.choose_with()
            return
        people = self.people_page.selected_ids() if page is self.people_page else []
        if len(people) < 2:
            self.flash(tr("Select two or more people (Ctrl+click), then People › Photos Together"))
            return
        self.open_together(people)

    def open_together(self: Any, people: list[str]) -> None:
        self.together_page.show_people(people)
        if self.viewer in self.history or self.together_page in self.history:
            self.history = self.history[:1]
        self._push(self.together_page)

    def export_photos(self: Any) -> Any:
        from .tool_dialogs import ExportPhotosDialog
        from .tool_jobs import ExportPhotosJob

        person = self._acting_person()
        if person is None:
            self.flash(tr("Open a person, or select one in People, to export their photos"))
            return None
        name = self._name_of(person)
        summary = self.ctx.library.person(person)
        pictures = Path.home() / "Pictures"
        start = (pictures if pictures.is_dir() else Path.home()) / name
        dialog = ExportPhotosDialog(name, summary.photos if summary else 0, str(start), self)
        return open_tracked(self, "export_dialog", dialog, lambda: self.controller.submit(ExportPhotosJob(
            self.settings, person, name, dialog.target(), dialog.links.isChecked())))

    def forget_person(self: Any) -> Any:
        from .tool_dialogs import forget_dialog

        person = self._acting_person()
        if person is None:
            self.flash(tr("Open a person, or select one in People, to forget them"))
            return None
        try:
            plan = self.ctx.library.forget_plan(person)
        except KeyError:
            self.flash(tr("That person is no longer in the library"))
            return None
        name = self._name_of(plan.person_id)
        collection = self.settings.collection_id if self._cloud else None
        dialog = forget_dialog(plan, name, collection, self)
        return open_tracked(self, "forget_dialog", dialog,
                            lambda: self.controller.submit(ForgetJob(self.settings, plan, name)))

    # -- File menu ---------------------------------------------------------------------------------------
    def export_xmp(self: Any) -> Any:
        from .tool_dialogs import XmpExportDialog
        from .tool_jobs import XmpExportJob

        if self.ctx is None:
            return None
        dialog = XmpExportDialog(self.settings.xmp_sidecar, self)
        return open_tracked(self, "xmp_dialog", dialog, lambda: self.controller.submit(
            XmpExportJob(self.settings, dialog.convention())))

    def delete_collection(self: Any) -> None:
        """Ask Amazon Rekognition what the collection holds (off the GUI thread), then confirm."""
        from .tasks import shared_runner

        if self.ctx is None:
            return
        settings = self.settings

        def check() -> Any:
            from ..engines.aws_connection import check_connection

            return check_connection(settings)

        self.flash(tr("Asking Amazon Rekognition about the collection {collection}…").format(
            collection=settings.collection_id))
        shared_runner().submit(check, self._collection_checked)

    def _collection_checked(self: Any, check: Any) -> None:
        from .tool_dialogs import delete_collection_dialog
        from .tool_jobs import DeleteCollectionJob

        collection = self.settings.collection_id
        if not check.ok:
            if check.can_create:
                self.info_banner.show_message(
                    tr("The collection {collection} does not exist: nothing to delete.").format(collection=collection))
            else:
                self.error_banner.show_message(tr("The collection cannot be deleted now: {error}").format(
                    error=engine_words(check.message)))
            return
        dialog = delete_collection_dialog(check, collection, self)
        open_tracked(self, "delete_collection_dialog", dialog,
                     lambda: self.controller.submit(DeleteCollectionJob(self.settings)))

    # -- what the jobs did ---------------------------------------------------------------------------------
    def _tool_job_finished(self: Any, job: Job, result: Any) -> None:
        if self.ctx is None:
            return
        if getattr(self, "xmp_sync", None) is not None:
            self.xmp_sync.names_may_have_changed()  # a regroup or a forget may have moved names
        if not isinstance(job, ToolJob) or result is None:
            return
        lines = job.notes(result)
        if lines:
            self.activity_model.add(lines)
        notice = job.notice(result)
        if notice:
            self.info_banner.show_message(notice)
        if isinstance(job, ForgetJob):
            self._forgotten(job, result)

    def _forgotten(self: Any, job: ForgetJob, report: Any) -> None:
        """Leave the page of the person just forgotten (nothing of them is left to show), saying what went."""
        if self.person_page.person_id in job.plan.people:
            self.person_page.person_id = None  # no "no photos left" from a page still loading them
            if self.person_page in self.history:
                self.history = self.history[:1]
                self.pages.setCurrentWidget(self.history[0])
        self.flash(job.outcome(report).text, 10000)
        self._update_actions()

    def _sidecars_synced(self: Any, report: Any) -> None:
        text = tr("Updated %Ln XMP sidecar(s)", None, report.written)
        if report.skipped:
            text = tr("{updated}; %Ln could not be written (listed in Activity)", None, len(report.skipped)).format(
                updated=text)
            self.activity_model.add([("warning", tr("Skipped {path}: {reason}").format(path=s["path"],
                                                                                       reason=s["reason"]), s["path"])
                                     for s in report.skipped])
        self.flash(text)

    # -- what is enabled -----------------------------------------------------------------------------------
    def _tool_actions(self: Any, a: dict[Any, Any]) -> None:
        page = self.pages.currentWidget() if self.ctx is not None else None
        on_people, on_person = page is not None and page is self.people_page, page is not None and (
            page is self.person_page)
        selected = len(self.people_page.selected_ids()) if on_people else 0
        review = page is not None and page is getattr(self, "review_page", None) and self.review_page.can_answer()
        for key in (A.REVIEW_YES, A.REVIEW_NO, A.REVIEW_SKIP):
            a[key].setEnabled(review)
        faces = page is not None and page in (self.person_page, self.unassigned_page)
        a[A.NOT_A_FACE].setEnabled(faces)
        a[A.IGNORE_FACE].setEnabled(faces)
        a[A.ADD_FACE].setEnabled(page is not None and page is self.viewer and self.viewer.photo is not None)
        a[A.TOGETHER].setEnabled(on_person or selected >= 2)
        a[A.EXPORT_PHOTOS].setEnabled(on_person or selected == 1)
        a[A.FORGET].setEnabled(on_person or selected == 1)
        a[A.EXPORT_XMP].setEnabled(self.ctx is not None)
        cloud = self._cloud or self.settings.engine == "rekognition"
        a[A.DELETE_COLLECTION].setEnabled(self.ctx is not None and cloud)
