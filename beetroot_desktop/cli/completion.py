"""`beetroot completion bash|zsh|fish`: a shell completion script, made from the parser itself.

The script completes commands, their options, option values (choices, folders for --library), photo paths,
setting names, and person names for the edit verbs (rename, hide, unhide, merge, split, assign). Names come
from the library at the moment Tab is pressed, through the hidden `beetroot __complete-people [--library
DIR]`: one per line, a person's name, or the id of a person who has no name yet (what `rename` needs).

Install:  bash  `beetroot completion bash > ~/.local/share/bash-completion/completions/beetroot`
          zsh   `beetroot completion zsh > "${fpath[1]}/_beetroot"` (or `source <(beetroot completion zsh)`)
          fish  `beetroot completion fish > ~/.config/fish/completions/beetroot.fish`
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from typing import Any

from .common import EXIT_OK, add_library, examples, library_dir_for, settings_for_library

SHELLS = ("bash", "zsh", "fish")
PEOPLE_HELPER = "__complete-people"
# What a positional argument holds, by its metavar; anything else is free text (nothing to complete).
POSITIONAL_KINDS = {"PERSON": "people", "INTO": "people", "FROM": "people", "PATH": "file", "PHOTO": "file",
                    "FACE_REF": "file", "KEY": "setting"}
OPTION_KINDS = {"DIR": "dir", "PATH": "file", "FILE": "file"}


def register(sub: Any, parser: argparse.ArgumentParser) -> None:
    p = sub.add_parser("completion", help="print a shell completion script (bash, zsh or fish)",
                       **examples("source <(beetroot completion bash)    # in this shell only",
                                  "beetroot completion bash > ~/.local/share/bash-completion/completions/beetroot"))
    p.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    p.set_defaults(handler=lambda args: cmd_completion(args, parser))

    # Hidden (no help=, so not listed): what the scripts call for person names.
    q = sub.add_parser(PEOPLE_HELPER)
    add_library(q)
    q.set_defaults(handler=cmd_complete_people)


def cmd_completion(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    commands = describe(parser)
    script = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}[args.shell](commands)
    sys.stdout.write(script)
    return EXIT_OK


def cmd_complete_people(args: argparse.Namespace) -> int:
    """Person names (ids for people without one), one per line; nothing at all when there is no library.

    Never creates or changes a library and never prints an error: it runs on every Tab press."""
    for name in person_completions(args):
        print(name)
    return EXIT_OK


def person_completions(args: argparse.Namespace) -> list[str]:
    import contextlib
    import io

    from ..library import db_path, open_library

    try:
        with contextlib.redirect_stderr(io.StringIO()):  # a settings warning is no completion
            path = library_dir_for(args, settings_for_library(args))
        if not db_path(path).is_file():
            return []
        library = open_library(path, readonly=True)
        try:
            people = library.people()
        finally:
            library.close()
    except Exception:  # no library, a damaged or locked one: nothing to offer
        return []
    seen: set[str] = set()
    names: list[str] = []
    for person in people:
        name = person.name or person.person_id
        if name and name not in seen and name.isprintable():  # a name with a line break cannot be one line
            seen.add(name)
            names.append(name)
    return names


# -- what the parser accepts ------------------------------------------------------------------------------
@dataclass
class Option:
    flags: list[str]
    value: str | None  # None: a flag; else "dir", "file", "none" (free text) or "choices:a b c"
    help: str = ""


@dataclass
class Command:
    key: str  # "" for the top level, "import", "config set", ...
    help: str = ""
    options: list[Option] = field(default_factory=list)
    positionals: list[str] = field(default_factory=list)  # kinds, in order
    repeats: bool = False  # the last positional takes one or more values
    subcommands: list[tuple[str, str]] = field(default_factory=list)  # (name, help)


def _choices(values: Any) -> str:
    return "choices:" + " ".join(str(v) for v in values)


def describe(parser: argparse.ArgumentParser, key: str = "", help_text: str = "") -> list[Command]:
    """Every command the parser accepts (hidden ones left out), the top level first."""
    command = Command(key, help_text)
    found = [command]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            listed = {a.dest: a.help or "" for a in action._choices_actions}
            for name, subparser in action.choices.items():
                if name not in listed:
                    continue  # hidden
                command.subcommands.append((name, listed[name]))
                found += describe(subparser, f"{key} {name}".strip(), listed[name])
        elif action.option_strings:
            if action.nargs == 0:
                value = None
            elif action.choices:
                value = _choices(action.choices)
            else:
                value = OPTION_KINDS.get(str(action.metavar), "none")
            command.options.append(Option(list(action.option_strings), value, _plain(action.help)))
        else:
            metavar = str(action.metavar or action.dest.upper())
            if action.choices:
                kind = _choices(action.choices)
            elif metavar == "KEY":
                from ..config import Settings

                kind = _choices(Settings().to_json())
            else:
                kind = POSITIONAL_KINDS.get(metavar, "none")
            command.positionals.append(kind)
            command.repeats = action.nargs in ("+", "*")
    return found


def _plain(text: str | None) -> str:
    return " ".join((text or "").replace("%%", "%").split())


def _q(text: str) -> str:
    """Single-quoted for bash and zsh."""
    return "'" + text.replace("'", "'\\''") + "'"


def _fish_q(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


# -- bash and zsh: one walk over the words, the same tables -----------------------------------------------
def _tables(commands: list[Command], fn: str) -> str:
    """Shell functions (bash and zsh read them alike) that answer what the walk asks about a command."""
    subs = [f'        {_q(c.key)}) echo {_q(" ".join(n for n, _ in c.subcommands))} ;;'
            for c in commands if c.subcommands]
    opts = [f'        {_q(c.key)}) echo {_q(" ".join(f for o in c.options for f in o.flags))} ;;' for c in commands]
    values = [f'        {_q(c.key + "|" + flag)}) echo {_q(o.value)} ;;'
              for c in commands for o in c.options if o.value is not None for flag in o.flags]
    positions: list[str] = []
    for c in commands:
        for index, kind in enumerate(c.positionals):
            last = index == len(c.positionals) - 1
            pattern = (_q(f"{c.key}|") + "*") if (last and c.repeats) else _q(f"{c.key}|{index}")
            positions.append(f"        {pattern}) echo {_q(kind)} ;;")
    return "\n".join([
        f"{fn}_subcommands() {{  # the commands one level below $1",
        '    case "$1" in', *subs, "    esac", "}",
        f"{fn}_options() {{  # the options of command $1",
        '    case "$1" in', *opts, "    esac", "}",
        f"{fn}_value() {{  # what option $2 of command $1 takes: dir, file, none, choices:...; empty for a flag",
        '    case "$1|$2" in', *values, "    esac", "}",
        f"{fn}_positional() {{  # what positional argument number $2 (from 0) of command $1 holds",
        '    case "$1|$2" in', *positions, "    esac", "}",
    ]) + "\n"


_WALK = r"""    # Walk the words before the cursor: the command (and sub-command), --library, and how many
    # positional arguments were given; an option's value is skipped.
    while (( i < cword )); do
        w=${words_[i]}
        kind=
        if [[ $w == --*=* ]]; then
            [[ $w == --library=* ]] && lib=${w#--library=}
        elif [[ $w == -* ]]; then
            kind=$(__FN___value "$key" "$w")
            if [[ -n $kind ]]; then
                (( i += 1 ))
                [[ ${words_[i]} == "=" ]] && (( i += 1 ))  # bash splits --library=DIR at the =
                [[ $w == --library ]] && lib=${words_[i]}
            fi
        else
            subs=" $(__FN___subcommands "$key") "
            if [[ $subs != "  " && $subs == *" $w "* && $npos -eq 0 ]]; then
                key=${key:+$key }$w
            else
                (( npos += 1 ))
            fi
        fi
        (( i += 1 ))
    done
    [[ $lib == "~/"* ]] && lib=$HOME/${lib#"~/"}
    [[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}
    if (( i > cword )); then
        what=$kind                      # the cursor is on the value of the option before it
    elif [[ $cur == -* ]]; then
        what=options
    else
        subs=$(__FN___subcommands "$key")
        if [[ -n $subs && $npos -eq 0 ]]; then
            what="choices:$subs"
        else
            what=$(__FN___positional "$key" "$npos")
        fi
    fi
"""


def bash_script(commands: list[Command]) -> str:
    fn = "_beetroot"
    walk = _WALK.replace("__FN__", fn)
    return f"""# bash completion for beetroot (made by `beetroot completion bash`). Load it with
#   source <(beetroot completion bash)
# or save it as ~/.local/share/bash-completion/completions/beetroot

{_tables(commands, fn)}
{fn}_people() {{  # person names from the library (ids for unnamed people), quoted for the command line
    local name quoted
    local -a call=("$prog" {PEOPLE_HELPER})
    [[ -n $lib ]] && call+=(--library "$lib")
    while IFS= read -r name; do
        [[ -z $name ]] && continue
        printf -v quoted '%q' "$name"
        if [[ $name == "$cur"* || $quoted == "$cur"* ]]; then
            COMPREPLY+=("$quoted")
        fi
    done < <("${{call[@]}}" 2>/dev/null)
}}

{fn}() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} cword=$COMP_CWORD prog=${{COMP_WORDS[0]}}
    local -a words_=("${{COMP_WORDS[@]}}")
    local key= lib= kind= subs= what= w
    local i=1 npos=0
    local IFS=$' \\t\\n'
    [[ $cur == "=" ]] && cur=
{walk}
    COMPREPLY=()
    case $what in
        options) COMPREPLY=($(compgen -W "$({fn}_options "$key")" -- "$cur")) ;;
        choices:*) COMPREPLY=($(compgen -W "${{what#choices:}}" -- "$cur")) ;;
        people) {fn}_people ;;
        dir) compopt -o filenames 2>/dev/null  # bash quotes the names; paths may have spaces
             IFS=$'\\n' COMPREPLY=($(compgen -d -- "$cur")) ;;
        file) compopt -o filenames 2>/dev/null
              IFS=$'\\n' COMPREPLY=($(compgen -f -- "$cur")) ;;
    esac
    return 0
}}

