"""Shell completion (`beetroot completion bash|zsh|fish`) with person names from the library, and the
examples at the end of every command's --help."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from beetroot_desktop.cli import build_parser, main
from beetroot_desktop.cli.completion import describe
from beetroot_desktop.library import Library, open_library

REPO = Path(__file__).resolve().parents[1]
PERSON_VERBS = ("rename", "hide", "unhide", "merge", "split", "assign")


@pytest.fixture
def beetroot_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH has a `beetroot` that runs this checkout with this Python."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "beetroot"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m beetroot_desktop "$@"\n')
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(REPO)}


def bash(script: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, timeout=120)


def complete_in_bash(env: dict[str, str], *words: str) -> list[str]:
    """What Tab offers for the last of `words` (after `beetroot`), as bash's completion would."""
    quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in ("beetroot", *words))
    run = bash("source <(beetroot completion bash)\n"
               f"COMP_WORDS=({quoted}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n"
               '_beetroot; printf "%s\\n" "${COMPREPLY[@]}"', env)
    assert run.returncode == 0, run.stderr
    return [line for line in run.stdout.splitlines() if line]


@pytest.fixture
def named_library(imported_library: Library) -> Path:
    people = imported_library.people()
    imported_library.rename_person(people[0].person_id, "Rose Tyler")
    imported_library.rename_person(people[1].person_id, "Rory O'Brien")
    return Path(imported_library.dir)


def test_bash_script_registers_the_completion(beetroot_on_path):
    run = bash("source <(beetroot completion bash); complete -p beetroot", beetroot_on_path)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert run.stdout.strip() == "complete -F _beetroot beetroot"


@pytest.mark.slow
def test_bash_completes_commands_options_and_person_names(beetroot_on_path, named_library: Path):
    env = beetroot_on_path
    lib = str(named_library)
    assert complete_in_bash(env, "re") == ["rebuild", "rename", "reject", "redo", "regroup", "review"]
    assert complete_in_bash(env, "import", "--engine", "") == ["local", "rekognition"]
    assert "--dry-run" in complete_in_bash(env, "import", "--d")
    assert complete_in_bash(env, "config", "") == ["set", "unset", "show"]
    assert complete_in_bash(env, "config", "set", "thr") == ["threshold"]
    assert complete_in_bash(env, "completion", "") == ["bash", "zsh", "fish"]

    # Person names, quoted for the command line, wherever an edit verb takes a person.
    assert sorted(complete_in_bash(env, "rename", "--library", lib, "Ro")) == ["Rory\\ O\\'Brien", "Rose\\ Tyler"]
    assert complete_in_bash(env, "--library", lib, "hide", "Rose\\ T") == ["Rose\\ Tyler"]
    assert complete_in_bash(env, "rename", "--library", lib, "Rose\\ Tyler", "") == []  # NAME: free text
    assert complete_in_bash(env, "assign", "--library", lib, "photo.jpg", "0", "Ros") == ["Rose\\ Tyler"]
    merge = complete_in_bash(env, "merge", "--library", lib, "Rose\\ Tyler", "")
    with open_library(named_library, readonly=True) as check:
        unnamed = {p.person_id for p in check.people() if not p.name}
    assert set(merge) == {"Rose\\ Tyler", "Rory\\ O\\'Brien", *unnamed}  # ids for people without a name
    # The library from the environment when there is no --library.
    assert complete_in_bash({**env, "BEETROOT_LIBRARY": lib}, "unhide", "Ror") == ["Rory\\ O\\'Brien"]


def test_the_people_helper_is_hidden_and_never_makes_a_library(tmp_path: Path, capsys):
    help_text = build_parser().format_help()
    assert "__complete-people" not in help_text and "completion" in help_text
    missing = tmp_path / "no-library"
    assert main(["__complete-people", "--library", str(missing)]) == 0
    assert capsys.readouterr() == ("", "")
    assert not missing.exists()


def test_the_scripts_offer_people_for_every_edit_verb():
    commands = {c.key: c for c in describe(build_parser())}
    for verb in PERSON_VERBS:
        assert "people" in commands[verb].positionals, verb
    assert commands["rename"].positionals == ["people", "none"]
    assert commands["assign"].positionals == ["file", "none", "people"]
    assert "__complete-people" not in commands


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_parse(shell: str, beetroot_on_path, capsys):
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert "__complete-people" in script
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here")
    run = subprocess.run([shell, "-n"], input=script, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr


@pytest.mark.slow
def test_fish_completes_person_names(beetroot_on_path, named_library: Path, tmp_path: Path, capsys):
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed here")
    main(["completion", "fish"])
    script = tmp_path / "beetroot.fish"
    script.write_text(capsys.readouterr().out)
    run = subprocess.run(["fish", "--no-config", "-c", f"source {script}; complete -C'beetroot rename --library"
                          f" {named_library} Ro'"], capture_output=True, text=True, env=beetroot_on_path, timeout=120)
    assert sorted(run.stdout.split("\n")[:-1]) == ["Rory O'Brien", "Rose Tyler"], run.stderr


def all_parsers(parser: argparse.ArgumentParser, path: str = "") -> list[tuple[str, argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            listed = {a.dest for a in action._choices_actions}
            for name, sub in action.choices.items():
                if name in listed:
                    found.append((f"{path} {name}".strip(), sub))
                    found += all_parsers(sub, f"{path} {name}".strip())
    return found


def test_every_command_help_ends_with_one_or_two_examples():
    commands = all_parsers(build_parser())
    assert len(commands) >= 23
    for name, parser in commands:
        text = parser.format_help().rstrip("\n")
        head, _, tail = text.rpartition("\nexamples:\n")
        assert head, f"`beetroot {name} --help` ends without examples"
        examples = tail.splitlines()
        assert 1 <= len(examples) <= 2, (name, examples)
        assert all(line.startswith("  ") and "beetroot " in line for line in examples), (name, examples)
