"""The field catalogue agrees with the models, the records and the translations.

domain/fields.py is the one description of every field; these tests fail when a model column,
a record attribute or a translated label says something else, naming the field.
"""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sqlalchemy import Date, DateTime, String, Text
from sqlalchemy.orm import ColumnProperty, RelationshipProperty

from db.models import Action, Base, Inquirer, Inquiry
from desktop_app.domain import fields
from desktop_app.domain.fields import Field, Kind
from desktop_app.domain.inquiry_commands import NewAction, NewInquiry
from desktop_app.services import actions, inquiries
from desktop_app.services.records import ActionRecord, InquirerRecord, InquiryRecord
from tests.actors import actor_for

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
MODELS = {"inquiry": Inquiry, "inquirer": Inquirer, "action": Action}
# Columns of the synced tables that are no field of the record: the sync bookkeeping every
# synced row carries, the links between rows, and what the program derives to find or count.
_BOOKKEEPING = {"pk", "id", "origin", "rev", "updated_at", "updated_by", "deleted", "deleted_at",
                "change_seq"}  # fmt: skip
NOT_FIELDS = {
    "inquiry": _BOOKKEEPING | {"inquirer_id", "closed_on", "source", "source_key"},
    "inquirer": _BOOKKEEPING
    | {"phone_digits", "merged_into", "match_key", "name_key", "kana_key", "erased_at"},
    "action": _BOOKKEEPING | {"inquiry_id"},
}
# Record attributes that are no field: the row's identity and version, and its parts.
RECORD_EXTRAS = {
    InquiryRecord: {"id", "rev", "updated_at", "inquirer", "extra"},
    InquirerRecord: {"id", "extra"},
    ActionRecord: {"id", "inquiry_id", "extra"},
}
RECORDS = {"inquiry": InquiryRecord, "inquirer": InquirerRecord, "action": ActionRecord}
# (context, Japanese) pairs of the window whose English rightly differs from the field's label.
OTHER_MEANINGS = {
    ("InquirySection", "相談内容"): "the title of the form's group (Content), not the field",
    ("FilterBar", "協定先"): "the filter bar's short word (Agreement), for its width",
    ("MastersPage", "対応の種類"): "names the vocabulary's list (Action kinds), not the field",
}


def _by_id(f: Field) -> str:
    return f.qualified if f.entity != "action" else f"action.{f.key}"


@pytest.mark.parametrize("f", fields.ALL_FIELDS, ids=_by_id)
def test_each_field_has_its_column_or_code_table_of_its_kind(f: Field):
    mapper = MODELS[f.entity].__mapper__
    prop = mapper.get_property(f.attribute)
    if f.kind is Kind.CODES:
        assert f.table, "a many-valued field names its code table"
        assert isinstance(prop, RelationshipProperty)
        table = Base.metadata.tables[f.table]
        assert prop.mapper.local_table is table
        assert {"inquiry_pk", "code"} <= set(table.c.keys())
        return
    assert f.table is None
    assert isinstance(prop, ColumnProperty)
    column_type = prop.columns[0].type
    wanted = {
        Kind.DATE: Date,
        Kind.TIME: DateTime,
        Kind.CODE: String,
        Kind.TEXT: String,
        Kind.NOTE: (Text, String),
    }[f.kind]
    assert isinstance(column_type, wanted), f"{f.kind} stored as {column_type!r}"
    if f.limit and type(column_type) is String and column_type.length:
        assert column_type.length >= f.limit, "the column is shorter than the field's limit"


@pytest.mark.parametrize("entity", MODELS)
def test_every_column_of_a_synced_table_is_a_field_or_bookkeeping(entity: str):
    mapper = MODELS[entity].__mapper__
    attributes = {prop.key for prop in mapper.column_attrs}
    described = {f.attribute for f in fields.fields_of(entity)}
    assert attributes - described - NOT_FIELDS[entity] == set()
    assert NOT_FIELDS[entity] <= attributes, "a name here that is no longer a column"


