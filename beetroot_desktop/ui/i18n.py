"""The window's language: every string the user reads goes through Qt's translation system.

Write user-visible text as `tr("Rename…")`; a count as `tr("%Ln photo(s)", None, n)` (`%Ln` is the number in
the user's locale, and each language's .ts file holds its plural forms, English included: write the English
source with "(s)", "person(s)", "is(are)" ... or "[one|many]" for the words that change, tools/translations.py
turns them into the two English forms); a string defined
before the translators are installed (a table of actions) as `QT_TR_NOOP("Rename…")` where it is defined
and `tr(text)` where it is shown. `pyside6-lupdate` finds these calls by name (`make translations`), so the text
must be a literal at the call. Every message lives in one context: the same English text means the same
thing everywhere in the window, and `disambiguation` tells two meanings apart where it does not.

The command line never comes here: scripts parse its English.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

from ..wording import Said, message_of, said_in

log = logging.getLogger("beetroot.ui")

# lupdate files a bare `tr(...)` under the empty context; the lookup has to use the same one.
CONTEXT = ""
TRANSLATIONS = ("de",)  # the languages the window speaks besides English
_installed: list[QTranslator] = []
_english_forms_loaded = False  # beetroot_en.qm: without it, english_forms() stands in


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the window's language; with `n` >= 0 the plural form for n (and %n / %Ln replaced)."""
    if n >= 0 and not _english_forms_loaded and not any(
            t.translate(CONTEXT, text, disambiguation, n) for t in _installed):
        one, many = english_forms(text)
        text = one if n == 1 else many
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


# English plural forms: "%Ln photo(s)" -> "%Ln photo" / "%Ln photos"; the words that do not just add an s;
# any other pair is written "[one|many]" ("%Ln face(s) [belongs|belong] to ...").
IRREGULAR = {
    "person(s)": ("person", "people"),
    "is(are)": ("is", "are"),
    "has(have)": ("has", "have"),
    "was(were)": ("was", "were"),
    "this(these)": ("this", "these"),
    "it(them)": ("it", "them"),
    "its(their)": ("its", "their"),
    "(es)": ("", "es"),
    "(s)": ("", "s"),
}
ONE_OR_MANY = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")  # "[belongs|belong]": the word for one, for many


def english_forms(source: str) -> tuple[str, str]:
    """The English for one and for many of a source text written with the markers above."""
    singular, plural = ONE_OR_MANY.sub(r"\1", source), ONE_OR_MANY.sub(r"\2", source)
    for marker, (one, many) in IRREGULAR.items():
        singular = singular.replace(marker, one)
        plural = plural.replace(marker, many)
    return singular, plural


def translated(message: object) -> str:
    """A message of the core (`wording.say`), or an error raised with one, in the window's language. Other text
    is looked up whole (a reason the library saved in English) and comes back as it is when it is not known."""
    said = said_in(message) if isinstance(message, BaseException) else message
    if isinstance(said, Said):
        if not said.args:
            return tr(said.template)
        return tr(said.template).format(**{key: translated(value) if isinstance(value, Said) else value
                                           for key, value in said.args.items()})
    text = str(message)
    return tr(text) if text.strip() else text


def engine_words(message: object, where: str = "window") -> str:
    """An engine's message (or an error raised with one) as the window says it, in its language: where to go
    in Settings (`where="window"`) or what to do in the Settings dialog (`"dialog"`), not a command to run."""
    from ..engines.aws_errors import gui_wording  # botocore's errors: loaded once an engine speaks

    text = message_of(message) if isinstance(message, BaseException) else str(message)
    return translated(gui_wording(message if isinstance(message, Said) else text, where))


def QT_TR_NOOP(text: str) -> str:  # the name lupdate looks for
    """Marks `text` for translation where it is defined; `tr(text)` translates it where it is shown."""
    return text


def translations_dir() -> Path:
    from ..assets import resource_path

    return resource_path("i18n")


def chosen_locale(language: str) -> QLocale:
    """The locale for the `language` setting: the system's for "system", else that language's."""
    if language and language != "system":
        return QLocale(language)
    return QLocale.system()


def install_translators(language: str = "system") -> QLocale:
    """Load the window's translation (and Qt's own, for standard dialogs) for `language`; returns the locale.

    English needs a translation too: it holds the plural forms ("1 photo", "2 photos"). A language with no
    translation falls back to English; numbers and dates still follow the chosen locale.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translators needs a QCoreApplication")
    global _english_forms_loaded
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _english_forms_loaded = False
    locale = chosen_locale(language)
    QLocale.setDefault(locale)
    try:
        folder = str(translations_dir())
    except FileNotFoundError as exc:  # a broken install still starts, in English (english_forms)
        log.warning("the window is in English, without its translations: %s", exc)
        return locale

    def install(name: str, directory: str, loc: QLocale | None = None) -> bool:
        translator = QTranslator(app)
        loaded = translator.load(loc, name, "_", directory) if loc is not None else translator.load(name, directory)
        if loaded:
            app.installTranslator(translator)
            _installed.append(translator)
        return loaded

    _english_forms_loaded = install("beetroot_en", folder)
    if not _english_forms_loaded:
        log.warning("the English plural forms are missing from %s; they follow the source texts' rule", folder)
    spoken = language_of(locale)
    if spoken in TRANSLATIONS:
        if install("beetroot", folder, QLocale(spoken)):
            install("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), QLocale(spoken))
        else:
            log.warning("no %s translation in %s", spoken, folder)
    return locale


def language_of(locale: QLocale) -> str:
    """"de" for de_DE, de_AT, ...; for the system locale the first of the user's UI languages the window
    speaks (LANGUAGE=fr:de:en gives "de": there is no French), else the first of them."""
    names = [name.replace("-", "_").split("_")[0].lower() for name in locale.uiLanguages()]
    names = names or [locale.name().replace("-", "_").split("_")[0].lower()]
    return next((name for name in names if name == "en" or name in TRANSLATIONS), names[0])


def number(value: int | float, decimals: int = 0) -> str:
    """A number as the user's locale writes it ("12,345" / "12.345")."""
    locale = QLocale()
    if isinstance(value, int):
        return locale.toString(value)
    return locale.toString(float(value), "f", decimals)


def decimal(value: float) -> str:
    """A number such as a threshold as the user's locale writes it, as short as it can be ("99.5", "99,5", "95")."""
    return QLocale().toString(float(value), "g", 6)


def date_time(moment: datetime | float, short: bool = True) -> str:
    """A moment (a datetime or a Unix time) as the user's locale writes it."""
    stamp = moment.timestamp() if isinstance(moment, datetime) else float(moment)
    when = QDateTime.fromMSecsSinceEpoch(int(stamp * 1000))
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return QLocale().toString(when, fmt)
