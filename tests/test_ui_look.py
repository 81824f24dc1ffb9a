"""The look: a light and a dark palette whose every text colour is readable (WCAG AA) on every background it
is put on, the appearance setting (system / light / dark) applied at start, from the Settings dialog and when
the desktop changes its scheme, icons that follow the palette at any pixel ratio, and no colour written
anywhere in the window's code but style.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from ui_helpers import restored_look

from beetroot_desktop.config import APPEARANCES, LANGUAGES, Settings, load_settings
from beetroot_desktop.ui import icons, style
from beetroot_desktop.ui.settings_dialog import SettingsChange, SettingsDialog
from beetroot_desktop.ui.style import DARK, DISABLED_PAIRS, LIGHT, TEXT_PAIRS, Palette

UI = Path(__file__).resolve().parents[1] / "beetroot_desktop" / "ui"


# -- WCAG 2.x contrast -----------------------------------------------------------------------------------------
def relative_luminance(color: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour "#rrggbb": 0.2126 R + 0.7152 G + 0.0722 B of the
    linearised channels (c / 12.92 up to 0.04045, else ((c + 0.055) / 1.055) ** 2.4)."""
    value = color.lstrip("#")
    assert len(value) == 6, f"{color} is not an opaque #rrggbb colour"

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(value[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), L1 the lighter."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_matches_known_ratios():
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-too-light grey
    assert contrast("#8e1752", "#8e1752") == pytest.approx(1.0)


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize(("text", "background", "where"), TEXT_PAIRS, ids=[f"{t}-on-{b}" for t, b, _ in TEXT_PAIRS])
def test_every_text_on_its_background_reaches_aa(palette: Palette, text: str, background: str, where: str):
    ratio = contrast(getattr(palette, text), getattr(palette, background))
    assert ratio >= 4.5, f"{palette.name}: {text} on {background} ({where}) is {ratio:.2f}:1"


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_disabled_text_stays_visible(palette: Palette):
    for text, background, where in DISABLED_PAIRS:
        ratio = contrast(getattr(palette, text), getattr(palette, background))
        assert ratio >= 2.0, f"{palette.name}: {text} on {background} ({where}) is {ratio:.2f}:1"


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_the_accent_keeps_aa_both_as_text_and_under_white_text(palette: Palette):
    for background in ("window", "surface", "sidebar", "field", "accent_soft"):
        assert contrast(palette.accent, getattr(palette, background)) >= 4.5, background
    assert palette.on_accent == "#ffffff"
    for fill in ("accent_fill", "accent_fill_hover", "danger_fill"):
        assert contrast("#ffffff", getattr(palette, fill)) >= 4.5, fill


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_check_boxes_and_focus_outlines_stand_out_from_the_window(palette: Palette):
    """WCAG 1.4.11: the edge of a control, and a focus outline, at least 3:1 against what is around it."""
    for background in ("window", "field", "sidebar"):
        assert contrast(palette.control_border, getattr(palette, background)) >= 3.0, background
        assert contrast(palette.accent, getattr(palette, background)) >= 3.0, background  # focus, selection


def test_check_boxes_are_drawn_with_their_edge(app, qtbot):
    from PySide6.QtWidgets import QCheckBox

    style.apply_style(app, "dark")
    box = QCheckBox("Keep XMP sidecars up to date as names change")
    qtbot.addWidget(box)
    box.show()
    image = box.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(min(24, image.width())) for y in range(image.height())}
    assert DARK.control_border in colours


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_colour_of_the_stylesheet_is_a_checked_pair(palette: Palette):
    """A `color:` the stylesheet writes is the text colour of some pair above (so a new text colour cannot
    slip in unchecked), and every background of those pairs is one the stylesheet or the painting uses."""
    sheet = style.stylesheet(palette)
    checked = {getattr(palette, t) for t, _b, _w in TEXT_PAIRS + DISABLED_PAIRS}
    used = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", sheet))
    assert used, "the stylesheet writes no text colour?"
    assert used <= checked, f"text colours with no contrast check: {used - checked}"
    for _t, background, _w in TEXT_PAIRS:
        assert QColor(getattr(palette, background)).isValid()


def test_the_palettes_differ_and_the_dark_one_is_dark():
    assert relative_luminance(DARK.window) < 0.05 < relative_luminance(LIGHT.window)
    assert relative_luminance(DARK.text) > 0.6 > relative_luminance(LIGHT.text)
    assert LIGHT.accent == LIGHT.accent_fill == "#8e1752"  # the light look keeps its beetroot


