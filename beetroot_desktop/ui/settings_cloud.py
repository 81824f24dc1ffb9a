"""Settings › Amazon Rekognition: region, collection, credentials (an AWS profile, or an access key kept in
the system keyring, never in the settings file), Test connection, which runs in the background, and the
opt-in to match against whole people (Rekognition user vectors, `rekognition_mode`) with what it costs.

The keyring is only ever touched on a pool thread (tasks.py: a keyring can take seconds to answer, or
wait for the user to unlock it), and written only when the dialog is saved: Test connection tests a key
typed and not saved in memory, "Remove saved key" takes effect on Save, and Cancel leaves it as it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ..config import DEFAULT_COLLECTION_ID
from .i18n import QT_TR_NOOP, engine_words, tr
from .settings_pages import SettingsPage, error_label, form_layout, sentence, show_problem
from .style import set_tone
from .tasks import shared_runner

if TYPE_CHECKING:
    from ..config import Settings

REGIONS = ("us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1",
           "eu-south-2", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1",
           "ap-southeast-2", "ca-central-1")
DEFAULT_CHAIN = QT_TR_NOOP("Default (environment, SSO or default profile)")


class CloudPage(SettingsPage):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(tr("Amazon Rekognition"), parent)
        self.runner = shared_runner()
        self.original = settings
        form = form_layout(self)
        self.region = QComboBox()
        self.region.setEditable(True)
        self.region.addItem("")
        self.region.addItems(REGIONS)
        self.region.lineEdit().setPlaceholderText(tr("from your AWS profile"))
        self.region.lineEdit().setAccessibleName(tr("AWS region"))  # the field a screen reader lands in
        self.region_error = error_label()
        form.addRow(tr("Region:"), self.region)
        form.addRow("", self.region_error)
        self.collection = QLineEdit()
        self.collection.setPlaceholderText(DEFAULT_COLLECTION_ID)
        self.collection_error = error_label()
        form.addRow(tr("Collection:"), self.collection)
        form.addRow("", self.collection_error)

        self.cred_group = QButtonGroup(self)
        self.use_profile = QRadioButton(tr("AWS profile:"))
        self.use_keys = QRadioButton(tr("Access key, kept in the system keyring:"))
        self.cred_group.addButton(self.use_profile)
        self.cred_group.addButton(self.use_keys)
        self.profile = QComboBox()
        self.profile.setAccessibleName(tr("AWS profile"))
        self.key_id = QLineEdit()
        self.key_id.setAccessibleName(tr("Access key id"))
        self.secret = QLineEdit()
        self.secret.setAccessibleName(tr("Secret access key"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.forget_keys = QPushButton(tr("Remove saved key"))
        self.forget_keys.clicked.connect(self._forget_keys)
        self.forget_note = QLabel(tr("The saved key is removed when you press Save."), objectName="Muted")
        self.forget_note.hide()
        self.secret_error = error_label()
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
        grid.addWidget(self.forget_note, 6, 1)
        grid.addWidget(self.secret_error, 7, 1)
        form.addRow(tr("Credentials:"), creds)

        self.user_vectors = QCheckBox(tr("Match against whole people (user vectors)"))
        self.user_vectors.setAccessibleDescription(tr("Matches each face against an Amazon Rekognition user per"
                                                      " person instead of single faces"))
        vectors_note = QLabel(
            tr("Each person becomes an Amazon Rekognition user built from up to 100 of their faces, which matches"
               " more accurately than one face at a time.") + " "
            + tr("Cost: a face's search costs what it costs now; a new person takes two more calls (CreateUser,"
                 " AssociateFaces) and a face added to a person two (IndexFaces, AssociateFaces), about {price}"
                 " each. People found face by face get their user on the next import, two calls each.").format(
                     price=QLocale().toCurrencyString(_price(), "$", 3)) + " "
            + tr("Faces you take out of a person leave its user on the next import (DisassociateFaces, one call"
                 " per person)."), objectName="Muted")
        vectors_note.setWordWrap(True)
        form.addRow(tr("Matching:"), self.user_vectors)
        form.addRow("", vectors_note)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(tr("Test connection"))
        self.test_button.clicked.connect(lambda: self.test_connection())
        self.create_button = QPushButton(tr("Create collection"))
        self.create_button.hide()
        self.create_button.clicked.connect(lambda: self.test_connection(create_collection=True))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.create_button)
        test_row.addWidget(self.test_result, 1)
        form.addRow("", test_row)
        self.load(settings)
        self.cred_group.buttonClicked.connect(lambda _b: setattr(self, "_user_chose", True))
        self.use_profile.toggled.connect(lambda _on: self._cred_mode_changed())
        for field in (self.key_id, self.secret):
            field.textEdited.connect(lambda _t: self._keys_edited())
        self._cred_mode_changed()

    # -- load / check / save -------------------------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        from ..config import aws_profiles

        self.region.setCurrentText(settings.aws_region)
        self.collection.setText(settings.collection_id)
        self.user_vectors.setChecked(settings.rekognition_mode == "users")
        self.profile.clear()
        self.profile.addItem(tr(DEFAULT_CHAIN), "")
        for name in aws_profiles():
            self.profile.addItem(name, name)
        if settings.aws_profile and self.profile.findData(settings.aws_profile) < 0:
            self.profile.addItem(settings.aws_profile, settings.aws_profile)
        self.profile.setCurrentIndex(max(0, self.profile.findData(settings.aws_profile)))
        self.use_profile.setChecked(True)  # until the keyring says whether a key is saved
        self.forget_pending = False
        self._read_saved_keys(choose=not settings.aws_profile)

    def collection_id(self) -> str:
        return self.collection.text().strip() or DEFAULT_COLLECTION_ID

    def keys_typed(self) -> bool:
        return bool(self.key_id.text().strip() or self.secret.text().strip())

    def check(self) -> list[str]:
        from ..config import access_key_id_problem, aws_profile_problem, aws_region_problem, collection_id_problem

        region = self.region.currentText().strip()
        problems = show_problem(self.region_error, sentence(aws_region_problem(region)))
        problems += show_problem(self.collection_error,
                                 sentence(collection_id_problem(self.collection_id(), required=True)))
        problem = None
        if self.use_profile.isChecked():
            problem = aws_profile_problem(str(self.profile.currentData() or ""))
        elif self.keys_typed():
            key, secret = self.key_id.text().strip(), self.secret.text().strip()
            if not key or not secret:
                problem = tr("type both the access key id and the secret access key")
            else:
                problem = access_key_id_problem(key)
        elif self.saved is None:
            problem = tr("the system keyring is still being read; try again in a moment")
        elif not self.saved or self.forget_pending:
            problem = tr("type an access key id and secret, or choose an AWS profile")
        return problems + show_problem(self.secret_error, sentence(problem))

    def save(self, settings: Settings) -> str | None:
        """The region, collection and profile into `settings`. The keyring is written by the dialog, in the
        background, once every page is valid (`keyring_change`)."""
        self.fields(settings)
        return None

    def fields(self, settings: Settings) -> None:
        """The region, collection, profile and matching mode into `settings`, saving nothing (for Test
        connection)."""
        settings.aws_region = self.region.currentText().strip()
        settings.collection_id = self.collection_id()
        settings.aws_profile = str(self.profile.currentData() or "") if self.use_profile.isChecked() else ""
        settings.rekognition_mode = "users" if self.user_vectors.isChecked() else "faces"

    # -- credentials: the keyring is read and written on a pool thread, and written only on Save -------------
    def typed_keys(self) -> tuple[str, str] | None:
        """The access key typed in the form and not saved yet, when it is the chosen credential."""
        if self.use_keys.isChecked() and self.keys_typed():
            return self.key_id.text().strip(), self.secret.text().strip()
        return None

    def keyring_change(self) -> Callable[[], None] | None:
        """What Save does to the keyring (run on a pool thread), or None when it leaves it as it is."""
        from ..secrets import delete_aws_credentials, save_aws_credentials

        keys = self.typed_keys()
        if keys is not None:
            return lambda: save_aws_credentials(*keys)
        if self.forget_pending:
            return delete_aws_credentials
        return None

    def _read_saved_keys(self, *, choose: bool = False) -> None:
        """Read the keyring in the background; show the saved key masked (and choose it, with `choose`,
        unless the user chose something meanwhile)."""
        self.saved: str | None = None  # the saved key id, masked ("" when none); None while reading
        self._user_chose = False
        self.key_id.setPlaceholderText(tr("Access key id (reading the system keyring…)"))
        self.secret.setPlaceholderText(tr("Secret access key"))
        self.forget_keys.hide()

        def done(saved: object) -> None:
            self.saved = str(saved or "")
            self._show_saved_keys()
            if choose and self.saved and not self._user_chose:
                self.use_keys.setChecked(True)

        self.runner.submit(_saved_key_mask, done, lambda _exc: done(""))

    def _show_saved_keys(self) -> None:
        saved = "" if self.forget_pending else (self.saved or "")
        self.key_id.setPlaceholderText(tr("Access key id (saved: {key})").format(key=saved) if saved
                                       else tr("Access key id (AKIA…)"))
        self.secret.setPlaceholderText(tr("Secret access key (saved; type to replace)") if saved
                                       else tr("Secret access key"))
        self.forget_keys.setVisible(bool(saved))
        self.forget_note.setVisible(self.forget_pending)

    def _forget_keys(self) -> None:
        """Remove the saved key from the keyring when Save is pressed (Cancel keeps it)."""
        self.forget_pending = True
        self.key_id.clear()
        self.secret.clear()
        self._show_saved_keys()
        self.use_profile.setChecked(True)

    def _keys_edited(self) -> None:
        self._user_chose = True
        self.use_keys.setChecked(True)

    def _cred_mode_changed(self) -> None:
        profile = self.use_profile.isChecked()
        self.profile.setEnabled(profile)
        self.key_id.setEnabled(not profile)
        self.secret.setEnabled(not profile)

    # -- test connection -------------------------------------------------------------------------------
    def test_connection(self, create_collection: bool = False) -> None:
        """Test what the form shows, as it shows it: a key typed and not saved is tested in memory (it
        reaches the keyring only on Save); the keyring is read, if at all, on a pool thread."""
        import copy

        if self.check():
            return
        settings = copy.deepcopy(self.original)
        self.fields(settings)
        settings.engine = "rekognition"
        keys = self.typed_keys()
        unsaved = keys is not None or (self.forget_pending and not settings.aws_profile)
        self.test_button.setEnabled(False)
        self.create_button.setEnabled(False)
        set_tone(self.test_result, None)
        self.test_result.setText(tr("Creating the collection…") if create_collection else tr("Connecting…"))

        def check() -> Any:
            if unsaved:
                from .aws_check import check_unsaved

                return check_unsaved(settings, *(keys or (None, None)), create_collection=create_collection)
            from ..engines.aws_connection import check_connection

            return check_connection(settings, create_collection=create_collection)

        self.runner.submit(check, self._test_done, self._test_failed)

    def _test_done(self, result: Any) -> None:
        self.test_button.setEnabled(True)
        self.create_button.setEnabled(True)
        ok = bool(getattr(result, "ok", False))
        message = getattr(result, "message", "")
        text = _worded(result) or (_dialog_words(message) if message else "") or (
            tr("Connected.") if ok else tr("The connection failed."))
        self._show_test(ok, text)
        self.create_button.setVisible(not ok and bool(getattr(result, "can_create", False)))

    def _test_failed(self, exc: object) -> None:
        self.test_button.setEnabled(True)
        self.create_button.setEnabled(True)
        self._show_test(False, _dialog_words(exc) or type(exc).__name__)

    def _show_test(self, ok: bool, text: str) -> None:
        set_tone(self.test_result, "leaf" if ok else "danger")
        self.test_result.setText(("✓ " if ok else "✗ ") + text)


def _dialog_words(message: object) -> str:
    """The check's message (or an error): what to do here (the Create collection button, the fields above)."""
    return engine_words(message, "dialog")


