"""`python -m tests.catalogue.synthetic_field FOLDER`: a code field added the documented way,
followed through the program; prints one JSON object {stage: "ok" or why it went missing}.

The field, 連携分野2 (`sector2`), is added as the catalogue's recipe says (domain/fields.py): one
catalogue line, the model's column, the column in the schema and the vocabulary's rows. It
lives in this process only: the catalogue and the model are extended before any other module
of the program is imported (they read the catalogue when they load), and the databases are
new SQLite files in FOLDER whose `inquiry` table gets the column (`ALTER TABLE`, which is what
the migration would do). Nothing else is edited, so each stage shows whether the catalogue
alone carries the field there: the record's JSON, the intake form, the detail pane (among its
first lines) and the inquiry list's columns, a sync package and back, a ledger import, the
report breakdown and list, and demo data.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from desktop_app.domain import fields

KEY = "sector2"
FIELD = fields.Field(
    "inquiry",
    KEY,
    "連携分野2",
    "Sector 2",
    fields.Kind.CODE,
    vocab=KEY,
    group=fields.MATTER,
    tally=fields.Tally(KEY, "連携分野2別", 9),
    listed=True,
    synonyms=("分野2",),
    demo="s2b",
    pane=9,
    in_list=fields.ListColumn(10, "第二分野"),
)
TERMS = (("s2a", "第一分野", "First sector", 1), ("s2b", "第二分野", "Second sector", 2))


def _add_to_catalogue() -> None:
    fields.INQUIRY_FIELDS = (*fields.INQUIRY_FIELDS, FIELD)
    fields.ALL_FIELDS = fields.INQUIRY_FIELDS + fields.INQUIRER_FIELDS + fields.ACTION_FIELDS
    fields._BY_ENTITY = MappingProxyType(
        {
            "inquiry": MappingProxyType({f.key: f for f in fields.INQUIRY_FIELDS}),
            "inquirer": MappingProxyType({f.key: f for f in fields.INQUIRER_FIELDS}),
            "action": MappingProxyType({f.key: f for f in fields.ACTION_FIELDS}),
        }
    )


_add_to_catalogue()

from sqlalchemy import String  # noqa: E402  (the catalogue is extended first)
from sqlalchemy.orm import mapped_column  # noqa: E402

from db.models import Inquiry  # noqa: E402

Inquiry.sector2 = mapped_column(String(32))  # type: ignore[attr-defined]  # the model's column

from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry  # noqa: E402
from desktop_app.domain.report_figures import Period  # noqa: E402
from desktop_app.services import (  # noqa: E402
    database,
    inquiries,
    ledger_import,
    report_lists,
    reports,
    setup,
    sync_export,
    sync_import,
)
from tests.actors import actor_for  # noqa: E402

TODAY = dt.date(2026, 10, 15)
_ADMIN = actor_for()


def _database(path: Path, office: str) -> Any:
    """A new database of `office`, with the field's column and its vocabulary's rows."""
    db = database.connect(path)
    setup.initialise(db, office)
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(inquiry)")}
        if KEY not in columns:
            conn.execute(f"ALTER TABLE inquiry ADD COLUMN {KEY} VARCHAR(32)")
        conn.executemany(
            "INSERT INTO vocab_term (vocab, code, label_ja, label_en, sort_order, active, rev, "
            "updated_at) VALUES (?, ?, ?, ?, ?, 1, 1, '2026-04-01 00:00:00')",
            [(KEY, *term) for term in TERMS],
        )
    return db


def _case(db: Any, code: str) -> Any:
    data = {
        "received_at": TODAY.isoformat(),
        "subject": "分野2の相談",
        "inquirer": {"type": "resident", "name": "鈴木 一郎"},
        KEY: code,
    }
    return inquiries.add_inquiry(db, NewInquiry.read(data, today=TODAY), actor=_ADMIN)


def _expect(what: str, got: Any, wanted: Any) -> None:
    if got != wanted:
        raise AssertionError(f"{what}: {got!r}, expected {wanted!r}")


def stage_record(ctx: dict[str, Any]) -> None:
    record = _case(ctx["shiba"], "s2a")
    ctx["record"] = record
    _expect("add_inquiry's record JSON", record.to_json().get(KEY), "s2a")
    shown = inquiries.get_inquiry(ctx["shiba"], record.receipt_no, actor=_ADMIN)
    _expect("get_inquiry's record JSON", shown.to_json().get(KEY), "s2a")


def stage_form(ctx: dict[str, Any]) -> None:
    from PySide6.QtWidgets import QApplication, QFormLayout

    from desktop_app.ui.context import AppContext
    from desktop_app.ui.inquiry_fields import inquiry_lines
    from desktop_app.ui.intake.inquiry_section import InquirySection
    from desktop_app.ui.vocab import load_vocab
    from desktop_app.ui.worker import DbRunner

    app = QApplication.instance() or QApplication([])
    db = ctx["shiba"]
    runner = DbRunner(lang="ja")
    try:
        vocab = runner.query_now(lambda: load_vocab(db, "ja"))
        section = InquirySection(AppContext(db, "SHIBA", _ADMIN, "ja", runner, vocab))
        if KEY not in section.boxes:
            raise AssertionError("no widget on the intake form")
        layout = section.matter.layout()
        assert isinstance(layout, QFormLayout)
        label = layout.labelForField(section.boxes[KEY])
        _expect("the form's label", label.text() if label else None, "連携分野2")
        section.set_choices({name: vocab.choices(name) for name in vocab.terms})
        section.apply(ctx["record"].to_json())
        _expect("the form's contract after showing the record", section.contract()[KEY], "s2a")
        lines = dict(inquiry_lines(ctx["record"], vocab, include_personal=False))
        _expect("the detail pane's line", lines.get("連携分野2"), "第一分野")
    finally:
        runner.shutdown()
        app.processEvents()


def _wait(app: Any, done: Callable[[], bool], what: str) -> None:
    """Let the database runner's answers arrive (10 s at most)."""
    from PySide6.QtCore import QDeadlineTimer

    deadline = QDeadlineTimer(10_000)
    while not done():
        if deadline.hasExpired():
            raise AssertionError(f"{what}: no answer in 10 s")
        app.processEvents()


