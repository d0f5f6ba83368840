"""取込・送付's screenshots (called by make_screenshots for each language).

The central office (HQ) with packages from two branches: SHIBA's second package (a new case,
an update, and a subject both offices changed), AZABU's second package (its first one never
arrived: a sequence warning) and a copy of SHIBA's edited by hand (refused, naming the row).
exchange_report: the screen after the dry run and 取込, the navigation counting the conflict;
exchange_conflict: the side-by-side dialog of that conflict.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.services import database, inquiries, setup, sync_export, sync_import
from desktop_app.ui.context import AppContext
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.vocab import load_vocab
from desktop_app.ui.worker import DbRunner
from tests.actors import actor_for

Settle = Callable[[DbRunner], None]
TODAY = dt.date(2026, 11, 23)


def _case(db: database.Database, subject: str, **values: object) -> str:
    data = {
        "received_at": "2026-11-02",
        "channel": "phone",
        "subject": subject,
        "relationship": "hub",
        "step": "1_inform",
        "inquirer": {"type": "neighborhood", "organization": "芝五丁目町会", "name": "佐藤 花子"},
        **values,
    }
    return inquiries.add_inquiry(
        db, NewInquiry.read(data, today=TODAY), actor=actor_for("clerk")
    ).receipt_no


def _packages(folder: Path) -> tuple[database.Database, list[Path]]:
    """HQ's database and the files on the stick, in the order a clerk drops them."""
    offices = {}
    for code in ("HQ", "SHIBA", "AZABU"):
        offices[code] = database.connect(folder / f"{code}.sqlite3")
        setup.initialise(offices[code], code)
    hq, shiba, azabu = offices["HQ"], offices["SHIBA"], offices["AZABU"]
    first = _case(shiba, "商店街の物産展に出店する自治体を探している")
    second = _case(shiba, "防災訓練に連携自治体の職員を招きたい", step="2_connect")
    sync_export.export_sync(shiba, folder / "shiba-1.xlsx", actor=actor_for("clerk"))
    sync_import.import_sync(hq, [folder / "shiba-1.xlsx"], actor=actor_for("hq"))
    branch_edit = {"subject": "物産展の出店自治体（3件紹介済み）", "follow_up_due": "2026-12-04"}
    inquiries.update_inquiry(
        shiba, InquiryChange.read(first, branch_edit), actor=actor_for("clerk")
    )
    central_edit = {"subject": "物産展の出店自治体の紹介", "follow_up_due": "2026-12-11"}
    inquiries.update_inquiry(
        hq, InquiryChange.read(first, {**central_edit, "step": "2_connect"}), actor=actor_for("hq")
    )
    inquiries.update_inquiry(
        shiba, InquiryChange.read(second, {"status": "in_progress"}), actor=actor_for("clerk")
    )
    _case(shiba, "大学のフィールドワーク先を紹介してほしい", channel="email")
    stick = folder / "stick"
    stick.mkdir()
    sync_export.export_sync(shiba, stick / "SHIBA-HQ-20261123.xlsx", actor=actor_for("clerk"))
    _case(azabu, "姉妹都市の高校生の受入れについて")
    sync_export.export_sync(azabu, folder / "azabu-1.xlsx", actor=actor_for("clerk"))
    _case(azabu, "区内企業と産地の商談会を開きたい")
    sync_export.export_sync(azabu, stick / "AZABU-HQ-20261123.xlsx", actor=actor_for("clerk"))
    book = openpyxl.load_workbook(stick / "SHIBA-HQ-20261123.xlsx")
    book["受付"]["F3"] = "手で書き換えた件名"
    book.save(stick / "SHIBA-HQ-copy.xlsx")
    for db in (shiba, azabu):
        db.dispose()
    files = ["SHIBA-HQ-20261123.xlsx", "AZABU-HQ-20261123.xlsx", "SHIBA-HQ-copy.xlsx"]
    return hq, [stick / name for name in files]


def shoot_exchange(out: Path, lang: str, settle: Settle) -> None:
    folder = tempfile.TemporaryDirectory()
    hq, files = _packages(Path(folder.name))
    runner = DbRunner(lang)
    ctx = AppContext(
        hq,
        "HQ",
        actor_for("supervisor", office="HQ"),
        lang,
        runner,
        runner.query_now(lambda: load_vocab(hq, lang)),
    )
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    window.start()
    window.show_page("exchange")
    page = window.exchange
    page.import_panel.add_files(files)
    settle(runner)
    page.import_panel.start_import()
    settle(runner)

    def shot(name: str, widget: QWidget) -> None:
        settle(runner)
        path = out / f"{name}_{lang}.png"
        widget.grab().save(str(path), "PNG")
        print(path)

    shot("exchange_report", window)
    page.queue.open_conflict(int(page.queue.table.topLevelItem(0).text(0)))
    settle(runner)
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "syncConflictDialog"
    )
    shot("exchange_conflict", dialog)
    dialog.close()
    window.close()
    runner.shutdown()
    hq.dispose()
    folder.cleanup()


def shoot_ledger(out: Path, lang: str, settle: Settle) -> None:
    """受付簿の取込: the columns step and the report step of the wizard on the tests' ledger."""
    from desktop_app.ui.exchange.ledger_wizard import LedgerWizard
    from tests.ledger import ledgers

    folder = tempfile.TemporaryDirectory()
    db = database.connect(Path(folder.name) / "shiba.sqlite3")
    setup.initialise(db, "SHIBA")
    ledger = ledgers.write_xlsx(Path(folder.name) / "令和7年度 相談受付簿.xlsx")
    runner = DbRunner(lang)
    ctx = AppContext(
        db,
        "SHIBA",
        actor_for("supervisor"),
        lang,
        runner,
        runner.query_now(lambda: load_vocab(db, lang)),
    )
    wizard = LedgerWizard(ctx)
    wizard.show()
    wizard.file_page.file.setText(str(ledger))
    for name in ("ledger_columns", "ledger_report"):
        wizard.next()
        settle(runner)
        path = out / f"{name}_{lang}.png"
        wizard.grab().save(str(path), "PNG")
        print(path)
    wizard.close()
    runner.shutdown()
    db.dispose()
    folder.cleanup()
