"""What the core says to the user: English text the window can still put into the user's language.

`say("the folder {path} is missing", path=p)` is an English `str` (the command line prints it, the log keeps
it) that also remembers its template and arguments, so the window (`ui.i18n.translated`) can look the template
up in its translations and fill in the same arguments. The template must be a literal at the call:
`make translations` collects `say(...)` texts from the core as it collects `tr(...)` from the window. Text built
from a message by `+`, slicing or `str` methods is plain English again: give the window the message itself.
"""

from __future__ import annotations

from collections.abc import Mapping


class Said(str):
    """English text that remembers how it was made (see the module docstring)."""

    template: str
    args: dict[str, object]

    def __new__(cls, template: str, args: Mapping[str, object] | None = None) -> Said:
        # Only a template with arguments is formatted: a plain message may hold braces (a path, a JSON key).
        text = super().__new__(cls, template.format(**args) if args else template)
        text.template = template
        text.args = dict(args or {})
        return text

    def __reduce__(self) -> tuple[type[Said], tuple[str, dict[str, object]]]:
        return Said, (self.template, self.args)  # across processes (the import's workers) with its template


def say(template: str, /, **args: object) -> Said:
    """The message `template` with `args` filled in (str.format), in English; translatable in the window."""
    return Said(template, args)


def said_in(error: BaseException) -> Said | None:
    """The message an error was raised with, when it says exactly that (no context added by its `__str__`)."""
    text = str(error)
    return next((arg for arg in error.args if isinstance(arg, Said) and arg == text), None)


def message_of(error: BaseException) -> str:
    """What `error` says: the message it was raised with (still translatable), else its text."""
    return said_in(error) or str(error)
