"""Settings › General › Matching: the face engine, the match threshold with a live preview of the number
of people, and how many photos are analysed at once.

With a library open, the match threshold is that library's own: saving a new one regroups the library,
which keeps it (other libraries keep theirs). The threshold in the settings file is only the default for
libraries that have none yet; it is edited here when no library is open (or with `beetroot config`).
A cloud library regroups from the candidates its searches kept, so it cannot go below their floor, and
saving waits until the paid calls the regroup makes are counted and shown.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSlider, QSpinBox, QWidget

from ..config import MAX_THRESHOLD, MIN_THRESHOLD
from .i18n import QT_TR_NOOP, decimal, number, tr, translated
from .settings_pages import SettingsPage, error_label, form_layout, sentence, show_problem

if TYPE_CHECKING:
    from ..config import Settings
    from .context import LibraryContext

ENGINE_LABELS = {"local": QT_TR_NOOP("On this computer (offline)"),  # shown through tr()
                 "rekognition": QT_TR_NOOP("Amazon Rekognition (cloud)")}
PREVIEW_DELAY_MS = 250



class DecimalSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox that takes "." and "," alike as the decimal point, whatever the locale writes: in
    German "97.5" is 97.5 (QDoubleSpinBox alone reads the "." as a thousands mark and keeps 97), in English
    "97,5" too, and in Arabic a Latin "97.5" as well. The threshold has no thousands, so neither mark can be one."""

    def _normal(self, text: str) -> str:
        point = self.locale().decimalPoint()
        return text.replace(".", point).replace(",", point)

    def validate(self, text: str, pos: int) -> object:
        return super().validate(self._normal(text), pos)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(self._normal(text))


