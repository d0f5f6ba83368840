"""SQLAlchemy 2 typed models for every table of the desk's database.

Synced rows (inquirer, inquiry, action) carry a UUID born where the row is born plus the sync
columns of docs/architecture.md, so that packages from many offices can merge without coordination.
They also carry a small local integer key (`pk`) because SQLite's full-text index needs an integer
rowid that VACUUM never renumbers; the UUID is what travels between offices and what foreign keys
point at.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

UUID_LEN = 36


def utc_now() -> dt.datetime:
    """Naive UTC timestamp: SQLite has no time zones, so every stored time is UTC by rule."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class MasterMixin:
    """Master rows carry a revision, so that a master package can tell newer from older."""

    rev: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class Setting(Base):
    """Key/value facts about this installation (which office it is, schema notes)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Office(MasterMixin, Base):
    __tablename__ = "office"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(10))  # central | branch
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Staff(Base):
    __tablename__ = "staff"
    pk: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    office_code: Mapped[str] = mapped_column(ForeignKey("office.code"))
    role: Mapped[str] = mapped_column(String(12))  # clerk | supervisor | admin
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)


class VocabTerm(MasterMixin, Base):
    """One entry of a master vocabulary (相談者区分, 連携分野, ...): a code and its labels."""

    __tablename__ = "vocab_term"
    vocab: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label_ja: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Municipality(MasterMixin, Base):
    """全国地方公共団体コード: always six characters, leading zero kept (012068 釧路市)."""

    __tablename__ = "municipality"
    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    prefecture_code: Mapped[str] = mapped_column(String(2), index=True)
    prefecture: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(50))
    kana: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    lat: Mapped[float | None] = mapped_column(Float)
    lng: Mapped[float | None] = mapped_column(Float)
    # Set when the code was abolished (浜松市中区 on 2024-01-01): old inquiries still show it,
    # new ones cannot choose it.
    retired_on: Mapped[dt.date | None] = mapped_column(Date)


class AgreementBody(MasterMixin, Base):
    """A wide-area agreement (広域連携協定) or a comprehensive one with a firm (包括連携協定)."""

    __tablename__ = "agreement_body"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(12))  # wide_area | firm
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    member_count: Mapped[int | None] = mapped_column(Integer)


class AgreementMember(MasterMixin, Base):
    __tablename__ = "agreement_member"
    body_code: Mapped[str] = mapped_column(ForeignKey("agreement_body.code"), primary_key=True)
    municipality_code: Mapped[str] = mapped_column(
        ForeignKey("municipality.code"), primary_key=True
    )


class PartnerMunicipality(MasterMixin, Base):
    """The ward's own partner municipalities (交流自治体) and how each partnership began."""

    __tablename__ = "partner_municipality"
    municipality_code: Mapped[str] = mapped_column(
        ForeignKey("municipality.code"), primary_key=True
    )
    origin: Mapped[str] = mapped_column(Text, default="")  # きっかけ
    since: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class SyncedMixin:
    """The columns every row that travels between offices carries (docs/architecture.md).

    `rev` counts the row's versions everywhere (+1 on every change, kept by a sync import);
    `change_seq` is this database's own order of changes, so "everything changed since the
    last package" is one indexed range; the base each peer last agreed on is in `sync_base`.
    Only the one writer (services/writer.py) sets them.
    """

    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(UUID_LEN), unique=True)
    origin: Mapped[str] = mapped_column(String(16))
    rev: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    change_seq: Mapped[int] = mapped_column(Integer, default=0, index=True)


