"""The app's look: Fusion with a calm light or dark palette, the beetroot accent, and one stylesheet made
from the active palette.

`apply_style(app, appearance)` applies the `appearance` setting: "system" follows the desktop's light or dark
scheme (and follows it live when it changes), "light" and "dark" always. Code that paints asks `colors()` for
the active palette when it paints, never keeping a colour from before, so a change of scheme repaints the
window in the new colours; icons.py's icons paint themselves the same way, and a label coloured by its state
uses `set_tone` (the colour follows the scheme too).

Contrast: every text colour on every background the look puts it on is WCAG AA (at least 4.5:1) in both
palettes; `TEXT_PAIRS` lists those pairs and tests/test_ui_look.py checks them. The accent has two forms for
that: `accent` for accent text and outlines on the window's backgrounds, `accent_fill` under white text
(buttons, badges); in the light palette they are the same colour, in the dark one the text form is lighter.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QProxyStyle,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QTabBar,
    QWidget,
)

log = logging.getLogger("beetroot.ui")


@dataclass(frozen=True)
class Palette:
    """The colours of one scheme, as "#rrggbb" (or "#aarrggbb" where see-through). `q(name)` gives a QColor."""

    name: str  # "light" or "dark"
    # Backgrounds
    window: str  # pages and dialogs
    surface: str  # the grids and lists
    field: str  # buttons, text fields, menus
    sidebar: str  # the sidebar and the status bar
    border: str
    control_border: str  # the edge of a check box or radio button (3:1 on the window, WCAG 1.4.11)
    hover: str  # a sidebar row under the mouse
    field_hover: str  # a button under the mouse
    tool_hover: str  # a tool button under the mouse
    tile_hover: str  # a tile under the mouse
    track: str  # the empty part of a progress bar
    groove: str  # the empty part of a slider
    placeholder: str  # a thumbnail not loaded yet
    placeholder_mark: str  # the figure drawn on it
    overlay: str  # over the window while files are dragged onto it
    # Text
    text: str
    muted: str  # secondary text
    disabled: str  # text of a disabled control (WCAG exempts these; still readable)
    disabled_field: str  # text in a disabled text field, and of a disabled button
    tooltip: str
    tooltip_text: str
    # The beetroot accent
    accent: str  # accent text, outlines and marks on the backgrounds above and on accent_soft
    accent_soft: str  # a selected row or tile; text on it: text, muted or accent
    accent_fill: str  # a filled accent (primary button, badge, text selection) under on_accent text
    accent_fill_hover: str
    on_accent: str
    # Meaning
    leaf: str  # good: a match, a connection that works
    warning: str
    danger: str  # error text
    danger_fill: str  # a destructive button, under on_accent text
    error_bg: str
    error_border: str
    warning_bg: str
    warning_border: str
    info_bg: str
    info_border: str
    # On photos: the same in both schemes (the viewer is dark, photos are any colour)
    stage: str = "#17151b"  # the viewer's background
    stage_text: str = "#f4f2f6"
    stage_muted: str = "#b9b4c0"
    stage_error: str = "#f2b8b5"
    stage_hover: str = "#28ffffff"
    chip: str = "#d719171e"  # a face's label
    chip_text: str = "#ffffff"
    chip_muted: str = "#dcd8e0"  # the label of a face nobody is assigned to
    box_named: str = "#ef5ba1"  # the beetroot accent, lightened to stand out on dark and busy photos
    box_assigned: str = "#ffffff"
    box_unassigned: str = "#c9c4cf"
    box_halo: str = "#6e000000"  # a dark halo keeps a box visible on light photos
    box_draft: str = "#f4e4ec"  # a box being drawn
    box_draft_fill: str = "#28ffffff"
    box_draft_halo: str = "#78000000"
    scrim: str = "#be1f1d24"  # a label on a photo ("Offline")
    scrim_text: str = "#ffffff"
    photo_hover: str = "#28ffffff"
    drag_ring: str = "#ffffff"  # around a dragged face

    def q(self, name: str) -> QColor:
        return QColor(getattr(self, name))

    @property
    def dark(self) -> bool:
        return self.name == "dark"


LIGHT = Palette(
    name="light",
    window="#f7f6f8", surface="#ffffff", field="#ffffff", sidebar="#efedf2", border="#dedae3", control_border="#8b8794",
    hover="#e4e1e8", field_hover="#f1eff4", tool_hover="#e9e6ed", tile_hover="#f3f1f6",
    track="#e2dee6", groove="#dcd8e0", placeholder="#ebe8ef", placeholder_mark="#c9c4cf", overlay="#e1f7f6f8",
    text="#1f1d24", muted="#5f5b68", disabled="#a7a3ad", disabled_field="#9a96a0",
    tooltip="#1f1d24", tooltip_text="#ffffff",
    accent="#8e1752", accent_soft="#f4e4ec", accent_fill="#8e1752", accent_fill_hover="#a3205f", on_accent="#ffffff",
    leaf="#2e7d32", warning="#a15c00", danger="#b3261e", danger_fill="#b3261e",
    error_bg="#fdecea", error_border="#f3c1bc", warning_bg="#fff4e0", warning_border="#f1d3a1",
    info_bg="#eef3fb", info_border="#c9d8f0",
)

DARK = Palette(
    name="dark",
    window="#1e1d22", surface="#19181c", field="#2c2a31", sidebar="#25232a", border="#3a3741", control_border="#85818f",
    hover="#322f38", field_hover="#36333c", tool_hover="#36333c", tile_hover="#26242b",
    track="#37343d", groove="#403c46", placeholder="#2c2a31", placeholder_mark="#4b4753", overlay="#e11e1d22",
    text="#ecebef", muted="#aba7b4", disabled="#6d6975", disabled_field="#77737f",
    tooltip="#45424c", tooltip_text="#f4f2f6",
    accent="#f28dbd", accent_soft="#4a2239", accent_fill="#a3205f", accent_fill_hover="#b42b6f", on_accent="#ffffff",
    leaf="#7cc47f", warning="#e6a756", danger="#ff8f86", danger_fill="#b3261e",
    error_bg="#3a2124", error_border="#6b3236", warning_bg="#3a2e1a", warning_border="#6b5427",
    info_bg="#1f2a3a", info_border="#34496a",
)

PALETTES = {"light": LIGHT, "dark": DARK}

# Every text colour the look puts on a background (the stylesheet below, the tiles, the sidebar's counts,
# the activity lines): (text, background, where). Each must reach WCAG AA, 4.5:1, in both palettes.
TEXT_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("text", "window", "page titles, labels, dialogs"),
    ("text", "surface", "activity lines, tile names"),
    ("text", "field", "buttons, text fields, menus"),
    ("text", "field_hover", "a button under the mouse"),
    ("text", "sidebar", "sidebar rows, app title, status bar"),
    ("text", "hover", "a sidebar row under the mouse"),
    ("text", "tile_hover", "a tile under the mouse"),
    ("text", "accent_soft", "a selected tile, a menu item under the mouse"),
    ("text", "error_bg", "error banner"),
    ("text", "warning_bg", "warning banner"),
    ("text", "info_bg", "info banner"),
    ("muted", "window", "subtitles, notes"),
    ("muted", "surface", "tile subtitles"),
    ("muted", "field", "placeholder text in a text field"),
    ("muted", "sidebar", "library label, sidebar counts"),
    ("muted", "hover", "a sidebar count under the mouse"),
    ("muted", "tile_hover", "a tile's subtitle under the mouse"),
    ("muted", "accent_soft", "a selected tile's subtitle, a selected row's count"),
    ("muted", "error_bg", "error banner"),
    ("muted", "warning_bg", "warning banner"),
    ("muted", "info_bg", "info banner"),
    ("accent", "window", "preview, inline choices, selected tab, drop hint"),
    ("accent", "surface", "activity: no match"),
    ("accent", "field", "a checked button's text"),
    ("accent", "accent_soft", "the selected sidebar row, a checked button"),
    ("accent", "sidebar", "the sidebar"),
    ("on_accent", "accent_fill", "primary buttons, badges, selected text"),
    ("on_accent", "accent_fill_hover", "a primary button under the mouse"),
    ("on_accent", "danger_fill", "destructive buttons"),
    ("tooltip_text", "tooltip", "tooltips"),
    ("danger", "window", "a problem under its field"),
    ("danger", "surface", "activity: errors"),
    ("leaf", "window", "a field's good news"),
    ("leaf", "surface", "activity: matches"),
    ("warning", "surface", "activity: warnings"),
    ("stage_text", "stage", "the viewer: the photo's name"),
    ("stage_muted", "stage", "the viewer: date, position, hints"),
    ("stage_error", "stage", "the viewer: a photo that cannot be shown"),
)
# Disabled controls: exempt from 4.5:1 (WCAG 1.4.3), kept visible (the tests ask for 2:1).
DISABLED_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("disabled", "window", "disabled labels, menu items"),
    ("disabled", "field", "disabled menu items"),
    ("disabled_field", "window", "a disabled text field"),
    ("disabled_field", "field", "a disabled button"),
)


def css(color: str) -> str:
    """A palette colour as a stylesheet writes it: "#rrggbb", or rgba() for "#aarrggbb"."""
    c = QColor(color)
    if c.alpha() == 255:
        return c.name()
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {c.alpha()})"


def stylesheet(c: Palette) -> str:
    """The app's stylesheet in the colours of `c`."""
    return f"""
QMainWindow, QDialog {{ background: {c.window}; }}
QWidget#Sidebar {{ background: {c.sidebar}; border-right: 1px solid {c.border}; }}
QListWidget#Nav {{ background: transparent; border: none; outline: 0; font-size: 10.5pt; }}
QListWidget#Nav::item {{ padding: 8px 10px; margin: 1px 8px; border-radius: 8px; color: {c.text}; }}
QListWidget#Nav::item:hover {{ background: {c.hover}; }}
QListWidget#Nav::item:selected {{ background: {c.accent_soft}; color: {c.accent}; }}
QListWidget#Nav::item:focus {{ border: 2px solid {c.accent}; padding: 6px 8px; }}
QLabel#AppTitle {{ font-size: 13pt; font-weight: 600; color: {c.text}; }}
QLabel#LibraryLabel {{ color: {c.muted}; font-size: 8.5pt; }}
QLabel#PageTitle {{ font-size: 17pt; font-weight: 600; color: {c.text}; }}
QLabel#PageSubtitle, QLabel#Muted {{ color: {c.muted}; }}
QLabel#EmptyTitle {{ font-size: 16pt; font-weight: 600; color: {c.text}; }}
QLabel#ReviewTitle {{ font-size: 20pt; font-weight: 600; color: {c.text}; }}
QLabel#ReviewName {{ font-size: 12pt; font-weight: 600; color: {c.text}; }}
QLabel#ReviewVersus {{ font-size: 28pt; color: {c.muted}; padding-top: 90px; }}
QLabel#EmptyText {{ font-size: 10.5pt; color: {c.muted}; }}
QLabel#FieldError {{ color: {c.danger}; }}
QLabel#FieldOk {{ color: {c.leaf}; }}
QLabel#Preview {{ color: {c.accent}; font-weight: 600; }}
QListView#Grid {{ background: {c.surface}; border: none; outline: 0; }}
QListView#Activity {{ background: {c.surface}; border: none; font-family: monospace; }}
QLineEdit {{
    padding: 5px 8px; border: 1px solid {c.border}; border-radius: 7px; background: {c.field}; color: {c.text};
    selection-background-color: {c.accent_fill}; selection-color: {c.on_accent};
}}
QLineEdit:focus {{ border: 1px solid {c.accent}; }}
QLineEdit:disabled {{ background: {c.window}; color: {c.disabled_field}; }}
QComboBox, QSpinBox, QDoubleSpinBox {{ min-height: 24px; }}
QComboBox#InlineCombo {{ background: transparent; color: {c.accent}; padding: 0 2px; min-height: 18px; }}
QPushButton {{
    padding: 6px 14px; border: 1px solid {c.border}; border-radius: 7px; background: {c.field}; color: {c.text};
}}
QPushButton:hover {{ background: {c.field_hover}; }}
QPushButton:disabled {{ color: {c.disabled_field}; }}
QPushButton#Primary {{
    background: {c.accent_fill}; color: {c.on_accent}; border: 1px solid {c.accent_fill}; font-weight: 600;
}}
QPushButton#Primary:hover {{ background: {c.accent_fill_hover}; }}
QPushButton:checked {{ background: {c.accent_soft}; color: {c.accent}; border: 1px solid {c.accent}; }}
QPushButton#Danger {{
    background: {c.danger_fill}; color: {c.on_accent}; border: 1px solid {c.danger_fill}; font-weight: 600;
}}
QPushButton:focus {{ border: 2px solid {c.accent}; padding: 5px 13px; }}
QPushButton#Primary:focus, QPushButton#Danger:focus, QPushButton:checked:focus {{ border: 2px solid {c.text}; }}
QToolButton {{ border: none; border-radius: 6px; padding: 4px; }}
QToolButton:hover {{ background: {c.tool_hover}; }}
QToolButton:focus {{ border: 2px solid {c.accent}; padding: 2px; }}
QFrame#Banner {{ border-radius: 8px; }}
QFrame#Banner QLabel {{ color: {c.text}; }}
QFrame#Banner[kind="error"] {{ background: {c.error_bg}; border: 1px solid {c.error_border}; }}
QFrame#Banner[kind="warning"] {{ background: {c.warning_bg}; border: 1px solid {c.warning_border}; }}
QFrame#Banner[kind="info"] {{ background: {c.info_bg}; border: 1px solid {c.info_border}; }}
QFrame#Toolbar {{ background: {c.window}; }}
QStatusBar {{ background: {c.sidebar}; border-top: 1px solid {c.border}; color: {c.text}; }}
QStatusBar::item {{ border: none; }}
QProgressBar {{ border: none; border-radius: 4px; background: {c.track}; max-height: 8px; }}
QProgressBar::chunk {{ border-radius: 4px; background: {c.accent}; }}
QSlider::groove:horizontal {{ height: 4px; background: {c.groove}; border-radius: 2px; }}
QSlider::sub-page:horizontal {{ background: {c.accent}; border-radius: 2px; }}
QSlider::handle:horizontal {{
    background: {c.field}; border: 2px solid {c.accent}; width: 14px; height: 14px; margin: -7px 0;
    border-radius: 9px;
}}
QSlider::handle:horizontal:focus {{ background: {c.accent}; border-color: {c.text}; }}
QTabBar::tab {{ padding: 6px 16px; border: none; color: {c.muted}; }}
QTabBar::tab:selected {{ color: {c.accent}; border-bottom: 2px solid {c.accent}; }}
QTabBar::tab:focus {{ border: 2px solid {c.accent}; border-radius: 6px; padding: 4px 14px; }}
QTabWidget::pane {{ border: none; }}
QGroupBox {{ font-weight: 600; border: 1px solid {c.border}; border-radius: 8px; margin-top: 12px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {c.text}; }}
QGroupBox QLabel, QGroupBox QRadioButton, QGroupBox QPushButton {{ font-weight: normal; }}
QMenu {{ background: {c.field}; border: 1px solid {c.border}; padding: 4px; color: {c.text}; }}
QMenu::item {{ padding: 5px 22px; border-radius: 5px; }}
QMenu::item:selected {{ background: {c.accent_soft}; color: {c.text}; }}
QMenu::item:disabled {{ color: {c.disabled}; background: transparent; }}
QMenu::separator {{ height: 1px; background: {c.border}; margin: 4px 8px; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QToolTip {{ background: {c.tooltip}; color: {c.tooltip_text}; border: none; padding: 4px 6px; }}
"""


