"""The import and the disk in the window's language: why a file was not imported (as the import runs, and again
when the library gives back the English reason it saved), the Missing page, what a watch or an export could not
do and how a job failed. The command line's English stays as it was. No dlib: every file here fails before
a face is looked for, and one worker analyses in the job thread."""

from __future__ import annotations

import errno
import io
import pickle
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from synthetic_library import people_library
from ui_helpers import IMPORT_TIMEOUT_MS, open_window

from beetroot_desktop.config import Settings
from beetroot_desktop.engines.base import EngineConfigError, WorkerNeeds
from beetroot_desktop.imaging import DecodeError, decode_photo
from beetroot_desktop.library import open_library
from beetroot_desktop.library.recovery import remember_import_roots
from beetroot_desktop.pipeline.analyze import SAVED_REASONS, PhotoJob, analyze_photo
from beetroot_desktop.pipeline.consolidate import Consolidation, Pair
from beetroot_desktop.pipeline.export import ExportError, export_person
from beetroot_desktop.pipeline.ingest import bind_engine
from beetroot_desktop.pipeline.scan import scan
from beetroot_desktop.pipeline.watch import FolderWatcher
from beetroot_desktop.ui.i18n import translated
from beetroot_desktop.ui.jobs import failure_reason, user_message
from beetroot_desktop.ui.tool_jobs import ExportPhotosJob
from beetroot_desktop.wording import Said

# What the window says about each broken file, in English (the command line's words) and in German.
ENGLISH = {
    "notes.jpg": "not an image in a supported format (the file holds text)",
    "empty.jpg": "not an image in a supported format (the file is empty)",
    "truncated.jpg": "damaged or unsupported image: ",  # Pillow's own words follow, in English
    "readme.txt": "not a photo: .txt files are not imported",
}
GERMAN = {
    "notes.jpg": "kein Bild in einem unterstützten Format (die Datei enthält Text)",
    "empty.jpg": "kein Bild in einem unterstützten Format (die Datei ist leer)",
    "truncated.jpg": "beschädigtes oder nicht unterstütztes Bild: ",
    "readme.txt": "kein Foto: .txt-Dateien werden nicht importiert",
}


