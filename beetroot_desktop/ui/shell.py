"""The main window's frame, which needs no library: the sidebar, the banners, the drop overlay and the
job status in the status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from . import icons, style
from .i18n import QT_TR_NOOP, number, tr
from .widgets import Banner

SECTIONS = (("people", QT_TR_NOOP("People"), "people"), ("photos", QT_TR_NOOP("All Photos"), "photos"),
            ("unassigned", QT_TR_NOOP("Unassigned faces"), "unknown"), ("review", QT_TR_NOOP("Review"), "review"),
            ("activity", QT_TR_NOOP("Activity"), "activity"), ("missing", QT_TR_NOOP("Missing photos"), "missing"))
REVIEW_ROW = 3  # the questions waiting for an answer, counted in a badge (no number when there are none)
ACTIVITY_ROW = 4
MISSING_ROW = 5  # listed only while some photos are missing or offline: last, so the rows above never move


def section_count(key: str, counts: dict[str, int]) -> int:
    """The number a section's row shows: Missing photos counts the offline ones too."""
    if key == "missing":
        return counts.get("missing", 0) + counts.get("offline", 0)
    return counts.get(key, 0)


class NavDelegate(QStyledItemDelegate):
    """Sidebar rows with a muted count on the right (counts kept here, by row); a row that asks for
    attention (Missing photos) has its count in a badge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[int, int] = {}
        self.badges: set[int] = {REVIEW_ROW, MISSING_ROW}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        count = self.counts.get(index.row())
        if not count:  # nothing to count: no number, like a mail client's empty folder
            return
        painter.save()
        text = number(count)
        if index.row() in self.badges:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            width = max(22, painter.fontMetrics().horizontalAdvance(text) + 12)
            badge = QRectF(option.rect.right() - 18 - width, option.rect.center().y() - 10, width, 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.colors().q("accent_fill"))
            painter.drawRoundedRect(badge, 10, 10)
            painter.setPen(style.colors().q("on_accent"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        else:
            painter.setPen(style.colors().q("muted"))
            rect = option.rect.adjusted(0, 0, -22, 0)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 38))


class Sidebar(QWidget):
    """The app's name, the sections with their counts, Import Folder…, and where the library is.

    The sections' list takes the keyboard focus like any list: Tab reaches it, the arrows move from section
    to section (the page follows the current row), Enter opens the current section again (from a person's
    page, say); a screen reader hears each row's name and count."""

    WIDTH, NARROW_WIDTH = 236, 196

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="Sidebar")
        self.setFixedWidth(self.WIDTH)
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 18, 0, 14)
        side.setSpacing(6)
        brand = QHBoxLayout()
        brand.setContentsMargins(18, 0, 18, 8)
        logo = QLabel()
        logo.setPixmap(app_icon_pixmap(30))
        brand.addWidget(logo)
        brand.addWidget(QLabel(tr("Beetroot"), objectName="AppTitle"))
        brand.addStretch(1)
        side.addLayout(brand)
        self.nav = QListWidget(objectName="Nav")
        self.nav_delegate = NavDelegate(self.nav)
        self.nav.setItemDelegate(self.nav_delegate)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.nav.setAccessibleName(tr("Sections"))
        self.nav.setAccessibleDescription(tr("The arrow keys move between the sections; the page follows."))
        for _key, label, icon_name in SECTIONS:
            self.nav.addItem(QListWidgetItem(icons.icon(icon_name, "text", 20), tr(label)))
        self.nav.setRowHidden(MISSING_ROW, True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        side.addWidget(self.nav, 1)
        self.import_button = QPushButton(icons.icon("import", "on_accent", 18), "  " + tr("Import Folder…"),
                                         objectName="Primary")
        self.import_button.setAccessibleName(tr("Import Folder…"))
        self.import_button.setCursor(Qt.CursorShape.PointingHandCursor)
        import_row = QHBoxLayout()
        import_row.setContentsMargins(16, 0, 16, 0)
        import_row.addWidget(self.import_button)
        side.addLayout(import_row)
        self.library_label = QLabel(objectName="LibraryLabel")
        self.library_label.setWordWrap(True)
        self.library_label.setContentsMargins(18, 6, 18, 0)
        side.addWidget(self.library_label)
        self._extra = self._text_overflow()
        self.setFixedWidth(self.WIDTH + self._extra)

    def _text_overflow(self) -> int:
        """How much wider than WIDTH a translation needs (WIDTH fits the English names and button)."""
        self.nav.ensurePolished()
        nav, button = self.nav.fontMetrics(), self.import_button.fontMetrics()
        names = max(nav.horizontalAdvance(tr(label)) for _key, label, _icon in SECTIONS)
        english_names = max(nav.horizontalAdvance(label) for _key, label, _icon in SECTIONS)
        label = button.horizontalAdvance(self.import_button.text())
        english_label = button.horizontalAdvance("  Import Folder…")
        return max(0, names - english_names, label - english_label)

    def set_narrow(self, narrow: bool) -> None:
        """Narrower in a narrow window (the section names and counts still fit)."""
        self.setFixedWidth((self.NARROW_WIDTH if narrow else self.WIDTH) + self._extra)

    def set_library(self, path: object) -> None:
        self.library_label.setText(tr("Library: {path}").format(path=path))
        self.library_label.setToolTip(str(path))

    def set_counts(self, counts: dict[str, int]) -> None:
        for row, (key, label, _icon) in enumerate(SECTIONS):
            count = self.nav_delegate.counts[row] = section_count(key, counts)
            spoken = tr("{section}: {count}").format(section=tr(label), count=number(count)) if count else tr(label)
            self.nav.item(row).setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        # Missing photos is listed while there are some, and while it is open (it says when none are left).
        missing = self.nav_delegate.counts[MISSING_ROW]
        self.nav.setRowHidden(MISSING_ROW, not missing and self.nav.currentRow() != MISSING_ROW)
        self.nav.viewport().update()


class Banners(QWidget):
    """The message strips above the pages: errors (a refused edit, a job that could not run), files that
    could not be imported, and notices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 0)
        layout.setSpacing(6)
        self.error = Banner("error")
        self.failure = Banner("warning")
        self.info = Banner("info")
        for banner in (self.error, self.failure, self.info):
            layout.addWidget(banner)


def announce(source: QWidget, text: str) -> None:
    """Have a screen reader say `text` (politely: after what it is saying), without moving the focus."""
    if not text or not source.isVisible():
        return
    try:
        from PySide6.QtGui import QAccessibleAnnouncementEvent  # Qt 6.8 and later
    except ImportError:  # before: the text becomes the source's description, which screen readers report
        source.setAccessibleDescription(text)
        QAccessible.updateAccessibility(QAccessibleEvent(source, QAccessible.Event.DescriptionChanged))
        return
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(source, text))


def app_icon_pixmap(size: int) -> Any:
    from PySide6.QtGui import QIcon

    from ..assets import resource_path

    try:
        return QIcon(str(resource_path("beetroot.png"))).pixmap(size, size)
    except FileNotFoundError:
        return icons.icon("people", "accent", size).pixmap(size, size)


class DropOverlay(QWidget):
    """Shown while files are dragged over the window: says what a drop will do."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), style.colors().q("overlay"))
        pen = QPen(style.colors().q("accent"), 3, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawRoundedRect(self.rect().adjusted(16, 16, -16, -16), 18, 18)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() + 8)
        font.setWeight(font.Weight.DemiBold)
        p.setFont(font)
        p.setPen(style.colors().q("accent"))
        p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Drop to import"))
        p.end()


class ImportStatus(QWidget):
    """The right side of the status bar while a job runs: progress, counters, ETA, Pause and Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)
        self.bar = QProgressBar()
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(tr("Progress"))
        self.label = QLabel()
        self.pause = QPushButton(icons.icon("pause", "text", 14), tr("Pause"))
        self.cancel = QPushButton(icons.icon("cancel", "text", 14), tr("Cancel"))
        for button in (self.pause, self.cancel):
            button.setFixedHeight(26)
            button.setStyleSheet("padding: 2px 10px;")
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.pause)
        layout.addWidget(self.cancel)
        self._told = 0  # the quarters of the running job a screen reader was told about
        self.hide()

    def showEvent(self, event: QShowEvent) -> None:
        """A job starts: a screen reader says what it does (its line is set just after this)."""
        super().showEvent(event)
        self._told = 0
        QTimer.singleShot(0, self, lambda: announce(self, self.label.text()))

    def tell_progress(self, done: int, total: int) -> None:
        """At each quarter of a job that counts, a screen reader hears the status line ("120 of 480 photos ·
        …", politely, the focus staying where it is); the progress bar's own value changes reach one that
        follows progress bars."""
        quarter = done * 4 // total if total > 0 else 0
        if 0 < quarter < 4 and quarter > self._told:
            self._told = quarter
            announce(self, self.label.text())

    def show_paused(self, paused: bool) -> None:
        self.pause.setText(tr("Resume") if paused else tr("Pause"))
        self.pause.setIcon(icons.icon("resume" if paused else "pause", "text", 14))
