"""マスタ: the master lists as read-only tables (they are edited at the central office).

Tabs: offices, vocabularies (one at a time, Japanese and English labels), municipalities (found
by name, reading or code, as in the intake form, and retired ones too, marked with the day they
ceased), agreement bodies, partner municipalities. Reads on the DbRunner; GUI thread only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import fields
from desktop_app.services import lookup
from desktop_app.services.lookup import MunicipalityItem
from desktop_app.ui.context import AppContext
from desktop_app.ui.masters.master_data import MasterData, load_master_data
from desktop_app.ui.masters.rows_model import RowsModel
from desktop_app.ui.vocab import format_date
from desktop_app.ui.widgets import accessible

MUNICIPALITY_LIMIT = 200
SEARCH_DELAY_MS = 200


class MastersPage(QWidget):
    """Tabs of master lists; `load()` reads them (again)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._data: MasterData | None = None
        self.offices = RowsModel(
            [self.tr("コード"), self.tr("名称"), self.tr("英語名"), self.tr("種別")], self
        )
        self.terms = RowsModel([self.tr("コード"), self.tr("表示名"), self.tr("英語表示名")], self)
        self.municipalities = RowsModel(
            [
                self.tr("コード"),
                self.tr("名称"),
                self.tr("都道府県"),
                self.tr("よみ"),
                self.tr("種別"),
            ],
            self,
        )
        self.agreements = RowsModel(
            [
                self.tr("コード"),
                self.tr("名称"),
                self.tr("種別"),
                self.tr("締結日"),
                self.tr("構成団体数"),
            ],
            self,
        )
        self.partners = RowsModel(
            [self.tr("コード"), self.tr("自治体"), self.tr("きっかけ"), self.tr("備考")], self
        )
        self.vocab_picker = QComboBox(self, objectName="vocabPicker")
        self.vocab_picker.currentIndexChanged.connect(self._show_terms)
        self.search = QLineEdit(self, objectName="municipalitySearch", clearButtonEnabled=True)
        self.search.setPlaceholderText(
            self.tr("名称・よみ・コードで検索（例: くしろ、釧路、01206）")
        )
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_municipalities)
        self.search.textChanged.connect(self._search_timer.start)
        self.municipality_count = QLabel(self)

        self.tabs = QTabWidget(self, objectName="masterTabs")
        self.tabs.addTab(self._table(self.offices), self.tr("事務所一覧"))
        self.tabs.addTab(self._with_top(self.vocab_picker, self.terms), self.tr("語彙"))
        self.tabs.addTab(
            self._with_top(self.search, self.municipalities, self.municipality_count),
            self.tr("自治体検索"),
        )
        self.tabs.addTab(self._table(self.agreements), self.tr("協定先"))
        self.tabs.addTab(self._table(self.partners), self.tr("交流自治体"))
        for index in range(self.tabs.count()):  # each list is named by its tab
            tab = self.tabs.widget(index)
            if tab is not None:
                accessible.name(tab, self.tabs.tabText(index))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def load(self) -> None:
        self._ctx.query(load_master_data, on_done=self._loaded, owner=self)

    def _loaded(self, data: MasterData) -> None:
        self._data = data
        self.offices.set_rows(
            [(o.code, o.name, o.name_en, self._office_kind(o.kind)) for o in data.offices]
        )
        self.vocab_picker.blockSignals(True)
        self.vocab_picker.clear()
        for vocab in data.labels_ja:
            self.vocab_picker.addItem(self._vocab_name(vocab), vocab)
        self.vocab_picker.blockSignals(False)
        self._show_terms()
        self.agreements.set_rows(
            [
                (
                    a.code,
                    a.name,
                    self.tr("広域連携協定") if a.kind == "wide_area" else self.tr("包括連携協定"),
                    format_date(dt.date.fromisoformat(a.signed_on) if a.signed_on else None),
                    "" if a.member_count is None else str(a.member_count),
                )
                for a in data.agreements
            ]
        )
        self.partners.set_rows(
            [
                (p.municipality.code, p.municipality.display, p.origin, p.notes)
                for p in data.partners
            ]
        )

    @Slot()
    def _show_terms(self) -> None:
        vocab = self.vocab_picker.currentData()
        if self._data is None or vocab is None:
            self.terms.set_rows([])
            return
        en = self._data.labels_en.get(vocab, {})
        self.terms.set_rows(
            [(c, ja, en.get(c, "")) for c, ja in self._data.labels_ja[vocab].items()]
        )

    @Slot()
    def _search_municipalities(self) -> None:
        text = self.search.text()
        self._ctx.query(
            lambda db: lookup.search_municipalities(
                db, text, MUNICIPALITY_LIMIT, include_retired=True
            ),
            on_done=self._show_municipalities,
            owner=self,
        )

    def _show_municipalities(self, items: list[MunicipalityItem]) -> None:
        self.municipalities.set_rows(
            [(m.code, m.name, m.prefecture, m.kana, self._municipality_kind(m)) for m in items]
        )
        self.municipality_count.setText(self.tr("{0}件").format(len(items)))

    def _office_kind(self, kind: str) -> str:
        return self.tr("本庁") if kind == "central" else self.tr("支所")

    def _municipality_kind(self, municipality: MunicipalityItem) -> str:
        kind = self._kind_label(municipality.kind)
        if municipality.retired_on is None:
            return kind
        return self.tr("{0}（{1} 廃止）").format(kind, municipality.retired_on.isoformat())

    def _kind_label(self, kind: str) -> str:
        kinds = {
            "prefecture": self.tr("都道府県"),
            "designated_city": self.tr("政令指定都市"),
            "ward": self.tr("行政区"),
            "special_ward": self.tr("特別区"),
            "city": self.tr("市"),
            "town": self.tr("町"),
            "village": self.tr("村"),
        }
        return kinds.get(kind, kind)

    def _vocab_name(self, vocab: str) -> str:
        """The vocabulary by the name of the field that takes its codes (the catalogue's), but
        対応の種類, whose English names the list (Action kinds) where the field's is Kind."""
        if vocab == "action_kind":
            return self.tr("対応の種類")
        named = (f.label_in(self._ctx.lang) for f in fields.ALL_FIELDS if f.vocab == vocab)
        return next(named, vocab)

    def _table(self, model: RowsModel) -> QTableView:
        table = QTableView(self)
        table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().setStretchLastSection(True)
        # Small lists: fitting the columns after each reset is cheap here.
        model.modelReset.connect(table.resizeColumnsToContents)
        return table

    def _with_top(self, top: QWidget, model: RowsModel, side: QWidget | None = None) -> QWidget:
        page = QWidget(self)
        bar = QHBoxLayout()
        bar.addWidget(top, 1)
        if side is not None:
            bar.addWidget(side)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self._table(model), 1)
        return page