complete -F {fn} beetroot
"""


def zsh_script(commands: list[Command]) -> str:
    fn = "_beetroot"
    walk = _WALK.replace("__FN__", fn)
    described = []
    for c in commands:
        if c.subcommands:
            entries = " ".join(_q(f"{name.replace(':', chr(92) + ':')}:{_plain(text)}") for name, text in c.subcommands)
            described.append(f"        {_q(c.key)}) reply=({entries}) ;;")
    return f"""#compdef beetroot
# zsh completion for beetroot (made by `beetroot completion zsh`). Save it as _beetroot in a folder of
# $fpath (before compinit runs), or load it in this shell with: source <(beetroot completion zsh)

{_tables(commands, fn)}
{fn}_described() {{  # the commands below $1, each with its help
    reply=()
    case "$1" in
{chr(10).join(described)}
    esac
}}

{fn}() {{
    local cur=${{words[CURRENT]}} prog=${{words[1]}}
    local -a words_=("${{(@)words}}")  # words_[2] is the first word after the command, as in the walk
    integer cword=CURRENT
    local key= lib= kind= subs= what= w
    integer i=2 npos=0
    local -a reply people
{walk}
    case $what in
        options) compadd -- ${{=$({fn}_options "$key")}} ;;
        choices:*)
            {fn}_described "$key"
            if [[ -n $({fn}_subcommands "$key") && $npos -eq 0 && ${{#reply}} -gt 0 ]]; then
                _describe -t commands 'beetroot command' reply
            else
                compadd -- ${{=${{what#choices:}}}}
            fi ;;
        people)
            people=(${{(f)"$("$prog" {PEOPLE_HELPER} ${{lib:+--library}} ${{lib:+"$lib"}} 2>/dev/null)"}})
            compadd -a people ;;
        dir) _files -/ ;;
        file) _files ;;
    esac
    return 0
}}

if [[ ${{zsh_eval_context[-1]}} == loadautofunc ]]; then
    {fn} "$@"
else
    compdef {fn} beetroot
fi
"""


def fish_script(commands: list[Command]) -> str:
    lines = [
        "# fish completion for beetroot (made by `beetroot completion fish`). Save it as",
        "# ~/.config/fish/completions/beetroot.fish, or load it with: beetroot completion fish | source",
        "",
        "function __beetroot_people --description 'person names from the library, ids for unnamed people'",
        "    set -l tokens (commandline -opc)",
        "    set -l call $tokens[1] " + PEOPLE_HELPER,
        "    for i in (seq (count $tokens))",
        "        if test \"$tokens[$i]\" = --library; and test $i -lt (count $tokens)",
        "            set call $call --library $tokens[(math $i + 1)]",
        "        else if string match -q -- '--library=*' $tokens[$i]",
        "            set call $call $tokens[$i]",
        "        end",
        "    end",
        "    $call 2>/dev/null",
        "end",
        "",
        "complete -c beetroot -f",
    ]
    by_key = {c.key: c for c in commands}
    for c in commands:
        if c.key == "":
            cond = "__fish_use_subcommand"
        else:
            cond = f"__fish_seen_subcommand_from {c.key.split()[-1]}"
            if " " in c.key:
                cond = f"__fish_seen_subcommand_from {c.key.split()[0]}; and {cond}"
        for name, text in c.subcommands:
            if c.key:
                # below a command that has its own sub-commands: only while none of them is given
                others = " ".join(n for n, _ in c.subcommands)
                below = f"{cond}; and not __fish_seen_subcommand_from {others}"
                lines.append(f"complete -c beetroot -n {_fish_q(below)} -a {_fish_q(name)} -d {_fish_q(_plain(text))}")
            else:
                lines.append(f"complete -c beetroot -n {_fish_q(cond)} -a {_fish_q(name)} -d {_fish_q(_plain(text))}")
        for option in c.options:
            parts = ["complete -c beetroot"]
            if c.key:
                parts.append(f"-n {_fish_q(cond)}")
            for flag in option.flags:
                parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
            if option.value == "dir":
                parts.append("-r -F")  # fish offers files and folders; folders are what --library wants
            elif option.value == "file":
                parts.append("-r -F")
            elif option.value and option.value.startswith("choices:"):
                parts.append(f"-x -a {_fish_q(option.value[len('choices:'):])}")
            elif option.value == "none":
                parts.append("-x")
            if option.help:
                parts.append(f"-d {_fish_q(option.help)}")
            lines.append(" ".join(parts))
        kinds = set(c.positionals)
        if c.key and "people" in kinds:
            lines.append(f"complete -c beetroot -n {_fish_q(cond)} -a '(__beetroot_people)'")
        if c.key and "file" in kinds:
            lines.append(f"complete -c beetroot -n {_fish_q(cond)} -F")
        for kind in kinds:
            if kind.startswith("choices:") and not by_key[c.key].subcommands:
                lines.append(f"complete -c beetroot -n {_fish_q(cond)} -a {_fish_q(kind[len('choices:'):])}")
    return "\n".join(lines) + "\n"