def broken_files(folder: Path) -> list[Path]:
    """A folder of photos that cannot be read, and a text file named on its own: the paths to import."""
    folder.mkdir(parents=True)
    (folder / "notes.jpg").write_text("just some notes, not a photo\n")
    (folder / "empty.jpg").write_bytes(b"")
    jpeg = io.BytesIO()
    Image.new("RGB", (200, 150), (40, 120, 200)).save(jpeg, "JPEG")
    (folder / "truncated.jpg").write_bytes(jpeg.getvalue()[: len(jpeg.getvalue()) // 2])
    readme = folder.parent / "readme.txt"
    readme.write_text("not a photo")
    return [folder, readme]


def reasons_of(failures: list[tuple[str, str]]) -> dict[str, str]:
    return {Path(path).name: reason for path, reason in failures}


def says(expected: dict[str, str], shown: dict[str, str]) -> bool:
    """Every file's reason is the expected text (the truncated file's ends with Pillow's own words)."""
    return set(shown) == set(expected) and all(
        shown[name].startswith(text) and "runcated" in shown[name] if text.endswith(": ") else shown[name] == text
        for name, text in expected.items())


def import_and_wait(qtbot: Any, window: Any, paths: list[Path]) -> Any:
    with qtbot.waitSignal(window.controller.jobFinished, timeout=IMPORT_TIMEOUT_MS) as done:
        window.import_paths([str(p) for p in paths])
    return done.args[1]


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_window_says_why_files_were_not_imported_now_and_when_the_library_gives_the_reason_back(
        request: pytest.FixtureRequest, qtbot: Any, tmp_path: Path, language: str) -> None:
    if language == "de":
        request.getfixturevalue("german")
    expected = GERMAN if language == "de" else ENGLISH
    paths = broken_files(tmp_path / "Broken")
    window = open_window(qtbot, tmp_path / "lib", Settings(workers=1, watch_folders=False))

    report = import_and_wait(qtbot, window, paths)
    assert report.photos_failed == 4
    assert says(expected, reasons_of(window.failures)), window.failures  # the failures dialog's rows
    activity = window.activity_model.texts()
    assert any(line == f"notes.jpg: {expected['notes.jpg']}" for line in activity), activity
    # The CLI and the library keep the English words, whatever the window speaks.
    assert says(ENGLISH, {Path(f["path"]).name: f["reason"] for f in report.failed})
    with open_library(tmp_path / "lib") as library:
        saved = dict(library.failed_photos())
    assert says({k: v for k, v in ENGLISH.items() if k != "readme.txt"}, reasons_of(list(saved.items())))
    assert not any(isinstance(reason, Said) for reason in saved.values())

    # Imported again, unchanged: the import gives the saved English reasons back, and the window translates them.
    window.failure_banner.dismiss()
    assert window.failures == []
    report = import_and_wait(qtbot, window, paths)
    assert report.photos_failed == 4 and report.photos_new == 0
    assert not any(isinstance(f["reason"], Said) for f in report.failed if f["path"].endswith(".jpg"))
    assert says(expected, reasons_of(window.failures)), window.failures


def test_a_saved_reason_is_read_back_with_its_arguments(german: None) -> None:
    assert failure_reason("not an image in a supported format (unknown content)") == \
        "kein Bild in einem unterstützten Format (unbekannter Inhalt)"
    assert failure_reason("could not decode: ValueError: bad marker: 0xd9") == \
        "konnte nicht dekodiert werden: ValueError: bad marker: 0xd9"
    assert failure_reason("refused: 20000x20000 pixels is above the 180-megapixel limit (possibly a decompression"
                          " bomb)") == ("abgelehnt: 20000x20000 Pixel liegen über der Grenze von 180 Megapixeln"
                                        " (möglicherweise eine Dekompressionsbombe)")
    assert failure_reason("the face detector crashed on this file") == \
        "die Gesichtserkennung ist bei dieser Datei abgestürzt"
    assert failure_reason("a reason a newer version saved") == "a reason a newer version saved"


def test_every_saved_reason_is_a_message_the_core_still_says() -> None:
    """A template changed where it is said but not in SAVED_REASONS would no longer be read back: the
    translation files hold exactly the templates the core says (tools/translations.py check keeps them so)."""
    import xml.etree.ElementTree as ET

    from beetroot_desktop.assets import resource_path

    sources = {m.findtext("source") for m in ET.parse(resource_path("i18n") / "beetroot_de.ts").iter("message")}
    assert not set(SAVED_REASONS) - sources


def test_a_saved_reason_reads_back_as_it_was_in_english(qapp: Any) -> None:
    for template in SAVED_REASONS:
        text = template.format(kind="OSError", error="broken data: here", limit=180, width=9, height=7)
        assert failure_reason(text) == text


def test_the_reasons_keep_their_english_text_and_their_template_across_the_workers(
        tmp_path: Path, german: None) -> None:
    paths = broken_files(tmp_path / "Broken")
    with pytest.raises(DecodeError) as caught:
        decode_photo(paths[0] / "empty.jpg")
    assert str(caught.value) == ENGLISH["empty.jpg"]
    scanned = scan([*paths, tmp_path / "gone.jpg"])
    assert [reason for _path, reason in scanned.problems] == [ENGLISH["readme.txt"], "no such file or folder"]
    assert translated(scanned.problems[1][1]) == "diese Datei oder dieser Ordner existiert nicht"

    # A worker process sends its analysis back pickled: the reason keeps its template and its arguments.
    job = PhotoJob(str(paths[0] / "notes.jpg"), "0" * 64, 1, 1)
    analysis = pickle.loads(pickle.dumps(analyze_photo(job, WorkerNeeds(descriptors=False, remote_detection=True))))
    assert analysis.error == ENGLISH["notes.jpg"] and isinstance(analysis.error, Said)
    assert failure_reason(analysis.error) == GERMAN["notes.jpg"]


def test_the_missing_page_says_why_in_german(german: None, qtbot: Any, tmp_path: Path) -> None:
    with people_library(tmp_path / "lib", {"ann": 2}) as folder:
        pass
    remember_import_roots(folder, ["/p"])
    with open_library(folder) as library:
        library.mark_gone(["/p/1.jpg"], ["/p/2.jpg"])
    window = open_window(qtbot, folder)
    page = window.missing_page
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    rows = {page.texts(i)[0]: page.texts(i) for i in range(2)}
    assert rows["1.jpg"][1:] == ["Fehlt", "/p", "Die Datei ist nicht mehr in ihrem Ordner"]
    assert rows["2.jpg"][1:] == ["Offline", "/p", "Auf /p, das nicht verbunden ist"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_export_says_what_it_skipped_and_why_it_could_not_run(
        request: pytest.FixtureRequest, tmp_path: Path, language: str) -> None:
    if language == "de":
        request.getfixturevalue("german")
    with people_library(tmp_path / "lib", {"ann": 1}) as folder, open_library(folder) as library:
        report = export_person(library, "ann", tmp_path / "out")  # its photo's file is not there
        blocker = tmp_path / "a-file"  # where the folder should be made
        blocker.write_text("")
        with pytest.raises(ExportError) as caught:
            export_person(library, "ann", blocker)
    english = ("the file is gone from its folder since the last import (`beetroot import` brings the library"
               " up to date)")
    assert report.skipped[0]["reason"] == english  # as the command line prints it
    lines = ExportPhotosJob(Settings(), "ann", "Ann", str(tmp_path / "out"), False).notes(report)
    failed = user_message(caught.value)
    if language == "en":
        assert lines[0][1] == f"Skipped /p/1.jpg: {english}"
        assert failed == f"ExportError: [Errno {errno.EEXIST}] cannot make the folder {blocker}: File exists"
    else:
        assert lines[0][1] == ("/p/1.jpg übersprungen: die Datei ist seit dem letzten Import nicht mehr in ihrem"
                               " Ordner (`beetroot import` bringt die Bibliothek auf den neuesten Stand)")
        # The system's own words (strerror) stay as they are.
        assert failed == (f"ExportError: [Errno {errno.EEXIST}] der Ordner {blocker} kann nicht angelegt werden:"
                          " File exists")


def test_a_job_that_could_not_run_and_the_people_consolidation_merged_say_so_in_german(
        german: None, tmp_path: Path) -> None:
    with people_library(tmp_path / "lib", {"ann": 1, "bo": 1}) as folder, open_library(folder) as library:
        library.set_meta("engine", "local")  # its people were found with the local engine
        with pytest.raises(EngineConfigError) as caught:
            bind_engine(library, "rekognition")
        lines = list(Consolidation([("ann", "bo", Pair("ann", "bo", 97.34, 96.1, 1))]).lines(library))
    assert str(caught.value) == ("this library's people were found with the local engine; import with --engine"
                                 " local, or use another library (--library DIR) for the rekognition engine")
    assert user_message(caught.value) == (
        "die Personen dieser Bibliothek wurden mit der Gesichtserkennung local gefunden; importieren Sie mit"
        " --engine local oder verwenden Sie für die Gesichtserkennung rekognition eine andere Bibliothek"
        " (--library DIR)")
    assert lines == ["Consolidated: bo merged into ann (closest faces 97.3, average 96.1)"]
    assert translated(lines[0]) == "Zusammengefasst: bo mit ann zusammengeführt (ähnlichste Gesichter 97.3," \
                                   " Durchschnitt 96.1)"


def test_a_folder_that_cannot_be_watched_is_said_in_german(german: None, qtbot: Any, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "lib", Settings(workers=1, watch_folders=False))
    watch = window.folder_watch
    watcher = FolderWatcher(lambda folders: None, on_problem=watch._problem)
    watch.watcher = watcher
    try:
        watcher._limits.refused_root("/media/card", OSError(errno.ENOSPC, "No space left on device"))
        with qtbot.waitSignal(watch.problemChanged) as told:
            watcher._update_problem()
    finally:
        watch.watcher = None
    assert watcher.problem is not None and watcher.problem.startswith(
        "/media/card is not watched: the system's limit on watched folders is reached")  # the log's words
    assert told.args[0].startswith("/media/card wird nicht überwacht: die Grenze des Systems für überwachte Ordner"
                                   " ist erreicht (fs.inotify.max_user_watches")
    assert told.args[0] in window.info_banner.label.text()


@pytest.mark.parametrize("language", ["en", "de"])
def test_what_the_import_noticed_without_failing_a_photo_is_listed_in_activity(
        request: pytest.FixtureRequest, qtbot: Any, tmp_path: Path, photos_dir: Path, language: str) -> None:
    """A sidecar that cannot be read costs no photo: the photo is imported, and Activity lists the warning
    (the command line prints it as "Warning: …"), in the window's language."""
    if language == "de":
        request.getfixturevalue("german")
    folder = tmp_path / "Trip"
    folder.mkdir()
    photo = folder / "a.jpg"
    photo.write_bytes((photos_dir / "misc" / "obama_small.jpg").read_bytes())
    (folder / "a.jpg.xmp").write_text("<x:xmpmeta not xml", encoding="utf-8")
    (folder / "b.jpg").write_bytes((photos_dir / "family" / "2019" / "biden.jpg").read_bytes())
    (folder / "b.jpg.xmp").write_bytes(b"")
    window = open_window(qtbot, tmp_path / "lib", Settings(workers=1, watch_folders=False))
    report = import_and_wait(qtbot, window, [folder])
    assert report.photos_added == 2 and report.photos_failed == 0 and len(report.warnings) == 2
    assert str(report.warnings[0]).startswith(f"{photo}: face regions in a.jpg.xmp were not read: ")
    # Listed by its file name, as a failure is, the whole path in the line's tooltip
    said = {"en": "a.jpg: face regions in a.jpg.xmp were not read: ",
            "de": "a.jpg: Gesichtsbereiche in a.jpg.xmp wurden nicht gelesen: "}[language]
    lines = window.activity_model.texts()
    assert sum(line.startswith(said) for line in lines) == 1, lines
    empty = {"en": "b.jpg: face regions in b.jpg.xmp were not read: no XML in it",  # the reason's words too
             "de": "b.jpg: Gesichtsbereiche in b.jpg.xmp wurden nicht gelesen: es enthält kein XML"}[language]
    assert empty in lines, lines
    hint = {"en": "; 2 warnings in Activity", "de": "; 2 Warnungen in Aktivität"}[language]  # where to look
    assert window.statusBar().currentMessage().endswith(hint), window.statusBar().currentMessage()
    row = next(i for i, line in enumerate(lines) if line.startswith(said))
    assert row < len(lines) - 1  # before the import's end line
    from PySide6.QtCore import Qt

    model = window.activity_model
    assert model.data(model.index(row), Qt.ItemDataRole.ToolTipRole) == str(photo)


def test_warnings_are_listed_as_they_happen_so_an_import_that_fails_later_has_said_them(
        qtbot: Any, tmp_path: Path, photos_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from beetroot_desktop.library import Library

    folder = tmp_path / "Trip"
    folder.mkdir()
    for name, source in (("a.jpg", "misc/obama_small.jpg"), ("b.jpg", "family/2019/biden.jpg")):
        (folder / name).write_bytes((photos_dir / source).read_bytes())
        (folder / f"{name}.xmp").write_bytes(b"")
    record = Library.record_photo
    calls: list[int] = []

    def full_disk_on_the_second(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return record(self, *args, **kwargs)

    monkeypatch.setattr(Library, "record_photo", full_disk_on_the_second)
    window = open_window(qtbot, tmp_path / "lib", Settings(workers=1, watch_folders=False))
    with qtbot.waitSignal(window.controller.jobFailed, timeout=IMPORT_TIMEOUT_MS):
        window.import_paths([str(folder)])
    lines = window.activity_model.texts()
    for name in ("a.jpg", "b.jpg"):
        assert f"{name}: face regions in {name}.xmp were not read: no XML in it" in lines, lines
    assert any("database or disk is full" in line for line in lines), lines
