"""The window speaks the user's language: every text it shows is in the translation files and translated.

Three nets: the .ts files hold every text the code marks (and each has a German translation, and the .qm
files the app loads are what the .ts files compile to); no text reaches a Qt text setter without `tr()`;
and the window built in German shows no English text that has a translation.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
UI = REPO / "beetroot_desktop" / "ui"
I18N = REPO / "beetroot_desktop" / "resources" / "i18n"

# Qt calls whose string arguments the user reads (the first argument unless listed otherwise).
TEXT_SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip", "setWhatsThis",
    "setAccessibleName", "setAccessibleDescription", "setTitle", "showMessage", "setLabelText", "setItemText",
    "setTabText", "setHeaderLabels", "setInformativeText", "setDetailedText", "setSpecialValueText",
    "setSuffix", "setPrefix", "addMenu", "addTab", "insertTab", "addItem", "insertItem", "addRow", "setFormat",
}
TEXT_CLASSES = {
    "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
}
ALL_ARGUMENTS = {"warning", "information", "critical", "question", "getText", "getItem", "getExistingDirectory",
                 "getOpenFileName", "getOpenFileNames", "getSaveFileName", "addAction", "addTab", "insertTab",
                 "setItemText", "setTabText", "insertItem"}
MESSAGE_BOX = {"warning", "information", "critical", "question"}  # QMessageBox's, not a logger's


def _readable(node: ast.AST) -> bool:
    """A literal a person reads: has letters (an f-string always counts)."""
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and any(c.isalpha() for c in node.value)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def untranslated_literals(source: str) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        owner = _name(node.func.value) if isinstance(node.func, ast.Attribute) else ""
        if name in MESSAGE_BOX and owner != "QMessageBox":
            continue
        if name in TEXT_SETTERS or name in TEXT_CLASSES or name in ALL_ARGUMENTS:
            args = node.args if name in ALL_ARGUMENTS else node.args[:1]
            keywords = [k.value for k in node.keywords if k.arg in ("text", "title", "toolTip", "placeholderText")]
            for arg in [*args, *keywords]:
                if _readable(arg):
                    yield node.lineno, ast.unparse(arg)[:60]


def test_the_lint_sees_a_bare_text_and_passes_a_translated_one() -> None:
    found = list(untranslated_literals('button.setText("Rename")\nlabel.setText(tr("Rename"))\nQLabel(f"{n} photos")\n'
                                       'box.setObjectName("Grid")\nQMessageBox.warning(self, tr("A"), "B")\n'
                                       'log.warning("not for the user: %s", x)\n'))
    assert [line for line, _ in found] == [1, 3, 5]


def test_no_text_reaches_a_qt_widget_without_tr() -> None:
    found = [f"{path.name}:{line}: {text}" for path in sorted(UI.glob("*.py"))
             for line, text in untranslated_literals(path.read_text(encoding="utf-8"))]
    assert not found, "wrap these in tr() (beetroot_desktop/ui/i18n.py):\n" + "\n".join(found)


def test_the_translation_files_hold_every_text_and_are_compiled() -> None:
    """Fails when a new text is not in the .ts files, lacks its German (or English plural) translation, or the
    shipped .qm files are stale: `make translations`, translate, `make translations` again."""
    result = subprocess.run([sys.executable, str(REPO / "tools" / "translations.py"), "check"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n|%L?\d")


def _accelerators(text: str) -> int:
    return text.replace("&&", "").count("&")


def _translations(language: str) -> Iterator[tuple[str, str]]:
    """(source, translation) for every message of beetroot_<language>.ts, each plural form on its own."""
    for message in ET.parse(I18N / f"beetroot_{language}.ts").getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.find("translation")
        if translation is None:
            continue
        forms = ([form.text or "" for form in translation.iter("numerusform")] if message.get("numerus") == "yes"
                 else [translation.text or ""])
        for form in forms:
            yield source, form


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_translation_keeps_the_placeholders_and_accelerators_of_its_source(language: str) -> None:
    """`.format(name=...)` on a translation that lost or renamed `{name}` raises KeyError (or shows the
    name nowhere); a lost `%Ln` shows no number; a second "&" takes another letter. The same {placeholders},
    %n / %Ln and "&" marks as the English, in every form; and a translation `.format()` can read."""
    found = []
    for source, text in _translations(language):
        if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
            found.append(f"placeholders differ: {source!r} -> {text!r}")
        if _accelerators(source) != _accelerators(text):
            found.append(f"accelerators differ: {source!r} -> {text!r}")
        names = {field for _, field, _, _ in string.Formatter().parse(source) if field}
        try:
            text.format(**dict.fromkeys(names, "{x}"))
        except (KeyError, IndexError, ValueError) as exc:
            found.append(f"cannot be formatted ({exc!r}): {text!r}")
    assert not found, "\n".join(found)


def _sources(language: str) -> dict[str, str]:
    translated = {}
    for message in ET.parse(I18N / f"beetroot_{language}.ts").getroot().iter("message"):
        if message.get("numerus") == "yes":
            continue
        translation = message.findtext("translation") or ""
        translated[message.findtext("source") or ""] = translation
    return translated


def _strip_accelerator(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown_texts(widget) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QMenu, QWidget

    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel | QAbstractButton):
            yield child.text()
        if isinstance(child, QGroupBox):
            yield child.title()
        if isinstance(child, QLineEdit):
            yield child.placeholderText()
        if isinstance(child, QMenu):
            yield child.title()
            for action in child.actions():
                yield action.text()
        yield child.toolTip()
        yield child.accessibleName()
        if child.isWindow():
            yield child.windowTitle()


def test_the_window_in_german_shows_no_english_text(german, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from beetroot_desktop.config import Settings
    from beetroot_desktop.ui.main_window import MainWindow
    from beetroot_desktop.ui.settings_dialog import SettingsDialog

    window = MainWindow(Settings(library_dir=str(tmp_path / "lib")), tmp_path / "lib")
    qtbot.addWidget(window)
    titles = [menu.title() for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))
              if menu.title()]
    assert {"&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"} <= set(titles), titles
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    english = {_strip_accelerator(source) for source, german_text in _sources("de").items()
               if german_text and _strip_accelerator(german_text) != _strip_accelerator(source)}
    shown = {_strip_accelerator(text) for w in (window, dialog) for text in _shown_texts(w) if text}
    assert not shown & english, f"shown in English: {sorted(shown & english)}"


def test_a_german_desktop_gets_the_german_window_and_qts_own_german(tmp_path: Path) -> None:
    """The language comes from the system (LANG) with the default setting; Qt's standard buttons follow."""
    import os

    env = {**os.environ, "LANG": "de_DE.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": "",
           "QT_QPA_PLATFORM": "offscreen"}
    code = ("from beetroot_desktop.ui.app import create_application\n"
            "from beetroot_desktop.ui.i18n import tr\n"
            "from PySide6.QtWidgets import QDialogButtonBox as B\n"
            "app = create_application()\n"
            "print(tr('&File'))\n"
            "box = B(B.StandardButton.Cancel)\n"
            "print(box.buttons()[0].text())\n"
            "print(tr('%Ln photo(s)', None, 12345))\n")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == ["&Datei", "Abbrechen", "12.345 Fotos"]


