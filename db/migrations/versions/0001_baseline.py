"""baseline: every table of the data model

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreement_body",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("member_count", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "audit_log",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=True),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("pk"),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "inquirer",
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("organization", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kana", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("phone_digits", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("corporate_number", sa.String(length=13), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("match_key", sa.String(length=300), nullable=False),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("base_rev", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("inquirer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inquirer_match_key"), ["match_key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inquirer_phone_digits"), ["phone_digits"], unique=False
        )

    op.create_table(
        "municipality",
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("prefecture_code", sa.String(length=2), nullable=False),
        sa.Column("prefecture", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("kana", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lng", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_municipality_prefecture_code"), ["prefecture_code"], unique=False
        )

    op.create_table(
        "office",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "receipt_counter",
        sa.Column("office_code", sa.String(length=16), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("office_code", "fiscal_year"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "sync_package",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("office_code", sa.String(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.String(length=36), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("counts_json", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("direction", "office_code", "sequence", "id"),
    )
    op.create_table(
        "vocab_term",
        sa.Column("vocab", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label_ja", sa.String(length=100), nullable=False),
        sa.Column("label_en", sa.String(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("vocab", "code"),
    )
    op.create_table(
        "agreement_member",
        sa.Column("body_code", sa.String(length=40), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.ForeignKeyConstraint(
            ["body_code"],
            ["agreement_body.code"],
        ),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
        ),
        sa.PrimaryKeyConstraint("body_code", "municipality_code"),
    )
    op.create_table(
        "conflict",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("local_json", sa.Text(), nullable=False),
        sa.Column("incoming_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["sync_package.id"],
        ),
        sa.PrimaryKeyConstraint("pk"),
    )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflict_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "inquiry",
        sa.Column("receipt_no", sa.String(length=40), nullable=False),
        sa.Column("office_code", sa.String(length=16), nullable=False),
        sa.Column("received_at", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=True),
        sa.Column("staff", sa.String(length=64), nullable=False),
        sa.Column("inquirer_id", sa.String(length=36), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("relationship", sa.String(length=32), nullable=True),
        sa.Column("step", sa.String(length=32), nullable=True),
        sa.Column("domain", sa.String(length=4), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("follow_up_due", sa.Date(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("base_rev", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inquirer_id"],
            ["inquirer.id"],
        ),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("id"),
        sa.UniqueConstraint("receipt_no"),
    )
    with op.batch_alter_table("inquiry", schema=None) as batch_op:
        batch_op.create_index("ix_inquiry_due", ["deleted", "follow_up_due"], unique=False)
        batch_op.create_index(batch_op.f("ix_inquiry_inquirer_id"), ["inquirer_id"], unique=False)
        batch_op.create_index(
            "ix_inquiry_office_received",
            ["deleted", "office_code", "received_at", "pk"],
            unique=False,
        )
        batch_op.create_index("ix_inquiry_received", ["deleted", "received_at", "pk"], unique=False)
        batch_op.create_index(
            "ix_inquiry_status_received", ["deleted", "status", "received_at", "pk"], unique=False
        )

    op.create_table(
        "partner_municipality",
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
        ),
        sa.PrimaryKeyConstraint("municipality_code"),
    )
    op.create_table(
        "staff",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("office_code", sa.String(length=16), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["office_code"],
            ["office.code"],
        ),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("login"),
    )
    op.create_table(
        "action",
        sa.Column("inquiry_id", sa.String(length=36), nullable=False),
        sa.Column("action_date", sa.Date(), nullable=False),
        sa.Column("staff", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("referred_to", sa.String(length=200), nullable=False),
        sa.Column("reply_due", sa.Date(), nullable=True),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("base_rev", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inquiry_id"],
            ["inquiry.id"],
        ),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_inquiry_id"), ["inquiry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_next_due"), ["next_due"], unique=False)

    op.create_table(
        "inquiry_agreement",
        sa.Column("inquiry_pk", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["inquiry_pk"], ["inquiry.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("inquiry_pk", "code"),
    )
    with op.batch_alter_table("inquiry_agreement", schema=None) as batch_op:
        batch_op.create_index("ix_inquiry_agreement_code", ["code", "inquiry_pk"], unique=False)

    op.create_table(
        "inquiry_field",
        sa.Column("inquiry_pk", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["inquiry_pk"], ["inquiry.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("inquiry_pk", "code"),
    )
    with op.batch_alter_table("inquiry_field", schema=None) as batch_op:
        batch_op.create_index("ix_inquiry_field_code", ["code", "inquiry_pk"], unique=False)

    op.create_table(
        "inquiry_form",
        sa.Column("inquiry_pk", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["inquiry_pk"], ["inquiry.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("inquiry_pk", "code"),
    )
    with op.batch_alter_table("inquiry_form", schema=None) as batch_op:
        batch_op.create_index("ix_inquiry_form_code", ["code", "inquiry_pk"], unique=False)

    op.create_table(
        "inquiry_municipality",
        sa.Column("inquiry_pk", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["inquiry_pk"], ["inquiry.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("inquiry_pk", "code"),
    )
    with op.batch_alter_table("inquiry_municipality", schema=None) as batch_op:
        batch_op.create_index("ix_inquiry_municipality_code", ["code", "inquiry_pk"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inquiry_municipality", schema=None) as batch_op:
        batch_op.drop_index("ix_inquiry_municipality_code")

    op.drop_table("inquiry_municipality")
    with op.batch_alter_table("inquiry_form", schema=None) as batch_op:
        batch_op.drop_index("ix_inquiry_form_code")

    op.drop_table("inquiry_form")
    with op.batch_alter_table("inquiry_field", schema=None) as batch_op:
        batch_op.drop_index("ix_inquiry_field_code")

    op.drop_table("inquiry_field")
    with op.batch_alter_table("inquiry_agreement", schema=None) as batch_op:
        batch_op.drop_index("ix_inquiry_agreement_code")

    op.drop_table("inquiry_agreement")
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_next_due"))
        batch_op.drop_index(batch_op.f("ix_action_inquiry_id"))

    op.drop_table("action")
    op.drop_table("staff")
    op.drop_table("partner_municipality")
    with op.batch_alter_table("inquiry", schema=None) as batch_op:
        batch_op.drop_index("ix_inquiry_status_received")
        batch_op.drop_index("ix_inquiry_received")
        batch_op.drop_index("ix_inquiry_office_received")
        batch_op.drop_index(batch_op.f("ix_inquiry_inquirer_id"))
        batch_op.drop_index("ix_inquiry_due")

    op.drop_table("inquiry")
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflict_entity_id"))

    op.drop_table("conflict")
    op.drop_table("agreement_member")
    op.drop_table("vocab_term")
    op.drop_table("sync_package")
    op.drop_table("setting")
    op.drop_table("receipt_counter")
    op.drop_table("office")
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_municipality_prefecture_code"))

    op.drop_table("municipality")
    with op.batch_alter_table("inquirer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inquirer_phone_digits"))
        batch_op.drop_index(batch_op.f("ix_inquirer_match_key"))

    op.drop_table("inquirer")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))
        batch_op.drop_index("ix_audit_entity")

    op.drop_table("audit_log")
    op.drop_table("agreement_body")
