"""The set-up wizard's pages and the About box as PNG (part of `make screenshots`).

wizard_office, wizard_admin (with the message a short password gets), wizard_masters,
wizard_training, wizard_confirm and about, each as <name>_<lang>.png. The wizard is shown on a
path in a temporary directory and never finished, so nothing is created.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.ui.first_run.wizard import FirstRunWizard
from desktop_app.ui.main_window import MainWindow


def shoot_first_run(window: MainWindow, out: Path, lang: str, settle: Callable[[], None]) -> None:
    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}_{lang}.png"
        widget.grab().save(str(path), "PNG")
        print(path)

    about = window.show_about()
    save(about, "about")
    about.close()
    about.deleteLater()
    with tempfile.TemporaryDirectory() as tmp:
        wizard = FirstRunWizard(Path(tmp) / "renkei-desk.sqlite3", lang)
        wizard.show()
        office = wizard.office_page.office
        office.setCurrentIndex(office.findData("SHIBA"))
        save(wizard, "wizard_office")
        wizard.next()
        page = wizard.admin_page
        for edit, text in (
            (page.login, "minato.taro"),
            (page.name, "港 太郎"),
            (page.password, "short-pw"),
        ):
            _type(edit, text)
        save(wizard, "wizard_admin")
        for edit in (page.password, page.confirmation):
            _type(edit, "correct-horse-battery")
        wizard.next()
        save(wizard, "wizard_masters")
        wizard.next()
        wizard.training_page.training.setChecked(True)
        save(wizard, "wizard_training")
        wizard.next()
        save(wizard, "wizard_confirm")
        wizard.runner.shutdown()
        wizard.close()
        wizard.deleteLater()  # destroyed by Qt, in order, not by Python's collector at random
        settle()


def _type(edit: QLineEdit, text: str) -> None:
    """As typed: textEdited is what the page checks on."""
    edit.setText(text)
    edit.textEdited.emit(text)
