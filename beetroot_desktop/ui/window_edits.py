"""The main window's Edit and View menu commands: they act on the page on screen (People or a person),
and Undo / Redo step the library's own history. Every edit they make goes through ops.py.

A mixin of MainWindow; `_update_actions` decides which actions (actions.py) are enabled.
"""

from __future__ import annotations

import logging
from typing import Any

from . import ops
from .actions import MainAction
from .edit_labels import edit_label
from .i18n import tr

log = logging.getLogger("beetroot.ui.window")

MAX_LABEL = 48  # characters of an edit's name shown in the Undo / Redo menu items

A = MainAction


class EditsMixin:
    """Needs from the window: ctx, pages, people_page, person_page, actions_by_name, history, flash()."""

    def _on_people(self: Any) -> bool:
        return self.ctx is not None and self.pages.currentWidget() is self.people_page

    def _on_person(self: Any) -> bool:
        return self.ctx is not None and self.pages.currentWidget() is self.person_page

    def rename(self: Any) -> None:
        if self._on_people():
            self.people_page.rename_current()
        elif self._on_person():
            self.person_page.start_rename()

    def merge(self: Any) -> None:
        if self._on_people():
            self.people_page.merge_selected()

    def merge_into(self: Any) -> None:
        """Merge the selected people (or the person on screen) into a person chosen from a list."""
        if self._on_people():
            self.people_page.merge_into(self.people_page.selected_ids())
        elif self._on_person() and self.person_page.person_id:
            self.people_page.merge_into([self.person_page.person_id])

    def split(self: Any) -> None:
        if self._on_person():
            self.person_page.split()

    def toggle_hidden(self: Any) -> None:
        if self._on_people():
            self.people_page.toggle_hidden_selected()
        elif self._on_person():
            self.person_page.toggle_hidden()

    def not_this_person(self: Any) -> None:
        if self._on_person():
            self.person_page.not_this_person()

    def use_as_cover(self: Any) -> None:
        if self._on_person():
            self.person_page.use_as_cover()

    def find(self: Any) -> None:
        if self.ctx is None:
            return
        self.show_section(0)
        self.people_page.search.setFocus()
        self.people_page.search.selectAll()

    def toggle_show_hidden(self: Any) -> None:
        if self.ctx is not None:
            self.people_page.model.set_view_options(include_hidden=self.actions_by_name[A.SHOW_HIDDEN].isChecked())

    def set_sort(self: Any, order: str) -> None:
        if self.ctx is not None:
            combo = self.people_page.sort
            combo.setCurrentIndex(combo.findData(order))

    # -- history -----------------------------------------------------------------------------------------
    def undo(self: Any) -> None:
        self._step_history("undo")

    def redo(self: Any) -> None:
        self._step_history("redo")

    def _step_history(self: Any, which: str) -> None:
        """Undo or redo the library's last edit (the history lives in the library file)."""
        if self.ctx is None:
            return
        if self._blocks_history():
            self.flash(tr("Wait for the regroup to finish, or cancel it"))
            return
        if self.person_page.renaming:  # a name being typed is given up before the history moves under it
            self.person_page.cancel_rename()
        ops.step_history(self.ctx, which, self.flash)
        self._update_actions()  # a big replay runs in the background: Undo and Redo wait for it

    def _refresh_history(self: Any) -> None:
        """Read what Undo and Redo would do now (quick: the newest rows of a small table)."""
        if self.ctx is None:
            self._history_state = (None, None)
        else:
            try:
                library = self.ctx.library
                self._history_state = (library.next_undo(), library.next_redo())
            except Exception:  # never let the menu break the window; the next change reads it again
                log.debug("reading the edit history failed", exc_info=True)
                self._history_state = (None, None)
        self._update_actions()

    # -- what is enabled -----------------------------------------------------------------------------------
    def _update_actions(self: Any) -> None:
        a = getattr(self, "actions_by_name", None)
        if not a:
            return
        on_people, on_person = self._on_people(), self._on_person()
        selected = len(self.people_page.selected_ids()) if on_people else 0
        a[A.RENAME].setEnabled((on_people and selected >= 1) or on_person)
        a[A.MERGE].setEnabled(on_people and selected >= 2)
        a[A.MERGE_INTO].setEnabled((on_people and selected >= 1) or on_person)
        a[A.SPLIT].setEnabled(on_person)
        a[A.HIDE].setEnabled((on_people and selected >= 1) or on_person)
        a[A.NOT_THIS].setEnabled(on_person)
        a[A.COVER].setEnabled(on_person)
        self._job_actions(a)
        self._disk_actions(a)
        self._tool_actions(a)
        a[A.BACK].setEnabled(len(self.history) > 1)
        blocked = self._blocks_history() or (self.ctx is not None and self.ctx.edit_running)
        for key, entry in ((A.UNDO, self._history_state[0]), (A.REDO, self._history_state[1])):
            action = a[key]
            if entry is None:
                action.setText(tr("&Undo") if key is A.UNDO else tr("&Redo"))
                action.setStatusTip("")
            else:
                whole = edit_label(entry.label)
                label = whole if len(whole) <= MAX_LABEL else whole[:MAX_LABEL - 1] + "…"
                shown = label.replace("&", "&&")
                action.setText((tr("&Undo {edit}") if key is A.UNDO else tr("&Redo {edit}")).format(edit=shown))
                action.setStatusTip((tr("Undo “{edit}”") if key is A.UNDO else tr("Redo “{edit}”")).format(
                    edit=whole))
            action.setEnabled(entry is not None and self.ctx is not None and not blocked)