# -- the setting -------------------------------------------------------------------------------------------------
@pytest.fixture
def app(qtbot) -> Iterator[QApplication]:
    """The application, its look put back as it was after the test (other tests share it)."""
    with restored_look() as application:
        yield application


def _window_colour(application: QApplication) -> str:
    return application.palette().color(QPalette.ColorRole.Window).name()


def test_the_setting_chooses_the_palette(app):
    style.apply_style(app, "dark")
    assert style.colors() is DARK and style.appearance() == "dark"
    assert _window_colour(app) == DARK.window
    assert app.styleSheet() == style.stylesheet(DARK)
    assert app.palette().color(QPalette.ColorRole.Text).name() == DARK.text
    style.apply_style(app, "light")
    assert style.colors() is LIGHT and _window_colour(app) == LIGHT.window
    assert app.styleSheet() == style.stylesheet(LIGHT)
    style.apply_style(app, "nonsense")  # a bad value counts as "system" (offscreen: no scheme, so light)
    assert style.appearance() == "system" and style.colors() is LIGHT


def test_system_follows_the_desktop_live_and_a_fixed_choice_does_not(app):
    style.apply_style(app, "system")
    assert style.colors() is LIGHT  # the offscreen platform says nothing about its scheme: light
    style.on_color_scheme_changed(Qt.ColorScheme.Dark)  # what styleHints().colorSchemeChanged delivers
    assert style.colors() is DARK and _window_colour(app) == DARK.window
    assert app.styleSheet() == style.stylesheet(DARK)
    style.on_color_scheme_changed(Qt.ColorScheme.Light)
    assert style.colors() is LIGHT and _window_colour(app) == LIGHT.window
    style.on_color_scheme_changed(Qt.ColorScheme.Unknown)
    assert style.colors() is LIGHT

    style.apply_style(app, "light")
    style.on_color_scheme_changed(Qt.ColorScheme.Dark)  # the setting says light: the desktop does not matter
    assert style.colors() is LIGHT
    style.apply_style(app, "dark")
    style.on_color_scheme_changed(Qt.ColorScheme.Light)
    assert style.colors() is DARK


def test_the_handler_listens_to_the_style_hints(app):
    style.apply_style(app, "system")
    hints = app.styleHints()
    if not hasattr(hints, "colorSchemeChanged"):
        pytest.skip("Qt before 6.5 has no colour scheme")
    assert style._state.watching is hints
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # as the platform would
    assert style.colors() is DARK


def test_a_toned_label_follows_the_scheme(app, qtbot):
    label = QLabel("Connected.")
    qtbot.addWidget(label)
    style.apply_style(app, "light")
    style.set_tone(label, "leaf")
    assert LIGHT.leaf in label.styleSheet()
    style.apply_style(app, "dark")
    assert DARK.leaf in label.styleSheet()
    style.set_tone(label, None)
    assert label.styleSheet() == ""
    style.apply_style(app, "light")
    assert label.styleSheet() == ""
    with pytest.raises(ValueError):
        style.set_tone(label, "chartreuse")


