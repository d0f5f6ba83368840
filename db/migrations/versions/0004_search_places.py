"""search places: the folded text of an inquiry holds its municipalities and agreement bodies

Revision ID: 0004
Revises: 0003

Frozen DDL (not the live db.search_index), so that this step does the same thing to a file
whenever it runs. The folded search text of an inquiry gains the names of its target
municipalities with their prefectures (北海道釧路市) and of its agreement bodies, so a search
for 釧路 finds a case about 釧路市. The three triggers that build the text are replaced, two
pairs of triggers follow an inquiry's places, and every text is rebuilt: the bigram index is
contentless, so its old tokens are cleared with 'delete-all' rather than one by one.
"""

from __future__ import annotations

from db.migrations.steps import execute_all

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_OLD_SOURCE = """
    rd_fold(coalesce({row}.subject, '') || ' | ' || coalesce({row}.content, '') || ' | ' ||
            coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, ''))
"""
_NEW_SOURCE = """
    rd_fold(coalesce({row}.subject, '') || ' | ' || coalesce({row}.content, '') || ' | ' ||
            coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = {row}.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = {row}.pk), ''))
"""
_LINKS = ("inquiry_municipality", "inquiry_agreement")


def _text_triggers(source: str) -> tuple[str, ...]:
    """The triggers that write an inquiry's folded text, for one version of that text."""
    return (
        f"""CREATE TRIGGER inquiry_search_ai AFTER INSERT ON inquiry BEGIN
        INSERT INTO search_text(pk, folded)
            SELECT NEW.pk, {source.format(row="NEW")}
            FROM inquirer q WHERE q.id = NEW.inquirer_id;
    END""",
        f"""CREATE TRIGGER inquiry_search_au
        AFTER UPDATE OF subject, content, inquirer_id ON inquiry BEGIN
        UPDATE search_text SET folded = (
            SELECT {source.format(row="NEW")} FROM inquirer q WHERE q.id = NEW.inquirer_id
        ) WHERE pk = NEW.pk;
    END""",
        f"""CREATE TRIGGER inquirer_search_au
        AFTER UPDATE OF organization, name, kana, phone_digits ON inquirer BEGIN
        UPDATE search_text SET folded = (
            SELECT {source.format(row="i")}
            FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id WHERE i.pk = search_text.pk
        ) WHERE pk IN (SELECT pk FROM inquiry WHERE inquirer_id = NEW.id);
    END""",
    )


def _place_triggers() -> tuple[str, ...]:
    return tuple(
        f"""CREATE TRIGGER {link}_search_a{event[0].lower()} AFTER {event} ON {link} BEGIN
        UPDATE search_text SET folded = (
            SELECT {_NEW_SOURCE.format(row="i")}
            FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id WHERE i.pk = {row}.inquiry_pk
        ) WHERE pk = {row}.inquiry_pk;
    END"""
        for link in _LINKS
        for event, row in (("INSERT", "NEW"), ("DELETE", "OLD"))
    )


def _rebuild(source: str) -> tuple[str, ...]:
    return (
        "DELETE FROM search_text",
        "INSERT INTO inquiry_bigram(inquiry_bigram) VALUES ('delete-all')",
        f"""INSERT INTO search_text(pk, folded)
        SELECT i.pk, {source.format(row="i")}
        FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id""",
    )


_DROP_TEXT_TRIGGERS = tuple(
    f"DROP TRIGGER IF EXISTS {name}"
    for name in ("inquiry_search_ai", "inquiry_search_au", "inquirer_search_au")
)
_DROP_PLACE_TRIGGERS = tuple(
    f"DROP TRIGGER IF EXISTS {link}_search_a{suffix}" for link in _LINKS for suffix in "id"
)

UPGRADE: tuple[str, ...] = (
    *_DROP_TEXT_TRIGGERS,
    *_DROP_PLACE_TRIGGERS,
    *_text_triggers(_NEW_SOURCE),
    *_place_triggers(),
    *_rebuild(_NEW_SOURCE),
)
DOWNGRADE: tuple[str, ...] = (
    *_DROP_PLACE_TRIGGERS,
    *_DROP_TEXT_TRIGGERS,
    *_text_triggers(_OLD_SOURCE),
    *_rebuild(_OLD_SOURCE),
)


def upgrade() -> None:
    execute_all(UPGRADE)


def downgrade() -> None:
    execute_all(DOWNGRADE)