def qpalette(c: Palette) -> QPalette:
    """The Qt palette for `c` (what Fusion draws with where the stylesheet says nothing: combo boxes, check
    boxes, scroll bars, tables, standard dialogs)."""
    R, G = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette(QColor(c.field), QColor(c.window))  # derives Light, Mid, Dark, Shadow from these
    for role, name in ((R.Window, "window"), (R.Base, "field"), (R.AlternateBase, "sidebar"),
                       (R.Text, "text"), (R.WindowText, "text"), (R.ButtonText, "text"), (R.Button, "field"),
                       (R.Highlight, "accent_fill"), (R.HighlightedText, "on_accent"), (R.PlaceholderText, "muted"),
                       (R.ToolTipBase, "tooltip"), (R.ToolTipText, "tooltip_text"), (R.Link, "accent"),
                       (R.LinkVisited, "accent"), (R.BrightText, "on_accent")):
        palette.setColor(role, c.q(name))
    if hasattr(R, "Accent"):  # Qt 6.6
        palette.setColor(R.Accent, c.q("accent_fill"))
    for role in (R.Text, R.WindowText, R.ButtonText):
        palette.setColor(G.Disabled, role, c.q("disabled"))  # e.g. Redo with nothing to redo
    palette.setColor(G.Disabled, R.Base, c.q("window"))
    return palette