class MatchingPage(SettingsPage):
    engineChanged = Signal(str)

    def __init__(self, settings: Settings, ctx: LibraryContext | None, parent: QWidget | None = None) -> None:
        super().__init__(tr("Matching"), parent)
        self.ctx = ctx
        # The threshold shown is the open library's own (its last regroup), else the default.
        saved = ctx.library.saved_threshold() if ctx is not None else None
        self.current_threshold = float(saved) if saved is not None else settings.threshold
        self.bound_engine = ctx.library.engine_binding() if ctx is not None else None
        # A cloud library regroups from the candidates its searches kept, which stop at this floor.
        self.floor = self._candidate_floor(ctx) if self.bound_engine == "rekognition" else None
        self.last_plan: Any = None
        self.current_people: int | None = None
        self._preview_generation = 0

        form = form_layout(self)
        self.engine = QComboBox()
        for key, label in ENGINE_LABELS.items():
            self.engine.addItem(tr(label), key)
        self.engine.currentIndexChanged.connect(lambda _i: self._engine_changed())
        self.engine_error = error_label()
        form.addRow(tr("Face engine:"), self.engine)
        form.addRow("", self.engine_error)

        row = QHBoxLayout()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(int(MIN_THRESHOLD), int(MAX_THRESHOLD))
        self.slider.setPageStep(5)
        self.spin = DecimalSpinBox()
        self.spin.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        if self.floor is not None:  # below the floor only new searches could tell; keep the saved value valid
            lowest = min(max(self.floor, MIN_THRESHOLD), self.current_threshold)
            self.spin.setMinimum(lowest)
            self.slider.setMinimum(math.ceil(lowest))
        self.spin.setDecimals(1)
        self.spin.setSingleStep(0.5)
        self.spin.setSuffix(" %")
        self.spin.setFixedWidth(96)
        row.addWidget(self.slider, 1)
        row.addWidget(self.spin)
        self.slider.setAccessibleName(tr("Match threshold"))
        self.spin.setAccessibleName(tr("Match threshold in percent"))
        form.addRow(tr("Match threshold:"), row)
        self.preview = QLabel(objectName="Preview")
        self.preview.setWordWrap(True)
        form.addRow("", self.preview)
        self.threshold_error = error_label()
        form.addRow("", self.threshold_error)
        if ctx is not None:
            note = QLabel(tr("Kept in this library; other libraries keep theirs. New libraries start at"
                             " {threshold} %.").format(threshold=decimal(settings.threshold)), objectName="Muted")
            note.setWordWrap(True)
            form.addRow("", note)
        if self.floor is not None:
            floor_note = QLabel(tr("This library’s Amazon Rekognition searches kept candidates down to"
                                   " {floor} %: a lower threshold would need every face searched again.")
                                .format(floor=decimal(self.floor)), objectName="Muted")
            floor_note.setWordWrap(True)
            form.addRow("", floor_note)
        explain = QLabel(tr("Higher: people are grouped only when the engine is very sure (fewer mix-ups, more"
                            " duplicates of one person). Lower: fewer duplicates, more risk of mixing people."
                            " Names, merges and “Not this person” choices are kept."), objectName="Muted")
        explain.setWordWrap(True)
        form.addRow(explain)
        self.workers = QSpinBox()
        self.workers.setSpecialValueText(tr("One per processor core"))
        self.workers.setFixedWidth(220)
        form.addRow(tr("Photos at once:"), self.workers)
        self.workers_error = error_label()
        form.addRow("", self.workers_error)

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._run_preview)
        self.load(settings)
        self.slider.valueChanged.connect(self._slider_moved)
        self.spin.valueChanged.connect(self._spin_changed)
        self._load_current_people()
        self._update_preview_text(None)

    @staticmethod
    def _candidate_floor(ctx: LibraryContext | None) -> float | None:
        from ..engines.rekognition import candidate_floor

        return candidate_floor(ctx.library) if ctx is not None else None

    # -- load / check / save -------------------------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        from ..config import max_workers

        self.engine.setCurrentIndex(max(0, self.engine.findData(settings.engine)))
        self.spin.setValue(self.current_threshold if self.ctx is not None else settings.threshold)
        self.slider.setValue(round(self.spin.value()))
        self.workers.setRange(0, max(max_workers(), settings.workers))  # a bad saved value is shown, then refused
        self.workers.setValue(settings.workers)

    def engine_key(self) -> str:
        return str(self.engine.currentData())

    def check(self) -> list[str]:
        from ..config import engine_problem, threshold_problem, workers_problem

        problems = show_problem(self.engine_error, sentence(engine_problem(self.engine_key())))
        problems += show_problem(self.workers_error, sentence(workers_problem(int(self.workers.value()))))
        return problems + show_problem(self.threshold_error,
                                       sentence(threshold_problem(self.threshold())) or self._regroup_problem())

    def save(self, settings: Settings) -> str | None:
        settings.engine = self.engine_key()
        if self.ctx is None:  # no library open: the field is the default for libraries without their own
            settings.threshold = self.threshold()
        settings.workers = int(self.workers.value())
        return None

    def show_binding_problem(self, text: str | None) -> list[str]:
        """The dialog's check that this library's engine is kept (it needs the library field too)."""
        return show_problem(self.engine_error, text)

    # -- the threshold and its preview ---------------------------------------------------------------------
    def threshold(self) -> float:
        return float(self.spin.value())

    def regroups(self) -> bool:
        """Whether saving regroups the open library (its threshold changed)."""
        return self.ctx is not None and abs(self.threshold() - self.current_threshold) > 1e-9

    def plan_for_threshold(self) -> Any:
        plan = self.last_plan
        if plan is not None and abs(float(plan.threshold) - self.threshold()) < 1e-9:
            return plan
        return None

    def index_calls(self, plan: Any) -> int:
        """Paid calls a regroup makes: only a cloud library's IndexFaces (the local engine indexes for free)."""
        if self.bound_engine != "rekognition" or plan is None:
            return 0
        return int(getattr(plan, "index_calls", 0) or 0)

    def _regroup_problem(self) -> str | None:
        """A cloud library regroups only above its candidate floor, and only once the calls are counted."""
        if self.floor is None or not self.regroups():
            return None
        if self.threshold() < self.floor:
            return tr("This library can be regrouped at {floor} % or more: its searches kept no candidates below"
                      " {floor} %.").format(floor=decimal(self.floor))
        if self.plan_for_threshold() is None:
            return tr("Counting the Amazon Rekognition calls this threshold needs; save again in a moment.")
        return None

    def _engine_changed(self) -> None:
        self.engine_error.hide()
        self.engineChanged.emit(self.engine_key())

    def _slider_moved(self, value: int) -> None:
        if round(self.spin.value()) != value:
            self.spin.blockSignals(True)
            self.spin.setValue(float(value))
            self.spin.blockSignals(False)
        self._threshold_changed()

    def _spin_changed(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(value))
        self.slider.blockSignals(False)
        self._threshold_changed()

    def _threshold_changed(self) -> None:
        self._preview_generation += 1
        self.threshold_error.hide()
        self._update_preview_text(None, pending=True)
        self._preview_timer.start()

    def _load_current_people(self) -> None:
        if self.ctx is not None:
            self.ctx.read(lambda lib: lib.library_counts(), self._got_counts)

    def _got_counts(self, counts: dict[str, int]) -> None:
        self.current_people = counts.get("people", 0) + counts.get("hidden", 0)
        self._update_preview_text(None)

    def _run_preview(self) -> None:
        if self.ctx is None:
            return
        threshold, generation = self.threshold(), self._preview_generation
        if abs(threshold - self.current_threshold) < 1e-9:
            self._update_preview_text(None)
            return

        def plan(lib: Any) -> Any:
            from ..pipeline.regroup import plan_regroup

            return plan_regroup(lib, threshold)

        self.ctx.read(plan, lambda result: self._preview_ready(generation, result),
                      lambda exc: self._preview_failed(generation, exc))

    def _preview_ready(self, generation: int, plan: Any) -> None:
        if generation == self._preview_generation:
            self.last_plan = plan
            self._update_preview_text(plan)

    def _preview_failed(self, generation: int, exc: object) -> None:
        if generation == self._preview_generation:
            self._set_preview(tr("No preview: {error}").format(error=translated(exc)))

    def _update_preview_text(self, plan: Any, *, pending: bool = False) -> None:
        now = self.current_people
        value = decimal(self.threshold())
        if abs(self.threshold() - self.current_threshold) < 1e-9 or self.ctx is None:
            text = (tr("At {threshold} %: %Ln person(s) (the current grouping)", None, now).format(threshold=value)
                    if now is not None else "")
        elif pending or plan is None:
            text = tr("At {threshold} %: counting people…").format(threshold=value)
        else:
            # Each part is a whole clause with the text so far as {preview}: a translation may reorder or
            # punctuate it, and each count has its own plural forms.
            people = int(getattr(plan, "people", 0))
            text = tr("At {threshold} %: %Ln person(s)", None, people).format(threshold=value)
            if now is not None:
                text = tr("{preview} (now {count})").format(preview=text, count=number(now))
            changed = getattr(plan, "changed_faces", None)
            if changed is not None:
                faces = changed if isinstance(changed, int) else len(changed)
                text = tr("{preview}, %Ln face(s) would change person", None, faces).format(preview=text)
            calls = self.index_calls(plan)
            if calls:
                from ..engines.pricing import price

                text = tr("{preview}; saving makes %Ln Amazon Rekognition IndexFaces call(s) (about ${cost})", None,
                          calls).format(preview=text, cost=number(calls * price("IndexFaces"), 2))
        self._set_preview(text)

    def _set_preview(self, text: str) -> None:
        """The preview under the threshold, told to a screen reader with the threshold's fields."""
        self.preview.setText(text)
        for field in (self.slider, self.spin):
            field.setAccessibleDescription(text)
