"""search index: an inquiry's inquirer in a text and indexes of their own

Revision ID: 0013
Revises: 0009

Frozen DDL (not the live db.search_index), so that this step does the same thing to a file
whenever it runs. An inquiry's folded search text keeps its subject, content and places; its
inquirer's organisation, name, reading and phone digits move to a second text of the inquiry
(`inquirer_search_text`, under the same pk) with its own trigram and bigram indexes, so
changing an inquirer rewrites only that short text of each of their inquiries. Every search
object is dropped (whichever earlier step made it: 0002 creates the live design) and made
again, then every text and index is rebuilt; the downgrade makes the single-text design of
0004 again and rebuilds it.
"""

from __future__ import annotations

from db.migrations.steps import execute_all

revision = "0013"
down_revision = "0009"
branch_labels = None
depends_on = None

# Every search object of either design, triggers first (IF EXISTS: a fresh file's 0002 made
# the live design's, an older file has 0004's).
DROP: tuple[str, ...] = (
    """DROP TRIGGER IF EXISTS inquiry_agreement_search_ad""",
    """DROP TRIGGER IF EXISTS inquiry_agreement_search_ai""",
    """DROP TRIGGER IF EXISTS inquiry_municipality_search_ad""",
    """DROP TRIGGER IF EXISTS inquiry_municipality_search_ai""",
    """DROP TRIGGER IF EXISTS inquirer_search_au""",
    """DROP TRIGGER IF EXISTS inquiry_inquirer_search_au""",
    """DROP TRIGGER IF EXISTS inquiry_search_ad""",
    """DROP TRIGGER IF EXISTS inquiry_search_au""",
    """DROP TRIGGER IF EXISTS inquiry_search_ai""",
    """DROP TRIGGER IF EXISTS inquirer_search_text_au""",
    """DROP TRIGGER IF EXISTS inquirer_search_text_ad""",
    """DROP TRIGGER IF EXISTS inquirer_search_text_ai""",
    """DROP TABLE IF EXISTS inquirer_bigram""",
    """DROP TABLE IF EXISTS inquirer_trigram""",
    """DROP TABLE IF EXISTS inquirer_search_text""",
    """DROP TRIGGER IF EXISTS search_text_au""",
    """DROP TRIGGER IF EXISTS search_text_ad""",
    """DROP TRIGGER IF EXISTS search_text_ai""",
    """DROP TABLE IF EXISTS inquiry_bigram""",
    """DROP TABLE IF EXISTS inquiry_trigram""",
    """DROP TABLE IF EXISTS search_text""",
)