def keyboard_focus(option: QStyleOption) -> bool:
    """Whether what `option` paints has the focus, reached with the keys (no ring after a click)."""
    state = option.state  # type: ignore[attr-defined]
    return bool(state & QStyle.StateFlag.State_HasFocus and state & QStyle.StateFlag.State_KeyboardFocusChange)


def focus_ring(painter: QPainter, rect: QRectF, radius: float = 4.0, width: float = 2.0) -> None:
    """The focus outline: an accent ring (3:1 or more against the window, the fields and the sidebar in both
    palettes) inside `rect`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colors().q("accent"), width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = width / 2
    painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), radius, radius)
    painter.restore()


class _Look(QProxyStyle):
    """Fusion, with check boxes and radio buttons edged so they can be seen on a dark window too (Fusion
    draws their edge darker than the window, which a dark window swallows), and a focus outline that can be
    seen in both palettes (Fusion's is a faint line of the selection colour): an accent ring around a focused
    check box's or radio button's text, a list's current row, a combo box. Buttons, tool buttons, tabs, the
    sidebar and the sliders have theirs in the stylesheet; grid tiles draw their own (delegates.py)."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            boxes = isinstance(widget, (QCheckBox, QRadioButton))
            ringed = isinstance(widget, (QAbstractButton, QTabBar)) and not boxes  # by the stylesheet
            if keyboard_focus(option) and not ringed:
                focus_ring(painter, QRectF(option.rect))  # type: ignore[attr-defined]
            return
        super().drawPrimitive(element, option, painter, widget)
        round_ = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not round_ and element != QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            return
        state = option.state  # type: ignore[attr-defined]
        painter.save()  # also when focused: the ring around the text shows the focus, the box keeps its edge
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        role = "control_border" if state & QStyle.StateFlag.State_Enabled else "disabled"
        painter.setPen(QPen(colors().q(role), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)  # type: ignore[attr-defined]
        if round_:
            painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ComboBox and keyboard_focus(option):
            focus_ring(painter, QRectF(option.rect), radius=4.0)


class _State:
    appearance = "system"
    active: Palette = LIGHT
    applying = False  # apply_style is changing the scheme hint itself (its signal is not the desktop's)
    watching: Any = None  # the QStyleHints whose colorSchemeChanged is connected


_state = _State()


def colors() -> Palette:
    """The active palette: what painting code paints with (ask at paint time; it changes with the scheme)."""
    return _state.active


def appearance() -> str:
    return _state.appearance


def palette_for(scheme: Any) -> Palette:
    """The palette for a Qt.ColorScheme: dark for Dark, else light (also for Unknown: the desktop says nothing)."""
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def system_palette(app: QGuiApplication | None = None) -> Palette:
    """The palette for the desktop's scheme now."""
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    hints = app.styleHints() if app is not None else None
    if hints is not None and hasattr(hints, "colorScheme"):  # Qt 6.5
        return palette_for(hints.colorScheme())
    return LIGHT


def apply_style(app: QApplication, appearance: str = "system") -> None:
    """Apply the `appearance` setting ("system", "light" or "dark"; anything else counts as "system") to
    `app` now, and with "system", again whenever the desktop changes its scheme."""
    fusion = QStyleFactory.create("Fusion")
    app.setStyle(_Look(fusion) if fusion is not None else "Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    _state.appearance = appearance if appearance in PALETTES else "system"
    hints = app.styleHints()
    if hasattr(hints, "colorSchemeChanged") and _state.watching is not hints:
        hints.colorSchemeChanged.connect(on_color_scheme_changed)
        _state.watching = hints
    if hasattr(hints, "setColorScheme"):  # Qt 6.8: native dialogs and the title bar follow the setting
        _state.applying = True
        try:
            if _state.appearance == "system":
                hints.unsetColorScheme()
            else:
                hints.setColorScheme(Qt.ColorScheme.Dark if _state.appearance == "dark" else Qt.ColorScheme.Light)
        finally:
            _state.applying = False
    palette = PALETTES[_state.appearance] if _state.appearance in PALETTES else system_palette(app)
    _use(app, palette, force=True)


def on_color_scheme_changed(scheme: Any = None) -> None:
    """The desktop changed its scheme (styleHints().colorSchemeChanged, which passes the new one): with
    appearance "system", the window follows."""
    app = QApplication.instance()
    if _state.appearance != "system" or _state.applying or not isinstance(app, QApplication):
        return
    _use(app, system_palette(app) if scheme is None else palette_for(scheme))


def _use(app: QApplication, palette: Palette, force: bool = False) -> None:
    if palette is _state.active and not force and app.styleSheet():
        return
    _state.active = palette
    app.setPalette(qpalette(palette))
    app.setStyleSheet(stylesheet(palette))
    for widget in app.allWidgets():
        tone = widget.property(_TONE)
        if tone:
            widget.setStyleSheet(f"color: {css(getattr(palette, str(tone)))};")
        widget.update()  # what paints itself from colors() (tiles, icons, the viewer) repaints


_TONE = "beetrootTone"
TONES = tuple(f.name for f in fields(Palette) if f.name != "name")


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Colour `widget`'s text with the palette's `tone` ("muted", "leaf", "danger", ...), or its usual colour
    with None; the colour follows the scheme when it changes."""
    if tone is not None and tone not in TONES:
        raise ValueError(f"no colour {tone!r} in the palette")
    widget.setProperty(_TONE, tone or "")
    widget.setStyleSheet(f"color: {css(getattr(colors(), tone))};" if tone else "")


def bold(font: QFont, weight: QFont.Weight = QFont.Weight.DemiBold) -> QFont:
    f = QFont(font)
    f.setWeight(weight)
    return f
