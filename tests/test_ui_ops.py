"""The GUI's one write path (ui/ops.py): every edit goes through `run_edit`, a refused or failed edit is a
sentence in the window's error banner, and a made edit is announced once so the views refresh."""

from __future__ import annotations

import re
from pathlib import Path

from ui_helpers import face_in, open_window, person_of

import beetroot_desktop.ui as ui_package
from beetroot_desktop.ui import ops

UI = Path(ui_package.__file__).parent
EDITS = ("rename_person", "merge_people", "split_person", "remove_face_from_person", "assign_face", "set_hidden",
         "set_cover", "undo", "redo", "edit")


def test_no_gui_module_but_ops_writes_to_the_library_or_announces_a_change_by_hand():
    """Before the write path, eight places called `ctx.library.<edit>` and emitted `changed` themselves."""
    call = re.compile(r"\b(?:library|lib)\.(" + "|".join(EDITS) + r")\(")
    found = []
    for module in sorted(UI.glob("*.py")):
        if module.name == "ops.py":
            continue
        text = module.read_text(encoding="utf-8")
        found += [f"{module.name}: {m.group(0)}" for m in call.finditer(text)]
        emits = text.count("changed.emit(")
        allowed = 1 if module.name == "main_window.py" else 0  # _library_written: jobs and other programs
        if emits > allowed:
            found.append(f"{module.name}: changed.emit() x{emits}")
    assert found == []


def test_every_gui_edit_runs_through_run_edit(qtbot, imported_library, photos_dir, monkeypatch):
    seen: list[str] = []
    real = ops.run_edit

    def recording(ctx, label, fn, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(label)
        return real(ctx, label, fn, **kwargs)

    monkeypatch.setattr(ops, "run_edit", recording)
    obama = person_of(imported_library, photos_dir, "family/2019/obama.jpg")
    biden = person_of(imported_library, photos_dir, "family/2019/biden.jpg")
    small = face_in(imported_library, photos_dir, "misc/obama_small.jpg")
    window = open_window(qtbot, imported_library.dir)
    model = window.people_page.model
    assert model.rename(obama, "Barack")
    assert model.set_hidden([biden], True)
    window.undo()
    window.redo()
    window.open_person(obama)
    faces = window.person_page.faces
    qtbot.waitUntil(lambda: small in faces.ids(), timeout=10_000)
    assert faces.use_as_cover(small)
    assert faces.not_this_person([small])
    assert ops.assign_face(window.ctx, small, obama)
    assert seen == ["rename", "hide", "undo", "redo", "change the cover", "take the face out", "add the face"]
    assert imported_library.face(small)["person_id"] == obama and imported_library.person(biden).hidden
    assert not window.error_banner.isVisible()


def test_an_edit_that_cannot_be_written_shows_why_in_the_banner(qtbot, imported_library, photos_dir):
    kit = person_of(imported_library, photos_dir, "family/2020/john1.jpeg")
    window = open_window(qtbot, imported_library.dir)
    changes: list[int] = []
    window.ctx.changed.connect(lambda: changes.append(1))
    window.ctx.library.conn.execute("PRAGMA query_only = ON")  # as a read-only or full disk refuses writes
    assert not window.people_page.model.rename(kit, "Kit")
    banner = window.error_banner
    assert banner.isVisible()
    assert banner.label.text() == ("Could not rename: the library file could not be written (attempt to write a"
                                   " readonly database). Nothing was changed.")
    assert changes == []  # nothing was announced: nothing changed
    window.ctx.library.conn.execute("PRAGMA query_only = OFF")
    assert imported_library.person(kit).name is None and imported_library.next_undo() is None


def test_an_edit_on_what_changed_meanwhile_is_refused_in_the_banner(qtbot, imported_library, photos_dir):
    """The viewer still shows a face another window has just taken out of its person."""
    from beetroot_desktop.library import open_library

    small = face_in(imported_library, photos_dir, "misc/obama_small.jpg")
    window = open_window(qtbot, imported_library.dir)
    photo = imported_library.face(small)["photo_id"]
    window.open_photos([photo], 0)
    face = next(f for f in window.viewer.faces if f["id"] == small)
    with open_library(imported_library.dir) as other:
        other.remove_face_from_person(small)
    window.viewer._use_as_cover(face)
    assert window.error_banner.isVisible()
    assert window.error_banner.label.text() == ("Could not change the cover: the cover must be one of the"
                                                " person's own faces.")
    window.error_banner.dismiss()
    # A person the library does not know (any more): the library raises KeyError; the window says so.
    changes: list[int] = []
    window.ctx.changed.connect(lambda: changes.append(1))
    assert window.people_page.model.rename("no-such-person", "Nobody") is False
    assert window.error_banner.label.text().startswith("Could not rename: that person or face has changed meanwhile")
    assert changes == [1]  # the views refresh: they were out of date


def test_undo_with_nothing_to_undo_says_so_in_the_status_bar(qtbot, imported_library):
    window = open_window(qtbot, imported_library.dir)
    window.undo()
    assert window.statusBar().currentMessage() == "Nothing to undo"
    assert not window.error_banner.isVisible()


def test_a_big_undo_runs_off_the_gui_thread_and_edits_stay_in_order(qtbot, imported_library, photos_dir,
                                                                     monkeypatch):
    """Undoing a regroup of 100,000 faces took 6.5 s: on the GUI thread, a frozen window."""
    import threading

    from beetroot_desktop.library import Library

    kit = person_of(imported_library, photos_dir, "family/2020/john1.jpeg")
    window = open_window(qtbot, imported_library.dir)
    assert window.people_page.model.rename(kit, "Kit")
    monkeypatch.setattr(ops, "SLOW_STEPS", 0)  # this rename's undo counts as big
    gate = threading.Event()
    real_undo = Library.undo

    def slow_undo(self):  # type: ignore[no-untyped-def]
        assert threading.current_thread() is not threading.main_thread()
        gate.wait(10)
        return real_undo(self)

    monkeypatch.setattr(Library, "undo", slow_undo)
    undo = window.actions_by_name["undo"]
    with qtbot.waitSignal(window.ctx.changed, timeout=10_000):
        undo.trigger()  # returns at once: the window keeps answering while the undo runs
        assert window.ctx.edit_running and not undo.isEnabled()
        assert window.statusBar().currentMessage().startswith("Undoing “Rename to")
        assert not window.people_page.model.set_hidden([kit], True)  # no edit overtakes the undo
        assert "the last undo or redo is still running" in window.error_banner.label.text()
        gate.set()
    assert imported_library.person(kit).name is None and not imported_library.person(kit).hidden
    assert window.statusBar().currentMessage().startswith("Undone: Rename to")
    assert not window.ctx.edit_running and window.actions_by_name["redo"].isEnabled()
