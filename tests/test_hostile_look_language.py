"""A hostile user's language, look and names: what broke, kept broken no more.

Each test is one problem found by trying: a threshold typed with the "wrong" decimal mark, a hand-edited
language that took the library folder with it, a LANGUAGE list whose first language has no translation, a
missing translations folder, a name with "&" in a menu item or a button.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt

from beetroot_desktop.config import Settings, load_settings, settings_path


@pytest.fixture
def restored_locale(qapp):  # type: ignore[no-untyped-def]
    from beetroot_desktop.ui.i18n import install_translators

    yield
    install_translators("en")


@pytest.mark.parametrize(("language", "typed"), [
    ("de", "97,5"), ("de", "97.5"), ("en", "97.5"), ("en", "97,5"), ("ar_EG", "97.5"), ("ar_EG", "97,5")])
def test_a_threshold_typed_with_either_decimal_mark_is_kept(qtbot, restored_locale, language: str,
                                                            typed: str) -> None:
    """In German the spin box writes 97,5; a German user typing 97.5 (as the README writes it) got 97 without
    a word, and an Arabic locale took no Latin decimal point at all. Both marks mean the decimal point here."""
    from PySide6.QtTest import QTest

    from beetroot_desktop.ui.i18n import install_translators
    from beetroot_desktop.ui.settings_dialog import SettingsDialog

    install_translators("de" if language == "de" else "en")
    QLocale.setDefault(QLocale(language))
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    line = dialog.spin.lineEdit()
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, typed)
    QTest.keyClick(line, Qt.Key.Key_Tab)
    assert dialog.spin.value() == pytest.approx(97.5)
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        assert dialog.save()
    assert load_settings().threshold == pytest.approx(97.5)


def test_a_bad_language_in_the_file_keeps_the_library_folder_and_the_other_settings(qapp, monkeypatch,
                                                                                    tmp_path: Path) -> None:
    """`"language": "fr"` (hand-written) made the window start with every default: another, empty library
    and a Settings dialog that would have saved the defaults over the user's choices."""
    from beetroot_desktop.ui.app import create_main_window

    monkeypatch.delenv("BEETROOT_LIBRARY", raising=False)
    mine = tmp_path / "my-library"
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"library_dir": str(mine), "language": "fr", "appearance": "dark",
                                "threshold": 91.5}), encoding="utf-8")
    window, problem = create_main_window()
    try:
        assert window.library_dir == mine
        assert (window.settings.appearance, window.settings.threshold) == ("dark", 91.5)
        assert window.settings.language == "system"
        assert problem is not None and "language must be one of" in problem and "settings.json.invalid" in problem
    finally:
        window.close()
        window.deleteLater()


def test_the_first_language_with_a_translation_wins(qapp, restored_locale, monkeypatch) -> None:
    """LANGUAGE=fr:de:en asks for French, else German: there is no French, so German (it gave English)."""
    from beetroot_desktop.ui import i18n

    class Wanted(QLocale):
        def uiLanguages(self, *_args):  # type: ignore[no-untyped-def, override]
            return ["fr-Latn-FR", "fr-FR", "fr", "de-Latn-DE", "de-DE", "de", "en-Latn-US", "en-US", "en"]

    assert i18n.language_of(Wanted("fr_FR")) == "de"
    assert i18n.language_of(QLocale("fr_FR")) == "fr"  # nothing the window speaks: the first, as before
    assert i18n.language_of(QLocale("de_AT")) == "de"
    monkeypatch.setattr(i18n, "chosen_locale", lambda _language: Wanted("fr_FR"))
    i18n.install_translators("system")
    assert i18n.tr("&File") == "&Datei"


def test_a_missing_translations_folder_starts_in_english_with_a_warning(qapp, restored_locale, monkeypatch) -> None:
    """A broken install without resources/i18n raised FileNotFoundError from create_application: no window."""
    import logging

    from beetroot_desktop.ui import i18n

    def missing() -> Path:
        raise FileNotFoundError("resource i18n is missing from /nowhere; reinstall the app")

    warned: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warned.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("beetroot.ui").addHandler(handler)
    monkeypatch.setattr(i18n, "translations_dir", missing)
    try:
        locale = i18n.install_translators("de")
    finally:
        logging.getLogger("beetroot.ui").removeHandler(handler)
    assert locale.language() == QLocale.Language.German
    assert i18n.tr("&File") == "&File"
    assert any("reinstall" in message for message in warned), warned


def test_a_name_with_an_ampersand_shows_it_in_menus_and_buttons(qtbot) -> None:
    """"Tom & Jerry" as "Tom Jerry" with an underlined J (the "&" taken as the Alt+letter mark)."""
    from PySide6.QtWidgets import QMenu

    from beetroot_desktop.library.forget import ForgetPlan
    from beetroot_desktop.ui.item_text import as_label
    from beetroot_desktop.ui.tool_dialogs import forget_dialog

    menu = QMenu()
    action = menu.addAction(as_label("Tom & Jerry && {name}"))
    assert action.iconText() == "Tom & Jerry && {name}"
    plan = ForgetPlan(person_id="p", name="Tom & Jerry", people=("p",), names=("Tom & Jerry",), faces=(1,),
                      photos=1, engine_face_ids=(), face_boxes=())
    dialog = forget_dialog(plan, "Tom & Jerry", None)
    qtbot.addWidget(dialog)
    assert dialog.confirm_button.text() == "Forget Tom && Jerry"
    assert "Tom &amp; Jerry" in dialog.text.text()


def test_big_fonts_scroll_the_settings_tabs_instead_of_cutting_their_texts(qtbot, restored_locale) -> None:
    """German at 192 dpi on a 1000-pixel screen: the General tab squeezed its wrapped texts to half a line and
    pushed Save below the screen. Each tab scrolls now; every text is whole and Save is on the screen."""
    from PySide6.QtWidgets import QLabel
    from ui_helpers import restored_look

    from beetroot_desktop.ui.i18n import install_translators
    from beetroot_desktop.ui.settings_dialog import SettingsDialog

    install_translators("de")
    with restored_look() as app:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        app.setFont(font)
        dialog = SettingsDialog(Settings())
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        screen = dialog.screen().availableGeometry()
        assert dialog.height() <= screen.height()
        save = dialog.buttons.buttons()[0]
        assert dialog.rect().contains(save.geometry().translated(dialog.buttons.pos()))
        cut = []
        for index in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(index)
            qtbot.wait(10)
            for label in dialog.tabs.widget(index).findChildren(QLabel):
                shown = label.isVisible() and label.wordWrap() and label.text()
                if shown and label.height() < label.heightForWidth(label.width()):
                    cut.append(label.text()[:50])
        assert not cut, cut
