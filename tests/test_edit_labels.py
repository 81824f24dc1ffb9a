"""Edit › Undo names the edit in the window's language; the library keeps its English name."""

from __future__ import annotations

import pytest

from beetroot_desktop.ui.edit_labels import edit_label
from beetroot_desktop.ui.i18n import install_translators


@pytest.mark.parametrize(("stored", "english", "german_text"), [
    ("Merge people", "Merge people", "Personen zusammenführen"),
    ("Merge 3 people", "Merge 3 people", "3 Personen zusammenführen"),
    ("Rename to “Ann”", "Rename to “Ann”", "Umbenennen in „Ann“"),
    ("Hide 1 person", "Hide 1 person", "1 Person ausblenden"),
    ("Review: no (12 questions)", "Review: no (12 questions)", "Überprüfen: nein (12 Fragen)"),
    ("Regroup at 97.5 %", "Regroup at 97.5 %", "Neu gruppieren bei 97,5 %"),
    ("Something a newer version named", "Something a newer version named", "Something a newer version named"),
])
def test_stored_edit_names_read_in_the_windows_language(qapp, stored, english, german_text):  # type: ignore[no-untyped-def]
    assert edit_label(stored) == english
    install_translators("de")
    try:
        assert edit_label(stored) == german_text
    finally:
        install_translators("en")