UPGRADE: tuple[str, ...] = (
    *DROP,
    """CREATE TABLE search_text (pk INTEGER PRIMARY KEY, folded TEXT NOT NULL)""",
    """CREATE VIRTUAL TABLE inquiry_trigram USING fts5(folded, content='search_text', content_rowid='pk', tokenize='trigram')""",
    """CREATE VIRTUAL TABLE inquiry_bigram USING fts5(grams, content='', tokenize='unicode61 remove_diacritics 0', prefix='1', detail='none')""",
    """CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
        INSERT INTO inquiry_trigram(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO inquiry_bigram(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END""",
    """CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
        INSERT INTO inquiry_trigram(inquiry_trigram, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO inquiry_bigram(inquiry_bigram, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
    END""",
    """CREATE TRIGGER search_text_au AFTER UPDATE OF folded ON search_text
        WHEN OLD.folded IS NOT NEW.folded BEGIN
        INSERT INTO inquiry_trigram(inquiry_trigram, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO inquiry_bigram(inquiry_bigram, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
        INSERT INTO inquiry_trigram(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO inquiry_bigram(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END""",
    """CREATE TABLE inquirer_search_text (pk INTEGER PRIMARY KEY, folded TEXT NOT NULL)""",
    """CREATE VIRTUAL TABLE inquirer_trigram USING fts5(folded, content='inquirer_search_text', content_rowid='pk', tokenize='trigram')""",
    """CREATE VIRTUAL TABLE inquirer_bigram USING fts5(grams, content='', tokenize='unicode61 remove_diacritics 0', prefix='1', detail='none')""",
    """CREATE TRIGGER inquirer_search_text_ai AFTER INSERT ON inquirer_search_text BEGIN
        INSERT INTO inquirer_trigram(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO inquirer_bigram(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END""",
    """CREATE TRIGGER inquirer_search_text_ad AFTER DELETE ON inquirer_search_text BEGIN
        INSERT INTO inquirer_trigram(inquirer_trigram, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO inquirer_bigram(inquirer_bigram, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
    END""",
    """CREATE TRIGGER inquirer_search_text_au AFTER UPDATE OF folded ON inquirer_search_text
        WHEN OLD.folded IS NOT NEW.folded BEGIN
        INSERT INTO inquirer_trigram(inquirer_trigram, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO inquirer_bigram(inquirer_bigram, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
        INSERT INTO inquirer_trigram(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO inquirer_bigram(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END""",
    """CREATE TRIGGER inquiry_search_ai AFTER INSERT ON inquiry BEGIN
        INSERT INTO search_text(pk, folded) VALUES (NEW.pk,
    rd_fold(coalesce(NEW.subject, '') || ' | ' || coalesce(NEW.content, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = NEW.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = NEW.pk), ''))
);
        INSERT INTO inquirer_search_text(pk, folded)
            SELECT NEW.pk,
    rd_fold(coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, ''))
 FROM inquirer q WHERE q.id = NEW.inquirer_id;
    END""",
    """CREATE TRIGGER inquiry_search_au AFTER UPDATE OF subject, content ON inquiry BEGIN
        UPDATE search_text SET folded =
    rd_fold(coalesce(NEW.subject, '') || ' | ' || coalesce(NEW.content, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = NEW.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = NEW.pk), ''))
 WHERE pk = NEW.pk;
    END""",
    """CREATE TRIGGER inquiry_inquirer_search_au AFTER UPDATE OF inquirer_id ON inquiry BEGIN
        UPDATE inquirer_search_text SET folded = (
            SELECT
    rd_fold(coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, ''))
 FROM inquirer q WHERE q.id = NEW.inquirer_id
        ) WHERE pk = NEW.pk;
    END""",
    """CREATE TRIGGER inquiry_search_ad AFTER DELETE ON inquiry BEGIN
        DELETE FROM search_text WHERE pk = OLD.pk;
        DELETE FROM inquirer_search_text WHERE pk = OLD.pk;
    END""",
    """CREATE TRIGGER inquiry_municipality_search_ai AFTER INSERT ON inquiry_municipality BEGIN

        UPDATE search_text SET folded = (
            SELECT
    rd_fold(coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = i.pk), ''))
 FROM inquiry i WHERE i.pk = NEW.inquiry_pk
        ) WHERE pk = NEW.inquiry_pk;
    END""",
    """CREATE TRIGGER inquiry_municipality_search_ad AFTER DELETE ON inquiry_municipality BEGIN

        UPDATE search_text SET folded = (
            SELECT
    rd_fold(coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = i.pk), ''))
 FROM inquiry i WHERE i.pk = OLD.inquiry_pk
        ) WHERE pk = OLD.inquiry_pk;
    END""",
    """CREATE TRIGGER inquiry_agreement_search_ai AFTER INSERT ON inquiry_agreement BEGIN

        UPDATE search_text SET folded = (
            SELECT
    rd_fold(coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = i.pk), ''))
 FROM inquiry i WHERE i.pk = NEW.inquiry_pk
        ) WHERE pk = NEW.inquiry_pk;
    END""",
    """CREATE TRIGGER inquiry_agreement_search_ad AFTER DELETE ON inquiry_agreement BEGIN

        UPDATE search_text SET folded = (
            SELECT
    rd_fold(coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = i.pk), ''))
 FROM inquiry i WHERE i.pk = OLD.inquiry_pk
        ) WHERE pk = OLD.inquiry_pk;
    END""",
    """CREATE TRIGGER inquirer_search_au
        AFTER UPDATE OF organization, name, kana, phone_digits ON inquirer BEGIN
        UPDATE inquirer_search_text SET folded = (
            SELECT
    rd_fold(coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, ''))
 FROM inquirer q WHERE q.pk = NEW.pk
        ) WHERE pk IN (SELECT pk FROM inquiry WHERE inquirer_id = NEW.id);
    END""",
    """DROP TRIGGER search_text_ai""",
    """DROP TRIGGER search_text_ad""",
    """DELETE FROM search_text""",
    """INSERT INTO search_text(pk, folded) SELECT i.pk,
    rd_fold(coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = i.pk), ''))
 FROM inquiry i ORDER BY i.pk""",
    """INSERT INTO inquiry_trigram(inquiry_trigram) VALUES ('rebuild')""",
    """INSERT INTO inquiry_bigram(inquiry_bigram) VALUES ('delete-all')""",
    """INSERT INTO inquiry_bigram(rowid, grams) SELECT pk, rd_grams(folded) FROM search_text ORDER BY pk""",
    """CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
        INSERT INTO inquiry_trigram(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO inquiry_bigram(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END""",
    """CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
        INSERT INTO inquiry_trigram(inquiry_trigram, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO inquiry_bigram(inquiry_bigram, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
    END""",
    """DROP TRIGGER inquirer_search_text_ai""",
    """DROP TRIGGER inquirer_search_text_ad""",
    """DELETE FROM inquirer_search_text""",
    """INSERT INTO inquirer_search_text(pk, folded) SELECT i.pk,
    rd_fold(coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, ''))
 FROM inquiry i CROSS JOIN inquirer q ON q.id = i.inquirer_id ORDER BY i.pk""",
    """INSERT INTO inquirer_trigram(inquirer_trigram) VALUES ('rebuild')""",
    """INSERT INTO inquirer_bigram(inquirer_bigram) VALUES ('delete-all')""",
    """INSERT INTO inquirer_bigram(rowid, grams) SELECT pk, rd_grams(folded) FROM inquirer_search_text ORDER BY pk""",
    """CREATE TRIGGER inquirer_search_text_ai AFTER INSERT ON inquirer_search_text BEGIN
        INSERT INTO inquirer_trigram(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO inquirer_bigram(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END""",
    """CREATE TRIGGER inquirer_search_text_ad AFTER DELETE ON inquirer_search_text BEGIN
        INSERT INTO inquirer_trigram(inquirer_trigram, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO inquirer_bigram(inquirer_bigram, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
    END""",
)