def stage_list(ctx: dict[str, Any]) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.context import AppContext
    from desktop_app.ui.inquiry_list.detail_pane import DetailPane
    from desktop_app.ui.inquiry_list.list_model import COLUMN_NAMES, InquiryListModel
    from desktop_app.ui.vocab import load_vocab
    from desktop_app.ui.worker import DbRunner

    app = QApplication.instance() or QApplication([])
    db = ctx["shiba"]
    runner = DbRunner(lang="ja")
    try:
        vocab = runner.query_now(lambda: load_vocab(db, "ja"))
        desk = AppContext(db, "SHIBA", _ADMIN, "ja", runner, vocab)
        pane = DetailPane(desk)
        pane.show_case(ctx["record"].receipt_no)
        _wait(app, lambda: pane.detail is not None, "the detail pane")
        text = pane.summary.toPlainText()
        if "連携分野2" not in text:
            raise AssertionError("not a line of the detail pane")
        # Its place (`pane=9`): after the case at a glance, before the matter (件名).
        _expect(
            "the detail pane's order",
            text.index("状況") < text.index("連携分野2") < text.index("件名"),
            True,
        )
        _expect(
            "the list's column, tenth", COLUMN_NAMES.index(KEY) if KEY in COLUMN_NAMES else None, 9
        )
        model = InquiryListModel(desk)
        loaded: list[bool] = []
        model.headLoaded.connect(lambda: loaded.append(True))
        model.reload()
        _wait(app, lambda: bool(loaded), "the inquiry list")
        column = COLUMN_NAMES.index(KEY)
        _expect(
            "the list's heading", model.headerData(column, Qt.Orientation.Horizontal), "連携分野2"
        )
        cells = [model.data(model.index(row, column)) for row in range(model.rowCount())]
        _expect("the list's cells", cells, ["第一分野"])
    finally:
        runner.shutdown()
        app.processEvents()


