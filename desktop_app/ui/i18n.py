"""Installing the translators of one language: the desk's own and Qt's standard dialogs.

Japanese is the source language of every string in the code (self.tr("受付一覧")); English comes
from resources/i18n/renkei_desk_en.qm. Qt's own qtbase_<lang>.qm translates standard dialogs
(file and print dialogs, message box buttons). GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app import resources

I18N_DIR = resources.i18n_dir()
APP_CATALOGUE = "renkei_desk"

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, lang: str) -> list[str]:
    """Replace the installed translators with those of `lang`; returns the catalogues loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Japanese)
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = []
    for name, directory in ((f"{APP_CATALOGUE}_{lang}", str(I18N_DIR)), (f"qtbase_{lang}", qt_dir)):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(name)
    return loaded
