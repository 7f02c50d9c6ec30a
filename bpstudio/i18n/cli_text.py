"""The command line's messages in the user's language, without Qt.

`bpstudio train` and `bpstudio derive` must not load PySide6 (tests/test_headless_imports.py),
so they cannot use QTranslator.  They read the same Qt Linguist source the GUI is built from,
bpstudio/resources/translations/bpstudio_<locale>.ts (plain XML), with xml.etree: one catalogue
for translators, and `translate("cli", "...")` calls that pyside6-lupdate finds like any other.
"""

from __future__ import annotations

import functools
import os
import xml.etree.ElementTree as ET

from bpstudio.i18n.translation_files import ts_file

CHINESE = "zh_CN"


def cli_language(environ=os.environ) -> str:
    """ "zh_CN" when the user's locale is Chinese (LC_ALL, LC_MESSAGES, LANG), else "en"."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return CHINESE if value.lower().startswith("zh") else "en"
    return "en"


@functools.cache
def _catalogue(locale: str) -> dict[tuple[str, str], str]:
    try:
        root = ET.parse(ts_file(locale)).getroot()
    except (OSError, ET.ParseError):
        return {}
    entries = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") != "unfinished"
            if finished and translation.text:
                entries[(name, message.findtext("source") or "")] = translation.text
    return entries


def translate(context: str, text: str, locale: str | None = None) -> str:
    """``text`` in the user's language (English, the source, when there is no translation)."""
    locale = locale or cli_language()
    if locale == "en":
        return text
    return _catalogue(locale).get((context, text), text)