class Inquirer(SyncedMixin, Base):
    """A person or organisation who came to the desk. Personal fields are listed in domain.pii."""

    __tablename__ = "inquirer"
    type: Mapped[str] = mapped_column(String(32))
    organization: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(100), default="")
    kana: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # Digits only, so 03-5555-0101, (03)5555-0101 and ０３５５５５０１０１ are one number.
    phone_digits: Mapped[str] = mapped_column(String(40), default="", index=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    corporate_number: Mapped[str] = mapped_column(String(13), default="", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Set when this record was merged into another: the merge travels in sync packages.
    merged_into: Mapped[str | None] = mapped_column(String(UUID_LEN))
    # Folded name/organisation key for duplicate suggestions (legal-form words set aside).
    match_key: Mapped[str] = mapped_column(String(300), default="", index=True)
    # The person's name alone, folded the same way: a person stored with an organisation is
    # found by the name too.
    name_key: Mapped[str] = mapped_column(String(100), default="", index=True)
    # The folded reading (hiragana, NFKC, spaces removed) for prefix probes on the kana.
    kana_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    # When the retention erased the personal fields (UTC); travels, and wins over any version
    # that does not include the erasure (docs/sync-format.md, "Erasure").
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Inquiry(SyncedMixin, Base):
    __tablename__ = "inquiry"
    receipt_no: Mapped[str] = mapped_column(String(40), unique=True)
    office_code: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str | None] = mapped_column(String(32))
    staff: Mapped[str] = mapped_column(String(64), default="")
    inquirer_id: Mapped[str] = mapped_column(ForeignKey("inquirer.id"), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    content: Mapped[str] = mapped_column(Text, default="")
    relationship_code: Mapped[str | None] = mapped_column("relationship", String(32))
    step: Mapped[str | None] = mapped_column(String(32))
    domain: Mapped[str | None] = mapped_column(String(4))
    status: Mapped[str] = mapped_column(String(16), default="received")
    follow_up_due: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The office's local date of closed_at: what fiscal years, months and reports count by.
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    # Where an imported row came from (ledger file, sheet and row) and the key that recognises
    # it when the same ledger is imported again.
    source: Mapped[str | None] = mapped_column(Text)
    source_key: Mapped[str | None] = mapped_column(String(64), index=True)

    inquirer: Mapped[Inquirer] = relationship(lazy="joined")
    fields: Mapped[list[InquiryField]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="InquiryField.code"
    )
    forms: Mapped[list[InquiryForm]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="InquiryForm.code"
    )
    municipalities: Mapped[list[InquiryMunicipality]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="InquiryMunicipality.code"
    )
    agreement_bodies: Mapped[list[InquiryAgreement]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="InquiryAgreement.code"
    )

    __table_args__ = (
        # The list's default order (newest first) and its keyset paging.
        Index("ix_inquiry_received", "deleted", "received_at", "pk"),
        Index("ix_inquiry_status_received", "deleted", "status", "received_at", "pk"),
        Index("ix_inquiry_office_received", "deleted", "office_code", "received_at", "pk"),
        Index("ix_inquiry_due", "deleted", "follow_up_due"),
        Index("ix_inquiry_closed", "deleted", "closed_on"),
    )


class _InquiryCode:
    """A many-valued code of an inquiry; keyed by the local pk so filters join on integers."""

    inquiry_pk: Mapped[int] = mapped_column(
        ForeignKey("inquiry.pk", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(40), primary_key=True)


class InquiryField(_InquiryCode, Base):
    __tablename__ = "inquiry_field"
    __table_args__ = (Index("ix_inquiry_field_code", "code", "inquiry_pk"),)


class InquiryForm(_InquiryCode, Base):
    __tablename__ = "inquiry_form"
    __table_args__ = (Index("ix_inquiry_form_code", "code", "inquiry_pk"),)


class InquiryMunicipality(_InquiryCode, Base):
    __tablename__ = "inquiry_municipality"
    __table_args__ = (Index("ix_inquiry_municipality_code", "code", "inquiry_pk"),)


class InquiryAgreement(_InquiryCode, Base):
    __tablename__ = "inquiry_agreement"
    __table_args__ = (Index("ix_inquiry_agreement_code", "code", "inquiry_pk"),)


class Action(SyncedMixin, Base):
    """One follow-up step (対応履歴). A referral waits for a reply until `replied_on` is set."""

    __tablename__ = "action"
    inquiry_id: Mapped[str] = mapped_column(ForeignKey("inquiry.id"), index=True)
    action_date: Mapped[dt.date] = mapped_column(Date)
    staff: Mapped[str] = mapped_column(String(64), default="")
    kind: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    next_due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    referred_to: Mapped[str] = mapped_column(String(200), default="")
    reply_due: Mapped[dt.date | None] = mapped_column(Date)
    replied_on: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        # 対応予定: the referrals still waiting for their reply, by deadline.
        Index(
            "ix_action_open_reply",
            "reply_due",
            sqlite_where=text("kind = 'referral' AND replied_on IS NULL AND deleted = 0"),
        ),
    )


class ChangeCounter(Base):
    """The last change sequence number this database handed out (one row)."""

    __tablename__ = "change_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class SyncBase(Base):
    """What this database knows of a row's version at one peer office: the merge bases.

    `received` is the version last received from `peer`, `sent` the version last sent to it,
    each as its version id ("rev@updated_at") and its synced content as canonical JSON. An
    incoming row names the version of ours it already includes; whichever of these (or the
    local row itself) that is, is the base of the three-way merge (docs/sync-format.md).
    """

    __tablename__ = "sync_base"
    entity: Mapped[str] = mapped_column(String(20), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    peer: Mapped[str] = mapped_column(String(16), primary_key=True)
    received_version: Mapped[str | None] = mapped_column(String(48))
    received: Mapped[str | None] = mapped_column(Text)
    sent_version: Mapped[str | None] = mapped_column(String(48))
    sent: Mapped[str | None] = mapped_column(Text)
    # Versions sent before `sent_version` that the peer has not yet answered: version id ->
    # canonical content (JSON). A package crossing ours names one of them as its base.
    sent_earlier: Mapped[str | None] = mapped_column(Text)
    # The version last sent, and the one last taken, in a package with personal fields: the
    # personal values of a row can descend from an older version of ours than the other fields
    # when packages without them came in between (`_seen_personal`, docs/sync-format.md).
    sent_personal_version: Mapped[str | None] = mapped_column(String(48))
    received_personal_version: Mapped[str | None] = mapped_column(String(48))
    # Versions sent with personal fields before `sent_personal_version` that the peer has not
    # yet answered for them (`_seen_personal` naming it or a later one): version id -> personal
    # values (JSON). Kept past a plain answer, which drops them from `sent_earlier`.
    sent_personal_earlier: Mapped[str | None] = mapped_column(Text)
    # The version of ours that the version last received named as its base (`_seen`): a later
    # row naming the same one has taken nothing of ours since (migration 0017).
    received_seen: Mapped[str | None] = mapped_column(String(48))


class ReceiptCounter(Base):
    """Last receipt sequence issued per office and fiscal year (受付番号 are never reused)."""

    __tablename__ = "receipt_counter"
    office_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class AuditLog(Base):
    """Who saw or changed what: required for personal information (個人情報保護法, 2023).

    Append-only: triggers (migration 0006) refuse any UPDATE or DELETE. Personal values are
    never written here (services.audit masks them), so the log needs no erasure.
    """

    __tablename__ = "audit_log"
    pk: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, index=True)
    staff: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(20))  # create | update | delete | read | merge ...
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(UUID_LEN))
    field: Mapped[str | None] = mapped_column(String(40))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    # The hash chain (migration 0008, domain/audit_chain.py): an edited entry shows in `check`.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (
        Index("ix_audit_entity", "entity", "entity_id"),
        Index("ix_audit_staff", "staff", "pk"),
        Index("ix_audit_action", "action", "pk"),
    )