def _accelerator(text: str) -> str:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].lower() if index >= 0 else ""


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_menu_item_has_a_letter_of_its_own(qapp, language: str) -> None:  # type: ignore[no-untyped-def]
    """Alt+letter then the item's letter picks it at once: no two items of a menu (or two menus) share one."""
    from beetroot_desktop.ui.actions import ACTIONS, MENUS
    from beetroot_desktop.ui.i18n import install_translators, tr

    install_translators(language)
    try:
        titles = [_accelerator(tr(title)) for title, _items in MENUS]
        assert all(titles) and len(set(titles)) == len(titles), titles
        for title, items in MENUS:
            texts = [tr(ACTIONS[item].text) for item in items if item is not None]
            letters = [letter for text in texts if (letter := _accelerator(text))]
            assert len(set(letters)) == len(letters), (tr(title), texts)
    finally:
        install_translators("en")


def test_without_the_english_forms_file_counts_still_read_as_english(qapp, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A broken install (no .qm files) says "1 photo" and "3 people", not "1 photo(s)" / "3 person(s)"."""
    from beetroot_desktop.ui import i18n

    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)  # an empty folder
    try:
        i18n.install_translators("en")
        assert i18n.tr("%Ln photo(s)", None, 1) == "1 photo"
        assert i18n.tr("%Ln person(s)", None, 3) == "3 people"
        assert i18n.tr("%Ln face(s) that [belongs|belong] to no one: too small, unclear, or removed by you",
                       None, 2).startswith("2 faces that belong to no one")
    finally:
        monkeypatch.undo()
        i18n.install_translators("en")
    assert i18n.tr("%Ln photo(s)", None, 2) == "2 photos"
