"""Keeps the window's translations in step with its code (`make translations`).

    python tools/translations.py update [--merge FILE.json ...]
    python tools/translations.py check

`update` collects every `tr(...)` / `QT_TR_NOOP(...)` text of the window (beetroot_desktop/ui) and every
`say(...)` message of the core (beetroot_desktop/wording.py) with pyside6-lupdate into beetroot_<language>.ts,
fills the English plural forms that follow the "(s)" rule (beetroot_en.ts holds nothing but plural forms),
takes translations from JSON files given with --merge ({"source": "translation"} or {"source": ["singular",
"plural"]}), and compiles the .qm files the app loads with pyside6-lrelease. Texts no longer in the code are dropped.

`check` does the same collection into a temporary folder and fails (exit 1) when a text is missing from a
.ts file or has no finished translation, or when a .qm file does not give the translations of its .ts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from beetroot_desktop.ui.i18n import english_forms

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "beetroot_desktop"
# The window's texts (`tr`) and the core's messages (`say`, see beetroot_desktop/wording.py); not the CLI's.
SOURCES = [PACKAGE / "ui", *(PACKAGE / part for part in ("library", "imaging", "engines", "pipeline")),
           *(PACKAGE / name for name in ("config.py", "secrets.py", "wording.py"))]
I18N = ROOT / "beetroot_desktop" / "resources" / "i18n"
LANGUAGES = ("en", "de")  # en: plural forms only
BIN = Path(sys.executable).parent

def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def lupdate(ts: Path, plural_only: bool) -> None:
    args = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-extensions", "py",
            "-tr-function-alias", "QT_TR_NOOP+=say"]
    if plural_only:
        args.append("-pluralonly")
    subprocess.run([*args, *map(str, SOURCES), "-ts", str(ts)], check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)


def messages(root: ET.Element) -> Iterator[ET.Element]:
    for context in root.iter("context"):
        yield from context.iter("message")


def fill(ts: Path, language: str, merged: dict[str, str | list[str]]) -> None:
    """English plural forms by rule, other languages from `merged`; only texts with no finished translation."""
    tree = ET.parse(ts)
    changed = False
    for message in messages(tree.getroot()):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") not in ("unfinished", None):
            continue  # obsolete or vanished
        if translation.get("type") is None and not _empty(translation):
            continue  # finished by hand or by an earlier merge: never overwritten
        numerus = message.get("numerus") == "yes"
        if language == "en":
            if not numerus:
                continue
            forms: list[str] | str | None = list(english_forms(source))
        else:
            forms = merged.get(source)
        if not forms:
            continue
        if numerus:
            if isinstance(forms, str):
                forms = [forms, forms]
            for child in list(translation):
                translation.remove(child)
            translation.text = "\n            "
            for form in forms:
                element = ET.SubElement(translation, "numerusform")
                element.text = form
                element.tail = "\n            "
        elif isinstance(forms, str):
            translation.text = forms
        else:
            continue
        translation.attrib.pop("type", None)
        changed = True
    if changed:
        _write(tree, ts)


def _empty(translation: ET.Element) -> bool:
    if len(translation):
        return not any((form.text or "").strip() for form in translation)
    return not (translation.text or "").strip()


def _write(tree: ET.ElementTree, ts: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def problems(ts: Path) -> list[str]:
    found = []
    for message in messages(ET.parse(ts).getroot()):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished" or _empty(translation):
            found.append(f"{ts.name}: no translation for {source!r}")
    return found


def stale(ts: Path, qm: Path) -> list[str]:
    """Translations of `ts` the compiled `qm` does not give (compared message by message, not byte by byte:
    another lrelease may lay the same translations out differently)."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not qm.exists() or not translator.load(str(qm)):
        return [f"{qm.name} is missing or cannot be loaded; run `make translations`"]
    for message in messages(ET.parse(ts).getroot()):
        translation = message.find("translation")
        if translation is None or translation.get("type") is not None or _empty(translation):
            continue
        source, comment = message.findtext("source") or "", message.findtext("comment")
        if message.get("numerus") == "yes":
            expected = [(form.text or "") for form in translation.iter("numerusform")]
            got = [translator.translate("", source, comment, n) for n in (1, 2)]  # one, many (en and de)
        else:
            expected, got = [translation.text or ""], [translator.translate("", source, comment)]
        if got != expected[:len(got)]:
            return [f"{qm.name} is older than {ts.name} ({source!r}); run `make translations`"]
    return []


@contextlib.contextmanager
def locked() -> Iterator[None]:
    """One update at a time: lupdate rewrites the .ts files in place."""
    I18N.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":  # no flock; two updates at once are for shared Unix machines anyway
        yield
        return
    import fcntl

    with open(I18N / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def update(merge_files: list[Path]) -> None:
    merged: dict[str, str | list[str]] = {}
    for path in merge_files:
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    with locked():
        for language in LANGUAGES:
            ts = I18N / f"beetroot_{language}.ts"
            lupdate(ts, plural_only=language == "en")
            fill(ts, language, merged)
            lrelease(ts, I18N / f"beetroot_{language}.qm")
    for language in LANGUAGES:
        for problem in problems(I18N / f"beetroot_{language}.ts"):
            print(problem)


def check() -> int:
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            committed = I18N / f"beetroot_{language}.ts"
            if not committed.exists():
                found.append(f"{committed.name} is missing; run `make translations`")
                continue
            fresh = Path(tmp) / committed.name
            shutil.copy(committed, fresh)
            lupdate(fresh, plural_only=language == "en")
            found += problems(fresh)
            found += stale(committed, I18N / f"beetroot_{language}.qm")
    for problem in found:
        print(problem)
    return 1 if found else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="collect the texts, fill what is known, compile")
    up.add_argument("--merge", type=Path, action="append", default=[], help="a JSON file of translations")
    sub.add_parser("check", help="fail when a text has no translation or a .qm file is stale")
    args = parser.parse_args(argv)
    if args.command == "update":
        update(args.merge)
        return 0
    return check()


if __name__ == "__main__":
    raise SystemExit(main())
