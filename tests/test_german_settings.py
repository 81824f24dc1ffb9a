"""The settings' problems in the window's language: next to the Settings dialog's fields, and at start-up when
the settings file holds a value that cannot be used. The command line's English stays word for word."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from beetroot_desktop import config
from beetroot_desktop.config import Settings, max_workers, settings_path
from beetroot_desktop.secrets import SecretStoreError, save_aws_credentials
from beetroot_desktop.ui.i18n import translated
from beetroot_desktop.ui.settings_dialog import SettingsDialog
from beetroot_desktop.wording import Said

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

# A bad value for every setting, as a hand-written settings file could hold it.
BAD_VALUES: dict[str, Any] = {
    "engine": "cloud", "threshold": 20, "workers": -1, "library_dir": 7, "aws_region": "Europe",
    "aws_profile": "a\nb", "collection_id": 5, "detector": "x", "rekognition_mode": "x", "rate_limit": 0,
    "watch_folders": "yes", "xmp_sync": 1, "xmp_sidecar": "txt", "appearance": "blue", "language": "fr",
}


def _dialog(qtbot: Any, settings: Settings) -> SettingsDialog:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type_bad_values(dialog: SettingsDialog, tmp_path: Path) -> Path:
    """A bad value in each field that can hold one; returns the file typed as the library location."""
    a_file = tmp_path / "photos.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    dialog.matching.engine.setCurrentIndex(dialog.matching.engine.findData("rekognition"))
    dialog.spin.setMinimum(0)  # a value the threshold field would not offer: as a bad settings file has it
    dialog.spin.setValue(20)
    dialog.library_page.library.setText(str(a_file))
    dialog.cloud.region.setCurrentText("Europe")
    dialog.cloud.use_keys.setChecked(True)
    dialog.cloud.key_id.setText("not-a-key")
    dialog.cloud.secret.setText(SECRET)
    return a_file


def test_the_validators_say_what_the_command_line_printed(tmp_path: Path) -> None:
    """Word for word the English of before; each is a message the window can translate."""
    a_file = tmp_path / "library.sqlite3"
    a_file.write_text("x", encoding="utf-8")
    expected = {
        config.threshold_problem(20):
            "threshold must be between 50 and 100 (a number: the percentage of similarity), not 20",
        config.rate_limit_problem(0): "rate_limit must be a positive number of Amazon Rekognition calls per second,"
                                      " not 0",
        config.language_problem("fr"): 'language must be one of system, en, de, not "fr"',
        config.workers_problem(max_workers() + 1):
            f"workers must be at most {max_workers()} on this computer ({config.MAX_WORKERS_PER_CORE} per processor"
            f" core), not {max_workers() + 1}: more processes only wait for the same cores and use more memory",
        config.library_dir_problem(str(a_file)):
            f"the library folder {a_file} is a file, not a folder; it is a library's file: its library folder is"
            f" {tmp_path}",
        config.library_dir_problem(str(a_file / "sub")): f"{a_file} is a file, so {a_file / 'sub'} cannot be a"
                                                          " library folder",
        config.access_key_id_problem("x"): "an AWS access key id is 16 to 128 capital letters and digits (like AKIA…)",
    }
    for problem, english in expected.items():
        assert problem == english and isinstance(problem, Said)
    for key, value in BAD_VALUES.items():
        assert isinstance(config.setting_problem(key, value), Said), key


def test_every_problem_is_german_and_keeps_the_setting_name_first(german: None) -> None:
    """The dialog drops the setting's name from the start of a problem (its field's label says it): a translation
    keeps it there, and says the rest in German."""
    for key, value in BAD_VALUES.items():
        problem = config.setting_problem(key, value)
        assert problem is not None
        german_text = translated(problem)
        assert german_text != problem, key
        assert german_text.startswith(f"{key} ") == problem.startswith(f"{key} "), (key, german_text)
    assert translated(config.library_dir_problem("/dev/null")) == (
        "der Bibliotheksordner /dev/null ist ein Gerät oder eine andere Spezialdatei, kein Ordner")


def test_the_settings_dialog_shows_each_problem_in_english_as_before(qtbot: Any, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, Settings(workers=max_workers() + 1))  # a bad saved value is shown, then refused
    a_file = _type_bad_values(dialog, tmp_path)
    assert not dialog.save()
    assert dialog.matching.threshold_error.text() == (
        "Must be between 50 and 100 (a number: the percentage of similarity), not 20.0")
    assert dialog.matching.workers_error.text() == (
        f"Must be at most {max_workers()} on this computer ({config.MAX_WORKERS_PER_CORE} per processor core), not"
        f" {max_workers() + 1}: more processes only wait for the same cores and use more memory")
    assert dialog.library_page.library_error.text() == f"The library folder {a_file} is a file, not a folder"
    assert dialog.cloud.region_error.text() == 'Must be an AWS region name like eu-west-1 (or empty), not "Europe"'
    assert dialog.cloud.secret_error.text() == (
        "An AWS access key id is 16 to 128 capital letters and digits (like AKIA…)")
    assert not settings_path().exists()


def test_the_settings_dialog_shows_each_problem_in_german(german: None, qtbot: Any, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, Settings(workers=max_workers() + 1))
    a_file = _type_bad_values(dialog, tmp_path)
    assert not dialog.save()
    shown = {
        dialog.matching.threshold_error:
            "Muss zwischen 50 und 100 liegen (eine Zahl: die Ähnlichkeit in Prozent), nicht 20.0",
        dialog.matching.workers_error:
            f"Darf auf diesem Computer höchstens {max_workers()} sein ({config.MAX_WORKERS_PER_CORE} pro"
            f" Prozessorkern), nicht {max_workers() + 1}: Mehr Prozesse warten nur auf dieselben Kerne und brauchen"
            " mehr Arbeitsspeicher",
        dialog.library_page.library_error: f"Der Bibliotheksordner {a_file} ist eine Datei, kein Ordner",
        dialog.cloud.region_error: 'Muss der Name einer AWS-Region wie eu-west-1 sein (oder leer), nicht "Europe"',
        dialog.cloud.secret_error:
            "Eine AWS-Zugriffsschlüssel-ID besteht aus 16 bis 128 Großbuchstaben und Ziffern (wie AKIA…)",
    }
    for label, text in shown.items():
        assert not label.isHidden() and label.text() == text  # shown (the cloud fields are on another tab)
    # A folder inside a file: the file's path, what it is, and the folder, in one German sentence.
    dialog.library_page.library.setText(str(a_file / "library"))
    assert not dialog.save()
    assert dialog.library_page.library_error.text() == (
        f"{a_file} ist eine Datei, daher kann {a_file / 'library'} kein Bibliotheksordner sein")
    assert not settings_path().exists()


def test_the_keyrings_refusal_is_german_next_to_the_key(german: None, qtbot: Any) -> None:
    keyring.set_keyring(fail.Keyring())
    dialog = _dialog(qtbot, Settings(engine="rekognition"))
    dialog.cloud.use_keys.setChecked(True)
    dialog.cloud.key_id.setText(KEY_ID)
    dialog.cloud.secret.setText(SECRET)
    assert dialog.save()  # the keyring is written on a pool thread: its refusal comes back to the field
    qtbot.waitUntil(lambda: dialog.cloud.secret_error.isVisible(), timeout=5000)
    assert dialog.cloud.secret_error.text().startswith(
        "es wurde kein verwendbarer Schlüsselbund des Systems gefunden, daher kann der geheime Zugriffsschlüssel")
    # A refusal with the backend's name and the way out, both in one German message.
    with pytest.raises(SecretStoreError) as refused:
        save_aws_credentials(KEY_ID, "")
    assert translated(refused.value) == ("sowohl die Zugriffsschlüssel-ID als auch der geheime Zugriffsschlüssel"
                                         " werden benötigt")


def test_a_setting_the_dialog_cannot_save_is_named_in_german(german: None, qtbot: Any) -> None:
    """The settings' own last check joins its problems: each of them is shown translated."""
    dialog = _dialog(qtbot, Settings())
    assert not dialog._write(Settings(rate_limit=0))
    assert dialog.general_error.text() == (
        "Die Einstellungen konnten nicht gespeichert werden: rate_limit muss eine positive Zahl von"
        " Amazon-Rekognition-Aufrufen pro Sekunde sein, nicht 0")


