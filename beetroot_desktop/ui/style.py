"""The app's look: Fusion with a calm light palette, the beetroot accent, and one stylesheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#8e1752"
ACCENT_HOVER = "#a3205f"
ACCENT_SOFT = "#f4e4ec"
LEAF = "#3d8b3d"
WINDOW = "#f7f6f8"
SURFACE = "#ffffff"
SIDEBAR = "#efedf2"
TEXT = "#1f1d24"
MUTED = "#6c6876"
BORDER = "#dedae3"
DANGER = "#b3261e"
WARNING_BG = "#fff4e0"
ERROR_BG = "#fdecea"
INFO_BG = "#eef3fb"
DISABLED = "#a7a3ad"

STYLESHEET = f"""
QMainWindow, QDialog {{ background: {WINDOW}; }}
QWidget#Sidebar {{ background: {SIDEBAR}; border-right: 1px solid {BORDER}; }}
QListWidget#Nav {{ background: transparent; border: none; outline: 0; font-size: 10.5pt; }}
QListWidget#Nav::item {{ padding: 8px 10px; margin: 1px 8px; border-radius: 8px; color: {TEXT}; }}
QListWidget#Nav::item:hover {{ background: #e4e1e8; }}
QListWidget#Nav::item:selected {{ background: {ACCENT_SOFT}; color: {ACCENT}; }}
QLabel#AppTitle {{ font-size: 13pt; font-weight: 600; color: {TEXT}; }}
QLabel#LibraryLabel {{ color: {MUTED}; font-size: 8.5pt; }}
QLabel#PageTitle {{ font-size: 17pt; font-weight: 600; color: {TEXT}; }}
QLabel#PageSubtitle, QLabel#Muted {{ color: {MUTED}; }}
QLabel#EmptyTitle {{ font-size: 16pt; font-weight: 600; color: {TEXT}; }}
QLabel#ReviewTitle {{ font-size: 20pt; font-weight: 600; color: {TEXT}; }}
QLabel#ReviewName {{ font-size: 12pt; font-weight: 600; color: {TEXT}; }}
QLabel#ReviewVersus {{ font-size: 28pt; color: {MUTED}; padding-top: 90px; }}
QLabel#EmptyText {{ font-size: 10.5pt; color: {MUTED}; }}
QLabel#FieldError {{ color: {DANGER}; }}
QLabel#FieldOk {{ color: {LEAF}; }}
QLabel#Preview {{ color: {ACCENT}; font-weight: 600; }}
QListView#Grid {{ background: {SURFACE}; border: none; outline: 0; }}
QListView#Activity {{ background: {SURFACE}; border: none; font-family: monospace; }}
QLineEdit {{
    padding: 5px 8px; border: 1px solid {BORDER}; border-radius: 7px; background: {SURFACE};
    selection-background-color: {ACCENT};
}}
QLineEdit:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit:disabled {{ background: {WINDOW}; color: #9a96a0; }}
QComboBox, QSpinBox, QDoubleSpinBox {{ min-height: 24px; }}
QComboBox#InlineCombo {{ background: transparent; color: {ACCENT}; padding: 0 2px; min-height: 18px; }}
QPushButton {{
    padding: 6px 14px; border: 1px solid {BORDER}; border-radius: 7px; background: {SURFACE}; color: {TEXT};
}}
QPushButton:hover {{ background: #f1eff4; }}
QPushButton:disabled {{ color: #aaa6b0; }}
QPushButton#Primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT}; font-weight: 600; }}
QPushButton#Primary:hover {{ background: {ACCENT_HOVER}; }}
QPushButton:checked {{ background: {ACCENT_SOFT}; color: {ACCENT}; border: 1px solid {ACCENT}; }}
QPushButton#Danger {{ background: {DANGER}; color: white; border: 1px solid {DANGER}; font-weight: 600; }}
QToolButton {{ border: none; border-radius: 6px; padding: 4px; }}
QToolButton:hover {{ background: #e9e6ed; }}
QFrame#Banner {{ border-radius: 8px; }}
QFrame#Banner[kind="error"] {{ background: {ERROR_BG}; border: 1px solid #f3c1bc; }}
QFrame#Banner[kind="warning"] {{ background: {WARNING_BG}; border: 1px solid #f1d3a1; }}
QFrame#Banner[kind="info"] {{ background: {INFO_BG}; border: 1px solid #c9d8f0; }}
QFrame#Toolbar {{ background: {WINDOW}; }}
QStatusBar {{ background: {SIDEBAR}; border-top: 1px solid {BORDER}; color: {TEXT}; }}
QStatusBar::item {{ border: none; }}
QProgressBar {{ border: none; border-radius: 4px; background: #e2dee6; max-height: 8px; }}
QProgressBar::chunk {{ border-radius: 4px; background: {ACCENT}; }}
QSlider::groove:horizontal {{ height: 4px; background: #dcd8e0; border-radius: 2px; }}
QSlider::sub-page:horizontal {{ background: {ACCENT}; border-radius: 2px; }}
QSlider::handle:horizontal {{
    background: {SURFACE}; border: 2px solid {ACCENT}; width: 14px; height: 14px; margin: -7px 0;
    border-radius: 9px;
}}
QTabBar::tab {{ padding: 6px 16px; border: none; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {ACCENT}; border-bottom: 2px solid {ACCENT}; }}
QTabWidget::pane {{ border: none; }}
QGroupBox {{ font-weight: 600; border: 1px solid {BORDER}; border-radius: 8px; margin-top: 12px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QGroupBox QLabel, QGroupBox QRadioButton, QGroupBox QPushButton {{ font-weight: normal; }}
QMenu {{ background: {SURFACE}; border: 1px solid {BORDER}; padding: 4px; }}
QMenu::item {{ padding: 5px 22px; border-radius: 5px; }}
QMenu::item:selected {{ background: {ACCENT_SOFT}; color: {TEXT}; }}
QMenu::item:disabled {{ color: {DISABLED}; background: transparent; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QToolTip {{ background: {TEXT}; color: white; border: none; padding: 4px 6px; }}
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    palette.setColor(QPalette.ColorRole.Base, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(SIDEBAR))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(MUTED))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#ffffff"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED))  # e.g. Redo with nothing to redo
    app.setPalette(palette)
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def bold(font: QFont, weight: QFont.Weight = QFont.Weight.DemiBold) -> QFont:
    f = QFont(font)
    f.setWeight(weight)
    return f
