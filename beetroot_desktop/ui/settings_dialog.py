"""Settings: engine, match threshold (with a live preview of the number of people), Amazon Rekognition,
credentials, library location. Invalid values are refused with a message next to the field; secrets go
to the system keyring only, never to the settings file.

With a library open, the match threshold is that library's own: saving a new one regroups the library,
which keeps it (other libraries keep theirs). The threshold in the settings file is only the default for
libraries that have none yet; it is edited here when no library is open (or with `beetroot config`).
"""

from __future__ import annotations

import copy
import html
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..config import DEFAULT_COLLECTION_ID, MAX_THRESHOLD, MIN_THRESHOLD, ConfigError, Settings
from .tasks import shared_runner

if TYPE_CHECKING:
    from .context import LibraryContext

COLLECTION_RE = re.compile(r"^[a-zA-Z0-9_.\-]{1,255}$")
REGION_RE = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")
ACCESS_KEY_RE = re.compile(r"^[A-Z0-9]{16,128}$")
REGIONS = ("us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1",
           "eu-south-2", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1",
           "ap-southeast-2", "ca-central-1")
DEFAULT_CHAIN = "Default (environment, SSO or default profile)"
ENGINE_LABELS = {"local": "On this computer (offline)", "rekognition": "Amazon Rekognition (cloud)"}
PREVIEW_DELAY_MS = 250


@dataclass
class SettingsChange:
    old: Settings
    new: Settings
    regroup_at: float | None = None  # the open library's new threshold: regroup it
    index_calls: int | None = None  # the paid IndexFaces calls the preview announced for that regroup

    @property
    def threshold_changed(self) -> bool:
        return abs(self.old.threshold - self.new.threshold) > 1e-9

    @property
    def library_changed(self) -> bool:
        return self.old.library_dir != self.new.library_dir


def _error_label() -> QLabel:
    label = QLabel(objectName="FieldError")
    label.setWordWrap(True)
    label.hide()
    return label