def _worded(result: Any) -> str | None:
    """The check's answer in the window's language when it is one of the answers the window knows how to
    word (signed in, and the collection there, made, or missing); else None (the engine's own message)."""
    account, region = getattr(result, "account", None), getattr(result, "region", None)
    collection, faces = getattr(result, "collection_id", None), getattr(result, "face_count", None)
    if not (account and region and collection):
        return None
    if getattr(result, "ok", False) and getattr(result, "created", False):
        return tr("Signed in as {account}. Created the collection “{collection}” in {region}; it is empty and"
                  " ready.").format(account=account, collection=collection, region=region)
    if getattr(result, "ok", False) and faces is not None:
        return tr("Signed in as {account}. Collection “{collection}” in {region} holds %Ln face(s).", None,
                  int(faces)).format(account=account, collection=collection, region=region)
    if getattr(result, "can_create", False) and not getattr(result, "ok", False) and faces is None:
        return tr("Signed in as {account}. The collection “{collection}” does not exist in {region}: check the"
                  " collection id and the region, or create it with the Create collection button.").format(
            account=account, collection=collection, region=region)
    return None


def _price() -> float:
    from ..engines.pricing import price

    return price("AssociateFaces")


def _saved_key_mask() -> str:
    """The saved access key id, masked, or "" (on a pool thread: a keyring can take seconds to answer)."""
    from ..secrets import load_aws_credentials, mask

    creds = load_aws_credentials()
    return mask(creds.access_key_id) if creds else ""
