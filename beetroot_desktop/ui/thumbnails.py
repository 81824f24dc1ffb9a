"""Thumbnails for the grids: decoded on background threads, kept in a bounded in-memory cache.

The import workers already wrote small JPEGs to `<library>/cache`; loading one is a QImage read on a
pool thread. A missing one (an older library, a cleared cache) is made from the photo with Pillow, also
in the background. The GUI thread only turns the finished QImage into a QPixmap. Requests are served
newest first, so the tiles on screen load before the ones the user scrolled past.

A thumbnail that could not be made (a photo on a drive that is not mounted, a file being written) is
tried again: once RETRY_AFTER_S have passed since it failed, and at once after `clear_failures()`, which
the window calls when an import finishes (the import may have made the missing thumbnails).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QPixmap

Box = tuple[int, int, int, int]
RETRY_AFTER_S = 30.0  # a failed thumbnail is asked for again after this long


@dataclass(frozen=True)
class ThumbKey:
    """A face tile (sha + box) or a photo tile (sha only); `path` is where to make it from if missing."""

    kind: str  # "face" | "photo"
    sha256: str
    box: Box | None = None
    path: str = ""

    @property
    def cache_id(self) -> tuple[str, str, Box | None]:
        return self.kind, self.sha256, self.box


def pil_to_qimage(image: object) -> QImage:
    """A Pillow RGB image as a QImage that owns its pixels (safe off the GUI thread)."""
    rgb = image.convert("RGB")  # type: ignore[attr-defined]
    data = rgb.tobytes("raw", "RGB")
    qimg = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return qimg.copy()


def load_thumbnail(cache_dir: Path, key: ThumbKey) -> QImage:
    """Read the cached thumbnail, making it first when it is missing. Raises on an unreadable photo."""
    from ..imaging import thumbnails as thumbs

    if key.kind == "face":
        assert key.box is not None
        path = thumbs.face_thumb_path(cache_dir, key.sha256, key.box)
    else:
        path = thumbs.photo_thumb_path(cache_dir, key.sha256)
    image = QImage(str(path)) if path.exists() else QImage()
    if image.isNull():
        if key.kind == "face":
            assert key.box is not None
            path = thumbs.ensure_face_thumbnail(cache_dir, key.path, key.sha256, key.box)
        else:
            path = thumbs.ensure_photo_thumbnail(cache_dir, key.path, key.sha256)
        image = QImage(str(path))
        if image.isNull():  # Qt lacks the JPEG plugin: let Pillow read it
            from PIL import Image

            with Image.open(path) as im:
                image = pil_to_qimage(im)
    return image


class _Drain(QRunnable):
    def __init__(self, cache: ThumbnailCache) -> None:
        super().__init__()
        self.cache = cache

    def run(self) -> None:
        key = self.cache._next_request()
        if key is None:
            return
        try:
            image, ok = load_thumbnail(self.cache.cache_dir, key), True
        except Exception:
            image, ok = QImage(), False
        with contextlib.suppress(RuntimeError):  # the cache was deleted meanwhile
            self.cache._loaded.emit(key, image, ok)


class ThumbnailCache(QObject):
    """`get(key)` returns a pixmap at once or None and loads it; `ready(key)` says it arrived."""

    ready = Signal(object)
    _loaded = Signal(object, QImage, bool)

    def __init__(self, cache_dir: Path, *, threads: int = 2, budget_bytes: int = 96 * 1024 * 1024,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = Path(cache_dir)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.budget = budget_bytes
        self._used = 0
        self._pixmaps: OrderedDict[tuple[str, str, Box | None], QPixmap] = OrderedDict()
        self._failed: dict[tuple[str, str, Box | None], float] = {}  # when each one failed (monotonic)
        self._pending: OrderedDict[tuple[str, str, Box | None], ThumbKey] = OrderedDict()
        self._in_flight: set[tuple[str, str, Box | None]] = set()
        self._lock = threading.Lock()
        self._loaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)

    def get(self, key: ThumbKey) -> QPixmap | None:
        cid = key.cache_id
        pixmap = self._pixmaps.get(cid)
        if pixmap is not None:
            self._pixmaps.move_to_end(cid)
            return pixmap
        if self.failed(key):
            return None
        self._failed.pop(cid, None)  # never tried, or failed long enough ago: try (again)
        with self._lock:
            if cid in self._in_flight:
                return None
            fresh = cid not in self._pending
            self._pending[cid] = key
            self._pending.move_to_end(cid)  # newest request first
        if fresh:
            self.pool.start(_Drain(self))
        return None

    def failed(self, key: ThumbKey) -> bool:
        """Whether the thumbnail failed recently (the tile shows a placeholder; it is retried later)."""
        when = self._failed.get(key.cache_id)
        return when is not None and time.monotonic() - when < RETRY_AFTER_S

    def _next_request(self) -> ThumbKey | None:
        with self._lock:
            if not self._pending:
                return None
            cid, key = self._pending.popitem(last=True)
            self._in_flight.add(cid)
            return key

    @Slot(object, QImage, bool)
    def _on_loaded(self, key: ThumbKey, image: QImage, ok: bool) -> None:
        cid = key.cache_id
        with self._lock:
            self._in_flight.discard(cid)
        if not ok or image.isNull():
            self._failed[cid] = time.monotonic()
        else:
            pixmap = QPixmap.fromImage(image)
            self._pixmaps[cid] = pixmap
            self._used += _cost(pixmap.size())
            while self._used > self.budget and len(self._pixmaps) > 1:
                _, old = self._pixmaps.popitem(last=False)
                self._used -= _cost(old.size())
        self.ready.emit(key)

    def clear_failures(self) -> None:
        """Try every failed thumbnail again the next time a view asks for it."""
        self._failed.clear()

    def shutdown(self, wait_ms: int = 3000) -> None:
        with self._lock:
            self._pending.clear()
        self.pool.clear()
        self.pool.waitForDone(wait_ms)


def _cost(size: QSize) -> int:
    return max(1, size.width() * size.height() * 4)