class SyncPackage(Base):
    """Every package exported from or imported into this database (sync or masters)."""

    __tablename__ = "sync_package"
    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # sync | masters
    direction: Mapped[str] = mapped_column(String(8))  # export | import
    from_office: Mapped[str] = mapped_column(String(16))
    to_office: Mapped[str] = mapped_column(String(16))
    # Numbered per (from, to) pair, so that the receiver sees a package that never arrived.
    sequence: Mapped[int] = mapped_column(Integer)
    previous_id: Mapped[str | None] = mapped_column(String(UUID_LEN))
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    personal: Mapped[bool] = mapped_column(Boolean, default=False)
    training: Mapped[bool] = mapped_column(Boolean, default=False)
    # Export: the change counter when it was written; the next package carries what is newer.
    upto_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    # Sync: what the manifest said. `acknowledged`: the highest number N such that the sender
    # held every package 1..N of the receiver's to it; `since`: the number after which its rows
    # begin (it makes good since+1 .. sequence-1). None: a package of an earlier build
    # (services/sync_acks.py).
    acknowledged: Mapped[int | None] = mapped_column(Integer)
    since: Mapped[int | None] = mapped_column(Integer)
    handled_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    handled_by: Mapped[str] = mapped_column(String(64), default="")
    file_name: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    counts_json: Mapped[str] = mapped_column(Text, default="{}")
    outcome: Mapped[str] = mapped_column(String(20), default="")
    __table_args__ = (
        Index("ix_sync_package_route", "direction", "from_office", "to_office", "sequence"),
    )


class Conflict(Base):
    """Fields an incoming row changed differently from this database; kept until resolved.

    The local values stay in force; `fields_json` lists the keys in conflict, and the three
    versions are kept whole so that a supervisor sees them side by side.
    """

    __tablename__ = "conflict"
    pk: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    peer: Mapped[str] = mapped_column(String(16))
    package_id: Mapped[str] = mapped_column(String(UUID_LEN))
    fields_json: Mapped[str] = mapped_column(Text)
    base_json: Mapped[str | None] = mapped_column(Text)
    local_json: Mapped[str] = mapped_column(Text)
    incoming_json: Mapped[str] = mapped_column(Text)
    incoming_version: Mapped[str] = mapped_column(String(48))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolution: Mapped[str | None] = mapped_column(String(12))  # ours | theirs | mixed
