"""The retention of personal data (設定): its period, and erasing now after a count.

The period is whole years (5 unless changed). 対象を数える runs the erasure as a dry run and
shows how many inquirers and cases it concerns; only then is 消去を実行 enabled, and it erases
exactly as `retention apply` does (services.retention, Permission.RETENTION, audited). The
same erasure runs by itself once a day when the desk starts. GUI thread only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop_app.domain.changes import Changes, Kind
from desktop_app.services import retention
from desktop_app.services.retention import RetentionReport
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import error_text
from desktop_app.ui.vocab import format_date
from desktop_app.ui.widgets import accessible


class RetentionBox(QGroupBox):
    """Period, last run, 対象を数える and 消去を実行; `count()` and `erase()` for the buttons."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("個人情報の保存期間（管理者）"), parent)
        self._ctx = ctx
        self.years = QSpinBox(self, objectName="retentionYears")
        self.years.setRange(retention.MIN_YEARS, retention.MAX_YEARS)
        self.years.setSuffix(self.tr(" 年"))
        self.years.setValue(retention.DEFAULT_YEARS)
        self.save = QPushButton(self.tr("期間を保存"), self, objectName="retentionSave")
        self.save.clicked.connect(self.save_period)
        self.last = QLabel(self, objectName="retentionLastRun")
        self.count_button = QPushButton(self.tr("対象を数える"), self, objectName="retentionCount")
        self.count_button.clicked.connect(self.count)
        self.erase_button = QPushButton(self.tr("消去を実行"), self, objectName="retentionErase")
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.erase)
        self.message = QLabel(self, objectName="retentionMessage", wordWrap=True)
        note = QLabel(
            self.tr(
                "完了してから保存期間を過ぎた相談の相談者について、氏名・フリガナ・電話番号・"
                "メールアドレス・郵便番号・住所を消去します。まだ対応中か期間内の相談がある相談者は"
                "対象外です。件数などの統計は変わりません。消去は送付ファイルで本庁にも伝わり、"
                "元に戻せません。起動時に1日1回自動で行います。"
            ),
            self,
            wordWrap=True,
        )
        period = QHBoxLayout()
        period.addWidget(self.years)
        period.addWidget(self.save)
        period.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_button)
        buttons.addWidget(self.erase_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("保存期間"), period)
        form.addRow(self.tr("前回の自動実行"), self.last)
        form.addRow(self.tr("今すぐ消去"), buttons)
        form.addRow(self.message)
        self._counted: RetentionReport | None = None

    def refresh(self) -> None:
        self._ctx.query(retention.period_years, on_done=self.years.setValue, owner=self)
        self._ctx.query(retention.last_run, on_done=self._show_last, owner=self)

    @Slot()
    def save_period(self) -> None:
        self._forget_count()
        actor, years = self._ctx.actor, self.years.value()
        self._ctx.write(
            lambda db: retention.set_period(db, years, actor=actor),
            Changes.of(Kind.SETTINGS),
            on_done=lambda _: self._say(
                self.tr("保存期間を {0} 年にしました。").format(self.years.value())
            ),
            on_error=self._refused,
            owner=self,
        )

    @Slot()
    def count(self) -> None:
        actor = self._ctx.actor
        self._ctx.query(  # a dry run writes nothing
            lambda db: retention.apply(db, actor=actor, dry_run=True),
            on_done=self._show_count,
            on_error=self._refused,
            owner=self,
        )

    @Slot()
    def erase(self) -> None:
        counted = self._counted
        if counted is None:
            return
        self._forget_count()
        actor = self._ctx.actor
        self._ctx.write(
            lambda db: retention.apply(db, actor=actor, closed_before=counted.closed_before),
            lambda report: report.changes,
            on_done=self._erased,
            on_error=self._refused,
            owner=self,
        )

    def _show_count(self, report: RetentionReport) -> None:
        self._counted = report if report.erased else None
        self.erase_button.setEnabled(bool(report.erased))
        self._say(
            self.tr("{0} より前に完了した相談の相談者 {1} 人（相談 {2} 件）が対象です。").format(
                format_date(report.closed_before), report.erased, report.inquiries
            )
            + ("" if report.erased else self.tr("消去するものはありません。"))
        )

    def _erased(self, report: RetentionReport) -> None:
        self._say(
            self.tr("相談者 {0} 人（相談 {1} 件）の個人情報を消去しました。").format(
                report.erased, report.inquiries
            )
        )

    def _show_last(self, day: dt.date | None) -> None:
        self.last.setText(format_date(day) if day else self.tr("まだありません"))

    def _forget_count(self) -> None:
        self._counted = None
        self.erase_button.setEnabled(False)

    def _say(self, text: str) -> None:
        accessible.say(self.message, text)

    def _refused(self, exc: BaseException) -> None:
        self._forget_count()
        accessible.say(self.message, error_text(exc, self._ctx.lang), "error")