# -- icons -------------------------------------------------------------------------------------------------------
def _ink(icon: QIcon, side: int = 32, scale: float = 1.0, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    """The opaque colours an icon is drawn with."""
    image = icon.pixmap(QSize(side, side), scale, mode).toImage()
    found = set()
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.alpha() == 255:
                found.add(c.name())
    return found


def test_icons_follow_the_palette_and_are_sharp_at_any_ratio(app):
    icon = icons.icon("people", "text", 16)
    style.apply_style(app, "light")
    assert _ink(icon) == {LIGHT.text}
    style.apply_style(app, "dark")
    assert _ink(icon) == {DARK.text}  # the same QIcon, drawn anew in the dark palette
    assert _ink(icon, mode=QIcon.Mode.Disabled) == {DARK.disabled}
    assert _ink(icons.icon("import", "on_accent", 18)) == {"#ffffff"}
    for scale in (1.0, 1.5, 2.0, 3.0):
        pixmap = icon.pixmap(QSize(16, 16), scale)
        assert pixmap.devicePixelRatio() == scale
        assert pixmap.width() == round(16 * scale)  # drawn at the device's pixels, not scaled up
    with pytest.raises(KeyError):
        icons.icon("no-such-icon")


def test_the_empty_page_picture_paints_itself(app, qtbot):
    label = icons.IconLabel("photos", "accent", 72)
    qtbot.addWidget(label)
    label.resize(100, 100)
    style.apply_style(app, "dark")
    image = label.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert DARK.accent in colours


# -- the Settings dialog and the window ------------------------------------------------------------------------
def test_the_appearance_and_language_are_saved_and_loaded(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.appearance_page
    assert [page.appearance.itemData(i) for i in range(page.appearance.count())] == list(APPEARANCES)
    assert [page.language.itemData(i) for i in range(page.language.count())] == list(LANGUAGES)
    assert [page.appearance.itemText(i) for i in range(page.appearance.count())] == ["System", "Light", "Dark"]
    assert [page.language.itemText(i) for i in range(page.language.count())] == ["System", "English", "Deutsch"]
    assert page.appearance.currentData() == "system" and page.language.currentData() == "system"
    page.appearance.setCurrentIndex(page.appearance.findData("dark"))
    page.language.setCurrentIndex(page.language.findData("de"))
    with qtbot.waitSignal(dialog.applied, timeout=5000) as applied:
        assert dialog.save()
    change = applied.args[0]
    assert change.appearance_changed and change.new.appearance == "dark"
    saved = load_settings()
    assert (saved.appearance, saved.language) == ("dark", "de")
    again = SettingsDialog(saved)
    qtbot.addWidget(again)
    assert again.appearance_page.appearance.currentData() == "dark"
    assert again.appearance_page.language.currentData() == "de"


def test_the_window_applies_a_new_appearance_at_once(app, qtbot, tmp_path):
    from beetroot_desktop.ui.main_window import MainWindow

    style.apply_style(app, "light")
    old = Settings()
    window = MainWindow(old, tmp_path / "library")
    qtbot.addWidget(window)
    new = Settings(appearance="dark")
    window.apply_settings(SettingsChange(old, new))
    assert style.colors() is DARK and _window_colour(app) == DARK.window
    window.apply_settings(SettingsChange(new, Settings(appearance="system")))
    assert style.appearance() == "system" and style.colors() is LIGHT  # offscreen: no scheme, so light


# -- no colour outside style.py ----------------------------------------------------------------------------------
COLOUR = re.compile(
    r"(?<=[\s\"':(])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b"  # "#rrggbb" (not "QLabel#Name")
    r"|QColor\(\s*\d"  # QColor(31, 29, 36)
    r"|QColor\(\s*[\"'][a-z]"  # QColor("white")
    r"|rgba?\("  # rgba(255, 255, 255, 40) in a stylesheet
    r"|GlobalColor\.(?!transparent)"  # Qt.GlobalColor.white
)


def test_no_colour_is_written_in_the_window_outside_style_py():
    found = []
    for path in sorted(UI.glob("*.py")):
        if path.name == "style.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if COLOUR.search(line):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert not found, "colours belong in style.py's palettes:\n" + "\n".join(found)


# -- pictures drawn before a switch ------------------------------------------------------------------------------
def _centre(pixmap) -> str:  # type: ignore[no-untyped-def]
    image = pixmap.toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2).name()


def test_placeholders_drawn_before_a_switch_take_the_new_palette(app, qtbot, tmp_path):
    """The person page's round face and the Missing page's photo square, when there is no thumbnail to show,
    are pixmaps: drawn again when light turns dark, not kept from the palette they were first drawn in."""
    from synthetic_library import people_library

    from beetroot_desktop.ui.main_window import MainWindow
    from beetroot_desktop.ui.missing_page import MissingModel, MissingRow

    style.apply_style(app, "light")
    with people_library(tmp_path / "lib", {"p-ann": 2}) as folder:
        window = MainWindow(Settings(), folder)
        qtbot.addWidget(window)
        window.show()
        assert window.open_library()
        window.open_person("p-ann")
        page = window.person_page
        qtbot.waitUntil(lambda: page._cover is not None, timeout=5000)
        light_face = _centre(page.avatar.pixmap())
        model = MissingModel(window.ctx)
        model.set_rows([MissingRow(1, str(tmp_path / "gone.jpg"), "missing", "", 1, None)])
        light_square = _centre(model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole).pixmap(64, 64))

        style.apply_style(app, "dark")
        qtbot.waitUntil(lambda: _centre(page.avatar.pixmap()) != light_face, timeout=5000)
        dark_square = _centre(model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole).pixmap(64, 64))
        assert dark_square != light_square
        assert QColor(dark_square).lightness() < QColor(light_square).lightness()
        window.close()
