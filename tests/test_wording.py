"""Core messages: English text for the command line that the window can still translate."""

from __future__ import annotations

import pickle
import sqlite3

import pytest

from beetroot_desktop.wording import Said, said_in, say


def test_a_message_is_its_english_text_and_remembers_how_it_was_made() -> None:
    message = say("the folder {path} is {kind}", path="/p", kind="a file")
    assert message == "the folder /p is a file" and isinstance(message, str)
    assert (message.template, message.args) == ("the folder {path} is {kind}", {"path": "/p", "kind": "a file"})
    assert say("a {brace} in a plain text") == "a {brace} in a plain text"  # no arguments: nothing formatted
    assert say("{value!r} is not {what}", value="x", what="a number") == "'x' is not a number"


def test_a_message_keeps_its_template_across_processes_and_is_plain_text_in_sqlite_and_json() -> None:
    message = say("cannot read {path}: {error}", path="/a {b}.jpg", error=say("truncated"))
    back = pickle.loads(pickle.dumps(message))
    assert isinstance(back, Said) and back == message and back.template == message.template
    assert isinstance(back.args["error"], Said)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (reason TEXT)")
    db.execute("INSERT INTO t VALUES (?)", (message,))
    assert db.execute("SELECT reason FROM t").fetchone()[0] == "cannot read /a {b}.jpg: truncated"


def test_an_error_raised_with_a_message_gives_it_back_unless_it_says_more() -> None:
    message = say("no person {name}", name="Ann")
    assert said_in(ValueError(message)) is message
    assert said_in(ValueError("no person Ann")) is None  # plain text: nothing to translate by template

    class Wrapped(ValueError):
        def __str__(self) -> str:
            return f"library: {self.args[0]}"

    assert said_in(Wrapped(message)) is None  # its own words around the message: shown as they are
    assert said_in(KeyError(message)) is None  # KeyError quotes its argument


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_window_translates_a_message_its_arguments_and_a_saved_text(qapp, language: str) -> None:  # type: ignore[no-untyped-def]
    from beetroot_desktop.ui.i18n import install_translators, tr, translated

    install_translators(language)
    try:
        # "Cancel" is a window text every language has; a message's template is looked up the same way
        cancel = {"en": "Cancel", "de": "Abbrechen"}[language]
        assert tr("Cancel") == cancel
        assert translated(say("{what}", what=say("Cancel"))) == cancel  # arguments that are messages too
        assert translated(ValueError(say("Cancel"))) == cancel
        assert translated("Cancel") == cancel  # a text read back from the library, looked up whole
        assert translated("no such text, {kept} as it is") == "no such text, {kept} as it is"
        assert translated(say("{n} and {m}", n=1, m="x")) == "1 and x"  # unknown template: English, filled in
    finally:
        install_translators("en")


def _say_calls() -> list[tuple[str, int, str, set[str] | None]]:
    """Every `say("literal", ...)` of the package: file, line, template, its keyword names (None with **kw)."""
    import ast
    from pathlib import Path

    found = []
    for path in sorted((Path(__file__).resolve().parents[1] / "beetroot_desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "say":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    names = None if any(k.arg is None for k in node.keywords) else {str(k.arg) for k in node.keywords}
                    found.append((path.name, node.lineno, first.value, names))
    return found


def test_every_message_is_given_exactly_the_arguments_its_template_names() -> None:
    """A placeholder without its argument would raise while an error is being reported (and an argument
    without a placeholder is lost in every language): checked for every message the core says."""
    import string

    calls = _say_calls()
    assert len(calls) > 200  # the walk finds them
    wrong = []
    for name, line, template, given in calls:
        wanted = {field.split(".")[0].split("[")[0] for _text, field, _spec, _conv in string.Formatter().parse(template)
                  if field is not None}
        if given is not None and (wanted != given if given else wanted):
            wrong.append(f"{name}:{line}: {template!r} names {sorted(wanted)}, given {sorted(given)}")
    assert not wrong, "\n".join(wrong)