DOWNGRADE: tuple[str, ...] = (
    *DROP,
    """CREATE TABLE search_text (pk INTEGER PRIMARY KEY, folded TEXT NOT NULL)""",
    """CREATE VIRTUAL TABLE inquiry_trigram USING fts5(folded, content='search_text', content_rowid='pk', tokenize='trigram')""",
    """CREATE VIRTUAL TABLE inquiry_bigram USING fts5(grams, content='', tokenize='unicode61 remove_diacritics 0', prefix='1', detail='none')""",
    """CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
        INSERT INTO inquiry_trigram(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO inquiry_bigram(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END""",
    """CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
        INSERT INTO inquiry_trigram(inquiry_trigram, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO inquiry_bigram(inquiry_bigram, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
    END""",
    """CREATE TRIGGER search_text_au AFTER UPDATE OF folded ON search_text
        WHEN OLD.folded IS NOT NEW.folded BEGIN
        INSERT INTO inquiry_trigram(inquiry_trigram, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO inquiry_bigram(inquiry_bigram, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
        INSERT INTO inquiry_trigram(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO inquiry_bigram(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END""",
    """CREATE TRIGGER inquiry_search_ai AFTER INSERT ON inquiry BEGIN
        INSERT INTO search_text(pk, folded)
            SELECT NEW.pk,
    rd_fold(coalesce(NEW.subject, '') || ' | ' || coalesce(NEW.content, '') || ' | ' ||
            coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = NEW.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = NEW.pk), ''))

            FROM inquirer q WHERE q.id = NEW.inquirer_id;
    END""",
    """CREATE TRIGGER inquiry_search_au
        AFTER UPDATE OF subject, content, inquirer_id ON inquiry BEGIN
        UPDATE search_text SET folded = (
            SELECT
    rd_fold(coalesce(NEW.subject, '') || ' | ' || coalesce(NEW.content, '') || ' | ' ||
            coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = NEW.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = NEW.pk), ''))
 FROM inquirer q WHERE q.id = NEW.inquirer_id
        ) WHERE pk = NEW.pk;
    END""",
    """CREATE TRIGGER inquiry_search_ad AFTER DELETE ON inquiry BEGIN
        DELETE FROM search_text WHERE pk = OLD.pk;
    END""",
    """CREATE TRIGGER inquiry_municipality_search_ai AFTER INSERT ON inquiry_municipality BEGIN

        UPDATE search_text SET folded = (
            SELECT
    rd_fold(coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
            coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = i.pk), ''))

            FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id WHERE i.pk = NEW.inquiry_pk
        ) WHERE pk = NEW.inquiry_pk;
    END""",
    """CREATE TRIGGER inquiry_municipality_search_ad AFTER DELETE ON inquiry_municipality BEGIN

        UPDATE search_text SET folded = (
            SELECT
    rd_fold(coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
            coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = i.pk), ''))

            FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id WHERE i.pk = OLD.inquiry_pk
        ) WHERE pk = OLD.inquiry_pk;
    END""",
    """CREATE TRIGGER inquiry_agreement_search_ai AFTER INSERT ON inquiry_agreement BEGIN

        UPDATE search_text SET folded = (
            SELECT
    rd_fold(coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
            coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = i.pk), ''))

            FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id WHERE i.pk = NEW.inquiry_pk
        ) WHERE pk = NEW.inquiry_pk;
    END""",
    """CREATE TRIGGER inquiry_agreement_search_ad AFTER DELETE ON inquiry_agreement BEGIN

        UPDATE search_text SET folded = (
            SELECT
    rd_fold(coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
            coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = i.pk), ''))

            FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id WHERE i.pk = OLD.inquiry_pk
        ) WHERE pk = OLD.inquiry_pk;
    END""",
    """CREATE TRIGGER inquirer_search_au
        AFTER UPDATE OF organization, name, kana, phone_digits ON inquirer BEGIN
        UPDATE search_text SET folded = (
            SELECT
    rd_fold(coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
            coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = i.pk), ''))

            FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id WHERE i.pk = search_text.pk
        ) WHERE pk IN (SELECT pk FROM inquiry WHERE inquirer_id = NEW.id);
    END""",
    """DROP TRIGGER search_text_ai""",
    """DROP TRIGGER search_text_ad""",
    """DELETE FROM search_text""",
    """INSERT INTO search_text(pk, folded)
        SELECT i.pk,
    rd_fold(coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
            coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = i.pk), ''))

        FROM inquiry i CROSS JOIN inquirer q ON q.id = i.inquirer_id
        ORDER BY i.pk""",
    """INSERT INTO inquiry_trigram(inquiry_trigram) VALUES ('rebuild')""",
    """INSERT INTO inquiry_bigram(inquiry_bigram) VALUES ('delete-all')""",
    """INSERT INTO inquiry_bigram(rowid, grams) SELECT pk, rd_grams(folded) FROM search_text ORDER BY pk""",
    """CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
        INSERT INTO inquiry_trigram(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO inquiry_bigram(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END""",
    """CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
        INSERT INTO inquiry_trigram(inquiry_trigram, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO inquiry_bigram(inquiry_bigram, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
    END""",
)


def upgrade() -> None:
    execute_all(UPGRADE)


def downgrade() -> None:
    execute_all(DOWNGRADE)
