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
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("beetroot.ui")

# lupdate files a bare `tr(...)` under the empty context; the lookup has to use the same one.
CONTEXT = ""
TRANSLATIONS = ("de",)  # the languages the window speaks besides English
_installed: list[QTranslator] = []


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the window's language; with `n` >= 0 the plural form for n (and %n / %Ln replaced)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


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
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = chosen_locale(language)
    QLocale.setDefault(locale)
    folder = str(translations_dir())

    def install(name: str, directory: str, loc: QLocale | None = None) -> bool:
        translator = QTranslator(app)
        loaded = translator.load(loc, name, "_", directory) if loc is not None else translator.load(name, directory)
        if loaded:
            app.installTranslator(translator)
            _installed.append(translator)
        return loaded

    if not install("beetroot_en", folder):
        log.warning("the English plural forms are missing from %s", folder)
    if language_of(locale) in TRANSLATIONS:
        if install("beetroot", folder, locale):
            install("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), locale)
        else:
            log.warning("no %s translation in %s", language_of(locale), folder)
    return locale


def language_of(locale: QLocale) -> str:
    """"de" for de_DE, de_AT, ...; the first of the user's UI languages for the system locale."""
    languages = locale.uiLanguages()
    name = languages[0] if languages else locale.name()
    return name.replace("-", "_").split("_")[0].lower()


def number(value: int | float, decimals: int = 0) -> str:
    """A number as the user's locale writes it ("12,345" / "12.345")."""
    locale = QLocale()
    if isinstance(value, int):
        return locale.toString(value)
    return locale.toString(float(value), "f", decimals)


def date_time(moment: datetime | float, short: bool = True) -> str:
    """A moment (a datetime or a Unix time) as the user's locale writes it."""
    stamp = moment.timestamp() if isinstance(moment, datetime) else float(moment)
    when = QDateTime.fromMSecsSinceEpoch(int(stamp * 1000))
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return QLocale().toString(when, fmt)