class SettingsDialog(QDialog):
    """Opens with `open()` (never blocks the window); `applied(SettingsChange)` once saved."""

    applied = Signal(object)

    def __init__(self, settings: Settings, ctx: LibraryContext | None = None, *, library_override: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(620)
        self.original = copy.deepcopy(settings)
        self.ctx = ctx
        # The threshold shown is the open library's own (its last regroup), else the default.
        saved = ctx.library.saved_threshold() if ctx is not None else None
        self.current_threshold = float(saved) if saved is not None else settings.threshold
        self.bound_engine = ctx.library.get_meta("engine") if ctx is not None else None
        # A cloud library regroups from the candidates its searches kept, which stop at this floor.
        self.floor = self._candidate_floor(ctx) if self.bound_engine == "rekognition" else None
        self.last_plan: Any = None
        self.runner = shared_runner()
        self._preview_generation = 0
        self.current_people: int | None = None

        root = QVBoxLayout(self)
        root.setContentsMargins(20, 16, 20, 14)
        root.setSpacing(10)

        # -- matching --------------------------------------------------------------------------------------
        matching = QGroupBox("Matching")
        form = QFormLayout(matching)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.engine = QComboBox()
        for key, label in ENGINE_LABELS.items():
            self.engine.addItem(label, key)
        self.engine.setCurrentIndex(max(0, self.engine.findData(settings.engine)))
        self.engine.currentIndexChanged.connect(self._engine_changed)
        self.engine_error = _error_label()
        form.addRow("Face engine:", self.engine)
        form.addRow("", self.engine_error)

        row = QHBoxLayout()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(int(MIN_THRESHOLD), int(MAX_THRESHOLD))
        self.slider.setPageStep(5)
        self.spin = QDoubleSpinBox()
        self.spin.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        if self.floor is not None:  # below the floor only new searches could tell; keep the saved value valid
            lowest = min(max(self.floor, MIN_THRESHOLD), self.current_threshold)
            self.spin.setMinimum(lowest)
            self.slider.setMinimum(math.ceil(lowest))
        self.spin.setDecimals(1)
        self.spin.setSingleStep(0.5)
        self.spin.setSuffix(" %")
        self.spin.setFixedWidth(96)
        self.spin.setValue(self.current_threshold)
        self.slider.setValue(round(self.current_threshold))
        self.slider.valueChanged.connect(self._slider_moved)
        self.spin.valueChanged.connect(self._spin_changed)
        row.addWidget(self.slider, 1)
        row.addWidget(self.spin)
        form.addRow("Match threshold:", row)
        self.preview = QLabel(objectName="Preview")
        self.preview.setWordWrap(True)
        form.addRow("", self.preview)
        self.threshold_error = _error_label()
        form.addRow("", self.threshold_error)
        if ctx is not None:
            self.threshold_note = QLabel(f"Kept in this library; other libraries keep theirs. New libraries"
                                         f" start at {settings.threshold:g} %.", objectName="Muted")
            self.threshold_note.setWordWrap(True)
            form.addRow("", self.threshold_note)
        if self.floor is not None:
            floor_note = QLabel(f"This library’s Amazon Rekognition searches kept candidates down to"
                                f" {self.floor:g} %: a lower threshold would need every face searched again.",
                                objectName="Muted")
            floor_note.setWordWrap(True)
            form.addRow("", floor_note)
        explain = QLabel("Higher: people are grouped only when the engine is very sure (fewer mix-ups, more"
                         " duplicates of one person). Lower: fewer duplicates, more risk of mixing people."
                         " Names, merges and “Not this person” choices are kept.", objectName="Muted")
        explain.setWordWrap(True)
        form.addRow(explain)
        self.workers = QSpinBox()
        self.workers.setRange(0, max(64, os.cpu_count() or 1))
        self.workers.setSpecialValueText("One per processor core")
        self.workers.setValue(settings.workers)
        self.workers.setFixedWidth(220)
        form.addRow("Photos at once:", self.workers)
        self.tabs = QTabWidget()
        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.setContentsMargins(4, 10, 4, 4)
        general_layout.addWidget(matching)
        self.tabs.addTab(general, "General")
        cloud_tab = QWidget()
        cloud_layout = QVBoxLayout(cloud_tab)
        cloud_layout.setContentsMargins(4, 10, 4, 4)
        self.cloud_note = QLabel("These settings are used when the face engine (General) is Amazon Rekognition.",
                                 objectName="Muted")
        self.cloud_note.setWordWrap(True)
        cloud_layout.addWidget(self.cloud_note)

        # -- Amazon Rekognition --------------------------------------------------------------------------
        self.cloud = QGroupBox("Amazon Rekognition")
        cform = QFormLayout(self.cloud)
        cform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        cform.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.region = QComboBox()
        self.region.setEditable(True)
        self.region.addItem("")
        self.region.addItems(REGIONS)
        self.region.setCurrentText(settings.aws_region)
        self.region.lineEdit().setPlaceholderText("from your AWS profile")
        self.region_error = _error_label()
        cform.addRow("Region:", self.region)
        cform.addRow("", self.region_error)
        self.collection = QLineEdit(settings.collection_id)
        self.collection.setPlaceholderText(DEFAULT_COLLECTION_ID)
        self.collection_error = _error_label()
        cform.addRow("Collection:", self.collection)
        cform.addRow("", self.collection_error)

        self.cred_group = QButtonGroup(self)
        self.use_profile = QRadioButton("AWS profile:")
        self.use_keys = QRadioButton("Access key, kept in the system keyring:")
        self.cred_group.addButton(self.use_profile)
        self.cred_group.addButton(self.use_keys)
        self.profile = QComboBox()
        self.profile.addItem(DEFAULT_CHAIN, "")
        for name in self._profiles():
            self.profile.addItem(name, name)
        if settings.aws_profile and self.profile.findData(settings.aws_profile) < 0:
            self.profile.addItem(settings.aws_profile, settings.aws_profile)
        self.profile.setCurrentIndex(max(0, self.profile.findData(settings.aws_profile)))
        saved = self._saved_keys()
        self.key_id = QLineEdit()
        self.key_id.setPlaceholderText(f"Access key id (saved: {saved})" if saved else "Access key id (AKIA…)")
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText("Secret access key (saved; type to replace)" if saved
                                       else "Secret access key")
        self.forget_keys = QPushButton("Remove saved key")
        self.forget_keys.setVisible(bool(saved))
        self.forget_keys.clicked.connect(self._forget_keys)
        self.secret_error = _error_label()
        creds = QWidget()
        grid = QGridLayout(creds)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.setColumnMinimumWidth(0, 22)
        grid.addWidget(self.use_profile, 0, 0, 1, 2)
        grid.addWidget(self.profile, 1, 1)
        grid.addWidget(self.use_keys, 2, 0, 1, 2)
        grid.addWidget(self.key_id, 3, 1)
        grid.addWidget(self.secret, 4, 1)
        grid.addWidget(self.forget_keys, 5, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.secret_error, 6, 1)
        cform.addRow("Credentials:", creds)
        (self.use_keys if saved and not settings.aws_profile else self.use_profile).setChecked(True)
        self.use_profile.toggled.connect(self._cred_mode_changed)
        self.key_id.textEdited.connect(lambda _t: self.use_keys.setChecked(True))
        self.secret.textEdited.connect(lambda _t: self.use_keys.setChecked(True))

        test_row = QHBoxLayout()
        self.test_button = QPushButton("Test connection")
        self.test_button.clicked.connect(self.test_connection)
        self.create_button = QPushButton("Create collection")
        self.create_button.hide()
        self.create_button.clicked.connect(lambda: self.test_connection(create_collection=True))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.create_button)
        test_row.addWidget(self.test_result, 1)
        cform.addRow("", test_row)
        cloud_layout.addWidget(self.cloud)
        cloud_layout.addStretch(1)
        self.tabs.addTab(cloud_tab, "Amazon Rekognition")

        # -- library ---------------------------------------------------------------------------------------
        lib_box = QGroupBox("Library")
        lform = QFormLayout(lib_box)
        lform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        lform.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lrow = QHBoxLayout()
        from ..config import default_library_dir

        self.library = QLineEdit(settings.library_dir)
        self.library.setPlaceholderText(str(default_library_dir()))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse_library)
        lrow.addWidget(self.library, 1)
        lrow.addWidget(browse)
        lform.addRow("Location:", lrow)
        self.library_error = _error_label()
        lform.addRow("", self.library_error)
        note = ("Where Beetroot keeps its index and thumbnails; your photos stay where they are."
                " A new location starts an empty library, and the current one is kept.")
        if ctx is not None:
            note += f"<br>Open now: {html.escape(str(ctx.library_dir))}"
            if library_override:
                note += " (chosen with <nobr>--library</nobr> or <nobr>BEETROOT_LIBRARY</nobr>, which win over this)"
        lnote = QLabel(note, objectName="Muted")
        lnote.setTextFormat(Qt.TextFormat.RichText)
        lnote.setWordWrap(True)
        lform.addRow(lnote)
        general_layout.addWidget(lib_box)
        general_layout.addStretch(1)
        root.addWidget(self.tabs)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("Primary")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Save")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.general_error = _error_label()
        root.addWidget(self.general_error)
        root.addWidget(self.buttons)

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._run_preview)
        for box in (matching, self.cloud, lib_box):
            box.layout().setContentsMargins(14, 18, 14, 12)
        self._engine_changed()
        self._cred_mode_changed()
        self._load_current_people()
        self._update_preview_text(None)
        self.resize(self.sizeHint().expandedTo(QSize(660, 0)))

    # -- helpers ---------------------------------------------------------------------------------------
    @staticmethod
    def _candidate_floor(ctx: LibraryContext | None) -> float | None:
        if ctx is None:
            return None
        try:
            from ..engines.rekognition import candidate_floor
        except ImportError:  # no cloud support in this build: nothing can be regrouped from the cloud anyway
            return None
        return candidate_floor(ctx.library)

    @staticmethod
    def _profiles() -> list[str]:
        from ..config import aws_profiles

        return aws_profiles()

    @staticmethod
    def _saved_keys() -> str:
        from ..secrets import load_aws_credentials, mask

        creds = load_aws_credentials()
        return mask(creds.access_key_id) if creds else ""

    def _engine_changed(self, *args: object) -> None:
        cloud = self.engine.currentData() == "rekognition"
        self.cloud.setEnabled(cloud)
        self.cloud_note.setVisible(not cloud)
        self.engine_error.hide()

    def _cred_mode_changed(self, *args: object) -> None:
        profile = self.use_profile.isChecked()
        self.profile.setEnabled(profile)
        self.key_id.setEnabled(not profile)
        self.secret.setEnabled(not profile)

    def _browse_library(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Library location", self.library.text() or str(Path.home()))
        if path:
            self.library.setText(path)

    def _forget_keys(self) -> None:
        from ..secrets import delete_aws_credentials

        delete_aws_credentials()
        self.key_id.setPlaceholderText("Access key id (AKIA…)")
        self.secret.setPlaceholderText("Secret access key")
        self.forget_keys.hide()
        self.use_profile.setChecked(True)

    # -- threshold and its preview ---------------------------------------------------------------------
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

    def threshold(self) -> float:
        return float(self.spin.value())

    def _load_current_people(self) -> None:
        if self.ctx is None:
            return
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
        if generation != self._preview_generation:
            return
        if isinstance(exc, ImportError):
            self.preview.setText("A preview needs regrouping support, which this version lacks.")
        else:
            self.preview.setText(f"No preview: {exc}")

    def _update_preview_text(self, plan: Any, *, pending: bool = False) -> None:
        now = self.current_people
        value = self.threshold()
        if abs(value - self.current_threshold) < 1e-9:
            text = f"At {value:g} %: {now:,} people (the current grouping)" if now is not None else ""
        elif pending or plan is None:
            text = f"At {value:g} %: counting people…"
        else:
            people = int(getattr(plan, "people", 0))
            text = f"At {value:g} %: {people:,} people"
            if now is not None:
                text += f" (now {now:,})"
            changed = getattr(plan, "changed_faces", None)
            if changed is not None:
                faces = changed if isinstance(changed, int) else len(changed)
                text += f", {faces:,} faces change person"
            calls = self._index_calls(plan)
            if calls:
                from ..engines.pricing import price

                text += (f"; saving makes {calls:,} Amazon Rekognition IndexFaces calls"
                         f" (about ${calls * price('IndexFaces'):.2f})")
        self.preview.setText(text)

    def _index_calls(self, plan: Any) -> int:
        """Paid calls a regroup makes: only a cloud library's IndexFaces (the local engine indexes for free)."""
        if self.bound_engine != "rekognition" or plan is None:
            return 0
        return int(getattr(plan, "index_calls", 0) or 0)

    def _regroups(self) -> bool:
        """Whether saving regroups the open library (its threshold changed)."""
        return self.ctx is not None and abs(self.threshold() - self.current_threshold) > 1e-9

    def _plan_for_threshold(self) -> Any:
        plan = self.last_plan
        if plan is not None and abs(float(plan.threshold) - self.threshold()) < 1e-9:
            return plan
        return None

    def _validate_threshold(self) -> str:
        """A cloud library regroups only above its candidate floor, and only once the calls are counted."""
        msg = ""
        value = self.threshold()
        if self.floor is not None and self._regroups():  # the open library regroups
            if value < self.floor:
                msg = (f"This library can be regrouped at {self.floor:g} % or more: its searches kept no"
                       f" candidates below {self.floor:g} %.")
            elif self._plan_for_threshold() is None:
                msg = "Counting the Amazon Rekognition calls this threshold needs; save again in a moment."
        self._show(self.threshold_error, msg)
        return msg

    # -- test connection -------------------------------------------------------------------------------
    def test_connection(self, create_collection: bool = False) -> None:
        errors = self._validate_cloud()
        if errors:
            return
        if self._keys_typed():
            try:
                self._save_keys()
            except Exception as exc:
                self._show(self.secret_error, str(exc))
                return
        settings = self.collect()
        settings.engine = "rekognition"
        self.test_button.setEnabled(False)
        self.create_button.setEnabled(False)
        self.test_result.setObjectName("Muted")
        self.test_result.setStyleSheet("")
        self.test_result.setText("Creating the collection…" if create_collection else "Connecting…")

        def check() -> Any:
            from ..engines.rekognition import check_connection

            return check_connection(settings, create_collection=create_collection)

        self.runner.submit(check, self._test_done, self._test_failed)

    def _test_done(self, result: Any) -> None:
        self.test_button.setEnabled(True)
        self.create_button.setEnabled(True)
        ok = bool(getattr(result, "ok", False))
        message = str(getattr(result, "message", "")) or ("Connected." if ok else "The connection failed.")
        self._show_test(ok, message)
        self.create_button.setVisible(not ok and bool(getattr(result, "can_create", False)))

    def _test_failed(self, exc: object) -> None:
        self.test_button.setEnabled(True)
        self.create_button.setEnabled(True)
        if isinstance(exc, ImportError):
            self._show_test(False, "Amazon Rekognition support is not installed in this version.")
        else:
            self._show_test(False, str(exc) or type(exc).__name__)

    def _show_test(self, ok: bool, message: str) -> None:
        from . import style

        self.test_result.setStyleSheet(f"color: {style.LEAF if ok else style.DANGER};")
        self.test_result.setText(("✓ " if ok else "✗ ") + message)

    # -- validation and saving -------------------------------------------------------------------------
    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _keys_typed(self) -> bool:
        return bool(self.key_id.text().strip() or self.secret.text().strip())

    def _validate_cloud(self) -> list[str]:
        errors: list[str] = []
        region = self.region.currentText().strip()
        msg = ""
        if region and not REGION_RE.match(region):
            msg = f"“{region}” is not an AWS region name (like eu-west-1)"
        self._show(self.region_error, msg)
        errors += [msg] if msg else []
        collection = self.collection.text().strip() or DEFAULT_COLLECTION_ID
        msg = "" if COLLECTION_RE.match(collection) else (
            "a collection id uses only letters, digits, “_”, “.” and “-” (at most 255)")
        self._show(self.collection_error, msg)
        errors += [msg] if msg else []
        msg = ""
        if self.use_keys.isChecked() and self._keys_typed():
            key, secret = self.key_id.text().strip(), self.secret.text().strip()
            if not key or not secret:
                msg = "type both the access key id and the secret access key"
            elif not ACCESS_KEY_RE.match(key):
                msg = "an access key id is 16 or more capital letters and digits (like AKIA…)"
        elif self.use_keys.isChecked() and not self._saved_keys():
            msg = "type an access key id and secret, or choose an AWS profile"
        self._show(self.secret_error, msg)
        errors += [msg] if msg else []
        return errors

    def _validate_library(self) -> str:
        text = self.library.text().strip()
        msg = ""
        if text:
            path = Path(text).expanduser()
            if not path.is_absolute():
                msg = "give the full path of a folder"
            elif path.exists() and not path.is_dir():
                msg = "this is a file, not a folder"
            else:
                probe = path
                while not probe.exists() and probe.parent != probe:
                    probe = probe.parent
                if not os.access(probe, os.W_OK):
                    msg = f"Beetroot cannot write in {probe}"
        self._show(self.library_error, msg)
        return msg

    def collect(self) -> Settings:
        """The settings as the form shows them (not validated, not saved)."""
        s = copy.deepcopy(self.original)
        s.engine = str(self.engine.currentData())
        if self.ctx is None:  # no library open: the field is the default for libraries without their own
            s.threshold = self.threshold()
        s.workers = int(self.workers.value())
        s.aws_region = self.region.currentText().strip()
        s.collection_id = self.collection.text().strip() or DEFAULT_COLLECTION_ID
        s.aws_profile = str(self.profile.currentData() or "") if self.use_profile.isChecked() else ""
        s.library_dir = self.library.text().strip()
        return s

    def validate(self) -> bool:
        errors: list[str] = []
        engine = str(self.engine.currentData())
        msg = ""
        if self.bound_engine and engine != self.bound_engine and \
                self.library.text().strip() == self.original.library_dir:
            other = ENGINE_LABELS.get(self.bound_engine, self.bound_engine)
            msg = (f"This library's people were found with the “{other}” engine, and one library cannot mix"
                   " engines. Choose a new library location below to use this engine.")
        self._show(self.engine_error, msg)
        errors += [msg] if msg else []
        threshold_msg = self._validate_threshold()
        errors += [threshold_msg] if threshold_msg else []
        cloud_errors = self._validate_cloud() if engine == "rekognition" else []
        lib_msg = self._validate_library()
        errors += [lib_msg] if lib_msg else []
        if cloud_errors and not errors:
            self.tabs.setCurrentIndex(1)  # show the fields that need fixing
        elif errors:
            self.tabs.setCurrentIndex(0)
        return not (errors or cloud_errors)

    def _save_keys(self) -> None:
        from ..secrets import save_aws_credentials

        save_aws_credentials(self.key_id.text(), self.secret.text())
        self.key_id.clear()
        self.secret.clear()
        saved = self._saved_keys()
        self.key_id.setPlaceholderText(f"Access key id (saved: {saved})")
        self.secret.setPlaceholderText("Secret access key (saved; type to replace)")
        self.forget_keys.show()

    def save(self) -> bool:
        from ..config import save_settings
        from ..secrets import SecretStoreError

        self._show(self.general_error, "")
        if not self.validate():
            return False
        if self.engine.currentData() == "rekognition" and self.use_keys.isChecked() and self._keys_typed():
            try:
                self._save_keys()
            except SecretStoreError as exc:
                self._show(self.secret_error, str(exc))
                self.tabs.setCurrentIndex(1)
                return False
        new = self.collect()
        try:
            save_settings(new)
        except (ConfigError, OSError) as exc:
            self._show(self.general_error, f"The settings could not be saved: {exc}")
            return False
        change = SettingsChange(self.original, new)
        if self._regroups():
            change.regroup_at = self.threshold()
            if self.bound_engine == "rekognition":
                change.index_calls = self._index_calls(self._plan_for_threshold())
        self.applied.emit(change)
        self.accept()
        return True