def _bad_settings_file() -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"rate_limit": 0, "language": "fr"}), encoding="utf-8")
    return path


def _startup_problem() -> str | None:
    from beetroot_desktop.ui.app import create_main_window

    window, problem = create_main_window()
    window.close()
    window.deleteLater()
    return problem


def test_a_bad_settings_file_is_reported_at_start_up_in_english_as_before(qapp: Any) -> None:
    path = _bad_settings_file()
    assert _startup_problem() == (
        f"In the settings file {path}, rate_limit must be a positive number of Amazon Rekognition calls per second,"
        " not 0.\n"
        f'In the settings file {path}, language must be one of system, en, de, not "fr".\n\n'
        "Saving the Settings dialog writes the settings file again and keeps the old one beside it as"
        " settings.json.invalid.")


def test_a_bad_settings_file_is_reported_at_start_up_in_german(german: None, monkeypatch: Any) -> None:
    path = _bad_settings_file()
    saving = ("\n\nWenn Sie die Einstellungen speichern, wird die Einstellungsdatei neu geschrieben; die alte bleibt"
              " daneben als settings.json.invalid erhalten.")
    assert _startup_problem() == (
        f"In der Einstellungsdatei {path}: rate_limit muss eine positive Zahl von Amazon-Rekognition-Aufrufen pro"
        " Sekunde sein, nicht 0.\n"
        f'In der Einstellungsdatei {path}: language muss einer der Werte system, en, de sein, nicht "fr".' + saving)
    # An unreadable file, and an environment variable that cannot be used, each in German too.
    path.write_text("[1, 2]", encoding="utf-8")
    monkeypatch.setenv("FACE_MATCH_THRESHOLD", "hoch")
    assert _startup_problem() == (
        f"Die Einstellungsdatei {path} konnte nicht verwendet werden: sie enthält eine Liste statt Einstellungen (ein"
        " JSON-Objekt).\n"
        "Die Umgebungsvariable FACE_MATCH_THRESHOLD kann nicht verwendet werden: FACE_MATCH_THRESHOLD=\"hoch\":"
        " threshold muss eine Zahl sein, nicht 'hoch'; ändern oder entfernen Sie sie." + saving)
    # The environment alone: nothing in the file to keep, and nothing said about it.
    path.unlink()
    assert _startup_problem() == (
        "Die Umgebungsvariable FACE_MATCH_THRESHOLD kann nicht verwendet werden: FACE_MATCH_THRESHOLD=\"hoch\":"
        " threshold muss eine Zahl sein, nicht 'hoch'; ändern oder entfernen Sie sie.")


