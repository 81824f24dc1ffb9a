"""The merge confirmation: say what a merge will do and let the user pick who stays.

The dialog notes the people as it showed them (`chosen`: each one's id and name). The merge it confirms is
made later, perhaps after another window or a `beetroot` command merged, renamed or emptied one of them:
ops.merge_people checks them against the library first and refuses a merge of people who changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from .i18n import tr
from .item_text import person_name
from .people_model import PeopleModel
from .widgets import round_pixmap

if TYPE_CHECKING:
    from ..library.browse import PersonTile
    from .context import LibraryContext

MERGE_ICON = 32  # each person's face in the merge dialog


class MergeDialog(QDialog):
    """Say what a merge will do and let the user pick who stays (Edit › Undo takes a merge back)."""

    def __init__(self, ctx: LibraryContext, person_ids: list[str], counts: dict[str, int],
                 parent: QWidget | None = None, *, target: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Merge people"))
        self.person_ids = person_ids
        tiles = ctx.library.person_tiles(person_ids)
        self.chosen: dict[str, str | None] = {pid: tiles[pid].name if pid in tiles else None for pid in person_ids}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        intro = QLabel(tr("Merge these %Ln person(s) into one. The person you keep gives the merged person their"
                          " name. Edit › Undo (Ctrl+Z) takes the merge back, and Split on the person's page takes a"
                          " merged person out again.", None, len(person_ids)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(6)
        self.group = QButtonGroup(self)
        best = target if target in person_ids else _default_target(person_ids, tiles, counts)
        for i, pid in enumerate(person_ids):
            tile = tiles.get(pid)
            count = counts.get(pid, 0)
            button = QRadioButton(tr("Keep {name}  (%Ln photo(s))", None, count).format(
                name=person_name(tile.name if tile else None)))
            key = PeopleModel.cover_key(tile)  # faces tell unnamed people apart
            button.setIcon(QIcon(round_pixmap(ctx.thumbs.get(key) if key else None, MERGE_ICON)))
            button.setIconSize(QSize(MERGE_ICON, MERGE_ICON))
            button.setChecked(pid == best)
            self.group.addButton(button, i)
            layout.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("Primary")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(8)
        layout.addWidget(buttons)

    def target(self) -> str:
        return self.person_ids[max(0, self.group.checkedId())]


def _default_target(ids: list[str], tiles: dict[str, PersonTile], counts: dict[str, int]) -> str:
    """The named person with the most photos, else the person with the most photos."""
    def weight(pid: str) -> tuple[int, int]:
        tile = tiles.get(pid)
        return (1 if tile and tile.name else 0, counts.get(pid, 0))

    return max(ids, key=weight)
