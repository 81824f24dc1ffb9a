"""The names of edits (Edit › Undo …) in the window's language.

The library stores each edit's name in English, with the edit (the command line's `beetroot history` shows
it, and another window may read it); the window translates the names it knows at display time and shows any
other as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .i18n import QT_TR_NOOP, decimal, tr

_ANSWERS = {"yes": QT_TR_NOOP("yes"), "no": QT_TR_NOOP("no"), "skip": QT_TR_NOOP("skip")}
_FIXED = {text: text for text in (
    QT_TR_NOOP("Clear name"), QT_TR_NOOP("Merge people"), QT_TR_NOOP("Hide person"), QT_TR_NOOP("Show person"),
    QT_TR_NOOP("Not this person"), QT_TR_NOOP("Not a face"), QT_TR_NOOP("Ignore face"), QT_TR_NOOP("Add face"),
    QT_TR_NOOP("Add face to person"), QT_TR_NOOP("Confirm face"), QT_TR_NOOP("Consolidate people"),
    QT_TR_NOOP("Split person"), QT_TR_NOOP("Use as cover"), QT_TR_NOOP("Rename person"),
)}


_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"Rename to “(.*)”"), lambda m: tr("Rename to “{name}”").format(name=m.group(1))),
    (re.compile(r"Merge (\d+) people"), lambda m: tr("Merge %Ln person(s)", None, int(m.group(1)))),
    (re.compile(r"Hide 1 person|Hide (\d+) people"),
     lambda m: tr("Hide %Ln person(s)", None, int(m.group(1) or 1))),
    (re.compile(r"Show 1 person|Show (\d+) people"),
     lambda m: tr("Show %Ln person(s)", None, int(m.group(1) or 1))),
    (re.compile(r"Not this person \((\d+) faces\)"), lambda m: tr("Not this person (%Ln face(s))", None,
                                                                   int(m.group(1)))),
    (re.compile(r"Not a face \((\d+) faces\)"), lambda m: tr("Not a face (%Ln face(s))", None, int(m.group(1)))),
    (re.compile(r"Ignore (\d+) faces"), lambda m: tr("Ignore %Ln face(s)", None, int(m.group(1)))),
    (re.compile(r"Regroup at ([0-9.]+) %"), lambda m: tr("Regroup at {threshold} %").format(
        threshold=decimal(float(m.group(1))))),
    (re.compile(r"Review: (yes|no|skip) \((\d+) questions\)"), lambda m: tr(
        "Review: {answer} (%Ln question(s))", None, int(m.group(2))).format(answer=tr(_ANSWERS[m.group(1)]))),
    (re.compile(r"Review: (yes|no|skip)"), lambda m: tr("Review: {answer}").format(answer=tr(_ANSWERS[m.group(1)]))),
]


def edit_label(label: str) -> str:
    """`label` as the library stores it ("Merge 3 people"), in the window's language ("3 Personen
    zusammenführen"); a name this window does not know stays as it is."""
    if label in _FIXED:
        return tr(_FIXED[label])
    for pattern, render in _PATTERNS:
        match = pattern.fullmatch(label)
        if match:
            return render(match)
    return label
