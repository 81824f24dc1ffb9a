"""What a user types for a person, resolved the same way by every command that takes one.

PERSON is a person id (an id that was merged into another is refused with the way out) or an exact, unique
name; anything else is a usage error (exit 2) that says what to do. The edit verbs (cli/edits.py) apply
the same rules with the same words (they import them from here).
"""

from __future__ import annotations

from typing import Any

from .common import CliError


def text_arg(value: str, what: str) -> str:
    """An argument as text; a terminal that passed bytes that are not UTF-8 gets a usage error, not a crash."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CliError(f"the {what} {value.encode('utf-8', 'surrogateescape')!r} is not valid UTF-8 text") from None
    return value


def person_ref(library: Any, ref: str) -> str:
    """A person id or an exact, unique name; a usage error (exit 2) when it names none or several."""
    found = library.find_people(text_arg(ref, "person"))
    if found and found[0] != ref and library.conn.execute(
            "SELECT 1 FROM people WHERE person_id = ?", (ref,)).fetchone():
        raise CliError(f"{ref} was merged into {found[0]}: use that id, or split {ref} off it first"
                       f" (`beetroot split {found[0]} {ref}`)")
    if not found:
        raise CliError(f"no person has the id or the name {ref!r} (see `beetroot people`)")
    if len(found) > 1:
        raise CliError(f"{len(found)} people are named {ref!r}: use one of their ids ({', '.join(found)})")
    return str(found[0])
