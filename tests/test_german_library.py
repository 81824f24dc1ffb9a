"""The library's reasons for refusing an edit, or for not opening, reach the window in its language.

The library says them in English (the command line prints them byte for byte); the window's banner and its
start-over box show them translated, with the same names and paths filled in.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from synthetic_library import Maker, near, unit
from ui_helpers import open_window

from beetroot_desktop.config import Settings
from beetroot_desktop.library import EditRefused, LibraryDamaged, open_library
from beetroot_desktop.library.schema import SCHEMA_VERSION
from beetroot_desktop.ui import ops
from beetroot_desktop.wording import said_in

ENGLISH_TOGETHER = ("Could not merge: these people appear together in /p/1.jpg, so they are not one person; take the"
                    " wrong face out of one of them first (Not this person).")
GERMAN_TOGETHER = ("Zusammenführen nicht möglich: diese Personen sind zusammen auf /p/1.jpg zu sehen, also sind sie"
                   " nicht dieselbe Person; nehmen Sie zuerst das falsche Gesicht aus einer von ihnen heraus"
                   " (Nicht diese Person).")


@pytest.fixture
def together(tmp_path: Path) -> Path:
    """Ann and Bob in one photo (/p/1.jpg), Cara alone in one photo."""
    library = open_library(tmp_path / "lib")
    try:
        make = Maker(library)
        make.photo([("ann", unit(np.ones(128))), ("bob", near(unit(-np.ones(128)), 0.02))])
        make.photo([("cara", unit(np.arange(128.0)))])
        return library.dir
    finally:
        library.close()


def test_the_librarys_refusals_stay_the_english_the_command_line_prints(together: Path) -> None:
    with open_library(together) as library, pytest.raises(EditRefused) as refused:
        library.merge_people(["bob"], "ann")
    assert str(refused.value) == ENGLISH_TOGETHER.removeprefix("Could not merge: ").removesuffix(".")
    said = said_in(refused.value)
    assert said is not None and said.args == {"photo": "/p/1.jpg"}  # what the window fills into its language
    with open_library(together) as library, pytest.raises(EditRefused) as refused:
        library.rename_person("ann", "x" * 201)
    assert str(refused.value) == "a name can have at most 200 characters"


def test_a_refused_edit_in_the_english_window(qtbot, together: Path) -> None:
    window = open_window(qtbot, together)
    assert not ops.merge_people(window.ctx, ["bob"], "ann")
    assert window.error_banner.label.text() == ENGLISH_TOGETHER
    face = window.ctx.library.person_faces("cara")[0]["id"]
    assert ops.split_person(window.ctx, "cara", face_ids=[face]) is None
    assert window.error_banner.label.text() == ("Could not split: that is every face of the person: rename it instead"
                                                " of splitting it.")
    assert window.ctx.library.person("bob") is not None and window.ctx.library.next_undo() is None


def test_a_refused_edit_in_the_german_window(german, qtbot, together: Path) -> None:
    window = open_window(qtbot, together)
    assert not ops.merge_people(window.ctx, ["bob"], "ann")
    assert window.error_banner.isVisible()
    assert window.error_banner.label.text() == GERMAN_TOGETHER  # the photo's path filled into the German
    assert not ops.rename_person(window.ctx, "ann", "x" * 201)
    assert window.error_banner.label.text() == ("Umbenennen nicht möglich: ein Name darf höchstens 200 Zeichen lang"
                                                " sein.")  # with its argument
    face = window.ctx.library.person_faces("cara")[0]["id"]
    assert ops.split_person(window.ctx, "cara", face_ids=[face]) is None
    assert window.error_banner.label.text() == ("Aufteilen nicht möglich: das sind alle Gesichter der Person: Benennen"
                                                " Sie sie um, statt sie aufzuteilen.")
    assert window.ctx.library.person("bob") is not None and window.ctx.library.next_undo() is None


def closed_window(qtbot, library_dir: Path):  # type: ignore[no-untyped-def]
    from beetroot_desktop.ui.main_window import MainWindow

    window = MainWindow(Settings(workers=2), library_dir)
    qtbot.addWidget(window)
    return window


def damaged_library(folder: Path) -> Path:
    folder.mkdir()
    (folder / "library.sqlite3").write_bytes(random.Random(1).randbytes(64 * 1024))
    return folder


def test_the_start_over_box_says_why_in_the_windows_language(qtbot, tmp_path: Path) -> None:
    library_dir = damaged_library(tmp_path / "lib")
    db = library_dir / "library.sqlite3"
    with pytest.raises(LibraryDamaged) as damaged:
        open_library(library_dir)
    english = str(damaged.value)
    assert english.startswith(f"the library file {db} is damaged or not a database (")
    window = closed_window(qtbot, library_dir)
    assert not window.open_library()
    said = "T" + english[1:]  # a sentence in the box
    assert window.recovery_box.informativeText().startswith(said + "\n\nBeetroot can start over")


def test_the_start_over_box_in_german(german, qtbot, tmp_path: Path) -> None:
    library_dir = damaged_library(tmp_path / "lib")
    db = library_dir / "library.sqlite3"
    window = closed_window(qtbot, library_dir)
    assert not window.open_library()
    text = window.recovery_box.informativeText()
    assert text.startswith(f"Die Bibliotheksdatei {db} ist beschädigt oder keine Datenbank (")
    assert "\n\nBeetroot kann neu beginnen" in text


@pytest.mark.parametrize("kind", ["folder", "another program's database"])
def test_a_library_file_that_is_not_damaged_is_never_offered_to_be_set_aside(german, qtbot, tmp_path, kind) -> None:
    """A library.sqlite3 that is a folder (or a file locked or out of reach), or a healthy database of another
    program, is not damage: starting over would take it from its owner. The banner says why, in German;
    nothing is moved."""
    library_dir = tmp_path / "lib"
    if kind == "folder":
        (library_dir / "library.sqlite3").mkdir(parents=True)
    else:
        library_dir.mkdir()
        with contextlib.closing(sqlite3.connect(library_dir / "library.sqlite3")) as books, books:
            books.execute("CREATE TABLE books (title TEXT)")
    window = closed_window(qtbot, library_dir)
    assert not window.open_library()
    assert not hasattr(window, "recovery_box")
    shown = window.error_banner.label.text()
    opening = f"Die Bibliothek in {library_dir} kann nicht geöffnet werden: die Bibliotheksdatei"
    assert shown.startswith(opening), shown
    assert sorted(p.name for p in library_dir.iterdir()) == ["library.sqlite3"]
    assert (library_dir / "library.sqlite3").is_dir() == (kind == "folder")


def test_a_library_folder_that_is_a_file_is_said_so_not_with_the_systems_error(german, qtbot, tmp_path) -> None:
    path = tmp_path / "Bilder.lib"
    path.write_text("not a folder")
    window = closed_window(qtbot, path)
    assert not window.open_library()
    shown = window.error_banner.label.text()
    assert f"der Bibliotheksordner {path} ist eine Datei, kein Ordner" in shown and "Errno" not in shown, shown


def test_a_library_from_a_newer_beetroot_in_german(german, qtbot, tmp_path: Path) -> None:
    library_dir = tmp_path / "lib"
    open_library(library_dir).close()
    conn = sqlite3.connect(library_dir / "library.sqlite3")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    window = closed_window(qtbot, library_dir)
    window.show()
    assert not window.open_library()
    assert window.error_banner.label.text() == (
        f"Die Bibliothek in {library_dir} kann nicht geöffnet werden: die Bibliothek wurde von einem neueren"
        f" Beetroot geschrieben (Schema {SCHEMA_VERSION + 1}, diese Version kennt {SCHEMA_VERSION}); aktualisieren"
        " Sie die App.")