def test_saving_the_dialog_over_a_file_with_problems_keeps_the_old_file_beside_it(qtbot: Any) -> None:
    """A hand-written settings file with a wrong value: the window starts with the default for it, and Save
    writes a good file; what the user wrote is kept as settings.json.invalid (as `beetroot config set` does)."""
    from beetroot_desktop.config import load_settings, read_settings

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = '{"threshold": 97, "rate_limit": 0, "aws_region": "eu-west-1"}  \n'
    path.write_text(text, encoding="utf-8")
    settings, problems = read_settings()
    assert [p.key for p in problems] == ["rate_limit"]
    dialog = _dialog(qtbot, settings)
    assert dialog.save()
    assert path.with_name("settings.json.invalid").read_text(encoding="utf-8") == text
    saved = load_settings()
    assert (saved.threshold, saved.aws_region, saved.rate_limit) == (97, "eu-west-1", Settings().rate_limit)

    # A good file is written over without a copy: the copy stays the one of the bad file.
    path.with_name("settings.json.invalid").unlink()
    dialog = _dialog(qtbot, load_settings())
    assert dialog.save()
    assert not path.with_name("settings.json.invalid").exists()


def test_a_kept_copy_is_never_written_over_nor_through_a_link(tmp_path: Path) -> None:
    """Each repair keeps its own copy (settings.json.invalid, then -2, ...), and a link where the copy goes
    is left alone, as is the file it points to."""
    from beetroot_desktop.config import keep_invalid

    path = tmp_path / "settings.json"
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not yours", encoding="utf-8")
    (tmp_path / "settings.json.invalid").symlink_to(elsewhere)
    path.write_text('{"threshold": 1}', encoding="utf-8")
    assert keep_invalid(path) == tmp_path / "settings.json.invalid-2"
    path.write_text('{"threshold": 2}', encoding="utf-8")
    assert keep_invalid(path) == tmp_path / "settings.json.invalid-3"
    assert elsewhere.read_text(encoding="utf-8") == "not yours"
    assert (tmp_path / "settings.json.invalid-2").read_text(encoding="utf-8") == '{"threshold": 1}'
    assert (tmp_path / "settings.json.invalid-3").read_text(encoding="utf-8") == '{"threshold": 2}'
    assert keep_invalid(tmp_path / "none.json") is None


def test_the_settings_of_another_version_survive_a_save(qtbot: Any) -> None:
    """A newer Beetroot's setting in the file is not this version's to drop: a save writes it back."""
    from beetroot_desktop.config import load_settings

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"threshold": 91, "face_style": {"round": True}}), encoding="utf-8")
    dialog = _dialog(qtbot, load_settings())
    assert dialog.save()
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["face_style"] == {"round": True} and written["threshold"] == 91
    assert not path.with_name("settings.json.invalid").exists()  # nothing in it was wrong
