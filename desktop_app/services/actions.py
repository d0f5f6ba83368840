"""Follow-up actions (対応履歴) of an inquiry.

After every action and every logged reply the inquiry's follow-up date is recomputed from
its open deadlines (services.follow_up), so the 対応予定 list reads one indexed column
instead of every action. A referral moves an open case to 紹介済 (domain.workflow), logged as
any status change is.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from sqlalchemy import select

from db.engine import Database
from db.models import Action, Inquiry
from desktop_app.domain import entry_rules, fields, workflow
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import ErrorCollector, UserError
from desktop_app.domain.inquiry_commands import NewAction
from desktop_app.domain.local_time import local_today
from desktop_app.services import follow_up, writer
from desktop_app.services.codes import vocabulary_codes
from desktop_app.services.inquiries import find_live
from desktop_app.services.records import ActionRecord, action_record
from desktop_app.services.status_history import STATUS_CHANGE, record_status_change

_NOTE = fields.field("action", "note")


def add_action(db: Database, action: NewAction, *, actor: Actor) -> ActionRecord:
    """Log one action; every problem with it is refused at once (InputErrors), nothing written.

    A note is required: an action whose 内容 is empty says nothing to whoever reads the
    history next. Status changes are logged by the status change itself (status_history).
    """
    actor.require(Permission.RECORD)
    staff = actor.login
    receipt_no, kind, note = action.receipt_no, action.kind, action.note
    next_due, referred_to, reply_due = action.next_due, action.referred_to, action.reply_due
    when = action.action_date or local_today()
    with db.write() as session:
        inquiry = find_live(session, receipt_no)
        kinds = [code for code in vocabulary_codes(session, "action_kind") if code != STATUS_CHANGE]
        errors = ErrorCollector()
        if kind not in kinds:
            errors.add(
                UserError(
                    "code_unknown",
                    at="kind",
                    label=fields.field("action", "kind").label,
                    value=kind,
                    allowed=", ".join(kinds),
                )
            )
        if not note.strip():
            errors.add(UserError("field_required", at="note", label=_NOTE.label))
        elif _NOTE.limit is not None and len(note) > _NOTE.limit:
            errors.add(UserError("field_too_long", at="note", label=_NOTE.label, limit=_NOTE.limit))
        _check_entries(errors, when, note, referred_to, next_due, reply_due)
        for key, due in (("next_due", next_due), ("reply_due", reply_due)):
            if due is not None and due < when:
                label = fields.field("action", key).label
                errors.add(UserError("due_before_action", at=key, label=label))
        errors.raise_any()
        row = Action(
            id="",
            inquiry_id=inquiry.id,
            action_date=when,
            staff=staff,
            kind=kind,
            note=note.strip(),
            next_due=next_due,
            referred_to=referred_to.strip(),
            reply_due=reply_due if kind == "referral" else None,
        )
        writer.create(session, row, staff=staff, origin=inquiry.origin)
        moved = workflow.status_after_referral(inquiry.status) if kind == "referral" else None
        if moved is not None:
            record_status_change(
                session, inquiry, inquiry.status, moved, None, staff=staff, on=when
            )
            writer.change(session, inquiry, {"status": moved}, staff=staff)
        follow_up.recompute(session, inquiry, staff=staff)
        return action_record(row)


def _check_entries(
    errors: ErrorCollector,
    when: dt.date,
    note: str,
    referred_to: str,
    next_due: dt.date | None,
    reply_due: dt.date | None,
) -> None:
    """What cannot travel in a package (domain/entry_rules), each at its field."""
    today = local_today()
    for key, value in (("note", note), ("referred_to", referred_to)):
        errors.check(key, partial(entry_rules.check_text, fields.field("action", key).label, value))
    for key, day in (("action_date", when), ("next_due", next_due), ("reply_due", reply_due)):
        label = fields.field("action", key).label
        errors.check(key, partial(entry_rules.check_date, label, day, today=today))


def list_actions(db: Database, receipt_no: str) -> list[ActionRecord]:
    """The inquiry's history, oldest first (how a case sheet reads)."""
    with db.read() as session:
        inquiry = find_live(session, receipt_no)
        rows = session.scalars(
            select(Action)
            .where(Action.inquiry_id == inquiry.id, Action.deleted.is_(False))
            .order_by(Action.action_date, Action.pk)
        )
        return [action_record(row) for row in rows]


def log_reply(db: Database, action_id: str, replied_on: dt.date, *, actor: Actor) -> ActionRecord:
    """The reply to a referral came back: it no longer waits (回答待ち ends)."""
    actor.require(Permission.RECORD)
    staff = actor.login
    with db.write() as session:
        row = session.scalar(select(Action).where(Action.id == action_id))
        if row is None or row.deleted:
            raise UserError("action_unknown", value=action_id)
        if row.kind != "referral":
            raise UserError("action_not_referral")
        label = fields.field("action", "replied_on").label
        entry_rules.check_date(label, replied_on, today=local_today(), at="replied_on")
        writer.change(session, row, {"replied_on": replied_on}, staff=staff)
        inquiry = session.scalar(select(Inquiry).where(Inquiry.id == row.inquiry_id))
        if inquiry is not None and not inquiry.deleted:
            follow_up.recompute(session, inquiry, staff=staff)
        return action_record(row)