def stage_package(ctx: dict[str, Any]) -> None:
    shiba, hq, folder = ctx["shiba"], ctx["hq"], ctx["folder"]
    receipt = ctx["record"].receipt_no
    there = folder / "to-hq.xlsx"
    sync_export.export_sync(shiba, there, actor=_ADMIN, to_office="HQ")
    sync_import.import_sync(hq, [there], actor=_ADMIN)
    arrived = inquiries.get_inquiry(hq, receipt, actor=_ADMIN)
    _expect("the field at HQ after the package", arrived.to_json().get(KEY), "s2a")
    inquiries.update_inquiry(
        hq, InquiryChange.read(receipt, {KEY: "s2b"}, today=TODAY), actor=_ADMIN
    )
    back = folder / "to-shiba.xlsx"
    sync_export.export_sync(hq, back, actor=_ADMIN, to_office="SHIBA")
    sync_import.import_sync(shiba, [back], actor=_ADMIN)
    returned = inquiries.get_inquiry(shiba, receipt, actor=_ADMIN)
    _expect("HQ's change back at the branch", returned.to_json().get(KEY), "s2b")


def stage_ledger(ctx: dict[str, Any]) -> None:
    from openpyxl import Workbook

    path = ctx["folder"] / "ledger.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["受付日", "件名", "氏名", "分野2"])
    sheet.append([TODAY, "受付簿からの相談", "佐藤 花子", "第二分野"])
    book.save(path)
    report = ledger_import.import_ledger(ctx["shiba"], _ADMIN, path, today=TODAY)
    targets = {c.header: c.target for c in report.layout.columns}
    _expect("the ledger column's field", targets.get("分野2"), KEY)
    _expect("rows imported", report.imported, 1)
    assert report.receipts is not None
    stored = inquiries.get_inquiry(ctx["shiba"], report.receipts[0], actor=_ADMIN)
    _expect("the imported inquiry's field", stored.to_json().get(KEY), "s2b")


def stage_report(ctx: dict[str, Any]) -> None:
    period = Period.month(TODAY.year, TODAY.month)
    built = reports.build_report(ctx["shiba"], period, actor=_ADMIN)
    counted = {row.label: row.count for row in built.breakdown(KEY).rows}
    # s2b: the case HQ changed and the ledger's row; s2a: none left.
    _expect("the report breakdown", counted, {"第一分野": 0, "第二分野": 2})
    columns = report_lists.list_columns(personal=False)
    if KEY not in columns:
        raise AssertionError("not a column of the report's lists")
    rows = list(report_lists.period_inquiries(ctx["shiba"], period, office=None, personal=False))
    cells = {row[columns.index(KEY)] for row in rows}
    _expect("the report list's cells", cells, {"第二分野"})


def stage_demo(ctx: dict[str, Any]) -> None:
    from desktop_app.demo.service import generate_demo_data

    path = ctx["folder"] / "demo.sqlite3"
    db = _database(path, "SHIBA")
    try:
        generate_demo_data(db, count=20, today=TODAY)
    finally:
        db.dispose()
    with sqlite3.connect(path) as conn:
        values = {row[0] for row in conn.execute(f"SELECT {KEY} FROM inquiry")}
    _expect("the demo inquiries' values", values, {"s2b"})


STAGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "record": stage_record,
    "form": stage_form,
    "list": stage_list,
    "package": stage_package,
    "ledger": stage_ledger,
    "report": stage_report,
    "demo": stage_demo,
}


def main(folder: Path) -> dict[str, str]:
    ctx: dict[str, Any] = {
        "folder": folder,
        "shiba": _database(folder / "shiba.sqlite3", "SHIBA"),
        "hq": _database(folder / "hq.sqlite3", "HQ"),
    }
    outcome: dict[str, str] = {}
    for name, stage in STAGES.items():
        try:
            stage(ctx)
            outcome[name] = "ok"
        except Exception as exc:  # every stage is tried; the report names each one missing
            last = traceback.extract_tb(exc.__traceback__)[-1]
            outcome[name] = (
                f"{type(exc).__name__}: {exc} ({Path(last.filename).name}:{last.lineno})"
            )
    for key in ("shiba", "hq"):
        ctx[key].dispose()
    return outcome


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1])), ensure_ascii=False))
