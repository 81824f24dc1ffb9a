"""How the window words the things its grids and viewer show: a person's name, a list of names, a face's
match or why it belongs to no one, the date and time a photo was taken (in the window's language and the
user's locale)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from .i18n import number, tr


def person_name(name: str | None) -> str:
    """A person's name as the window shows it: the name, or "Unnamed person" in the window's language."""
    return name or tr("Unnamed person")


def sentence(text: str, *, full_stop: bool = False) -> str:
    """A message of the core (lower case, as the command line prints it after "error: ") as a sentence of
    the window: its first letter capitalised, and with `full_stop` ended with one."""
    text = text.strip()
    if full_stop and text and not text.endswith((".", "!", "?")):
        text += "."
    return text[:1].upper() + text[1:]


def as_label(text: str) -> str:
    """`text` (a name) for a menu item or a button, where "&" marks the Alt+letter: "Tom & Jerry" shows its "&"
    rather than underlining the J."""
    return text.replace("&", "&&")


def name_list(names: Sequence[str]) -> str:
    """"Ann", "Ann and Bob", "Ann, Bob and Cy" (in the window's language)."""
    if len(names) <= 1:
        return "".join(names)
    return tr("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def match_text(similarity: float | None) -> str:
    """How close a face is to its person: "96.4% match", or "first face" for the face the person began with."""
    if similarity is None:
        return tr("first face")
    return tr("{percent}% match").format(percent=number(float(similarity), 1))


def face_reason(status: str, reason: str | None) -> str:
    """Words for why a face belongs to no one."""
    if status == "removed":
        return tr("Removed by you")
    if status == "unsearchable":
        return tr("Face not clear enough")
    if status == "unindexed":
        text = (reason or "").upper()
        if "SMALL" in text:
            return tr("Face too small")
        if "SHARP" in text or "BRIGHT" in text or "QUALITY" in text:
            return tr("Face not clear enough")
        return tr("Not recognised")
    return tr("Unassigned")


def taken_moment(taken_at: str | None) -> tuple[QDate, QTime | None] | None:
    """The date (and time, when known) a photo was taken, from the library's "2019-05-01T12:30:00" text."""
    text = str(taken_at or "").strip().replace("T", " ")
    day = QDate.fromString(text[:10], "yyyy-MM-dd")
    if not day.isValid():
        return None
    moment = QTime.fromString(text[11:16], "HH:mm") if len(text) >= 16 else QTime()
    return day, (moment if moment.isValid() else None)


def date_text(taken_at: str | None) -> str:
    """The day a photo was taken, as the user's locale writes a date ("" when unknown)."""
    found = taken_moment(taken_at)
    if found is None:
        return str(taken_at or "")[:10]
    return QLocale().toString(found[0], QLocale.FormatType.ShortFormat)


def taken_text(taken_at: str | None) -> str:
    """The day and time a photo was taken, in the user's locale (the day alone when no time is known)."""
    found = taken_moment(taken_at)
    if found is None:
        return str(taken_at or "").replace("T", " ")[:16]
    day, moment = found
    if moment is None:
        return QLocale().toString(day, QLocale.FormatType.ShortFormat)
    # The photo's own wall-clock time, never moved through this computer's time zone (or its DST gaps).
    return QLocale().toString(QDateTime(day, moment), QLocale.FormatType.ShortFormat)
