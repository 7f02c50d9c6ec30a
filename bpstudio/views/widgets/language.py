"""The interface language: English (the source language) or Simplified Chinese.

The language follows the system locale unless the user picks one in View > Language; the
choice is kept in QSettings.  Switching installs (or removes) two QTranslators, BP Studio's own
and Qt's (for the texts of Qt's dialogs and standard buttons); Qt then sends every widget a
LanguageChange event, and each widget's changeEvent re-sets its texts (see `retranslate`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QStandardPaths,
    QTranslator,
    Signal,
)

from bpstudio.i18n import model_messages
from bpstudio.i18n.translation_files import usable_qm

SETTINGS_KEY = "language"
SYSTEM = ""  # the saved choice that means "follow the system locale"
ENGLISH, CHINESE = "en", "zh_CN"
# (choice, the language's own name); "System default" is translated where it is shown.
CHOICES = ((ENGLISH, "English"), (CHINESE, "简体中文"))
QT_CATALOGUE = "qtbase"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate under a short name that lupdate also recognises, for code
    outside a QObject subclass (there `self.tr` is the way)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def model_message(error) -> str:
    """A message of the model (an exception, its Message or its text) in the interface
    language (bpstudio.i18n.model_messages, with Qt's translator)."""
    return model_messages.model_message(error, translate)


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange


class Retranslating:
    """For a widget whose ``retranslate()`` sets all its texts: a language switch (Qt's
    LanguageChange event) calls it again.  List it before the Qt base class."""

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language a choice means: any Chinese locale reads the Simplified Chinese text."""
    if choice in (ENGLISH, CHINESE):
        return choice
    system = system or QLocale.system()
    return CHINESE if system.language() == QLocale.Language.Chinese else ENGLISH


def derivation_language(locale: str) -> str:
    """The derivation catalogue's code (bpstudio.model.derivation.text): "zh" or "en"."""
    return "zh" if locale == CHINESE else "en"


def saved_choice() -> str:
    value = QSettings().value(SETTINGS_KEY, SYSTEM)
    return value if value in (SYSTEM, ENGLISH, CHINESE) else SYSTEM


def _cache_dir() -> Path:
    location = QStandardPaths.StandardLocation.CacheLocation
    return Path(QStandardPaths.writableLocation(location)) / "translations"


def _qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class LanguageSwitcher(QObject):
    """Owns the installed translators; one per application (see `switcher`)."""

    languageChanged = Signal(str)  # the language now shown: "en" or "zh_CN"

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._translators: list[QTranslator] = []
        self.choice = SYSTEM
        self.language = ENGLISH

    def apply(self, choice: str, remember: bool = False) -> bool:
        """Show ``choice`` (SYSTEM, ENGLISH or CHINESE); False if its catalogue is missing."""
        if remember:
            QSettings().setValue(SETTINGS_KEY, choice)
        self.choice = choice
        language = resolve(choice)
        self._remove_translators()
        loaded = language == ENGLISH or self._install(language)
        self.language = language if loaded else ENGLISH
        self.languageChanged.emit(self.language)
        return loaded

    def _install(self, language: str) -> bool:
        ours = QTranslator(self)
        qm = usable_qm(language, _cache_dir())
        if qm is None or not ours.load(str(qm)):
            return False
        qt = QTranslator(self)
        if qt.load(f"{QT_CATALOGUE}_{language}", _qt_translations_dir()):
            self._translators.append(qt)
        self._translators.append(ours)  # installed last, so it is asked first
        for translator in self._translators:
            QCoreApplication.installTranslator(translator)
        return True

    def _remove_translators(self) -> None:
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()
        self._translators = []


def switcher() -> LanguageSwitcher:
    """The application's switcher, made on first use (it lives as long as the application)."""
    app = QCoreApplication.instance()
    found = app.findChild(LanguageSwitcher)
    return found if found is not None else LanguageSwitcher(app)