@pytest.mark.parametrize("entity", RECORDS)
def test_a_record_names_only_fields_of_the_catalogue(entity: str):
    record = RECORDS[entity]
    names = {a.name for a in dataclasses.fields(record)} - RECORD_EXTRAS[record]
    keys = {f.key for f in fields.fields_of(entity)}
    assert names - keys == set()
    if entity == "action":  # actions are not extended: every field is an attribute
        assert names == keys


def test_the_record_json_is_every_field_of_the_catalogue(db, sample_inquiry):
    record = inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for())
    shown = record.to_json()
    person = shown.pop("inquirer")
    assert set(shown) == {f.key for f in fields.INQUIRY_FIELDS} | {"id", "rev", "updated_at"}
    assert set(person) == {f.key for f in fields.INQUIRER_FIELDS} | {"id"}
    action = actions.add_action(
        db, NewAction(record.receipt_no, kind="call", note="折り返し"), actor=actor_for()
    )
    assert set(action.to_json()) == {f.key for f in fields.ACTION_FIELDS} | {
        "id",
        "inquiry_id",
        "awaiting_reply",
    }


def _messages(lang: str) -> list[tuple[str, str, str]]:
    root = ET.parse(I18N / f"renkei_desk_{lang}.ts").getroot()
    return [
        (
            context.findtext("name") or "",
            m.findtext("source") or "",
            m.findtext("translation") or "",
        )
        for context in root.iter("context")
        for m in context.iter("message")
    ]


def test_the_window_translates_a_field_label_as_the_catalogue_does():
    english = {f.ja: f.en for f in fields.ALL_FIELDS}
    differing = [
        (context, source, translated, english[source])
        for context, source, translated in _messages("en")
        if source in english
        and translated != english[source]
        and (context, source) not in OTHER_MEANINGS
    ]
    assert differing == [], "(context, Japanese, the window's English, the catalogue's)"
    japanese = [
        (context, source, translated)
        for context, source, translated in _messages("ja")
        if source in english and translated not in ("", source)
    ]
    assert japanese == []


def test_one_japanese_label_means_one_english_one():
    meanings: dict[str, set[str]] = {}
    for f in fields.ALL_FIELDS:
        meanings.setdefault(f.ja, set()).add(f.en)
    assert {ja: en for ja, en in meanings.items() if len(en) > 1} == {}


def test_the_catalogue_describes_itself_consistently():
    for f in fields.ALL_FIELDS:
        assert f.ja and f.en, f.key
        assert (f.vocab is not None) == (f.kind in (Kind.CODE, Kind.CODES)), f.key
        assert f.group is None or (f.entity == "inquiry" and f.group in fields.FORM_GROUPS)
    tallies = [f.tally for f in fields.ALL_FIELDS if f.tally]
    assert len({t.key for t in tallies}) == len({t.rank for t in tallies}) == len(tallies)
    for entity in MODELS:
        labels = [f.ja for f in fields.fields_of(entity)]
        assert len(labels) == len(set(labels)), f"two fields of {entity} share a label"


def test_the_list_and_the_detail_pane_take_their_fields_from_the_catalogue():
    """Each column of the inquiry list and each first line of the detail pane has one place;
    the list and the pane show what they always have (in_list, pane)."""
    columns = fields.list_columns()
    places = [f.in_list.place for f in columns if f.in_list]
    names = [fields.column_name(f) for f in columns]
    assert len(set(places)) == len(places) == len(set(names))
    assert names == ["receipt_no", "received_at", "status", "follow_up_due", "subject",
                     "inquirer", "office", "relationship", "channel"]  # fmt: skip
    assert [fields.column_heading(f).ja for f in columns][3:6] == ["次回期限", "件名", "相談者"]
    head = fields.pane_head()
    assert len({f.pane for f in head}) == len(head)
    assert [f.qualified for f in head] == ["receipt_no", "received_at", "office", "channel",
                                           "staff", "status", "inquirer.type",
                                           "inquirer.organization"]  # fmt: skip
    assert all(f.entity != "action" for f in (*columns, *head))
