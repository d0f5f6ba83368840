"""バックアップと復元's screenshots (called by make_screenshots for each language).

A SHIBA desk whose backup folder holds a season of rotated backups (daily ones, one before a
sync import, one by hand): restore_<lang> is 設定 with that list; damaged_database_<lang> is
the dialog the window shows instead of failing when the database is damaged, offering the
newest good backup. `python -m tests.gui.backup_screenshots DIR` makes only these.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app.domain.backup_rotation import BackupName
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import backups, database, inquiries, restore, setup
from desktop_app.ui.context import AppContext
from desktop_app.ui.damaged_dialog import DamagedDatabaseDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.vocab import load_vocab
from desktop_app.ui.worker import DbRunner
from tests.actors import actor_for

Settle = Callable[[DbRunner], None]
STAMPS = [
    ("20261123-083512", "daily"),
    ("20261122-162040", "before-sync-import"),
    ("20261122-084501", "daily"),
    ("20261121-090233", "daily"),
    ("20261120-171500", "manual"),
    ("20261120-083010", "daily"),
    ("20261115-082958", "daily"),
    ("20261031-083344", "daily"),
]


def _desk(folder: Path) -> database.Database:
    db = database.connect(folder / "renkei-desk.sqlite3")
    setup.initialise(db, "SHIBA")
    for number in range(40):
        case = {"received_at": "2026-11-02", "subject": f"相談{number}",
                "inquirer": {"type": "resident", "name": "佐藤 花子"}}  # fmt: skip
        inquiries.add_inquiry(db, NewInquiry.read(case), actor=actor_for("clerk"))
    seed = backups.backup_before(db, "seed").path
    for stamp, reason in STAMPS:
        name = BackupName(dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S"), "renkei-desk-SHIBA", reason)
        shutil.copyfile(seed, seed.with_name(name.file_name))
    seed.unlink()
    return db


def shoot_backups(out: Path, lang: str, settle: Settle) -> None:
    folder = tempfile.TemporaryDirectory()
    db = _desk(Path(folder.name))
    runner = DbRunner(lang)
    ctx = AppContext(
        db,
        "SHIBA",
        actor_for("admin"),
        lang,
        runner,
        runner.query_now(lambda: load_vocab(db, lang)),
    )
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    window.start()
    window.show_page("settings")
    settle(runner)
    path = out / f"restore_{lang}.png"
    window.grab().save(str(path), "PNG")
    print(path)
    window.close()
    runner.shutdown()
    db.dispose()

    damaged = Path(folder.name) / "renkei-desk.sqlite3"
    with damaged.open("r+b") as handle:
        handle.write(b"\x00" * 100)
    newest = restore.newest_good_backup(damaged)
    problem = "file is not a database" if lang == "en" else "ファイルがデータベースではありません"
    dialog = DamagedDatabaseDialog(str(damaged), problem, newest)
    dialog.show()
    settle(runner)
    path = out / f"damaged_database_{lang}.png"
    dialog.grab().save(str(path), "PNG")
    print(path)
    dialog.close()
    folder.cleanup()


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.ui.app import set_application_font
    from desktop_app.ui.i18n import install_translators
    from desktop_app.ui.style import apply_style
    from tests.gui.make_screenshots import _settle

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    set_application_font(app, 10)
    apply_style(app)
    for language in ("ja", "en"):
        install_translators(app, language)
        shoot_backups(Path(sys.argv[1]), language, lambda runner: _settle(app, runner))
