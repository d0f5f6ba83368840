"""Where to save a file, asked the one way every save dialog of the window asks it.

The file dialog's own replace confirmation is switched off because it checks the name before
the program adds the missing suffix (報告書 → 報告書.xlsx) and, on Windows, asks in the
system's words; instead, once the final name is known, an existing file gets the program's
question 上書きしますか？ (No by default). Only a yes lets the service replace the file
(`overwrite=True`); services/output_files still refuses the database and its backups.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.domain.messages import render


@dataclass(frozen=True)
class SaveChoice:
    path: Path
    overwrite: bool  # the person said yes to replacing the file that is there


def ask_save_path(
    parent: QWidget, title: str, suggested: str, filters: str, *, suffix: str, lang: str
) -> SaveChoice | None:
    """The name chosen (with `suffix`, e.g. ".xlsx", added when missing), or None when the
    person cancelled the dialog or declined to replace an existing file."""
    name, _ = QFileDialog.getSaveFileName(
        parent, title, suggested, filters, options=QFileDialog.Option.DontConfirmOverwrite
    )
    if not name:
        return None
    path = Path(name if name.lower().endswith(suffix) else name + suffix)
    if not path.exists():
        return SaveChoice(path, overwrite=False)
    if confirm_overwrite(parent, path, lang=lang):
        return SaveChoice(path, overwrite=True)
    return None


def confirm_overwrite(parent: QWidget, path: Path, *, lang: str) -> bool:
    """上書きしますか？ — yes only when the person clicks it (Enter and Esc answer no)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        path.name,
        render("output_overwrite_question", lang, path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("overwriteQuestion")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
